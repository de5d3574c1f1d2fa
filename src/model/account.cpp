#include "model/account.h"

namespace leaktrace {

void merge_newer_profile(Account& held, const Account& newer) {
  auto take_text = [](std::string& into, const std::string& from) {
    if (!from.empty()) into = from;
  };
  auto take_value = [](auto& into, const auto& from) {
    if (from) into = from;
  };
  take_text(held.handle, newer.handle);
  take_text(held.display_name, newer.display_name);
  take_text(held.description, newer.description);
  if (newer.created_at != unknown_time) held.created_at = newer.created_at;
  take_value(held.followers, newer.followers);
  take_value(held.following, newer.following);
  take_value(held.posts, newer.posts);
  take_value(held.verified, newer.verified);
  take_value(held.default_profile, newer.default_profile);
  if (newer.observed_at != unknown_time) held.observed_at = newer.observed_at;
}

}  // namespace leaktrace
