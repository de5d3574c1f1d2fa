#include "analysis/lookalike_word_lists.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include <fmt/format.h>

namespace leaktrace {

std::vector<std::string> parse_word_list(std::string_view text) {
  std::vector<std::string> words;
  std::unordered_set<std::string> seen;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.starts_with('.')) line.remove_prefix(1);  // a TLD written ".com"
    if (line.empty()) continue;
    std::string word(line);
    std::transform(word.begin(), word.end(), word.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (seen.insert(word).second) words.push_back(std::move(word));
  }
  return words;
}

std::vector<std::string> load_word_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read the word list {}: check the path", path));
  std::stringstream text;
  text << in.rdbuf();
  return parse_word_list(text.str());
}

const std::vector<std::string>& bundled_affixes() {
  static const std::vector<std::string> words = parse_word_list(bundled_affix_text());
  return words;
}

const std::vector<std::string>& bundled_tlds() {
  static const std::vector<std::string> words = parse_word_list(bundled_tld_text());
  return words;
}

}  // namespace leaktrace
