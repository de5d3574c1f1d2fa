#include "ingest/twitter_v2_reader.h"

#include <algorithm>
#include <utility>

#include "ingest/json_location.h"
#include "ingest/twitter_json.h"

namespace leaktrace {

using namespace twitter_json;  // NOLINT: the .cpp of a reader built on these helpers

struct TwitterV2Reader::State {
  ondemand::parser parser;
  std::string repaired;  // a truncated text with its open brackets closed
};

namespace {

#define LT_TRY(expression)                                   \
  do {                                                       \
    if (error_code lt_error = (expression)) return lt_error; \
  } while (false)

// One object of the v2 API read in a single pass. Tweets and users share keys (id, created_at,
// name...), and a page's `data` may hold either, so both are filled and the keys seen decide.
struct Record {
  Post post;
  Account account;
  std::string reference_type;  // inside referenced_tweets: retweeted, quoted, replied_to
  std::string retweeted_id;
  std::string quoted_id;
  bool tweet_keys = false;  // text or author_id seen
  bool user_keys = false;   // username seen
  bool page_keys = false;   // data, includes, errors, meta seen (a response page)
  bool compliance_keys = false;
  bool note_text = false;
  bool note_entities = false;
};

// What each top-level text contributes besides its records; one per read().
class PageParser {
 public:
  PageParser(RecordBatch& out, JsonLineTracker& tracker) : out_(out), tracker_(tracker) {}

  // Reads `object` into `record`; `top` is true for the top-level object, whose page keys count.
  error_code object(ondemand::object& object, std::uint64_t line, int depth, bool top, Record& record);

  // Appends the record as a post (with its account when a flat line embedded the author) or an
  // account, or a rejection; returns false for an object that is neither a tweet nor a user.
  bool finish(Record& record, std::uint64_t line, bool embedded);

  bool stopped() const { return stopped_; }

  // Marks the start of a record: the one to take back when the text was truncated.
  void mark(std::uint64_t line) {
    mark_ = {out_.posts.size(), out_.accounts.size(), out_.notices.size(), out_.rejections.size(), line};
  }
  const BatchMark& last_mark() const { return mark_; }
  std::size_t skipped() const { return skipped_; }
  TimeMs retrieved_at() const { return retrieved_at_; }

 private:
  error_code entities(ondemand::object& object, Post& post);
  error_code public_metrics(ondemand::object& object, Account& account);
  error_code referenced_tweets(ondemand::array& array, std::uint64_t line, int depth, Record& record);
  error_code nested(ondemand::value& value, std::uint64_t line, int depth, Record& nested_record);
  error_code records(ondemand::value& value, bool embedded);
  error_code includes(ondemand::object& object);
  error_code errors(ondemand::value& value);
  error_code twarc(ondemand::object& object);

