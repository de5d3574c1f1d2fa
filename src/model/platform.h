#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace leaktrace {

enum class Platform : unsigned char { twitter, fourchan, pastebin };
constexpr std::size_t platform_count = 3;  // keep equal to the number of Platform values

enum class PostKind : unsigned char { original, repost, quote, reply };

std::string_view platform_name(Platform platform);
std::optional<Platform> platform_from_name(std::string_view name);

std::string_view post_kind_name(PostKind kind);
std::optional<PostKind> post_kind_from_name(std::string_view name);

}  // namespace leaktrace
