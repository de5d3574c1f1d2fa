#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/platform.h"
#include "model/time.h"

namespace leaktrace {

// An account as one record saw it. The workspace keeps the latest values seen (by observed_at).
struct Account {
  Platform platform = Platform::twitter;
  std::string id;  // native id
  std::string handle;
  std::string display_name;
  TimeMs created_at = unknown_time;
  std::optional<std::int64_t> followers;
  std::optional<std::int64_t> following;
  std::optional<std::int64_t> posts;
  std::optional<bool> verified;
  std::optional<bool> default_profile;
  std::string description;
  TimeMs observed_at = unknown_time;  // time of the post this profile was read from
  // Earliest time this account was seen, when profiles of it were merged (else observed_at).
  TimeMs first_observed_at = unknown_time;
};

// Takes the values of `newer`, a profile of the same account seen at the same time or later, where
// it has them: a source that leaves a field out (a mention gives only the handle, an empty
// description) keeps the one seen before. The result does not depend on how the profiles between
// were grouped, so batch sizes and commits do not change what the workspace keeps.
void merge_newer_profile(Account& held, const Account& newer);

// "@jackposobiec" for a user's handle; the handle itself for an account that stands for a thread or
// a paste ("/pol/ thread 124205693", "paste:rENSrLn2"), which no one would write with an @.
inline std::string handle_for_reading(std::string_view handle) {
  if (handle.find_first_of(" /:") != std::string_view::npos) return std::string(handle);
  return "@" + std::string(handle);
}

}  // namespace leaktrace
