#include "analysis/registrable_domain.h"

#include <algorithm>
#include <bit>
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

namespace {

constexpr std::uint64_t reverse_hash_base = 0x100000001b3ULL;

// The hash of a name read from its last byte to its first, so that a host's suffixes, longer
// one label at a time, hash incrementally as split() walks left.
std::uint64_t extend_left(std::uint64_t hash, std::string_view bytes) {
  for (std::size_t i = bytes.size(); i-- > 0;) hash = hash * reverse_hash_base + static_cast<unsigned char>(bytes[i]) + 1;
  return hash;
}

std::uint64_t finish(std::uint64_t hash) {
  hash ^= hash >> 31;
  hash *= 0x9E3779B97F4A7C15ULL;
  hash ^= hash >> 29;
  return hash == 0 ? 1 : hash;
}

}  // namespace

void PublicSuffixList::build() {
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, names_.size() * 2));
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{});
  // A bit per name in a filter of about 16 bits a name: most of a host's longer suffixes are
  // not listed, and a clear bit says so without touching the table.
  std::size_t filter_bits = std::bit_ceil(std::max<std::size_t>(1024, names_.size() * 16));
  filter_mask_ = filter_bits - 1;
  filter_.assign(filter_bits / 64, 0);
  for (std::size_t i = 0; i < names_.size(); ++i) {
    std::uint64_t hash = finish(extend_left(0, names_[i]));
    std::uint64_t bit = (hash >> 37) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    std::size_t slot = hash & mask_;
    while (slots_[slot].hash != 0) slot = (slot + 1) & mask_;
    slots_[slot] = {hash, static_cast<std::uint32_t>(i), pending_kinds_[i]};
  }
  pending_kinds_.clear();
}

std::uint8_t PublicSuffixList::kinds_of(std::string_view name, std::uint64_t hash) const {
  hash = finish(hash);
  std::uint64_t bit = (hash >> 37) & filter_mask_;
  if ((filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return 0;
  for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.hash == 0) return 0;
    if (here.hash == hash && names_[here.name] == name) return here.kinds;
  }
}

PublicSuffixList PublicSuffixList::parse(std::string_view text) {
  PublicSuffixList list;
  std::vector<std::pair<std::string, Kind>> rules;
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
      rules.emplace_back(rule.substr(1), exception);
    } else if (rule.starts_with("*.")) {
      rules.emplace_back(rule.substr(2), wildcard);
    } else {
      rules.emplace_back(std::move(rule), normal);
    }
  }
  // Merge the kinds of a name said several times ("ck" and "*.ck") through a sorted copy.
  std::sort(rules.begin(), rules.end());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    ++list.rules_;
    if (i > 0 && rules[i].first == rules[i - 1].first) {
      list.pending_kinds_.back() |= rules[i].second;
      continue;
    }
    list.names_.push_back(rules[i].first);
    list.pending_kinds_.push_back(rules[i].second);
  }
  list.build();
  return list;
}

bool PublicSuffixList::is_suffix(std::string_view suffix) const {
  return (kinds_of(suffix, extend_left(0, suffix)) & normal) != 0;
}

RegistrableDomain PublicSuffixList::split(std::string_view host) const {
  // Walk the candidate suffixes from the TLD leftwards, remembering where the longest match starts.
  std::size_t suffix_start = host.rfind('.');
  suffix_start = suffix_start == std::string_view::npos ? 0 : suffix_start + 1;  // the implicit "*" rule
  std::size_t dot = host.size();
  std::uint64_t hash = 0;
  while (true) {
    std::size_t start = dot == 0 ? std::string_view::npos : host.rfind('.', dot - 1);
    std::size_t label_start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view candidate = host.substr(label_start);
    if (dot < host.size()) hash = extend_left(hash, ".");
    hash = extend_left(hash, host.substr(label_start, dot - label_start));
    std::uint8_t kinds = kinds_of(candidate, hash);
    if (kinds & exception) {
      // The exception's own leftmost label is registrable: the suffix is what follows it.
      suffix_start = dot == host.size() ? label_start : dot + 1;
      break;
    }
    if (kinds & normal) suffix_start = label_start;
    if (start != std::string_view::npos && (kinds & wildcard)) {
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
