#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/platform.h"
#include "model/time.h"

namespace leaktrace {

// A post that a URL points at: a tweet, a 4chan post or thread, a paste.
struct CitedPost {
  Platform platform = Platform::twitter;
  std::string post_id;  // native id as the platform's reader stores it ("pol/123" on 4chan)
  std::string channel;  // 4chan board; empty elsewhere
};

struct PostUrl {
  std::string expanded;   // as the platform gave it, after its link shortener
  std::string canonical;  // filled by the ingest pipeline (canonicalize_url), not by readers
  std::optional<CitedPost> cites;  // filled with `canonical`, when the URL names a post
};

struct Mention {
  std::string account_id;  // native id; "@handle" (lower case) when the platform gave no id
  std::string handle;
};

// Where a post came from: the input file and the line (or record number) in it. The file id is
// assigned by the workspace; readers fill only the line.
struct Provenance {
  std::int64_t file_id = 0;
  std::uint64_t line = 0;
};

struct Post {
  Platform platform = Platform::twitter;
  std::string id;         // native id on its platform
  std::string author_id;  // native id of the account that wrote it
  TimeMs created_at = unknown_time;
  PostKind kind = PostKind::original;
  std::string parent_id;       // the post it reposts, quotes or answers (same platform), or empty
  std::string reply_to_id;     // the post it answers, also for a quote that is a reply
  std::string conversation_id; // thread root: v2 conversation_id, 4chan thread number
  std::string channel;         // 4chan board, paste site; empty on Twitter
  std::string text;
  std::string language;
  std::vector<std::string> hashtags;  // without '#', as written
  std::vector<Mention> mentions;
  std::vector<PostUrl> urls;
  Provenance provenance;
  // Embedded copies (the original inside a retweet) do not advance the account's latest values.
  bool embedded = false;
};

}  // namespace leaktrace