  RecordBatch& out_;
  JsonLineTracker& tracker_;
  TimeMs retrieved_at_ = unknown_time;
  std::size_t skipped_ = 0;
  bool stopped_ = false;
  BatchMark mark_;
};

error_code PageParser::object(ondemand::object& object, std::uint64_t line, int depth, bool top, Record& record) {
  Post& post = record.post;
  Account& account = record.account;
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    ondemand::value& value = field.value();
    switch (key.size()) {
      case 2:
        if (key == "id") LT_TRY(read_id(value, post.id));
        break;
      case 4:
        if (key == "text") {
          record.tweet_keys = true;
          if (!record.note_text) LT_TRY(read_string(value, post.text));
        } else if (key == "lang") {
          LT_TRY(read_string(value, post.language));
        } else if (key == "name") {
          LT_TRY(read_string(value, account.display_name));
        } else if (key == "type") {
          LT_TRY(read_string(value, record.reference_type));
        } else if (top && key == "data") {
          record.page_keys = true;
          LT_TRY(records(value, false));
        } else if (top && key == "meta") {
          record.page_keys = true;
        }
        break;
      case 5:
        if (key == "tweet" && depth > 0) {
          // referenced_tweets[].tweet: the referenced tweet expanded under its own key.
          Record inner;
          LT_TRY(nested(value, line, depth, inner));
          if (post.id.empty()) post.id = inner.post.id;
          if (inner.tweet_keys) finish(inner, line, true);
        }
        break;
      case 6:
        if (key == "author") {
          // twarc2 flattened line: the author's profile inline.
          Record author;
          LT_TRY(nested(value, line, depth, author));
          finish(author, line, true);
        } else if (top && key == "errors") {
          record.page_keys = true;
          LT_TRY(errors(value));
        } else if (top && key == "action") {
          record.compliance_keys = true;
        }
        break;
      case 7:
        if (key == "__twarc") {
          ondemand::object twarc_object;
          if (error_code error = value.get_object().get(twarc_object)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(twarc(twarc_object));
          }
        }
        break;
      case 8:
        if (key == "entities") {
          ondemand::object entities_object;
          if (error_code error = value.get_object().get(entities_object)) {
            LT_TRY(hard(error));
          } else if (!record.note_entities) {
            LT_TRY(entities(entities_object, post));
          }
        } else if (key == "username") {
          record.user_keys = true;
          LT_TRY(read_string(value, account.handle));
        } else if (key == "verified") {
          LT_TRY(read_bool(value, account.verified));
        } else if (top && key == "includes") {
          record.page_keys = true;
          ondemand::object includes_object;
          if (error_code error = value.get_object().get(includes_object)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(includes(includes_object));
          }
        }
        break;
      case 9:
        if (key == "author_id") {
          record.tweet_keys = true;
          LT_TRY(read_id(value, post.author_id));
        }
        break;
      case 10:
        if (key == "created_at") {
          LT_TRY(read_time(value, post.created_at, parse_iso8601_time));
        } else if (key == "note_tweet") {
          // Long tweets (over 280 characters): `text` is cut, note_tweet holds the whole text.
          ondemand::object note;
          if (error_code error = value.get_object().get(note)) {
            LT_TRY(hard(error));
            break;
          }
          for (auto note_result : note) {
            ondemand::field note_field;
            LT_TRY(std::move(note_result).get(note_field));
            std::string_view note_key = raw_key(note_field);
            if (note_key == "text") {
              std::string text;
              LT_TRY(read_string(note_field.value(), text));
              if (!text.empty()) {
                post.text = std::move(text);
                record.note_text = true;
              }
            } else if (note_key == "entities") {
              ondemand::object entities_object;
              if (error_code error = note_field.value().get_object().get(entities_object)) {
                LT_TRY(hard(error));
              } else {
                LT_TRY(entities(entities_object, post));
                record.note_entities = true;
              }
            }
          }
        }
        break;
      case 11:
        if (key == "description") LT_TRY(read_string(value, account.description));
        break;
      case 14:
        if (key == "public_metrics") {
          ondemand::object metrics;
          if (error_code error = value.get_object().get(metrics)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(public_metrics(metrics, account));
          }
        }
        break;
      case 15:
        if (key == "conversation_id") {
          LT_TRY(read_id(value, post.conversation_id));
        } else if (key == "in_reply_to_user") {
          Record replied_user;
          LT_TRY(nested(value, line, depth, replied_user));
          finish(replied_user, line, true);
        }
        break;
      case 17:
        if (key == "referenced_tweets") {
          ondemand::array array;
          if (error_code error = value.get_array().get(array)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(referenced_tweets(array, line, depth, record));
          }
        }
        break;
      default:
        break;
    }
  }
  return simdjson::SUCCESS;
}

error_code PageParser::nested(ondemand::value& value, std::uint64_t line, int depth, Record& nested_record) {
  if (depth + 1 > max_embedding_depth) return simdjson::SUCCESS;  // skipped unread
  ondemand::object nested_object;
  if (error_code error = value.get_object().get(nested_object)) return hard(error);
  return object(nested_object, line, depth + 1, false, nested_record);
}

error_code PageParser::referenced_tweets(ondemand::array& array, std::uint64_t line, int depth, Record& record) {
  for (auto element_result : array) {
    ondemand::value element;
    LT_TRY(std::move(element_result).get(element));
    Record reference;
    LT_TRY(nested(element, line, depth, reference));
    // A flattened line (twarc2 --flatten) expands the referenced tweet inline: a post of its own.
    std::string id = reference.post.id;
    if (reference.tweet_keys) finish(reference, line, true);
    if (id.empty()) continue;
    if (reference.reference_type == "retweeted") {
      record.retweeted_id = std::move(id);
    } else if (reference.reference_type == "quoted") {
      record.quoted_id = std::move(id);
    } else if (reference.reference_type == "replied_to") {
      record.post.reply_to_id = std::move(id);
    }
  }
  return simdjson::SUCCESS;
}

error_code PageParser::entities(ondemand::object& object, Post& post) {
  post.hashtags.clear();
  post.urls.clear();
  post.mentions.clear();
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    enum class List { none, hashtags, urls, mentions } list = List::none;
    if (key == "hashtags") list = List::hashtags;
    else if (key == "urls") list = List::urls;
    else if (key == "mentions") list = List::mentions;
    if (list == List::none) continue;
    ondemand::array array;
    if (error_code error = field.value().get_array().get(array)) {
      LT_TRY(hard(error));
      continue;
    }
    for (auto element_result : array) {
      ondemand::object element;
      if (error_code error = element_result.get_object().get(element)) {
        LT_TRY(hard(error));
        continue;
      }
      std::string text;
      std::string id;
      std::string short_url;
      for (auto inner_result : element) {
        ondemand::field inner;
        LT_TRY(std::move(inner_result).get(inner));
        std::string_view inner_key = raw_key(inner);
        ondemand::value& value = inner.value();
        switch (list) {
          case List::hashtags:
            if (inner_key == "tag") LT_TRY(read_string(value, text));
            break;
          case List::urls:
            if (inner_key == "expanded_url") LT_TRY(read_string(value, text));
            else if (inner_key == "url") LT_TRY(read_string(value, short_url));
            break;
          case List::mentions:
            if (inner_key == "username") LT_TRY(read_string(value, text));
            else if (inner_key == "id") LT_TRY(read_id(value, id));
            break;
          case List::none:
            break;
        }
      }
      switch (list) {
        case List::hashtags:
          if (!text.empty()) post.hashtags.push_back(std::move(text));
          break;
        case List::urls:
          if (text.empty()) text = std::move(short_url);
          if (!text.empty()) post.urls.push_back({std::move(text), {}, std::nullopt});
          break;
        case List::mentions:
          if (text.empty() && id.empty()) break;
          if (id.empty()) {
            // The API gives no id for a mentioned account it could not resolve (suspended, renamed).
            id.reserve(text.size() + 1);
            id.push_back('@');
            for (char c : text) id.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
          }
          post.mentions.push_back({std::move(id), std::move(text)});
          break;
        case List::none:
          break;
      }
    }
  }
  return simdjson::SUCCESS;
}

