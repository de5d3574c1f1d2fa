#include "workspace/workspace_summary.h"

#include <stdexcept>

namespace leaktrace {
namespace {

std::int64_t single_int(SqliteDatabase& db, std::string_view sql) {
  auto statement = db.prepare(sql);
  statement.step();
  return statement.column_int(0);
}

std::vector<std::pair<std::string, std::int64_t>> counted_pairs(SqliteDatabase& db, std::string_view sql) {
  std::vector<std::pair<std::string, std::int64_t>> rows;
  auto statement = db.prepare(sql);
  while (statement.step()) rows.emplace_back(std::string(statement.column_text(0)), statement.column_int(1));
  return rows;
}

}  // namespace

std::vector<RejectedRecord> list_rejected_records(Workspace& workspace) {
  std::vector<RejectedRecord> records;
  auto query = workspace.database().prepare(
      "SELECT f.path, r.line, r.reason FROM rejected r JOIN input_files f ON f.id = r.file_id ORDER BY f.id, r.line");
  while (query.step()) {
    records.push_back({std::string(query.column_text(0)), static_cast<std::uint64_t>(query.column_int(1)),
                       std::string(query.column_text(2))});
  }
  return records;
}

WorkspaceSummary::WorkspaceSummary(Workspace& workspace) : workspace_(workspace) {}

std::vector<std::pair<std::string, std::int64_t>> rejected_by_reason(Workspace& workspace) {
  return counted_pairs(
      workspace.database(),
      "SELECT CASE WHEN instr(reason, ':') > 0 THEN substr(reason, 1, instr(reason, ':') - 1) ELSE reason END AS r, "
      "count(*) AS n FROM rejected GROUP BY r ORDER BY n DESC, r");
}

void WorkspaceSummary::run() {
  SqliteDatabase& db = workspace_.database();
  posts_ = single_int(db, "SELECT count(*) FROM posts");
  accounts_ = single_int(db, "SELECT count(*) FROM accounts WHERE authored = 1");
  mentioned_only_accounts_ = single_int(db, "SELECT count(*) FROM accounts WHERE authored = 0");
  citations_ = single_int(db, "SELECT count(*) FROM citations");
  resolved_citations_ = single_int(db, "SELECT count(*) FROM resolved_citations");
  rejected_ = single_int(db, "SELECT count(*) FROM rejected");
  deletions_ = single_int(db, "SELECT count(*) FROM notices WHERE kind = 'deletion'");
  {
    auto range = db.prepare("SELECT min(created_at), max(created_at) FROM posts");
    range.step();
    if (!range.column_is_null(0)) {
      first_ = range.column_int(0);
      last_ = range.column_int(1);
    }
  }
  {
    auto by_kind = db.prepare("SELECT platform, kind, count(*) FROM posts GROUP BY platform, kind");
    while (by_kind.step()) {
      std::string platform(by_kind.column_text(0));
      std::string kind(by_kind.column_text(1));
      std::int64_t count = by_kind.column_int(2);
      platforms_[platform] += count;
      kinds_[kind] += count;
      kinds_by_platform_[platform][kind] += count;
    }
  }
  top_hashtags_ = counted_pairs(db,
                                "SELECT h.tag, count(*) AS n FROM post_hashtags ph JOIN hashtags h ON h.id = "
                                "ph.hashtag_id GROUP BY ph.hashtag_id ORDER BY n DESC, h.tag LIMIT 10");
  top_domains_ = counted_pairs(db,
                               "SELECT u.host, count(*) AS n FROM post_urls pu JOIN urls u ON u.id = pu.url_id "
                               "WHERE u.host IS NOT NULL GROUP BY u.host ORDER BY n DESC, u.host LIMIT 10");
  rejected_by_reason_ = leaktrace::rejected_by_reason(workspace_);
  {
    // Twitter's limit notices carry the number of posts withheld since the connection opened; the
    // gap at a notice is the increase since the previous one of the same file.
    auto limits = db.prepare(
        "SELECT f.path, n.line, n.time, n.count, n.file_id FROM notices n JOIN input_files f ON f.id = n.file_id "
        "WHERE n.kind = 'limit' ORDER BY n.file_id, n.line");
    std::int64_t previous_file = -1;
    std::int64_t previous_count = 0;
    while (limits.step()) {
      std::int64_t file_id = limits.column_int(4);
      std::int64_t count = limits.column_int(3);
      if (file_id != previous_file) previous_count = 0;
      std::int64_t undelivered = count >= previous_count ? count - previous_count : count;
      previous_file = file_id;
      previous_count = count;
      if (undelivered <= 0) continue;
      CollectionGap gap;
      gap.file = std::string(limits.column_text(0));
      gap.line = static_cast<std::uint64_t>(limits.column_int(1));
      gap.time = limits.column_is_null(2) ? unknown_time : limits.column_int(2);
      gap.undelivered = undelivered;
      undelivered_posts_ += undelivered;
      collection_gaps_.push_back(std::move(gap));
    }
  }
  {
    auto files = db.prepare(
        "SELECT path, format, compression, coalesce(sha256, ''), status, coalesce(size, 0), posts_new, rejected "
        "FROM input_files ORDER BY id");
    while (files.step()) {
      files_.push_back({std::string(files.column_text(0)), std::string(files.column_text(1)),
                        std::string(files.column_text(2)), std::string(files.column_text(3)),
                        std::string(files.column_text(4)), files.column_int(5), files.column_int(6),
                        files.column_int(7)});
    }
  }
  finished_ = true;
}

void WorkspaceSummary::assure_finished() const {
  if (!finished_) throw std::logic_error("WorkspaceSummary: call run() before asking for results");
}

std::int64_t WorkspaceSummary::posts() const { assure_finished(); return posts_; }
std::int64_t WorkspaceSummary::accounts() const { assure_finished(); return accounts_; }
std::int64_t WorkspaceSummary::mentioned_only_accounts() const { assure_finished(); return mentioned_only_accounts_; }
std::int64_t WorkspaceSummary::citations() const { assure_finished(); return citations_; }
std::int64_t WorkspaceSummary::resolved_citations() const { assure_finished(); return resolved_citations_; }
std::int64_t WorkspaceSummary::rejected() const { assure_finished(); return rejected_; }
std::int64_t WorkspaceSummary::deletions() const { assure_finished(); return deletions_; }
TimeMs WorkspaceSummary::first() const { assure_finished(); return first_; }
TimeMs WorkspaceSummary::last() const { assure_finished(); return last_; }
const std::map<std::string, std::int64_t>& WorkspaceSummary::platforms() const { assure_finished(); return platforms_; }
const std::map<std::string, std::int64_t>& WorkspaceSummary::kinds() const { assure_finished(); return kinds_; }
const std::map<std::string, std::map<std::string, std::int64_t>>& WorkspaceSummary::kinds_by_platform() const {
  assure_finished();
  return kinds_by_platform_;
}
const std::vector<std::pair<std::string, std::int64_t>>& WorkspaceSummary::top_hashtags() const {
  assure_finished();
  return top_hashtags_;
}
const std::vector<std::pair<std::string, std::int64_t>>& WorkspaceSummary::top_domains() const {
  assure_finished();
  return top_domains_;
}
const std::vector<std::pair<std::string, std::int64_t>>& WorkspaceSummary::rejected_by_reason() const {
  assure_finished();
  return rejected_by_reason_;
}
const std::vector<CollectionGap>& WorkspaceSummary::collection_gaps() const { assure_finished(); return collection_gaps_; }
std::int64_t WorkspaceSummary::undelivered_posts() const { assure_finished(); return undelivered_posts_; }
const std::vector<SummarisedFile>& WorkspaceSummary::files() const { assure_finished(); return files_; }

}  // namespace leaktrace
