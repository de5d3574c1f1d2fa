#include "analysis/domain_line.h"

#include <array>

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, 12> zone_words{"in", "a", "aaaa", "ns", "cname", "mx", "txt", "soa", "ds",
                                                      "ptr", "srv", "caa"};

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '|' ||
         c == '<' || c == '>' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

bool is_zone_word(std::string_view token) {
  for (std::string_view word : zone_words) {
    if (equals_ignoring_case(token, word)) return true;
  }
  return false;
}

bool is_number(std::string_view token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string_view host_of_token(std::string_view token) {
  if (std::size_t scheme = token.find("://"); scheme != std::string_view::npos) {
    token.remove_prefix(scheme + 3);
    token = token.substr(0, token.find_first_of("/?#"));
    if (std::size_t at = token.rfind('@'); at != std::string_view::npos) token.remove_prefix(at + 1);
    if (token.starts_with('[')) return {};  // an IPv6 literal
    token = token.substr(0, token.find(':'));
  } else {
    token = token.substr(0, token.find_first_of("/?#"));
  }
  while (token.starts_with("*.")) token.remove_prefix(2);
  while (!token.empty() && token.back() == '.') token.remove_suffix(1);
  while (!token.empty() && token.front() == '.') token.remove_prefix(1);
  if (token.find('.') == std::string_view::npos || token.find("..") != std::string_view::npos) return {};
  bool letter = false;
  for (char c : token) {
    auto u = static_cast<unsigned char>(c);
    bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    letter = letter || ascii_letter || u >= 0x80;
    if (!(ascii_letter || u >= 0x80 || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) return {};
  }
  return letter ? token : std::string_view{};  // 192.0.2.1 is no host name
}

void hosts_in_line(std::string_view line, std::vector<std::string_view>& hosts) {
  hosts.clear();
  std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return;
  line.remove_prefix(first);
  if (line.starts_with('#') || line.starts_with(';') || line.starts_with("//")) return;
  std::array<std::string_view, 4> head{};  // the first tokens, to recognise a zone record
  std::size_t count = 0;
  for (std::size_t at = 0; at < line.size();) {
    while (at < line.size() && is_separator(line[at])) ++at;
    std::size_t start = at;
    while (at < line.size() && !is_separator(line[at])) ++at;
    if (start == at) break;
    std::string_view token = line.substr(start, at - start);
    if (count < head.size()) head[count] = token;
    ++count;
    if (std::string_view host = host_of_token(token); !host.empty()) hosts.push_back(host);
  }
  // "owner [ttl] [class] type rdata": a zone record names one host, its owner.
  bool zone_record = count >= 3 && (is_zone_word(head[1]) || (is_number(head[1]) && is_zone_word(head[2])));
  if (zone_record) {
    std::string_view owner = host_of_token(head[0]);
    hosts.clear();
    if (!owner.empty()) hosts.push_back(owner);
  }
}

}  // namespace leaktrace
