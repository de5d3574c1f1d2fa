#include "analysis/lookalike_rule.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(LookalikeRule, NamesRoundTrip) {
  for (LookalikeRule rule : all_lookalike_rules) EXPECT_EQ(parse_lookalike_rule(lookalike_rule_name(rule)), rule);
  EXPECT_EQ(lookalike_rule_name(LookalikeRule::tld_swap), "tld-swap");
  EXPECT_FALSE(parse_lookalike_rule("typo"));
}

TEST(LookalikeRule, StepsAreJoinedAndDescribed) {
  std::vector<LookalikeStep> steps{{LookalikeRule::homoglyph, "nn for m"}, {LookalikeRule::tld_swap, ".fr to .com"}};
  EXPECT_EQ(join_rule_names(steps), "homoglyph+tld-swap");
  EXPECT_EQ(describe_steps(steps), "homoglyph (nn for m); tld-swap (.fr to .com)");
  EXPECT_EQ(describe_steps({{LookalikeRule::subdomain, ""}}), "subdomain");
}

}  // namespace
}  // namespace leaktrace
