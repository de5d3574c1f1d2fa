#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lookalike_rule.h"

namespace leaktrace {

// Single ASCII characters that read alike in a domain name: 0/o, 1/l, 1/i, l/i, g/q, u/v.
bool is_ascii_homoglyph_pair(char a, char b);
bool is_vowel(char c);
// `a` and `b` differ in exactly one bit.
bool is_bit_flip(char a, char b);

// Optimal string alignment distance (insertions, deletions, substitutions, adjacent
// transpositions) between two byte strings, or `limit + 1` as soon as it must exceed `limit`.
int bounded_edit_distance(std::string_view a, std::string_view b, int limit);

// The typing mistakes that turn `original` into `typed`, each named by its rule
// (repetition, keyboard insertion, vowel swap, bit flip, ...), when there are at most
// `limit` of them; nothing when there are more.
std::optional<std::vector<LookalikeStep>> explain_typing_edits(std::string_view original, std::string_view typed,
                                                               int limit);

// What differs once the common prefix and suffix are set aside: ("en-marche", "en-nnarche")
// gives "nn for m".
std::string differing_part(std::string_view original, std::string_view lookalike);

}  // namespace leaktrace
