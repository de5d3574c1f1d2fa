#include "workspace/workspace_writer.h"

#include <array>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "ingest/url_canonicalizer.h"
#include "ingest/native_id_map.h"

namespace leaktrace {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Lookups by std::string_view without building a std::string for each (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

struct AccountSlot {
  std::int64_t id = 0;
  TimeMs observed_at = unknown_time;  // of the profile stored or pending
  TimeMs first_seen = unknown_time;
  TimeMs last_seen = unknown_time;
  std::int32_t pending = -1;  // index of the profile it waits to write, if any
  bool stored = true;         // its row exists (else it is inserted at the next commit)
  bool authored = false;
  bool row_authored = false;  // as its row says
  bool dirty = false;
};

enum class AccountFlush { new_rows, everything };
// Accounts whose profile waits for AccountFlush::everything (a few hundred bytes each) before one is
// forced: more than the accounts of a 17M-tweet collection.
constexpr std::size_t max_waiting_profiles = std::size_t{1} << 22;

// A post already stored: its row id and whether it was only seen inside another record so far.
struct PostSlot {
  std::int64_t id = 0;
  bool embedded = false;
};

std::optional<std::int64_t> optional_bool(const std::optional<bool>& value) {
  if (!value) return std::nullopt;
  return *value ? 1 : 0;
}

std::optional<std::int64_t> optional_time(TimeMs time) {
  if (time == unknown_time) return std::nullopt;
  return time;
}

}  // namespace

struct WorkspaceWriter::State {
  explicit State(SqliteDatabase& database)
      : db(database),
        insert_account(db.prepare(
            "INSERT INTO accounts(id, platform, native_id, handle, display_name, created_at, followers, following, "
            "posts, verified, default_profile, description, observed_at, first_seen, last_seen, authored) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")),
        update_account(db.prepare(
            "UPDATE accounts SET handle = coalesce(?4, handle), display_name = coalesce(?5, display_name), "
            "created_at = coalesce(?6, created_at), followers = coalesce(?7, followers), "
            "following = coalesce(?8, following), posts = coalesce(?9, posts), verified = coalesce(?10, verified), "
            "default_profile = coalesce(?11, default_profile), description = coalesce(?12, description), "
            "observed_at = coalesce(?13, observed_at), first_seen = ?14, last_seen = ?15, authored = ?16 "
            "WHERE id = ?1")),
        insert_post(db,
                    "INSERT INTO posts(id, platform, native_id, account_id, created_at, kind, parent_native_id, "
                    "reply_to_native_id, conversation_id, channel, text, language, embedded, file_id, line) VALUES",
                    15),
        promote_embedded_post(db.prepare("UPDATE posts SET embedded = 0, file_id = ?2, line = ?3 WHERE id = ?1")),
        insert_url(db, "INSERT INTO urls(id, expanded, canonical, host) VALUES", 4),
        insert_post_url(db, "INSERT OR IGNORE INTO post_urls(post_id, url_id) VALUES", 2),
        insert_hashtag(db.prepare("INSERT INTO hashtags(id, tag) VALUES (?1, ?2)")),
        insert_post_hashtag(db, "INSERT OR IGNORE INTO post_hashtags(post_id, hashtag_id) VALUES", 2),
        insert_mention(db, "INSERT OR IGNORE INTO post_mentions(post_id, account_id) VALUES", 2),
        insert_citation(db,
                        "INSERT OR IGNORE INTO citations(post_id, cited_platform, cited_native_id, cited_channel, "
                        "url_id) VALUES",
                        5),
        insert_rejection(db.prepare("INSERT OR IGNORE INTO rejected(file_id, line, reason) VALUES (?1, ?2, ?3)")),
        insert_notice(db.prepare(
            "INSERT OR IGNORE INTO notices(file_id, line, kind, time, count, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
        find_file(db.prepare("SELECT id FROM input_files WHERE path = ?1 AND size = ?2 AND modified_time = ?3 AND "
                             "(status = 'partial') = ?4 ORDER BY id LIMIT 1")),
        insert_file(db.prepare("INSERT INTO input_files(path, size, modified_time, format, compression, started_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
        add_file_counts(db.prepare(
            "UPDATE input_files SET posts_new = posts_new + ?2, rejected = rejected + ?3 WHERE id = ?1")),
        find_same_content(db.prepare("SELECT id FROM input_files WHERE sha256 = ?1 AND id != ?2 ORDER BY id LIMIT 1")),
        finish_file(db.prepare(
            "UPDATE input_files SET sha256 = ?2, lines = ?3, status = ?4, finished_at = ?5 WHERE id = ?1")) {
    load_interned();
  }

  void load_interned() {
    // Every post stored is known here, so that one seen again (an original embedded in many
    // retweets, a file read twice, a resumed ingest) costs a lookup and no SQL.
    auto posts_query = db.prepare("SELECT id, platform, native_id, embedded FROM posts");
    while (posts_query.step()) {
      auto platform = platform_from_name(posts_query.column_text(1));
      if (!platform) continue;
      PostSlot slot{posts_query.column_int(0), posts_query.column_int(3) != 0};
      posts[static_cast<std::size_t>(*platform)].insert(posts_query.column_text(2), slot);
      next_post_id = std::max(next_post_id, slot.id + 1);
    }
    auto accounts_query = db.prepare(
        "SELECT id, platform, native_id, coalesce(observed_at, ?1), coalesce(first_seen, ?1), "
        "coalesce(last_seen, ?1), authored FROM accounts");
    accounts_query.bind(1, unknown_time);
    while (accounts_query.step()) {
      auto platform = platform_from_name(accounts_query.column_text(1));
      if (!platform) continue;
      AccountSlot slot;
      slot.id = accounts_query.column_int(0);
      slot.observed_at = accounts_query.column_int(3);
      slot.first_seen = accounts_query.column_int(4);
      slot.last_seen = accounts_query.column_int(5);
      slot.authored = accounts_query.column_int(6) != 0;
      slot.row_authored = slot.authored;
      account_slots.push_back(slot);
      accounts[static_cast<std::size_t>(*platform)].insert(accounts_query.column_text(2), &account_slots.back());
      next_account_id = std::max(next_account_id, slot.id + 1);
    }
    auto urls_query = db.prepare("SELECT id, expanded FROM urls");
    while (urls_query.step()) {
      std::int64_t id = urls_query.column_int(0);
      urls.emplace(std::string(urls_query.column_text(1)), id);
      next_url_id = std::max(next_url_id, id + 1);
    }
    auto hashtags_query = db.prepare("SELECT id, tag FROM hashtags");
    while (hashtags_query.step()) {
      std::int64_t id = hashtags_query.column_int(0);
      hashtags.emplace(std::string(hashtags_query.column_text(1)), id);
      next_hashtag_id = std::max(next_hashtag_id, id + 1);
    }
  }

  void begin_transaction() {
    if (!in_transaction) {
      db.execute("BEGIN");
      in_transaction = true;
    }
  }

  // The slot of an account, created at first sight. Its row is written at the next commit, with
  // the latest profile seen by then: one INSERT for an account new in this transaction.
  AccountSlot& account(Platform platform, std::string_view native_id, std::string_view handle,
                       const Account* profile = nullptr, bool* created = nullptr) {
    auto& map = accounts[static_cast<std::size_t>(platform)];
    if (AccountSlot** found = map.find(native_id)) return **found;
    AccountSlot& slot = account_slots.emplace_back();
    map.insert(native_id, &slot);
    slot.id = next_account_id++;
    slot.stored = false;
    if (profile) {
      new_pending_profile(slot) = *profile;
      slot.observed_at = profile->observed_at;
      slot.first_seen = profile->first_observed_at != unknown_time ? profile->first_observed_at : profile->observed_at;
      slot.last_seen = profile->observed_at;
      if (created) *created = true;
    } else {
      // Once per account, for one first seen only as a mention: no buffer worth keeping.
      new_pending_profile(slot) =
          Account{.platform = platform, .id = std::string(native_id), .handle = std::string(handle)};
    }
    mark_dirty(slot);
    return slot;
  }

  // The profile `slot` waits to write. Profiles are kept from one flush to the next and assigned
  // over, so that their strings reuse their buffers instead of allocating.
  Account& new_pending_profile(AccountSlot& slot) {
    if (!free_profiles.empty()) {
      slot.pending = free_profiles.back();
      free_profiles.pop_back();
      return pending_profiles[static_cast<std::size_t>(slot.pending)];
    }
    slot.pending = static_cast<std::int32_t>(pending_count);
    if (pending_count == pending_profiles.size()) pending_profiles.emplace_back();
    return pending_profiles[pending_count++];
  }

  void observe_account(const Account& profile) {
    bool created = false;
    AccountSlot& slot = account(profile.platform, profile.id, profile.handle, &profile, &created);
    if (created) return;
    TimeMs first = profile.first_observed_at != unknown_time ? profile.first_observed_at : profile.observed_at;
    if (first != unknown_time && (slot.first_seen == unknown_time || first < slot.first_seen)) {
      slot.first_seen = first;
      mark_dirty(slot);
    }
    if (profile.observed_at != unknown_time && (slot.last_seen == unknown_time || profile.observed_at > slot.last_seen)) {
      slot.last_seen = profile.observed_at;
      mark_dirty(slot);
    }
    bool never_written = slot.pending < 0 && slot.observed_at == unknown_time;
    bool newer = profile.observed_at >= slot.observed_at;  // unknown times are the smallest
    if (never_written || newer) {
      if (slot.pending < 0) {
        new_pending_profile(slot) = profile;
      } else {
        merge_newer_profile(pending_profiles[static_cast<std::size_t>(slot.pending)], profile);
      }
      if (profile.observed_at != unknown_time) slot.observed_at = profile.observed_at;
      mark_dirty(slot);
    }
  }

  void flush_rows() {
    for (BatchedInsert* rows : {&insert_post, &insert_url, &insert_post_url, &insert_post_hashtag, &insert_mention,
                                &insert_citation}) {
      rows->flush();
    }
  }

  void mark_dirty(AccountSlot& slot) {
    if (!slot.dirty) dirty_accounts.push_back(&slot);
    slot.dirty = true;
  }

  // insert_account and update_account number their values alike: ?1 the id, ?4..?13 the profile
  // (NULL keeps what an update finds), ?14..?16 what the slot tracks.
  static void bind_account_values(SqliteStatement& statement, const AccountSlot& slot, const Account* profile) {
    statement.bind(1, slot.id);
    if (profile) {
      const Account& a = *profile;
      statement.bind_text_or_null(4, a.handle)
          .bind_text_or_null(5, a.display_name)
          .bind_optional(6, optional_time(a.created_at))
          .bind_optional(7, a.followers)
          .bind_optional(8, a.following)
          .bind_optional(9, a.posts)
          .bind_optional(10, optional_bool(a.verified))
          .bind_optional(11, optional_bool(a.default_profile))
          .bind_text_or_null(12, a.description)
          .bind_optional(13, optional_time(a.observed_at));
    }
    statement.bind_optional(14, optional_time(slot.first_seen))
        .bind_optional(15, optional_time(slot.last_seen))
        .bind(16, std::int64_t{slot.authored ? 1 : 0});
  }

  // Writes the rows of new accounts and, with AccountFlush::everything, the latest profile of
  // every account seen since. Profile updates of stored accounts otherwise wait, a transaction
  // after another, until the file is finished (or too many wait): an account seen in every
  // transaction then rewrites its page once, not once per commit, where those rewrites (and their
  // journal) were most of the bytes a 17M-tweet ingest wrote. Authorship never waits: a re-run
  // skips the posts already stored, so it could not set it again.
  void flush_accounts(AccountFlush what) {
    if (dirty_accounts.size() >= max_waiting_profiles) what = AccountFlush::everything;
    std::size_t waiting = 0;
    for (AccountSlot* dirty : dirty_accounts) {
      AccountSlot& slot = *dirty;
      const Account* profile =
          slot.pending >= 0 ? &pending_profiles[static_cast<std::size_t>(slot.pending)] : nullptr;
      if (!slot.stored) {
        // An unstored slot always has a pending profile (at least the handle it was first seen with).
        bind_account_values(insert_account, slot, profile);
        insert_account.bind(2, platform_name(profile->platform)).bind(3, std::string_view(profile->id)).run();
        slot.stored = true;
      } else if (what == AccountFlush::everything || slot.authored != slot.row_authored) {
        bind_account_values(update_account, slot, profile);
        update_account.run();
      } else {
        dirty_accounts[waiting++] = dirty;
        continue;
      }
      slot.row_authored = slot.authored;
      if (slot.pending >= 0) free_profiles.push_back(slot.pending);
      slot.pending = -1;
      slot.dirty = false;
    }
    dirty_accounts.resize(waiting);
    if (waiting == 0) {
      pending_count = 0;
      free_profiles.clear();
    }
  }

  void commit(AccountFlush what) {
    if (!in_transaction) return;
    flush_accounts(what);
    db.execute("COMMIT");
    in_transaction = false;
    posts_since_commit = 0;
  }

  std::int64_t url_id(const PostUrl& url) {
    if (auto it = urls.find(std::string_view(url.expanded)); it != urls.end()) return it->second;
    std::int64_t id = next_url_id++;
    urls.emplace(url.expanded, id);
    const std::string& canonical = url.canonical.empty() ? url.expanded : url.canonical;
    insert_url.row().value(id).value(std::string_view(url.expanded)).value(std::string_view(canonical)).text_or_null(
        url_host(canonical));
    return id;
  }

  std::int64_t hashtag_id(std::string_view tag) {
    if (auto it = hashtags.find(tag); it != hashtags.end()) return it->second;
    std::int64_t id = next_hashtag_id++;
    hashtags.emplace(std::string(tag), id);
    insert_hashtag.bind(1, id).bind(2, tag).run();
    return id;
  }

  void append_post(const Post& post, std::int64_t file_id, AppendCounts& counts) {
    ++counts.posts_read;
    auto& known = posts[static_cast<std::size_t>(post.platform)];
    if (PostSlot* stored = known.find(post.id)) {
      if (stored->embedded && !post.embedded) {
        // First seen inside another record, now read as a record of its own: that is its provenance.
        insert_post.flush();  // its row may still be waiting
        promote_embedded_post.bind(1, stored->id)
            .bind(2, file_id)
            .bind(3, static_cast<std::int64_t>(post.provenance.line))
            .run();
        stored->embedded = false;
      }
      return;
    }
    AccountSlot& author = account(post.platform, post.author_id, {});
    std::int64_t post_id = next_post_id++;
    known.insert(post.id, PostSlot{post_id, post.embedded});
    insert_post.row()
        .value(post_id)
        .value(platform_name(post.platform))
        .value(post.id)
        .value(author.id)
        .optional(optional_time(post.created_at))
        .value(post_kind_name(post.kind))
        .text_or_null(post.parent_id)
        .text_or_null(post.reply_to_id)
        .text_or_null(post.conversation_id)
        .text_or_null(post.channel)
        .value(std::string_view(post.text))
        .text_or_null(post.language)
        .value(std::int64_t{post.embedded ? 1 : 0})
        .value(file_id)
        .value(static_cast<std::int64_t>(post.provenance.line));
    ++counts.posts_new;
    if (!author.authored) {
      author.authored = true;
      mark_dirty(author);
    }
    for (const std::string& tag : post.hashtags) insert_post_hashtag.row().value(post_id).value(hashtag_id(tag));
    for (const Mention& mention : post.mentions) {
      AccountSlot& mentioned = account(post.platform, mention.account_id, mention.handle);
      insert_mention.row().value(post_id).value(mentioned.id);
    }
    for (const PostUrl& url : post.urls) {
      std::int64_t id = url_id(url);
      insert_post_url.row().value(post_id).value(id);
      const auto& cited = url.cites;
      if (cited && !(cited->platform == post.platform && cited->post_id == post.id)) {
        insert_citation.row()
            .value(post_id)
            .value(platform_name(cited->platform))
            .value(std::string_view(cited->post_id))
            .text_or_null(cited->channel)
            .value(id);
      }
    }
    ++posts_since_commit;
  }

  SqliteDatabase& db;
  SqliteStatement insert_account;
  SqliteStatement update_account;
  // Rows of the posts of one append(), sent many to a statement at its end (their text is the batch's).
  BatchedInsert insert_post;
  SqliteStatement promote_embedded_post;
  BatchedInsert insert_url;
  BatchedInsert insert_post_url;
  SqliteStatement insert_hashtag;
  BatchedInsert insert_post_hashtag;
  BatchedInsert insert_mention;
  BatchedInsert insert_citation;
  SqliteStatement insert_rejection;
  SqliteStatement insert_notice;
  SqliteStatement find_file;
  SqliteStatement insert_file;
  SqliteStatement add_file_counts;
  SqliteStatement find_same_content;
  SqliteStatement finish_file;

  std::array<NativeIdMap<PostSlot>, platform_count> posts;
  std::deque<AccountSlot> account_slots;  // addresses stay valid as it grows
  std::array<NativeIdMap<AccountSlot*>, platform_count> accounts;
  std::vector<AccountSlot*> dirty_accounts;
  std::vector<Account> pending_profiles;  // [0, pending_count) pending or free
  std::size_t pending_count = 0;
  std::vector<std::int32_t> free_profiles;  // below pending_count, written while others wait
  StringMap<std::int64_t> urls;
  StringMap<std::int64_t> hashtags;
  std::int64_t next_post_id = 1;
  std::int64_t next_account_id = 1;
  std::int64_t next_url_id = 1;
  std::int64_t next_hashtag_id = 1;
  bool in_transaction = false;
  std::uint64_t posts_since_commit = 0;
  std::uint64_t posts_per_transaction = default_posts_per_transaction;
};

WorkspaceWriter::WorkspaceWriter(Workspace& workspace, std::uint64_t posts_per_transaction)
    : state_(std::make_unique<State>(workspace.database())) {
  if (posts_per_transaction == 0) throw std::invalid_argument("posts per transaction must be at least 1");
  state_->posts_per_transaction = posts_per_transaction;
}

WorkspaceWriter::~WorkspaceWriter() {
  if (state_ && state_->in_transaction) {
    try {
      commit();
    } catch (...) {
      // The transaction is rolled back by SQLite; a re-run completes it.
    }
  }
}

namespace {

// The row of a file with this path, size and time, partial or not. Standard input has no identity.
std::optional<std::int64_t> find_file_row(SqliteStatement& query, const InputFileIdentity& identity, bool partial) {
  if (identity.path == "-" || !identity.size) return std::nullopt;
  query.bind(1, identity.path)
      .bind(2, static_cast<std::int64_t>(*identity.size))
      .bind(3, identity.modified_time)
      .bind(4, std::int64_t{partial ? 1 : 0});
  std::optional<std::int64_t> id;
  if (query.step()) id = query.column_int(0);
  query.reset();
  return id;
}

}  // namespace

std::optional<std::int64_t> WorkspaceWriter::find_complete_file(const InputFileIdentity& identity) {
  return find_file_row(state_->find_file, identity, false);
}

std::int64_t WorkspaceWriter::begin_file(const InputFileIdentity& identity) {
  State& s = *state_;
  s.begin_transaction();
  if (auto partial = find_file_row(s.find_file, identity, true)) return *partial;
  s.insert_file.bind(1, identity.path)
      .bind_optional(2, identity.size ? std::optional<std::int64_t>(static_cast<std::int64_t>(*identity.size))
                                      : std::nullopt)
      .bind(3, identity.modified_time)
      .bind(4, identity.format)
      .bind(5, identity.compression)
      .bind(6, now_ms())
      .run();
  // No commit of its own: the row shares its transaction with the file's first posts, so a crash
  // before that commit leaves neither, and a re-run reads the file anew.
  return s.db.last_insert_rowid();
}

AppendCounts WorkspaceWriter::append(const RecordBatch& batch, std::int64_t file_id) {
  State& s = *state_;
  s.begin_transaction();
  AppendCounts counts;
  for (const Account& account : batch.accounts) s.observe_account(account);
  constexpr std::size_t prefetch_distance = 8;
  for (std::size_t i = 0; i < batch.posts.size(); ++i) {
    if (i + prefetch_distance < batch.posts.size()) {
      const Post& ahead = batch.posts[i + prefetch_distance];
      s.posts[static_cast<std::size_t>(ahead.platform)].prefetch(ahead.id);
    }
    s.append_post(batch.posts[i], file_id, counts);
  }
  s.flush_rows();
  for (const Rejection& rejection : batch.rejections) {
    s.insert_rejection.bind(1, file_id).bind(2, static_cast<std::int64_t>(rejection.line)).bind(3, rejection.reason).run();
    // A resumed file meets again the rejections committed before the interruption: counted once.
    if (s.db.changes() > 0) ++counts.rejected;
  }
  for (const Notice& notice : batch.notices) {
    s.insert_notice.bind(1, file_id)
        .bind(2, static_cast<std::int64_t>(notice.line))
        .bind(3, notice_kind_name(notice.kind))
        .bind_optional(4, optional_time(notice.time))
        .bind(5, notice.count)
        .bind(6, std::string_view(notice.detail))
        .run();
    ++counts.notices;
  }
  s.add_file_counts.bind(1, file_id)
      .bind(2, static_cast<std::int64_t>(counts.posts_new))
      .bind(3, static_cast<std::int64_t>(counts.rejected))
      .run();
  if (s.posts_since_commit >= s.posts_per_transaction) s.commit(AccountFlush::new_rows);
  return counts;
}

std::int64_t WorkspaceWriter::finish_file(std::int64_t file_id, const std::string& sha256, std::uint64_t lines,
                                          std::string_view status) {
  bool complete = status == "complete";
  State& s = *state_;
  s.begin_transaction();
  // The file's state and the latest profiles read from it are committed together.
  s.flush_accounts(AccountFlush::everything);
  std::int64_t final_id = file_id;
  std::optional<std::int64_t> earlier;
  if (complete) {
    s.find_same_content.bind(1, sha256).bind(2, file_id);
    if (s.find_same_content.step()) earlier = s.find_same_content.column_int(0);
    s.find_same_content.reset();
  }
  if (earlier) {
    final_id = *earlier;
    // The same bytes were ingested before (another path, or from stdin): their rejections and
    // notices are already recorded; posts new in this run keep their provenance on the older row.
    for (const char* sql : {"DELETE FROM rejected WHERE file_id = ?2", "DELETE FROM notices WHERE file_id = ?2",
                            "UPDATE posts SET file_id = ?1 WHERE file_id = ?2",
                            "UPDATE input_files SET posts_new = posts_new + (SELECT posts_new FROM input_files "
                            "WHERE id = ?2), status = 'complete' WHERE id = ?1",
                            "DELETE FROM input_files WHERE id = ?2"}) {
      auto statement = s.db.prepare(sql);
      statement.bind(1, final_id).bind(2, file_id).run();
    }
  } else {
    s.finish_file.bind(1, file_id)
        .bind_text_or_null(2, sha256)
        .bind(3, static_cast<std::int64_t>(lines))
        .bind(4, status)
        .bind(5, now_ms())
        .run();
  }
  // Committed with the next transaction: thousands of small files need not pay a commit each.
  return final_id;
}

void WorkspaceWriter::commit() { state_->commit(AccountFlush::everything); }

}  // namespace leaktrace
