#include "ingest/url_extraction.h"

namespace leaktrace {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(text[at + k]) != prefix[k]) return false;
  }
  return true;
}

bool ends_url(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '`';
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Drops sentence punctuation and unbalanced closing brackets from the end of a URL candidate:
// "(see https://example.org/a_(b))." keeps "https://example.org/a_(b)".
std::string_view trim_url_end(std::string_view url) {
  while (!url.empty()) {
    char last = url.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'' || last == '*') {
      url.remove_suffix(1);
      continue;
    }
    char open = last == ')' ? '(' : last == ']' ? '[' : last == '}' ? '{' : 0;
    if (open == 0) break;
    std::size_t opens = 0;
    std::size_t closes = 0;
    for (char c : url) {
      opens += c == open;
      closes += c == last;
    }
    if (closes <= opens) break;
    url.remove_suffix(1);
  }
  return url;
}

}  // namespace

void find_urls(std::string_view text, std::vector<std::string_view>& out) {
  constexpr std::string_view http = "http://";
  constexpr std::string_view https = "https://";
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t h = text.find_first_of("hH", i);
    if (h == std::string_view::npos) return;
    std::size_t scheme_length = starts_with_ignoring_case(text, h, https) ? https.size()
                                : starts_with_ignoring_case(text, h, http) ? http.size()
                                                                           : 0;
    // "xhttp://" is not a URL start; "(http://" and ">http://" are.
    if (scheme_length == 0 || (h > 0 && is_word_char(text[h - 1]))) {
      i = h + 1;
      continue;
    }
    std::size_t end = h + scheme_length;
    while (end < text.size() && !ends_url(text[end])) ++end;
    std::string_view url = trim_url_end(text.substr(h, end - h));
    if (url.size() > scheme_length) out.push_back(url);
    i = end;
  }
}

std::vector<std::string_view> find_urls(std::string_view text) {
  std::vector<std::string_view> urls;
  find_urls(text, urls);
  return urls;
}

}  // namespace leaktrace
