#pragma once

#include <optional>
#include <string_view>

namespace leaktrace {

// The native export formats leaktrace reads. Each has a reader of its own (make_reader).
enum class Format : unsigned char { twitter_v1, twitter_v2, fourchan, pastebin };

std::string_view format_name(Format format);
std::optional<Format> format_from_name(std::string_view name);
std::string_view format_names_for_help();  // "twitter-v1, twitter-v2, 4chan, pastebin"

}  // namespace leaktrace
