#include "analysis/registrable_domain.h"

#include <gtest/gtest.h>

#include "unit/analysis/analysis_test_support.h"

namespace leaktrace {
namespace {

// A list in the file's own syntax: comments, a two-level suffix, a wildcard and its exception.
constexpr std::string_view small_list = R"(// ===BEGIN ICANN DOMAINS===
fr
gouv.fr
uk
co.uk
// wildcard: every label under ck is a suffix, except www.ck
*.ck
!www.ck
// ===BEGIN PRIVATE DOMAINS===
github.io
)";

struct Split {
  std::string subdomain, label, suffix;
  bool operator==(const Split&) const = default;
};

Split split(const PublicSuffixList& list, std::string_view host) {
  RegistrableDomain parts = list.split(host);
  return {std::string(parts.subdomain), std::string(parts.label), std::string(parts.suffix)};
}

TEST(PublicSuffixList, LongestRuleWins) {
  PublicSuffixList list = PublicSuffixList::parse(small_list);
  EXPECT_EQ(list.rules(), 7u);
  EXPECT_EQ(split(list, "impots.gouv.fr"), (Split{"", "impots", "gouv.fr"}));
  EXPECT_EQ(split(list, "login.impots.gouv.fr"), (Split{"login", "impots", "gouv.fr"}));
  EXPECT_EQ(split(list, "a.b.example.co.uk"), (Split{"a.b", "example", "co.uk"}));
  EXPECT_EQ(split(list, "en-marche.fr"), (Split{"", "en-marche", "fr"}));
  EXPECT_EQ(split(list, "en-marche.github.io"), (Split{"", "en-marche", "github.io"}));
}

TEST(PublicSuffixList, WildcardsExceptionsAndUnlistedTlds) {
  PublicSuffixList list = PublicSuffixList::parse(small_list);
  EXPECT_EQ(split(list, "shop.example.ck"), (Split{"", "shop", "example.ck"}));
  EXPECT_EQ(split(list, "www.ck"), (Split{"", "www", "ck"}));
  EXPECT_EQ(split(list, "a.www.ck"), (Split{"a", "www", "ck"}));
  EXPECT_EQ(split(list, "example.zz"), (Split{"", "example", "zz"})) << "the implicit rule \"*\"";
  EXPECT_EQ(split(list, "gouv.fr"), (Split{"", "", "gouv.fr"})) << "a public suffix has no registrable label";
  RegistrableDomain parts = list.split("login.impots.gouv.fr");
  EXPECT_EQ(parts.registrable("login.impots.gouv.fr"), "impots.gouv.fr");
}

TEST(PublicSuffixList, DebiansListKnowsTheFrenchGovernmentAndHostingPlatforms) {
  const PublicSuffixList& list = testing::public_suffixes();
  EXPECT_GT(list.rules(), 5000u);
  EXPECT_EQ(split(list, "impots.gouv.fr"), (Split{"", "impots", "gouv.fr"}));
  EXPECT_EQ(split(list, "www.bbc.co.uk"), (Split{"www", "bbc", "co.uk"}));
  EXPECT_EQ(split(list, "belley.fr.com"), (Split{"belley", "fr", "com"}));
  EXPECT_TRUE(list.is_suffix("com.br"));
  EXPECT_FALSE(list.is_suffix("en-marche.fr"));
}

TEST(PublicSuffixList, AMissingListSaysHowToGetIt) {
  try {
    PublicSuffixList::load("/nonexistent/public_suffix_list.dat");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("publicsuffix"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("--public-suffix-list"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace leaktrace
