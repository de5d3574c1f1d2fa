#include "analysis/confusable_skeleton.h"

#include <unicode/uspoof.h>

#include <gtest/gtest.h>

#include "unit/analysis/analysis_test_support.h"

namespace leaktrace {
namespace {

using testing::skeletons;

TEST(ConfusableSkeleton, OurTableCatchesWhatIcuMisses) {
  EXPECT_EQ(skeletons().unicode_skeleton("en-nnarche"), "en-nnarche") << "ICU alone misses nn for m";
  EXPECT_EQ(skeletons().skeleton("en-nnarche"), "en-marche");
  EXPECT_EQ(skeletons().skeleton("en-rnarche"), "en-marche");
  EXPECT_EQ(skeletons().skeleton("en-marche"), "en-marche") << "ICU's m→rn comes back to m";
  EXPECT_EQ(skeletons().skeleton("vvikipedia"), skeletons().skeleton("wikipedia"));
  EXPECT_EQ(skeletons().skeleton("c1arins"), skeletons().skeleton("clarins"));
  EXPECT_EQ(skeletons().skeleton("g0uv"), "gouv");
  EXPECT_EQ(skeletons().skeleton("paypa1"), "paypal");
  EXPECT_NE(skeletons().skeleton("belley"), skeletons().skeleton("bellry"));
}

TEST(ConfusableSkeleton, UnicodeConfusablesAndAccentsReadAsLatin) {
  EXPECT_EQ(skeletons().skeleton("b\xD0\xB5lley"), "belley");  // Cyrillic е
  EXPECT_EQ(skeletons().skeleton("\xD0\xB0pple"), "apple");    // Cyrillic а
  EXPECT_EQ(skeletons().skeleton("b\xC3\xA9lley"), "belley");  // é: the accent is dropped
  EXPECT_EQ(skeletons().skeleton("BELLEY"), "belley");
}

// The ASCII fast path must answer what ICU answers on the whole string, with our table applied
// after; the table is re-applied here in a few independent lines.
TEST(ConfusableSkeleton, AsciiFastPathAgreesWithIcu) {
  UErrorCode status = U_ZERO_ERROR;
  USpoofChecker* checker = uspoof_open(&status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto reference = [&](const std::string& text) {
    char buffer[512];
    UErrorCode s = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeletonUTF8(checker, 0, text.c_str(), -1, buffer, sizeof buffer, &s);
    std::string lower;
    for (int32_t i = 0; i < n; ++i) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(buffer[i])));
    std::string out;
    for (std::size_t i = 0; i < lower.size();) {
      std::string two = lower.substr(i, 2);
      if (two == "rn" || two == "nn") { out += 'm'; i += 2; }
      else if (two == "vv") { out += 'w'; i += 2; }
      else if (two == "cl") { out += 'd'; i += 2; }
      else if (lower[i] == '0') { out += 'o'; ++i; }
      else if (lower[i] == '1') { out += 'l'; ++i; }
      else { out += lower[i]; ++i; }
    }
    return out;
  };
  for (std::string label : {"en-marche", "impots", "service-public", "mozilla", "0800-horoscope", "1000ideas",
                            "clarins", "rnicrosoft", "vvww", "xn--blley-zwe", "a_b", "MiXeD-Case9"}) {
    EXPECT_EQ(skeletons().skeleton(label), reference(label)) << label;
  }
  uspoof_close(checker);
}

TEST(ConfusableSkeleton, UnicodeConfusablesOfLatinLettersAreRegistrable) {
  std::vector<std::string> for_a = skeletons().unicode_confusables_of('a');
  EXPECT_NE(std::find(for_a.begin(), for_a.end(), "\xD0\xB0"), for_a.end()) << "Cyrillic а (U+0430)";
  EXPECT_EQ(std::find(for_a.begin(), for_a.end(), "\xC3\xA1"), for_a.end()) << "á is another letter";
  for (const std::string& letter : for_a) EXPECT_EQ(skeletons().skeleton(letter), "a") << letter;
  std::vector<std::string> for_c = skeletons().unicode_confusables_of('c');
  EXPECT_EQ(std::find(for_c.begin(), for_c.end(), "\xCF\xB2"), for_c.end())
      << "lunate sigma is mapped to σ by UTS #46, so it cannot be registered as itself";
}

}  // namespace
}  // namespace leaktrace
