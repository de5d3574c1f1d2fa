#include "analysis/idna.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

// Expected A-labels are the published ones (IANA's IDN test domain, the DENIC example), not
// computed here.
TEST(Idna, EncodesAndDecodesPublishedExamples) {
  EXPECT_EQ(idna_to_ascii("münchen.de"), "xn--mnchen-3ya.de");
  EXPECT_EQ(idna_to_unicode("xn--mnchen-3ya.de"), "münchen.de");
  EXPECT_EQ(idna_to_ascii("пример.испытание"), "xn--e1afmkfd.xn--80akhbyknj4f");
  EXPECT_EQ(idna_to_unicode("xn--e1afmkfd.xn--80akhbyknj4f"), "пример.испытание");
}

TEST(Idna, AsciiPassesLowerCasedAndHomographsRoundTrip) {
  EXPECT_EQ(idna_to_ascii("En-Marche.FR"), "en-marche.fr");
  EXPECT_EQ(idna_to_unicode("en-marche.fr"), "en-marche.fr");
  std::optional<std::string> encoded = idna_to_ascii("b\xD0\xB5lley.fr");  // Cyrillic е (U+0435)
  ASSERT_TRUE(encoded);
  EXPECT_TRUE(encoded->starts_with("xn--"));
  EXPECT_EQ(idna_to_unicode(*encoded), "b\xD0\xB5lley.fr");
}

TEST(Idna, RefusesWhatIdna2008Refuses) {
  EXPECT_FALSE(idna_to_ascii("a\xE2\x98\x83" "b.com"));  // U+2603 SNOWMAN is disallowed
}

TEST(Idna, FindsPunycodeLabels) {
  EXPECT_TRUE(has_punycode_label("xn--mnchen-3ya.de"));
  EXPECT_TRUE(has_punycode_label("www.XN--mnchen-3ya.de"));
  EXPECT_FALSE(has_punycode_label("xnn--a.de"));
  EXPECT_FALSE(has_punycode_label("a.xn-b.de"));
  EXPECT_TRUE(is_ascii("en-marche.fr"));
  EXPECT_FALSE(is_ascii("münchen.de"));
}

}  // namespace
}  // namespace leaktrace
