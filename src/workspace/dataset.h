#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/platform.h"
#include "model/time.h"
#include "workspace/index_table.h"
#include "workspace/list_column.h"
#include "workspace/string_column.h"

namespace leaktrace {

constexpr std::uint32_t no_index = UINT32_MAX;

// An input file as the workspace recorded it: the methods section of a report names each.
struct DatasetFile {
  std::int64_t id = 0;  // workspace id, as posts' provenance refers to it
  std::string path;
  std::string sha256;
  std::string format;
  std::int64_t size = 0;
  std::int64_t lines = 0;
  std::int64_t rejected = 0;
  std::string status;
};

// Everything the analyses read, in memory, by column: posts and accounts are dense indices
// (0..n-1), every repeated string (hashtag, URL, host, language) is interned. Post indices follow
// the workspace's insertion order; posts_by_time() gives them in time order. Built by a
// DatasetBuilder (from a workspace by load_dataset, or by hand in tests). Post texts are loaded
// only when asked for (they are most of a workspace's bytes).
class Dataset {
 public:
  // Posts.
  std::size_t post_count() const { return post_time_.size(); }
  Platform post_platform(std::uint32_t post) const { return post_platform_[post]; }
  PostKind post_kind(std::uint32_t post) const { return post_kind_[post]; }
  TimeMs post_time(std::uint32_t post) const { return post_time_[post]; }
  std::uint32_t post_author(std::uint32_t post) const { return post_author_[post]; }
  // The post it reposts, quotes or answers, when that post is in the dataset; else no_index.
  std::uint32_t post_parent(std::uint32_t post) const { return post_parent_[post]; }
  std::string_view post_native_id(std::uint32_t post) const { return post_native_id_[post]; }
  std::string_view post_language(std::uint32_t post) const { return languages_[post_language_[post]]; }
  std::uint16_t post_language_id(std::uint32_t post) const { return post_language_[post]; }
  std::span<const std::uint32_t> post_hashtags(std::uint32_t post) const { return post_hashtags_[post]; }
  std::span<const std::uint32_t> post_urls(std::uint32_t post) const { return post_urls_[post]; }
  std::span<const std::uint32_t> post_mentions(std::uint32_t post) const { return post_mentions_[post]; }
  // Posts this post links to by URL, on any platform (a tweet citing a 4chan thread, a 4chan post
  // citing a paste), when they are in the dataset.
  std::span<const std::uint32_t> post_citations(std::uint32_t post) const { return post_citations_[post]; }
  std::size_t mention_count() const { return post_mentions_.values(); }    // over every post
  std::size_t citation_count() const { return post_citations_.values(); }  // over every post
  std::int64_t post_row(std::uint32_t post) const { return post_row_[post]; }  // workspace id
  std::int64_t post_file(std::uint32_t post) const { return post_file_[post]; }
  std::int64_t post_line(std::uint32_t post) const { return post_line_[post]; }
  bool has_text() const { return !post_text_.empty() || post_count() == 0; }
  // Refuses when the dataset was loaded without texts.
  std::string_view post_text(std::uint32_t post) const;
  const std::vector<std::uint32_t>& posts_by_time() const { return posts_by_time_; }
  // The post with this native id on this platform, if any (a scan: for a few lookups).
  std::optional<std::uint32_t> find_post(Platform platform, std::string_view native_id) const;

  // Accounts.
  std::size_t account_count() const { return account_platform_.size(); }
  Platform account_platform(std::uint32_t account) const { return account_platform_[account]; }
  std::string_view account_native_id(std::uint32_t account) const { return account_native_id_[account]; }
  std::string_view account_handle(std::uint32_t account) const { return account_handle_[account]; }
  std::string_view account_name(std::uint32_t account) const { return account_name_[account]; }
  TimeMs account_created_at(std::uint32_t account) const { return account_created_at_[account]; }
  std::int64_t account_followers(std::uint32_t account) const { return account_followers_[account]; }  // -1 unknown
  std::int64_t account_following(std::uint32_t account) const { return account_following_[account]; }
  std::int64_t account_statuses(std::uint32_t account) const { return account_statuses_[account]; }
  std::optional<bool> account_verified(std::uint32_t account) const { return tri(account_verified_[account]); }
  std::optional<bool> account_default_profile(std::uint32_t account) const {
    return tri(account_default_profile_[account]);
  }
  std::optional<std::uint32_t> find_account(Platform platform, std::string_view native_id) const;  // a scan
  // "twitter:25073877": the key graphs and exports name an account by.
  std::string account_key(std::uint32_t account) const;

  // Dictionaries.
  std::size_t hashtag_count() const { return hashtags_.size(); }
  std::string_view hashtag(std::uint32_t id) const { return hashtags_[id]; }  // case-folded, no '#'
  std::optional<std::uint32_t> find_hashtag(std::string_view folded) const;
  std::size_t url_count() const { return url_canonical_.size(); }
  std::string_view url_canonical(std::uint32_t id) const { return url_canonical_[id]; }
  std::string_view url_expanded(std::uint32_t id) const { return url_expanded_[id]; }
  std::string_view url_host(std::uint32_t id) const { return hosts_[url_host_[id]]; }
  std::size_t language_count() const { return languages_.size(); }
  std::string_view language(std::uint16_t id) const { return languages_[id]; }
  const std::vector<DatasetFile>& files() const { return files_; }
  const DatasetFile* file(std::int64_t id) const;

