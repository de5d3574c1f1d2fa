#include "model/platform.h"

#include <array>
#include <utility>

namespace leaktrace {
namespace {

constexpr std::array platform_names{
    std::pair{Platform::twitter, std::string_view{"twitter"}},
    std::pair{Platform::fourchan, std::string_view{"4chan"}},
    std::pair{Platform::pastebin, std::string_view{"pastebin"}},
};

constexpr std::array kind_names{
    std::pair{PostKind::original, std::string_view{"original"}},
    std::pair{PostKind::repost, std::string_view{"repost"}},
    std::pair{PostKind::quote, std::string_view{"quote"}},
    std::pair{PostKind::reply, std::string_view{"reply"}},
};

template <typename Names, typename Value>
std::string_view name_of(const Names& names, Value value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Value, typename Names>
std::optional<Value> value_of(const Names& names, std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view platform_name(Platform platform) { return name_of(platform_names, platform); }
std::optional<Platform> platform_from_name(std::string_view name) {
  return value_of<Platform>(platform_names, name);
}

std::string_view post_kind_name(PostKind kind) { return name_of(kind_names, kind); }
std::optional<PostKind> post_kind_from_name(std::string_view name) {
  return value_of<PostKind>(kind_names, name);
}

}  // namespace leaktrace
