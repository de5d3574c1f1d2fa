#include "analysis/registrable_domain.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {

std::string_view RegistrableDomain::registrable(std::string_view host) const {
  if (label.empty()) return {};
  std::size_t start = static_cast<std::size_t>(label.data() - host.data());
  return host.substr(start);
}

PublicSuffixList PublicSuffixList::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(fmt::format(
        "cannot read the Public Suffix List at {}: install Debian's publicsuffix package (scripts/install-deps) "
        "or pass --public-suffix-list FILE",
        path));
  }
  std::stringstream text;
  text << in.rdbuf();
  PublicSuffixList list = parse(text.str());
  if (list.rules() == 0) {
    throw std::runtime_error(fmt::format("{} holds no public suffix rule: is it the list from publicsuffix.org?", path));
  }
  return list;
}

PublicSuffixList PublicSuffixList::parse(std::string_view text) {
  PublicSuffixList list;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    // A rule is the first run of non-space characters of its line; "//" starts a comment.
    std::size_t space = line.find_first_of(" \t\r");
    if (space != std::string_view::npos) line = line.substr(0, space);
    if (line.empty() || line.starts_with("//")) continue;
    std::string rule;
    rule.reserve(line.size());
    for (char c : line) rule.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (rule.starts_with("!")) {
      list.exception_.insert(rule.substr(1));
    } else if (rule.starts_with("*.")) {
      list.wildcard_.insert(rule.substr(2));
    } else {
      list.normal_.insert(std::move(rule));
    }
  }
  return list;
}

bool PublicSuffixList::is_suffix(std::string_view suffix) const {
  return normal_.find(suffix) != normal_.end();
}

RegistrableDomain PublicSuffixList::split(std::string_view host) const {
  // Walk the candidate suffixes from the TLD leftwards, remembering where the longest match starts.
  std::size_t suffix_start = host.rfind('.');
  suffix_start = suffix_start == std::string_view::npos ? 0 : suffix_start + 1;  // the implicit "*" rule
  std::size_t dot = host.size();
  while (true) {
    std::size_t start = dot == 0 ? std::string_view::npos : host.rfind('.', dot - 1);
    std::size_t label_start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view candidate = host.substr(label_start);
    if (exception_.find(candidate) != exception_.end()) {
      // The exception's own leftmost label is registrable: the suffix is what follows it.
      suffix_start = dot == host.size() ? label_start : dot + 1;
      break;
    }
    if (normal_.find(candidate) != normal_.end()) suffix_start = label_start;
    if (start != std::string_view::npos && wildcard_.find(candidate) != wildcard_.end()) {
      // "*.ck": one more label to the left belongs to the suffix.
      std::size_t wild = host.rfind('.', start - 1);
      suffix_start = wild == std::string_view::npos ? 0 : wild + 1;
    }
    if (start == std::string_view::npos) break;
    dot = start;
  }
  RegistrableDomain parts;
  parts.suffix = host.substr(suffix_start);
  if (suffix_start == 0) return parts;  // the host is itself a public suffix
  std::size_t label_end = suffix_start - 1;
  std::size_t before = label_end == 0 ? std::string_view::npos : host.rfind('.', label_end - 1);
  std::size_t label_start = before == std::string_view::npos ? 0 : before + 1;
  parts.label = host.substr(label_start, label_end - label_start);
  if (label_start > 0) parts.subdomain = host.substr(0, label_start - 1);
  return parts;
}

}  // namespace leaktrace
