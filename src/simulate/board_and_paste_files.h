#pragma once

#include <string>

#include "simulate/tweet_text.h"

namespace leaktrace::simulate {

// The thread as the 4chan API serves it: {"posts": [...]}, opening post first.
std::string fourchan_thread_json(const Story& story, const TweetTextComposer& composer);

// Pastebin scraping-API records, one JSON object per line; the origin dump and the mirrors carry
// their content, as a scraper that fetched them would have kept it.
std::string paste_records_jsonl(const Story& story, const TweetTextComposer& composer);

}  // namespace leaktrace::simulate
