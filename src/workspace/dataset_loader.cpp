#include "workspace/dataset_loader.h"

#include <fmt/format.h>

namespace leaktrace {
namespace {

std::int64_t count_rows(SqliteDatabase& db, std::string_view table) {
  auto statement = db.prepare(fmt::format("SELECT coalesce(max(rowid), 0) FROM {}", table));
  statement.step();
  return statement.column_int(0);
}

std::int64_t int_or(const SqliteStatement& statement, int column, std::int64_t fallback) {
  return statement.column_is_null(column) ? fallback : statement.column_int(column);
}

std::optional<bool> bool_or_unknown(const SqliteStatement& statement, int column) {
  if (statement.column_is_null(column)) return std::nullopt;
  return statement.column_int(column) != 0;
}

// Workspace ids are rowids, dense from 1 unless rows were deleted: a vector maps them to indices.
class RowMap {
 public:
  explicit RowMap(std::int64_t max_row) : index_(static_cast<std::size_t>(max_row) + 1, no_index) {}
  void set(std::int64_t row, std::uint32_t index) {
    if (row >= 0 && static_cast<std::size_t>(row) < index_.size()) index_[static_cast<std::size_t>(row)] = index;
  }
  std::uint32_t operator()(std::int64_t row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= index_.size()) return no_index;
    return index_[static_cast<std::size_t>(row)];
  }

