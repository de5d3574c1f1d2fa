#pragma once

#include <cstdint>
#include <filesystem>

#include "simulate/population.h"
#include "simulate/story.h"

namespace leaktrace::simulate {

// The follower graph a researcher would have collected beside the tweets (the API's friends/ids
// for every account of the collection, kept to accounts of the collection): one
// "FOLLOWER_ID<TAB>FOLLOWEE_ID" line per follow, zstd-compressed when `compress`. It is data the
// analyses may read (`--parent follow-graph`), not ground truth. Returns the bytes written.
std::uint64_t write_follow_file(const std::filesystem::path& path, const Population& population, const Story& story,
                                bool compress, std::uint64_t& follows);

}  // namespace leaktrace::simulate
