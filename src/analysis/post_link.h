#pragma once

#include <string>

#include "workspace/dataset.h"

namespace leaktrace {

// The address of a post on its platform: https://twitter.com/HANDLE/status/ID,
// https://boards.4chan.org/BOARD/thread/THREAD#pNO (the thread's own address for an opening post),
// https://pastebin.com/KEY. Empty when the platform's address cannot be made (a 4chan post read
// without its board).
std::string post_url(const Dataset& dataset, std::uint32_t post);

// "tweets.jsonl.zst:5811": where the post was read.
std::string post_provenance(const Dataset& dataset, std::uint32_t post);

// The opening post of a 4chan post's thread (following replies up), or the post itself.
std::uint32_t thread_opening_post(const Dataset& dataset, std::uint32_t post);

}  // namespace leaktrace