error_code PageParser::public_metrics(ondemand::object& object, Account& account) {
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    if (key == "followers_count") LT_TRY(read_int(field.value(), account.followers));
    else if (key == "following_count") LT_TRY(read_int(field.value(), account.following));
    else if (key == "tweet_count") LT_TRY(read_int(field.value(), account.posts));
  }
  return simdjson::SUCCESS;
}

// The `data` of a page: one object (filtered stream) or an array (search, timelines, lookups).
// Each record carries the line it starts on.
error_code PageParser::records(ondemand::value& value, bool embedded) {
  ondemand::json_type type;
  LT_TRY(value.type().get(type));
  if (type == ondemand::json_type::object) {
    std::uint64_t line = tracker_.line_at(value.raw_json_token().data());
    mark(line);
    ondemand::object single;
    LT_TRY(value.get_object().get(single));
    Record record;
    if (error_code error = object(single, line, 0, false, record)) {
      out_.rejections.push_back({line, rejection_reason(error)});
      stopped_ = true;
      return error;
    }
    if (!finish(record, line, embedded)) ++skipped_;
    return simdjson::SUCCESS;
  }
  ondemand::array array;
  if (error_code error = value.get_array().get(array)) return hard(error);
  std::uint64_t line = tracker_.line_at(value.raw_json_token().data());
  for (auto element_result : array) {
    ondemand::value element;
    if (error_code error = std::move(element_result).get(element)) {
      out_.rejections.push_back({line, rejection_reason(error)});
      stopped_ = true;
      return error;
    }
    line = tracker_.line_at(element.raw_json_token().data());
    mark(line);
    ondemand::object element_object;
    if (error_code error = element.get_object().get(element_object)) {
      LT_TRY(hard(error));
      ++skipped_;
      continue;
    }
    Record record;
    if (error_code error = object(element_object, line, 0, false, record)) {
      out_.rejections.push_back({line, rejection_reason(error)});
      stopped_ = true;
      return error;
    }
    if (!finish(record, line, embedded)) ++skipped_;
  }
  return simdjson::SUCCESS;
}

