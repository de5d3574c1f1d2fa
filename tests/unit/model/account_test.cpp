#include "model/account.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

Account profile(std::string handle, std::string description, std::optional<std::int64_t> followers, TimeMs at) {
  Account account;
  account.id = "42";
  account.handle = std::move(handle);
  account.description = std::move(description);
  account.followers = followers;
  account.observed_at = at;
  return account;
}

TEST(MergeNewerProfile, TakesWhatTheNewerProfileHasAndKeepsWhatItLeavesOut) {
  Account held = profile("jack", "bio", 10, 1000);
  held.verified = true;
  merge_newer_profile(held, profile("jack_2", "", std::nullopt, 2000));
  EXPECT_EQ(held.handle, "jack_2");
  EXPECT_EQ(held.description, "bio");
  EXPECT_EQ(held.followers, 10);
  EXPECT_EQ(held.verified, true);
  EXPECT_EQ(held.observed_at, 2000);
  merge_newer_profile(held, profile("", "new bio", 12, unknown_time));
  EXPECT_EQ(held.handle, "jack_2");
  EXPECT_EQ(held.description, "new bio");
  EXPECT_EQ(held.followers, 12);
  EXPECT_EQ(held.observed_at, 2000) << "an unknown time does not move it";
}

}  // namespace
}  // namespace leaktrace
