#include "model/record_batch.h"

namespace leaktrace {

std::string_view notice_kind_name(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::deletion: return "deletion";
    case NoticeKind::limit: return "limit";
    case NoticeKind::warning: return "warning";
    case NoticeKind::stream_error: return "stream_error";
  }
  return "unknown";
}

}  // namespace leaktrace