error_code PageParser::includes(ondemand::object& object) {
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    // users and tweets only: media, places and polls are not part of the model.
    if (key == "users" || key == "tweets") LT_TRY(records(field.value(), true));
  }
  return simdjson::SUCCESS;
}

// {"errors":[{"title":..., "detail":..., "type":...}]}: partial errors of a page (a suspended
// author, a deleted referenced tweet) or a stream's disconnection. Not fatal, not a rejection.
error_code PageParser::errors(ondemand::value& value) {
  ondemand::array array;
  if (error_code error = value.get_array().get(array)) return hard(error);
  for (auto element_result : array) {
    ondemand::value element;
    LT_TRY(std::move(element_result).get(element));
    Notice notice;
    notice.kind = NoticeKind::stream_error;
    notice.line = tracker_.line_at(element.raw_json_token().data());
    ondemand::object error_object;
    if (error_code error = element.get_object().get(error_object)) {
      LT_TRY(hard(error));
      continue;
    }
    std::string title;
    std::string message;
    for (auto field_result : error_object) {
      ondemand::field field;
      LT_TRY(std::move(field_result).get(field));
      std::string_view key = raw_key(field);
      if (key == "detail") LT_TRY(read_string(field.value(), notice.detail));
      else if (key == "title") LT_TRY(read_string(field.value(), title));
      else if (key == "message") LT_TRY(read_string(field.value(), message));
    }
    if (notice.detail.empty()) notice.detail = message.empty() ? std::move(title) : std::move(message);
    out_.notices.push_back(std::move(notice));
  }
  return simdjson::SUCCESS;
}

error_code PageParser::twarc(ondemand::object& object) {
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    if (raw_key(field) == "retrieved_at") LT_TRY(read_time(field.value(), retrieved_at_, parse_iso8601_time));
  }
  return simdjson::SUCCESS;
}

bool PageParser::finish(Record& record, std::uint64_t line, bool embedded) {
  if (record.tweet_keys) {
    Post& post = record.post;
    post.platform = Platform::twitter;
    post.provenance.line = line;
    post.embedded = embedded;
    if (post.id.empty()) {
      out_.rejections.push_back({line, "tweet without id"});
      return true;
    }
    if (post.author_id.empty()) {
      out_.rejections.push_back({line, "tweet " + post.id + " without author (author_id)"});
      return true;
    }
    if (!record.retweeted_id.empty()) {
      post.kind = PostKind::repost;
      post.parent_id = std::move(record.retweeted_id);
    } else if (!record.quoted_id.empty()) {
      post.kind = PostKind::quote;
      post.parent_id = std::move(record.quoted_id);
    } else if (!post.reply_to_id.empty()) {
      post.kind = PostKind::reply;
      post.parent_id = post.reply_to_id;
    }
    out_.posts.push_back(std::move(post));
    return true;
  }
  if (record.user_keys) {
    Account& account = record.account;
    if (record.post.id.empty()) return true;  // a user without id cannot be keyed: nothing to keep
    account.platform = Platform::twitter;
    account.id = std::move(record.post.id);
    account.created_at = record.post.created_at;
    out_.accounts.push_back(std::move(account));
    return true;
  }
  return false;
}

}  // namespace

TwitterV2Reader::TwitterV2Reader() : state_(std::make_unique<State>()) {}
TwitterV2Reader::~TwitterV2Reader() = default;

Format TwitterV2Reader::format() const { return Format::twitter_v2; }

