#include "workspace/dataset.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

std::uint64_t hash_text(std::string_view text) { return std::hash<std::string_view>{}(text); }

std::uint64_t hash_key(Platform platform, std::string_view native_id) {
  // Mixes the platform in so that the same number on two platforms lands apart.
  return hash_text(native_id) ^ (0x9e3779b97f4a7c15ULL * (static_cast<std::uint64_t>(platform) + 1));
}

template <typename T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

std::string_view Dataset::post_text(std::uint32_t post) const {
  if (post_text_.empty()) {
    throw std::logic_error("post texts were not loaded: load the dataset with texts (DatasetLoadOptions::texts)");
  }
  return post_text_[post];
}

std::optional<std::uint32_t> Dataset::find_post(Platform platform, std::string_view native_id) const {
  for (std::uint32_t post = 0; post < post_count(); ++post) {
    if (post_platform_[post] == platform && post_native_id_[post] == native_id) return post;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> Dataset::find_account(Platform platform, std::string_view native_id) const {
  for (std::uint32_t account = 0; account < account_count(); ++account) {
    if (account_platform_[account] == platform && account_native_id_[account] == native_id) return account;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> Dataset::find_hashtag(std::string_view folded) const {
  for (std::uint32_t id = 0; id < hashtags_.size(); ++id) {
    if (hashtags_[id] == folded) return id;
  }
  return std::nullopt;
}

std::string Dataset::account_key(std::uint32_t account) const {
  return fmt::format("{}:{}", platform_name(account_platform_[account]), account_native_id_[account]);
}

const DatasetFile* Dataset::file(std::int64_t id) const {
  for (const DatasetFile& f : files_) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::size_t Dataset::memory_bytes() const {
  return bytes_of(post_platform_) + bytes_of(post_kind_) + bytes_of(post_language_) + bytes_of(post_time_) +
         bytes_of(post_author_) + bytes_of(post_parent_) + bytes_of(post_row_) + bytes_of(post_file_) +
         bytes_of(post_line_) + post_native_id_.memory_bytes() + post_text_.memory_bytes() +
         post_hashtags_.memory_bytes() + post_urls_.memory_bytes() + post_mentions_.memory_bytes() +
         post_citations_.memory_bytes() + bytes_of(posts_by_time_) + bytes_of(account_platform_) +
         account_native_id_.memory_bytes() + account_handle_.memory_bytes() + account_name_.memory_bytes() +
         bytes_of(account_created_at_) + bytes_of(account_followers_) + bytes_of(account_following_) +
         bytes_of(account_statuses_) + bytes_of(account_verified_) + bytes_of(account_default_profile_) +
         hashtags_.memory_bytes() + url_canonical_.memory_bytes() + url_expanded_.memory_bytes() +
         bytes_of(url_host_) + hosts_.memory_bytes();
}

DatasetBuilder::DatasetBuilder(bool with_text) : with_text_(with_text) { dataset_.languages_.emplace_back(); }

void DatasetBuilder::reserve(std::size_t posts, std::size_t accounts) {
  Dataset& d = dataset_;
  d.post_platform_.reserve(posts);
  d.post_kind_.reserve(posts);
  d.post_language_.reserve(posts);
  d.post_time_.reserve(posts);
  d.post_author_.reserve(posts);
  d.post_row_.reserve(posts);
  d.post_file_.reserve(posts);
  d.post_line_.reserve(posts);
  d.post_native_id_.reserve(posts, posts * 19);
  parent_native_ids_.reserve(posts, posts * 8);
  d.account_platform_.reserve(accounts);
  d.account_native_id_.reserve(accounts, accounts * 12);
  d.account_handle_.reserve(accounts, accounts * 12);
  d.account_name_.reserve(accounts, accounts * 14);
  d.account_created_at_.reserve(accounts);
  d.account_followers_.reserve(accounts);
  d.account_following_.reserve(accounts);
  d.account_statuses_.reserve(accounts);
  d.account_verified_.reserve(accounts);
  d.account_default_profile_.reserve(accounts);
}

std::optional<std::uint32_t> DatasetBuilder::find_account(Platform platform, std::string_view native_id) const {
  const Dataset& d = dataset_;
  std::uint32_t found = account_index_.find(hash_key(platform, native_id), [&](std::uint32_t a) {
    return d.account_platform_[a] == platform && d.account_native_id_[a] == native_id;
  });
  if (found == IndexTable::empty) return std::nullopt;
  return found;
}

std::uint32_t DatasetBuilder::add_account(const DatasetAccount& account) {
  if (auto existing = find_account(account.platform, account.native_id)) return *existing;
  Dataset& d = dataset_;
  auto index = static_cast<std::uint32_t>(d.account_platform_.size());
  d.account_platform_.push_back(account.platform);
  d.account_native_id_.push_back(account.native_id);
  d.account_handle_.push_back(account.handle);
  d.account_name_.push_back(account.name);
  d.account_created_at_.push_back(account.created_at);
  d.account_followers_.push_back(account.followers);
  d.account_following_.push_back(account.following);
  d.account_statuses_.push_back(account.statuses);
  d.account_verified_.push_back(account.verified ? (*account.verified ? 1 : 0) : -1);
  d.account_default_profile_.push_back(account.default_profile ? (*account.default_profile ? 1 : 0) : -1);
  account_index_.insert(hash_key(account.platform, account.native_id), index);
  return index;
}

std::uint32_t DatasetBuilder::find_post_index(Platform platform, std::string_view native_id) const {
  const Dataset& d = dataset_;
  return post_index_.find(hash_key(platform, native_id), [&](std::uint32_t p) {
    return d.post_platform_[p] == platform && d.post_native_id_[p] == native_id;
  });
}

std::uint16_t DatasetBuilder::intern_language(std::string_view language) {
  auto& languages = dataset_.languages_;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    if (languages[i] == language) return static_cast<std::uint16_t>(i);
  }
  if (languages.size() >= UINT16_MAX) return 0;  // more than 65,535 languages: not a language tag any more
  languages.emplace_back(language);
  return static_cast<std::uint16_t>(languages.size() - 1);
}

std::uint32_t DatasetBuilder::add_post(const DatasetPost& post) {
  if (post.author >= dataset_.account_count()) {
    throw std::logic_error(fmt::format("post {} names author index {} before the account was added", post.native_id,
                                       post.author));
  }
  if (std::uint32_t existing = find_post_index(post.platform, post.native_id); existing != IndexTable::empty) {
    return existing;
  }
  Dataset& d = dataset_;
  auto index = static_cast<std::uint32_t>(d.post_platform_.size());
  d.post_platform_.push_back(post.platform);
  d.post_kind_.push_back(post.kind);
  d.post_language_.push_back(intern_language(post.language));
  d.post_time_.push_back(post.time);
  d.post_author_.push_back(post.author);
  d.post_row_.push_back(post.row);
  d.post_file_.push_back(static_cast<std::uint32_t>(post.file));
  d.post_line_.push_back(static_cast<std::uint32_t>(std::min<std::int64_t>(post.line, UINT32_MAX)));
  d.post_native_id_.push_back(post.native_id);
  if (with_text_) d.post_text_.push_back(post.text);
  parent_native_ids_.push_back(post.parent_native_id);
  post_index_.insert(hash_key(post.platform, post.native_id), index);
  return index;
}

std::uint32_t DatasetBuilder::intern_hashtag(std::string_view folded_tag) {
  Dataset& d = dataset_;
  std::uint64_t hash = hash_text(folded_tag);
  std::uint32_t id = hashtag_index_.find(hash, [&](std::uint32_t h) { return d.hashtags_[h] == folded_tag; });
  if (id == IndexTable::empty) {
    id = d.hashtags_.push_back(folded_tag);
    hashtag_index_.insert(hash, id);
  }
  return id;
}

void DatasetBuilder::add_hashtag(std::uint32_t post, std::string_view folded_tag) {
  add_hashtag_id(post, intern_hashtag(folded_tag));
}

std::uint32_t DatasetBuilder::intern_host(std::string_view host) {
  Dataset& d = dataset_;
  std::uint64_t hash = hash_text(host);
  std::uint32_t id = host_index_.find(hash, [&](std::uint32_t h) { return d.hosts_[h] == host; });
  if (id == IndexTable::empty) {
    id = d.hosts_.push_back(host);
    host_index_.insert(hash, id);
  }
  return id;
}

std::uint32_t DatasetBuilder::intern_url(std::string_view canonical, std::string_view expanded,
                                         std::string_view host) {
  Dataset& d = dataset_;
  std::uint64_t hash = hash_text(canonical);
  std::uint32_t id = url_index_.find(hash, [&](std::uint32_t u) { return d.url_canonical_[u] == canonical; });
  if (id == IndexTable::empty) {
    id = d.url_canonical_.push_back(canonical);
    d.url_expanded_.push_back(expanded);
    d.url_host_.push_back(intern_host(host));
    url_index_.insert(hash, id);
  }
  return id;
}

void DatasetBuilder::add_url(std::uint32_t post, std::string_view canonical, std::string_view expanded,
                             std::string_view host) {
  add_url_id(post, intern_url(canonical, expanded, host));
}

void DatasetBuilder::add_mention(std::uint32_t post, std::uint32_t account) { mention_pairs_.emplace_back(post, account); }

void DatasetBuilder::add_citation(std::uint32_t post, Platform cited_platform, std::string_view cited_native_id) {
  citations_.push_back({post, cited_platform, citation_ids_.push_back(cited_native_id)});
}

void DatasetBuilder::add_file(DatasetFile file) { dataset_.files_.push_back(std::move(file)); }

Dataset DatasetBuilder::finish() {
  Dataset& d = dataset_;
  const std::size_t posts = d.post_count();

  d.post_parent_.assign(posts, no_index);
  for (std::uint32_t post = 0; post < posts; ++post) {
    std::string_view parent = parent_native_ids_[post];
    if (parent.empty()) continue;
    std::uint32_t found = find_post_index(d.post_platform_[post], parent);
    if (found != IndexTable::empty && found != post) d.post_parent_[post] = found;
  }
  parent_native_ids_ = StringColumn();

  std::vector<std::pair<std::uint32_t, std::uint32_t>> cited;
  cited.reserve(citations_.size());
  for (const Citation& c : citations_) {
    std::uint32_t found = find_post_index(c.platform, citation_ids_[c.native_id]);
    if (found != IndexTable::empty && found != c.post) cited.emplace_back(c.post, found);
  }
  std::sort(cited.begin(), cited.end());
  cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
  d.post_citations_ = ListColumn::from_pairs(posts, cited);
  citations_ = {};
  citation_ids_ = StringColumn();

  d.post_hashtags_ = ListColumn::from_pairs(posts, hashtag_pairs_);
  d.post_urls_ = ListColumn::from_pairs(posts, url_pairs_);
  d.post_mentions_ = ListColumn::from_pairs(posts, mention_pairs_);
  hashtag_pairs_ = {};
  url_pairs_ = {};
  mention_pairs_ = {};

  d.posts_by_time_.resize(posts);
  for (std::uint32_t post = 0; post < posts; ++post) d.posts_by_time_[post] = post;
  // Ties keep the insertion order, so that time order is the same on every run.
  std::stable_sort(d.posts_by_time_.begin(), d.posts_by_time_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return d.post_time_[a] < d.post_time_[b]; });

  post_index_ = IndexTable();
  account_index_ = IndexTable();
  hashtag_index_ = IndexTable();
  url_index_ = IndexTable();
  host_index_ = IndexTable();
  d.post_native_id_.shrink_to_fit();
  return std::move(dataset_);
}

}  // namespace leaktrace
