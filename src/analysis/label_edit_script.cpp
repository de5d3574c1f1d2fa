#include "analysis/label_edit_script.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>

#include <fmt/format.h>

#include "analysis/keyboard_layout.h"

namespace leaktrace {
namespace {

constexpr std::string_view homoglyph_pairs[] = {"0o", "1l", "1i", "li", "gq", "uv"};
constexpr std::size_t max_label = 64;  // DNS labels are at most 63 bytes

LookalikeStep substitution_step(char original, char typed) {
  if (is_ascii_homoglyph_pair(original, typed)) {
    return {LookalikeRule::homoglyph, fmt::format("{} for {}", typed, original)};
  }
  if (std::string layouts = layouts_where_neighbours(original, typed); !layouts.empty()) {
    return {LookalikeRule::replacement, fmt::format("{} for {}, {} neighbour", typed, original, layouts)};
  }
  if (is_vowel(original) && is_vowel(typed)) return {LookalikeRule::vowel_swap, fmt::format("{} for {}", typed, original)};
  if (is_bit_flip(original, typed)) return {LookalikeRule::bitsquatting, fmt::format("{} for {}, one bit", typed, original)};
  return {LookalikeRule::replacement, fmt::format("{} for {}", typed, original)};
}

// `typed[at]` was added; `original` is the label without it.
LookalikeStep insertion_step(std::string_view typed, std::size_t at) {
  char added = typed[at];
  char before = at > 0 ? typed[at - 1] : '\0';
  char after = at + 1 < typed.size() ? typed[at + 1] : '\0';
  if (added == '-') return {LookalikeRule::hyphenation, "hyphen inserted"};
  if (added == before || added == after) return {LookalikeRule::repetition, fmt::format("{} doubled", added)};
  for (char beside : {before, after}) {
    if (beside == '\0') continue;
    if (std::string layouts = layouts_where_neighbours(beside, added); !layouts.empty()) {
      return {LookalikeRule::insertion, fmt::format("{} beside {}, {} neighbour", added, beside, layouts)};
    }
  }
  return {LookalikeRule::addition, fmt::format("{} added", added)};
}

}  // namespace

bool is_ascii_homoglyph_pair(char a, char b) {
  for (std::string_view pair : homoglyph_pairs) {
    if ((pair[0] == a && pair[1] == b) || (pair[0] == b && pair[1] == a)) return true;
  }
  return false;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool is_bit_flip(char a, char b) {
  return std::popcount(static_cast<unsigned>(static_cast<unsigned char>(a) ^ static_cast<unsigned char>(b))) == 1;
}

int bounded_edit_distance(std::string_view a, std::string_view b, int limit) {
  if (a.size() >= max_label || b.size() >= max_label) return limit + 1;
  int length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > limit) return limit + 1;
  // Three rolling rows of the OSA table.
  std::array<int, max_label + 1> two_back{}, one_back{}, row{};
  for (std::size_t j = 0; j <= b.size(); ++j) one_back[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = static_cast<int>(i);
    int row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({one_back[j] + 1, row[j - 1] + 1, one_back[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, two_back[j - 2] + 1);
      row[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return limit + 1;
    two_back = one_back;
    one_back = row;
  }
  return std::min(one_back[b.size()], limit + 1);
}

std::optional<std::vector<LookalikeStep>> explain_typing_edits(std::string_view original, std::string_view typed,
                                                               int limit) {
  if (bounded_edit_distance(original, typed, limit) > limit) return std::nullopt;
  const std::size_t n = original.size();
  const std::size_t m = typed.size();
  std::vector<int> table((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> int& { return table[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = original[i - 1] == typed[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && original[i - 1] == typed[j - 2] && original[i - 2] == typed[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  std::vector<LookalikeStep> steps;
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && original[i - 1] == typed[j - 1] && at(i, j) == at(i - 1, j - 1)) {
      --i, --j;
    } else if (i > 1 && j > 1 && original[i - 1] == typed[j - 2] && original[i - 2] == typed[j - 1] &&
               at(i, j) == at(i - 2, j - 2) + 1) {
      steps.push_back({LookalikeRule::transposition, fmt::format("{}{} for {}{}", typed[j - 2], typed[j - 1],
                                                                 original[i - 2], original[i - 1])});
      i -= 2, j -= 2;
    } else if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + 1) {
      steps.push_back(substitution_step(original[i - 1], typed[j - 1]));
      --i, --j;
    } else if (j > 0 && at(i, j) == at(i, j - 1) + 1) {
      steps.push_back(insertion_step(typed, j - 1));
      --j;
    } else {
      char dropped = original[i - 1];
      steps.push_back({LookalikeRule::omission, dropped == '-' ? "hyphen dropped" : fmt::format("{} dropped", dropped)});
      --i;
    }
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

std::string differing_part(std::string_view original, std::string_view lookalike) {
  std::size_t prefix = 0;
  while (prefix < original.size() && prefix < lookalike.size() && original[prefix] == lookalike[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < original.size() - prefix && suffix < lookalike.size() - prefix &&
         original[original.size() - 1 - suffix] == lookalike[lookalike.size() - 1 - suffix]) {
    ++suffix;
  }
  // Whole UTF-8 characters only: widen to the start of a character on both sides.
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (prefix > 0 && ((prefix < original.size() && continuation(original[prefix])) ||
                        (prefix < lookalike.size() && continuation(lookalike[prefix])))) {
    --prefix;
  }
  while (suffix > 0 && (continuation(original[original.size() - suffix]) ||
                        continuation(lookalike[lookalike.size() - suffix]))) {
    --suffix;
  }
  return fmt::format("{} for {}", lookalike.substr(prefix, lookalike.size() - prefix - suffix),
                     original.substr(prefix, original.size() - prefix - suffix));
}

}  // namespace leaktrace
