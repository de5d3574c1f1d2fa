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

void RecordBatch::clear() {
  for (Post& post : posts) spare_posts_.push_back(std::move(post));
  for (Account& account : accounts) spare_accounts_.push_back(std::move(account));
  posts.clear();
  accounts.clear();
  rejections.clear();
  notices.clear();
}

// Every field back to its default; the strings keep their buffers. Lists of entities are emptied.
Post RecordBatch::fresh_post() {
  if (spare_posts_.empty()) return Post{};
  Post post = std::move(spare_posts_.back());
  spare_posts_.pop_back();
  post.platform = Platform::twitter;
  post.id.clear();
  post.author_id.clear();
  post.created_at = unknown_time;
  post.kind = PostKind::original;
  post.parent_id.clear();
  post.reply_to_id.clear();
  post.conversation_id.clear();
  post.channel.clear();
  post.text.clear();
  post.language.clear();
  post.hashtags.clear();
  post.mentions.clear();
  post.urls.clear();
  post.provenance = {};
  post.embedded = false;
  return post;
}

Account RecordBatch::fresh_account() {
  if (spare_accounts_.empty()) return Account{};
  Account account = std::move(spare_accounts_.back());
  spare_accounts_.pop_back();
  account.platform = Platform::twitter;
  account.id.clear();
  account.handle.clear();
  account.display_name.clear();
  account.created_at = unknown_time;
  account.followers.reset();
  account.following.reset();
  account.posts.reset();
  account.verified.reset();
  account.default_profile.reset();
  account.description.clear();
  account.observed_at = unknown_time;
  account.first_observed_at = unknown_time;
  return account;
}

}  // namespace leaktrace
