#include "ingest/hashtag.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(Hashtag, FoldsCaseInEveryScript) {
  EXPECT_EQ(fold_hashtag("MacronLeaks"), "macronleaks");
  EXPECT_EQ(fold_hashtag("#MacronLeaks"), "macronleaks");
  EXPECT_EQ(fold_hashtag("ÉLECTION"), "élection");
  EXPECT_EQ(fold_hashtag("ВЫБОРЫ"), "выборы");
  EXPECT_EQ(fold_hashtag("Straße"), "strasse") << "full case folding, as ICU defines it";
  EXPECT_EQ(fold_hashtag("選挙"), "選挙");
}

}  // namespace
}  // namespace leaktrace
