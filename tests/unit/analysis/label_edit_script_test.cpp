#include "analysis/label_edit_script.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

std::vector<LookalikeStep> edits(std::string_view original, std::string_view typed, int limit = 2) {
  std::optional<std::vector<LookalikeStep>> steps = explain_typing_edits(original, typed, limit);
  return steps ? *steps : std::vector<LookalikeStep>{{LookalikeRule::addition, "none within the limit"}};
}

TEST(LabelEditScript, BoundedDistanceCountsTranspositionsAsOne) {
  EXPECT_EQ(bounded_edit_distance("belley", "belley", 2), 0);
  EXPECT_EQ(bounded_edit_distance("belley", "belly", 2), 1);
  EXPECT_EQ(bounded_edit_distance("en-marche", "en-mrache", 2), 1);
  EXPECT_EQ(bounded_edit_distance("service-public", "servce-publc", 2), 2);
  EXPECT_EQ(bounded_edit_distance("belley", "lemonde", 2), 3) << "limit + 1 once past the limit";
  EXPECT_EQ(bounded_edit_distance("abc", "abcdefg", 2), 3);
}

// The ANSSI list's mutation classes, and one of each other kind, on belley.fr.
TEST(LabelEditScript, NamesEachTypingMistake) {
  using R = LookalikeRule;
  EXPECT_EQ(edits("belley", "bellley"), (std::vector<LookalikeStep>{{R::repetition, "l doubled"}}));
  EXPECT_EQ(edits("belley", "belly"), (std::vector<LookalikeStep>{{R::omission, "e dropped"}}));
  EXPECT_EQ(edits("belley", "bellry"), (std::vector<LookalikeStep>{{R::replacement, "r for e, qwerty/azerty/qwertz neighbour"}}));
  EXPECT_EQ(edits("belley", "bolley"), (std::vector<LookalikeStep>{{R::vowel_swap, "o for e"}}));
  EXPECT_EQ(edits("belley", "bmlley"), (std::vector<LookalikeStep>{{R::bitsquatting, "m for e, one bit"}}));
  EXPECT_EQ(edits("belley", "bel-ley"), (std::vector<LookalikeStep>{{R::hyphenation, "hyphen inserted"}}));
  EXPECT_EQ(edits("belley", "belkley"), (std::vector<LookalikeStep>{{R::insertion, "k beside l, qwerty/azerty/qwertz neighbour"}}));
  EXPECT_EQ(edits("belley", "belleyz"), (std::vector<LookalikeStep>{{R::addition, "z added"}}));
  EXPECT_EQ(edits("belley", "be1ley"), (std::vector<LookalikeStep>{{R::homoglyph, "1 for l"}}));
  EXPECT_EQ(edits("en-marche", "en-marhce"), (std::vector<LookalikeStep>{{R::transposition, "hc for ch"}}));
  EXPECT_EQ(edits("en-marche", "enmarche"), (std::vector<LookalikeStep>{{R::omission, "hyphen dropped"}}));
  EXPECT_EQ(edits("service-public", "servce-publc"),
            (std::vector<LookalikeStep>{{R::omission, "i dropped"}, {R::omission, "i dropped"}}));
  EXPECT_FALSE(explain_typing_edits("belley", "lemonde", 2));
  EXPECT_FALSE(explain_typing_edits("service-public", "servce-publc", 1));
}

TEST(LabelEditScript, DifferingPartKeepsWholeCharacters) {
  EXPECT_EQ(differing_part("en-marche", "en-nnarche"), "nn for m");
  EXPECT_EQ(differing_part("belley", "b\xD0\xB5lley"), "\xD0\xB5 for e");
  EXPECT_EQ(differing_part("impots.gouv.fr", "impots.g0uv.fr"), "0 for o");
}

TEST(LabelEditScript, CharacterClasses) {
  EXPECT_TRUE(is_ascii_homoglyph_pair('l', '1'));
  EXPECT_TRUE(is_ascii_homoglyph_pair('o', '0'));
  EXPECT_FALSE(is_ascii_homoglyph_pair('a', 'e'));
  EXPECT_TRUE(is_bit_flip('e', 'm'));
  EXPECT_FALSE(is_bit_flip('e', 'r'));
  EXPECT_TRUE(is_vowel('y'));
}

}  // namespace
}  // namespace leaktrace