 private:
  std::vector<std::uint32_t> index_;
};

void load_files(SqliteDatabase& db, DatasetBuilder& builder) {
  auto files = db.prepare(
      "SELECT id, path, coalesce(sha256, ''), format || CASE compression WHEN 'none' THEN '' ELSE '+' || compression "
      "END, coalesce(size, 0), lines, rejected, status FROM input_files ORDER BY id");
  while (files.step()) {
    DatasetFile file;
    file.id = files.column_int(0);
    file.path = files.column_text(1);
    file.sha256 = files.column_text(2);
    file.format = files.column_text(3);
    file.size = files.column_int(4);
    file.lines = files.column_int(5);
    file.rejected = files.column_int(6);
    file.status = files.column_text(7);
    builder.add_file(std::move(file));
  }
}

RowMap load_accounts(SqliteDatabase& db, DatasetBuilder& builder) {
  RowMap accounts(count_rows(db, "accounts"));
  auto query = db.prepare(
      "SELECT id, platform, native_id, coalesce(handle, ''), coalesce(display_name, ''), created_at, followers, "
      "following, posts, verified, default_profile FROM accounts ORDER BY id");
  while (query.step()) {
    auto platform = platform_from_name(query.column_text(1));
    if (!platform) continue;
    DatasetAccount account;
    account.platform = *platform;
    account.native_id = query.column_text(2);
    account.handle = query.column_text(3);
    account.name = query.column_text(4);
    account.created_at = int_or(query, 5, unknown_time);
    account.followers = int_or(query, 6, -1);
    account.following = int_or(query, 7, -1);
    account.statuses = int_or(query, 8, -1);
    account.verified = bool_or_unknown(query, 9);
    account.default_profile = bool_or_unknown(query, 10);
    accounts.set(query.column_int(0), builder.add_account(account));
  }
  return accounts;
}

RowMap load_posts(SqliteDatabase& db, DatasetBuilder& builder, const RowMap& accounts, bool texts) {
  RowMap posts(count_rows(db, "posts"));
  auto query = db.prepare(fmt::format(
      "SELECT id, platform, native_id, account_id, created_at, kind, coalesce(parent_native_id, ''), "
      "coalesce(language, ''), coalesce(file_id, 0), coalesce(line, 0){} FROM posts ORDER BY id",
      texts ? ", coalesce(text, '')" : ""));
  while (query.step()) {
    auto platform = platform_from_name(query.column_text(1));
    auto kind = post_kind_from_name(query.column_text(5));
    std::uint32_t author = accounts(query.column_int(3));
    if (!platform || !kind || author == no_index) continue;
    DatasetPost post;
    post.platform = *platform;
    post.native_id = query.column_text(2);
    post.author = author;
    post.time = int_or(query, 4, unknown_time);
    post.kind = *kind;
    post.parent_native_id = query.column_text(6);
    post.language = query.column_text(7);
    post.file = query.column_int(8);
    post.line = query.column_int(9);
    post.row = query.column_int(0);
    if (texts) post.text = query.column_text(10);
    posts.set(post.row, builder.add_post(post));
  }
  return posts;
}

void load_links(SqliteDatabase& db, DatasetBuilder& builder, const RowMap& posts, const RowMap& accounts) {
  RowMap hashtags(count_rows(db, "hashtags"));
  auto tags = db.prepare("SELECT id, tag FROM hashtags");
  while (tags.step()) hashtags.set(tags.column_int(0), builder.intern_hashtag(tags.column_text(1)));
  auto post_tags = db.prepare("SELECT post_id, hashtag_id FROM post_hashtags");
  while (post_tags.step()) {
    std::uint32_t post = posts(post_tags.column_int(0));
    std::uint32_t tag = hashtags(post_tags.column_int(1));
    if (post != no_index && tag != no_index) builder.add_hashtag_id(post, tag);
  }

  RowMap urls(count_rows(db, "urls"));
  auto url_rows = db.prepare("SELECT id, canonical, expanded, coalesce(host, '') FROM urls");
  while (url_rows.step()) {
    urls.set(url_rows.column_int(0),
             builder.intern_url(url_rows.column_text(1), url_rows.column_text(2), url_rows.column_text(3)));
  }
  auto post_urls = db.prepare("SELECT post_id, url_id FROM post_urls");
  while (post_urls.step()) {
    std::uint32_t post = posts(post_urls.column_int(0));
    std::uint32_t url = urls(post_urls.column_int(1));
    if (post != no_index && url != no_index) builder.add_url_id(post, url);
  }

  auto mentions = db.prepare("SELECT post_id, account_id FROM post_mentions");
  while (mentions.step()) {
    std::uint32_t post = posts(mentions.column_int(0));
    std::uint32_t account = accounts(mentions.column_int(1));
    if (post != no_index && account != no_index) builder.add_mention(post, account);
  }

  auto citations = db.prepare("SELECT post_id, cited_platform, cited_native_id FROM citations");
  while (citations.step()) {
    std::uint32_t post = posts(citations.column_int(0));
    auto platform = platform_from_name(citations.column_text(1));
    if (post != no_index && platform) builder.add_citation(post, *platform, citations.column_text(2));
  }
}

}  // namespace

Dataset load_dataset(Workspace& workspace, const DatasetLoadOptions& options) {
  SqliteDatabase& db = workspace.database();
  db.execute("BEGIN");  // one snapshot: an ingest running beside us cannot tear the dataset
  DatasetBuilder builder(options.texts);
  builder.reserve(static_cast<std::size_t>(count_rows(db, "posts")), static_cast<std::size_t>(count_rows(db, "accounts")));
  load_files(db, builder);
  RowMap accounts = load_accounts(db, builder);
  RowMap posts = load_posts(db, builder, accounts, options.texts);
  load_links(db, builder, posts, accounts);
  db.execute("COMMIT");
  return builder.finish();
}

PostTextReader::PostTextReader(Workspace& workspace, const Dataset& dataset)
    : dataset_(dataset), query_(workspace.database().prepare("SELECT coalesce(text, '') FROM posts WHERE id = ?")) {}

std::string PostTextReader::text(std::uint32_t post) {
  if (dataset_.has_text()) return std::string(dataset_.post_text(post));
  query_.reset();
  query_.bind(1, dataset_.post_row(post));
  std::string out = query_.step() ? std::string(query_.column_text(0)) : std::string();
  query_.reset();
  return out;
}

}  // namespace leaktrace
