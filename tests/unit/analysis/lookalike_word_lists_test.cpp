#include "analysis/lookalike_word_lists.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "unit/test_files.h"

namespace leaktrace {
namespace {

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST(LookalikeWordLists, ParsesCommentsBlanksCaseAndDuplicates) {
  EXPECT_EQ(parse_word_list("# words\nMail\n\n  login  # sign-in\r\nmail\n.COM\n"),
            (std::vector<std::string>{"mail", "login", "com"}));
}

TEST(LookalikeWordLists, TheBundledListsAreEmbedded) {
  const std::vector<std::string>& affixes = bundled_affixes();
  for (std::string_view word : {"mail", "login", "onedrive", "secure", "account", "support", "connexion"}) {
    EXPECT_TRUE(contains(affixes, word)) << word;
  }
  EXPECT_GT(affixes.size(), 100u);
  const std::vector<std::string>& tlds = bundled_tlds();
  for (std::string_view tld : {"com", "co", "fr", "xyz", "co.uk"}) EXPECT_TRUE(contains(tlds, tld)) << tld;
  EXPECT_EQ(std::set<std::string>(tlds.begin(), tlds.end()).size(), tlds.size());
}

TEST(LookalikeWordLists, UserListsAreReadAndAMissingOneSaysSo) {
  testing::TempDir dir;
  EXPECT_EQ(load_word_list(dir.write("words.txt", "verify\npaiement\n")), (std::vector<std::string>{"verify", "paiement"}));
  EXPECT_THROW(load_word_list(dir.file("missing.txt")), std::runtime_error);
}

}  // namespace
}  // namespace leaktrace