  // Bytes held by the columns (what `accounts`, `communities` and friends pay per post).
  std::size_t memory_bytes() const;

 private:
  friend class DatasetBuilder;
  static std::optional<bool> tri(std::int8_t value) {
    if (value < 0) return std::nullopt;
    return value != 0;
  }

  std::vector<Platform> post_platform_;
  std::vector<PostKind> post_kind_;
  std::vector<std::uint16_t> post_language_;
  std::vector<TimeMs> post_time_;
  std::vector<std::uint32_t> post_author_;
  std::vector<std::uint32_t> post_parent_;
  std::vector<std::int64_t> post_row_;
  std::vector<std::uint32_t> post_file_;
  std::vector<std::uint32_t> post_line_;
  StringColumn post_native_id_;
  StringColumn post_text_;
  ListColumn post_hashtags_;
  ListColumn post_urls_;
  ListColumn post_mentions_;
  ListColumn post_citations_;
  std::vector<std::uint32_t> posts_by_time_;

  std::vector<Platform> account_platform_;
  StringColumn account_native_id_;
  StringColumn account_handle_;
  StringColumn account_name_;
  std::vector<TimeMs> account_created_at_;
  std::vector<std::int64_t> account_followers_;
  std::vector<std::int64_t> account_following_;
  std::vector<std::int64_t> account_statuses_;
  std::vector<std::int8_t> account_verified_;
  std::vector<std::int8_t> account_default_profile_;

  StringColumn hashtags_;
  StringColumn url_canonical_;
  StringColumn url_expanded_;
  std::vector<std::uint32_t> url_host_;
  StringColumn hosts_;
  std::vector<std::string> languages_;
  std::vector<DatasetFile> files_;
};

// The profile of an account as a builder takes it.
struct DatasetAccount {
  Platform platform = Platform::twitter;
  std::string_view native_id;
  std::string_view handle;
  std::string_view name;
  TimeMs created_at = unknown_time;
  std::int64_t followers = -1;
  std::int64_t following = -1;
  std::int64_t statuses = -1;
  std::optional<bool> verified;
  std::optional<bool> default_profile;
};

// A post as a builder takes it; parents and citations name posts by native id and are resolved by
// finish(), so posts can come in any order.
struct DatasetPost {
  Platform platform = Platform::twitter;
  std::string_view native_id;
  std::uint32_t author = no_index;
  TimeMs time = unknown_time;
  PostKind kind = PostKind::original;
  std::string_view parent_native_id;  // same platform
  std::string_view language;
  std::string_view text;  // kept only by a builder made with texts
  std::int64_t row = 0;
  std::int64_t file = 0;
  std::int64_t line = 0;
};

// Fills a Dataset. Accounts and posts are deduplicated by (platform, native id): adding one again
// returns the index it already has.
class DatasetBuilder {
 public:
  explicit DatasetBuilder(bool with_text = false);
  std::uint32_t add_account(const DatasetAccount& account);
  std::uint32_t add_post(const DatasetPost& post);
  void add_hashtag(std::uint32_t post, std::string_view folded_tag);
  std::uint32_t intern_hashtag(std::string_view folded_tag);
  void add_hashtag_id(std::uint32_t post, std::uint32_t hashtag) { hashtag_pairs_.emplace_back(post, hashtag); }
  void add_url(std::uint32_t post, std::string_view canonical, std::string_view expanded, std::string_view host);
  std::uint32_t intern_url(std::string_view canonical, std::string_view expanded, std::string_view host);
  void add_url_id(std::uint32_t post, std::uint32_t url) { url_pairs_.emplace_back(post, url); }
  void add_mention(std::uint32_t post, std::uint32_t account);
  void add_citation(std::uint32_t post, Platform cited_platform, std::string_view cited_native_id);
  void add_file(DatasetFile file);
  void reserve(std::size_t posts, std::size_t accounts);
  std::optional<std::uint32_t> find_account(Platform platform, std::string_view native_id) const;
  // Resolves parents and citations, orders posts by time, and hands the dataset over.
  Dataset finish();

 private:
  std::uint32_t intern_host(std::string_view host);
  std::uint16_t intern_language(std::string_view language);
  std::uint32_t find_post_index(Platform platform, std::string_view native_id) const;

  Dataset dataset_;
  bool with_text_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hashtag_pairs_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> url_pairs_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> mention_pairs_;
  StringColumn parent_native_ids_;  // per post, resolved at finish
  struct Citation {
    std::uint32_t post;
    Platform platform;
    std::uint32_t native_id;  // index into citation_ids_
  };
  std::vector<Citation> citations_;
  StringColumn citation_ids_;
  IndexTable post_index_;
  IndexTable account_index_;
  IndexTable hashtag_index_;
  IndexTable url_index_;
  IndexTable host_index_;
};

}  // namespace leaktrace
