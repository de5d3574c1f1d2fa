#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/post.h"

namespace leaktrace {

// A record that could not be used: counted and reported with its place, never thrown.
struct Rejection {
  std::uint64_t line = 0;
  std::string reason;
};

// Stream notices that are not posts but tell something about the collection.
enum class NoticeKind : unsigned char { deletion, limit, warning, stream_error };

struct Notice {
  NoticeKind kind = NoticeKind::warning;
  std::uint64_t line = 0;
  TimeMs time = unknown_time;
  std::int64_t count = 0;  // limit: number of undelivered posts since the stream began
  std::string detail;      // deletion: the deleted post id; warning / error: the message
};

std::string_view notice_kind_name(NoticeKind kind);

// What readers produce and the workspace consumes: posts, the accounts seen with them, and
// everything that was not a post. Reused between chunks: clear() keeps the capacity.
struct RecordBatch {
  std::vector<Post> posts;
  std::vector<Account> accounts;
  std::vector<Rejection> rejections;
  std::vector<Notice> notices;

  void clear() {
    posts.clear();
    accounts.clear();
    rejections.clear();
    notices.clear();
  }
  bool empty() const { return posts.empty() && accounts.empty() && rejections.empty() && notices.empty(); }
};

}  // namespace leaktrace
