#include "ingest/format.h"

#include <array>
#include <utility>

namespace leaktrace {
namespace {

constexpr std::array format_names{
    std::pair{Format::twitter_v1, std::string_view{"twitter-v1"}},
    std::pair{Format::twitter_v2, std::string_view{"twitter-v2"}},
    std::pair{Format::fourchan, std::string_view{"4chan"}},
    std::pair{Format::pastebin, std::string_view{"pastebin"}},
};

}  // namespace

std::string_view format_name(Format format) {
  for (const auto& [candidate, name] : format_names) {
    if (candidate == format) return name;
  }
  return "unknown";
}

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& [format, candidate] : format_names) {
    if (candidate == name) return format;
  }
  return std::nullopt;
}

std::string_view format_names_for_help() { return "twitter-v1, twitter-v2, 4chan, pastebin"; }

}  // namespace leaktrace
