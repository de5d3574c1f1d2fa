#pragma once

#include <string>

#include "analysis/communities.h"
#include "render/json_writer.h"
#include "workspace/dataset.h"

namespace leaktrace {

// How the analysis subcommands show posts and accounts, the same way everywhere.
// {"platform", "post", "account", "handle", "time", "url", "provenance"} as the members of an open object.
void write_post_fields(JsonWriter& json, const Dataset& dataset, std::uint32_t post);
// "2017-05-05T18:49:00Z" (seconds), or "?" when unknown.
std::string time_text(TimeMs time);
// "@handle" (or the account key when there is no handle).
std::string account_text(const Dataset& dataset, std::uint32_t account);
// "community 2 (@a, @b · #x · fr)".
std::string community_text(const CommunityDetection& communities, std::int64_t community);
// Text cut to `width` code points, on one line.
std::string one_line(std::string_view text, std::size_t width);

}  // namespace leaktrace