namespace {

// Walks one text; returns the error that stopped the walk (already reported as a rejection).
error_code walk(ondemand::document& document, std::string_view json, std::uint64_t first_line, RecordBatch& out,
                BatchMark& last_mark) {
  std::uint64_t line = first_record_line(json, first_line);
  const std::size_t first_post = out.posts.size();
  const std::size_t first_account = out.accounts.size();
  JsonLineTracker tracker(json, first_line);
  PageParser parser(out, tracker);
  parser.mark(line);
  ondemand::object top;
  if (error_code error = document.get_object().get(top)) {
    out.rejections.push_back({line, is_soft_error(error) ? "not a Twitter v2 page or tweet: expected a JSON object"
                                                         : rejection_reason(error)});
    return is_soft_error(error) ? simdjson::SUCCESS : error;
  }
  Record record;
  error_code error = parser.object(top, line, 0, true, record);
  if (error) {
    if (!parser.stopped()) out.rejections.push_back({line, rejection_reason(error)});
  } else if (!record.page_keys && !parser.finish(record, line, false)) {
    // Compliance records ({"id","action":"delete",...}) name tweets or users that were deleted
    // or protected, without saying which of the two: there is nothing to attach them to.
    if (!record.compliance_keys) out.rejections.push_back({line, "not a Twitter v2 tweet or response page"});
  } else if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    out.rejections.push_back({line, "malformed JSON: content after the end of the record"});
  }
  if (parser.skipped() > 0) {
    // Tweet counts, lists and other endpoints' pages: valid twarc2 output, but no posts.
    out.notices.push_back({NoticeKind::warning, line, unknown_time, static_cast<std::int64_t>(parser.skipped()),
                           "skipped records that are neither tweets nor users (tweet counts, lists?)"});
  }

  // v2 profiles describe the account when it was retrieved (twarc's retrieved_at); without it,
  // the newest tweet of the text is the best estimate.
  TimeMs observed_at = parser.retrieved_at();
  if (observed_at == unknown_time) {
    for (std::size_t i = first_post; i < out.posts.size(); ++i) observed_at = std::max(observed_at, out.posts[i].created_at);
  }
  for (std::size_t i = first_account; i < out.accounts.size(); ++i) {
    if (out.accounts[i].observed_at == unknown_time) out.accounts[i].observed_at = observed_at;
  }
  last_mark = parser.last_mark();
  return error;
}

}  // namespace

void TwitterV2Reader::read(std::string_view json, std::uint64_t first_line, RecordBatch& out) {
  std::uint64_t line = first_record_line(json, first_line);
  ondemand::document document;
  if (error_code error = state_->parser.iterate(padded_view(json)).get(document)) {
    if (error != simdjson::EMPTY) out.rejections.push_back({line, rejection_reason(error)});
    return;
  }
  const BatchMark before{out.posts.size(), out.accounts.size(), out.notices.size(), out.rejections.size(), line};
  const std::size_t rejections_before = out.rejections.size();
  BatchMark mark;
  error_code error = walk(document, json, first_line, out, mark);
  bool refused_at_root = error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT && out.posts.size() == before.posts &&
                         out.accounts.size() == before.accounts && out.notices.size() == before.notices &&
                         out.rejections.size() == rejections_before + 1;
  if (!refused_at_root || !close_truncated(json, state_->repaired)) return;
  // On-Demand refuses a root object whose closing brace is missing before reading anything.
  // Closing the open brackets keeps the records before the cut; the one the cut went through is
  // taken back (it may look complete once closed) and rejected.
  out.rejections.pop_back();
  std::string_view repaired = state_->repaired;
  if (state_->parser.iterate(simdjson::padded_string_view(repaired.data(), repaired.size(), state_->repaired.capacity()))
          .get(document)) {
    out.rejections.push_back({line, rejection_reason(error)});
    return;
  }
  if (walk(document, repaired, first_line, out, mark)) return;  // a hard error is reported where it is
  out.posts.resize(mark.posts);
  out.accounts.resize(mark.accounts);
  out.notices.resize(mark.notices);
  out.rejections.resize(mark.rejections);
  out.rejections.push_back({mark.line, "truncated JSON: the text ends inside this record"});
}

}  // namespace leaktrace
