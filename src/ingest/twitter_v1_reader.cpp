#include "ingest/twitter_v1_reader.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/json_location.h"
#include "ingest/native_id_map.h"
#include "ingest/twitter_json.h"

namespace leaktrace {

using namespace twitter_json;  // NOLINT: the .cpp of a reader built on these helpers

namespace {

// One entity of a list (hashtag, URL, mention) as views into the parser's buffer, collected before
// the list's strings are built, so that each list is allocated once at its size.
struct EntityRef {
  std::string_view text;   // hashtag text, expanded URL (else the short URL), mention screen name
  std::string_view id;     // mention id_str
  IdRef id_number;         // mention id
};

// What the reader keeps from one text to the next, to spare allocations and work.
struct Scratch {
  std::vector<EntityRef> entities;  // of TweetParser::entities
  // The last created_at of a tweet parsed and its time: a stream's tweets come in time order, and
  // many share their second with the tweet before.
  std::string time_text;
  std::optional<TimeMs> time;  // parse_twitter_v1_time(time_text)
  // Ids of the tweets given so far. A stream repeats an original inside each of its retweets (and
  // quotes): a copy of a tweet already given adds nothing, so it is skipped once its id is read.
  struct Given {};
  NativeIdMap<Given> given;
};

// Beyond this many ids (8 to 16 bytes each) the reader stops remembering: copies are then given
// again, which costs time, not correctness (the workspace keeps one).
constexpr std::size_t max_given_ids = std::size_t{1} << 25;

}  // namespace

struct TwitterV1Reader::State {
  ondemand::parser parser;
  std::string repaired;  // a truncated text with its open brackets closed
  Scratch scratch;
};

namespace {

#define LT_TRY(expression)                               \
  do {                                                   \
    if (error_code lt_error = (expression)) return lt_error; \
  } while (false)

// Where the text of a tweet came from, best first: a later, better source replaces an earlier one
// whatever the order of the keys.
enum class TextSource : unsigned char { none, text, full_text, extended_full_text };

// Collects one tweet (and the tweets embedded in it) in a single pass over its keys.
class TweetParser {
 public:
  TweetParser(RecordBatch& out, Scratch& scratch) : out_(out), scratch_(scratch) {}

  // True once a record inside the document was rejected for an error that stops the walk: the
  // caller must not report the same error again at the document's line.
  bool stopped() const { return stopped_; }

  // Marks the start of a top-level record: the one to take back when the text was truncated.
  void mark(std::uint64_t line) {
    mark_ = {out_.posts.size(), out_.accounts.size(), out_.notices.size(), out_.rejections.size(), line};
  }
  const BatchMark& last_mark() const { return mark_; }

  // What a top-level object turned out to be besides (or instead of) a tweet.
  struct TopLevel {
    JsonLineTracker* tracker = nullptr;
    bool not_a_tweet = false;  // a search response or a stream notice
  };

  // Parses the tweet in `object`; appends its post and account (and those of the embedded
  // tweets) or a rejection. `id_out` (if any) receives the tweet's id, so that a container knows its parent.
  error_code tweet(ondemand::object& object, std::uint64_t line, int depth, std::string* id_out, TopLevel* top);

 private:
  error_code user(ondemand::object& object, Account& account);
  error_code entities(ondemand::object& object, Post& post);
  error_code extended_tweet(ondemand::object& object, Post& post, TextSource& text_source, bool& extended_entities);
  error_code embedded(ondemand::value& value, std::uint64_t line, int depth, std::string& id_out);
  error_code statuses(ondemand::value& value, JsonLineTracker& tracker);
  error_code notice(ondemand::value& value, NoticeKind kind, std::uint64_t line);

  std::optional<TimeMs> tweet_time(std::string_view text) {
    if (text != scratch_.time_text) {
      scratch_.time = parse_twitter_v1_time(text);
      scratch_.time_text.assign(text);
    }
    return scratch_.time;
  }

  RecordBatch& out_;
  Scratch& scratch_;
  bool stopped_ = false;
  BatchMark mark_;
};

error_code TweetParser::tweet(ondemand::object& object, std::uint64_t line, int depth, std::string* id_out,
                              TopLevel* top) {
  Post post;
  post.platform = Platform::twitter;
  post.provenance.line = line;
  post.embedded = depth > 0;
  Account account;
  account.platform = Platform::twitter;
  IdRef id_number;
  std::string retweeted_id;
  std::string quoted_id;
  IdRef reply_to_number;
  TextSource text_source = TextSource::none;
  bool extended_entities = false;
  TimeMs timestamp = unknown_time;

  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    ondemand::value& value = field.value();
    switch (key.size()) {
      case 2:
        if (key == "id") LT_TRY(read_id(value, id_number));
        break;
      case 4:
        if (key == "text") {
          if (text_source < TextSource::text) {
            LT_TRY(read_string(value, post.text));
            text_source = TextSource::text;
          }
        } else if (key == "user") {
          ondemand::object user_object;
          if (error_code error = value.get_object().get(user_object)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(user(user_object, account));
          }
        } else if (key == "lang") {
          LT_TRY(read_string(value, post.language));
        }
        break;
      case 5:
        if (top && key == "limit") {
          top->not_a_tweet = true;
          LT_TRY(notice(value, NoticeKind::limit, line));
        }
        break;
      case 6:
        if (key == "id_str") {
          // Looked up as a view: a copy already given (most embedded originals) builds no string
          // of its own, only its container's parent id.
          std::string_view id = post.id;  // kept when id_str is null, as read_string does
          LT_TRY(read_string(value, id));
          if (depth > 0 && scratch_.given.find(id)) {
            // The rest of the object is skipped by the walk of its container.
            if (id_out) id_out->assign(id);
            return simdjson::SUCCESS;
          }
          if (id.data() != post.id.data()) post.id.assign(id);
        } else if (top && key == "delete") {
          top->not_a_tweet = true;
          LT_TRY(notice(value, NoticeKind::deletion, line));
        }
        break;
      case 7:
        if (top && key == "warning") {
          top->not_a_tweet = true;
          LT_TRY(notice(value, NoticeKind::warning, line));
        }
        break;
      case 8:
        if (key == "entities") {
          ondemand::object entities_object;
          if (error_code error = value.get_object().get(entities_object)) {
            LT_TRY(hard(error));
          } else if (!extended_entities) {
            LT_TRY(entities(entities_object, post));
          }
        } else if (top && top->tracker && key == "statuses") {
          top->not_a_tweet = true;
          LT_TRY(statuses(value, *top->tracker));
        }
        break;
      case 9:
        if (key == "full_text" && text_source < TextSource::full_text) {
          LT_TRY(read_string(value, post.text));
          text_source = TextSource::full_text;
        }
        break;
      case 10:
        if (key == "created_at") {
          LT_TRY(read_time(value, post.created_at, [this](std::string_view text) { return tweet_time(text); }));
        } else if (top && key == "disconnect") {
          top->not_a_tweet = true;
          LT_TRY(notice(value, NoticeKind::stream_error, line));
        }
        break;
      case 12:
        if (key == "timestamp_ms") LT_TRY(read_epoch_ms(value, timestamp));
        break;
      case 13:
        if (key == "quoted_status") LT_TRY(embedded(value, line, depth, quoted_id));
        break;
      case 14:
        if (key == "extended_tweet") {
          ondemand::object extended_object;
          if (error_code error = value.get_object().get(extended_object)) {
            LT_TRY(hard(error));
          } else {
            LT_TRY(extended_tweet(extended_object, post, text_source, extended_entities));
          }
        }
        break;
      case 15:
        if (top && key == "search_metadata") top->not_a_tweet = true;
        break;
      case 16:
        if (key == "retweeted_status") LT_TRY(embedded(value, line, depth, retweeted_id));
        break;
      case 20:
        if (key == "quoted_status_id_str" && quoted_id.empty()) LT_TRY(read_string(value, quoted_id));
        break;
      case 21:
        if (key == "in_reply_to_status_id") LT_TRY(read_id(value, reply_to_number));
        break;
      case 25:
        if (key == "in_reply_to_status_id_str") LT_TRY(read_string(value, post.reply_to_id));
        break;
      default:
        break;
    }
  }

  if (post.id.empty()) id_number.assign_to(post.id);
  if (post.id.empty()) {
    if (!top || !top->not_a_tweet) out_.rejections.push_back({line, "tweet without id (id_str)"});
    return simdjson::SUCCESS;
  }
  if (account.id.empty()) {
    out_.rejections.push_back({line, "tweet " + post.id + " without author (user.id_str)"});
    return simdjson::SUCCESS;
  }
  if (post.created_at == unknown_time) post.created_at = timestamp;
  if (post.reply_to_id.empty()) reply_to_number.assign_to(post.reply_to_id);
  if (!retweeted_id.empty()) {
    post.kind = PostKind::repost;
    post.parent_id = std::move(retweeted_id);
  } else if (!quoted_id.empty()) {
    post.kind = PostKind::quote;
    post.parent_id = std::move(quoted_id);
  } else if (!post.reply_to_id.empty()) {
    post.kind = PostKind::reply;
    post.parent_id = post.reply_to_id;
  }
  post.author_id = account.id;
  account.observed_at = post.created_at;
  if (id_out) *id_out = post.id;
  out_.accounts.push_back(std::move(account));
  out_.posts.push_back(std::move(post));
  return simdjson::SUCCESS;
}

error_code TweetParser::embedded(ondemand::value& value, std::uint64_t line, int depth, std::string& id_out) {
  if (depth + 1 > max_embedding_depth) return simdjson::SUCCESS;  // skipped unread
  ondemand::object object;
  if (error_code error = value.get_object().get(object)) return hard(error);  // null: not embedded
  return tweet(object, line, depth + 1, &id_out, nullptr);
}

error_code TweetParser::user(ondemand::object& object, Account& account) {
  IdRef id_number;
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    ondemand::value& value = field.value();
    switch (key.size()) {
      case 2:
        if (key == "id") LT_TRY(read_id(value, id_number));
        break;
      case 4:
        if (key == "name") LT_TRY(read_string(value, account.display_name));
        break;
      case 6:
        if (key == "id_str") LT_TRY(read_string(value, account.id));
        break;
      case 8:
        if (key == "verified") LT_TRY(read_bool(value, account.verified));
        break;
      case 10:
        if (key == "created_at") LT_TRY(read_time(value, account.created_at, parse_twitter_v1_time));
        break;
      case 11:
        if (key == "screen_name") LT_TRY(read_string(value, account.handle));
        else if (key == "description") LT_TRY(read_string(value, account.description));
        break;
      case 13:
        if (key == "friends_count") LT_TRY(read_int(value, account.following));
        break;
      case 14:
        if (key == "statuses_count") LT_TRY(read_int(value, account.posts));
        break;
      case 15:
        if (key == "followers_count") LT_TRY(read_int(value, account.followers));
        else if (key == "default_profile") LT_TRY(read_bool(value, account.default_profile));
        break;
      default:
        break;
    }
  }
  if (account.id.empty()) id_number.assign_to(account.id);
  return simdjson::SUCCESS;
}

error_code TweetParser::entities(ondemand::object& object, Post& post) {
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
    else if (key == "user_mentions") list = List::mentions;
    if (list == List::none) continue;
    ondemand::array array;
    if (error_code error = field.value().get_array().get(array)) {
      LT_TRY(hard(error));
      continue;
    }
    scratch_.entities.clear();
    for (auto element_result : array) {
      ondemand::object element;
      if (error_code error = element_result.get_object().get(element)) {
        LT_TRY(hard(error));
        continue;
      }
      std::string_view text;
      std::string_view id;
      IdRef id_number;
      std::string_view short_url;
      for (auto inner_result : element) {
        ondemand::field inner;
        LT_TRY(std::move(inner_result).get(inner));
        std::string_view inner_key = raw_key(inner);
        ondemand::value& value = inner.value();
        switch (list) {
          case List::hashtags:
            if (inner_key == "text") LT_TRY(read_string(value, text));
            break;
          case List::urls:
            if (inner_key == "expanded_url") LT_TRY(read_string(value, text));
            else if (inner_key == "url") LT_TRY(read_string(value, short_url));
            break;
          case List::mentions:
            if (inner_key == "screen_name") LT_TRY(read_string(value, text));
            else if (inner_key == "id_str") LT_TRY(read_string(value, id));
            else if (inner_key == "id") LT_TRY(read_id(value, id_number));
            break;
          case List::none:
            break;
        }
      }
      switch (list) {
        case List::hashtags:
          if (!text.empty()) scratch_.entities.push_back({text, {}, {}});
          break;
        case List::urls:
          if (text.empty()) text = short_url;
          if (!text.empty()) scratch_.entities.push_back({text, {}, {}});
          break;
        case List::mentions:
          if (!id.empty() || !id_number.empty() || !text.empty()) scratch_.entities.push_back({text, id, id_number});
          break;
        case List::none:
          break;
      }
    }
    switch (list) {
      case List::hashtags:
        post.hashtags.reserve(post.hashtags.size() + scratch_.entities.size());
        for (const EntityRef& entity : scratch_.entities) post.hashtags.emplace_back(entity.text);
        break;
      case List::urls:
        post.urls.reserve(post.urls.size() + scratch_.entities.size());
        for (const EntityRef& entity : scratch_.entities) post.urls.emplace_back().expanded.assign(entity.text);
        break;
      case List::mentions:
        post.mentions.reserve(post.mentions.size() + scratch_.entities.size());
        for (const EntityRef& entity : scratch_.entities) {
          Mention& mention = post.mentions.emplace_back();
          if (!entity.id.empty()) mention.account_id.assign(entity.id);
          else entity.id_number.assign_to(mention.account_id);
          mention.handle.assign(entity.text);
        }
        break;
      case List::none:
        break;
    }
  }
  return simdjson::SUCCESS;
}

error_code TweetParser::extended_tweet(ondemand::object& object, Post& post, TextSource& text_source,
                                       bool& extended_entities) {
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    if (key == "full_text") {
      LT_TRY(read_string(field.value(), post.text));
      text_source = TextSource::extended_full_text;
    } else if (key == "entities") {
      ondemand::object entities_object;
      if (error_code error = field.value().get_object().get(entities_object)) {
        LT_TRY(hard(error));
      } else {
        LT_TRY(entities(entities_object, post));
        extended_entities = true;
      }
    }
  }
  return simdjson::SUCCESS;
}

error_code TweetParser::statuses(ondemand::value& value, JsonLineTracker& tracker) {
  ondemand::array array;
  if (error_code error = value.get_array().get(array)) return hard(error);
  for (auto element_result : array) {
    ondemand::value element;
    LT_TRY(std::move(element_result).get(element));
    std::uint64_t line = tracker.line_at(element.raw_json_token().data());
    mark(line);
    ondemand::object object;
    if (error_code error = element.get_object().get(object)) {
      LT_TRY(hard(error));
      out_.rejections.push_back({line, "status is not a JSON object"});
      continue;
    }
    if (error_code error = tweet(object, line, 0, nullptr, nullptr)) {
      out_.rejections.push_back({line, rejection_reason(error)});
      stopped_ = true;
      return error;
    }
  }
  return simdjson::SUCCESS;
}

// {"delete":{"status":{"id_str":...},"timestamp_ms":...}}, {"limit":{"track":N,"timestamp_ms":...}},
// {"warning":{"code":...,"message":...}}, {"disconnect":{"code":...,"reason":...}}.
error_code TweetParser::notice(ondemand::value& value, NoticeKind kind, std::uint64_t line) {
  ondemand::object object;
  if (error_code error = value.get_object().get(object)) return hard(error);
  Notice notice;
  notice.kind = kind;
  notice.line = line;
  std::string id_number;
  std::string code;
  for (auto field_result : object) {
    ondemand::field field;
    LT_TRY(std::move(field_result).get(field));
    std::string_view key = raw_key(field);
    ondemand::value& field_value = field.value();
    if (key == "timestamp_ms") {
      LT_TRY(read_epoch_ms(field_value, notice.time));
    } else if (key == "track") {
      std::optional<std::int64_t> count;
      LT_TRY(read_int(field_value, count));
      notice.count = count.value_or(0);
    } else if (key == "message" || key == "reason") {
      LT_TRY(read_string(field_value, notice.detail));
    } else if (key == "code") {
      LT_TRY(read_id(field_value, code));
    } else if (key == "status" || key == "direct_message") {
      ondemand::object status;
      if (error_code error = field_value.get_object().get(status)) {
        LT_TRY(hard(error));
        continue;
      }
      for (auto status_field_result : status) {
        ondemand::field status_field;
        LT_TRY(std::move(status_field_result).get(status_field));
        std::string_view status_key = raw_key(status_field);
        if (status_key == "id_str") LT_TRY(read_string(status_field.value(), notice.detail));
        else if (status_key == "id") LT_TRY(read_id(status_field.value(), id_number));
      }
    }
  }
  if (notice.detail.empty()) notice.detail = kind == NoticeKind::deletion ? std::move(id_number) : std::move(code);
  out_.notices.push_back(std::move(notice));
  return simdjson::SUCCESS;
}

// A batch is filled with thousands of small strings, and emptied at once by its consumer. glibc
// keeps such small blocks on LIFO free lists (fast bins) that it merges only before a large
// request: refilling a batch from those lists costs a cache miss per string, in an order no
// prefetcher follows, and made the reader three times slower than the parse itself. One large
// request when a batch starts empty lets the allocator merge them, so that the next batch's strings
// are carved sequentially from merged blocks. Other allocators just serve a block and take it back.
void release_batch_memory() {
  constexpr std::size_t large_request = 4096;  // above glibc's small bins and thread cache
  void* block = ::operator new(large_request);
  ::operator delete(block);
}

// Walks one text; returns the error that stopped the walk (already reported as a rejection).
error_code walk(ondemand::document& document, std::string_view json, std::uint64_t first_line, TweetParser& parser,
                RecordBatch& out) {
  std::uint64_t line = first_record_line(json, first_line);
  JsonLineTracker tracker(json, first_line);
  parser.mark(line);
  ondemand::json_type type;
  if (error_code error = document.type().get(type)) {
    out.rejections.push_back({line, rejection_reason(error)});
    return error;
  }
  if (type == ondemand::json_type::array) {
    // A JSON array of tweets: each keeps the line it starts on.
    ondemand::array array;
    if (error_code error = document.get_array().get(array)) {
      out.rejections.push_back({line, rejection_reason(error)});
      return error;
    }
    std::uint64_t element_line = line;
    for (auto element_result : array) {
      ondemand::value element;
      if (error_code error = std::move(element_result).get(element)) {
        out.rejections.push_back({element_line, rejection_reason(error)});
        return error;
      }
      element_line = tracker.line_at(element.raw_json_token().data());
      parser.mark(element_line);
      ondemand::object object;
      if (error_code error = element.get_object().get(object)) {
        if (!is_soft_error(error)) {
          out.rejections.push_back({element_line, rejection_reason(error)});
          return error;
        }
        out.rejections.push_back({element_line, "array element is not a tweet object"});
        continue;
      }
      if (error_code error = parser.tweet(object, element_line, 0, nullptr, nullptr)) {
        out.rejections.push_back({element_line, rejection_reason(error)});
        return error;
      }
    }
    return simdjson::SUCCESS;
  }
  ondemand::object object;
  if (error_code error = document.get_object().get(object)) {
    if (!is_soft_error(error)) {
      out.rejections.push_back({line, rejection_reason(error)});
      return error;
    }
    out.rejections.push_back({line, "not a tweet: expected a JSON object or array"});
    return simdjson::SUCCESS;
  }
  TweetParser::TopLevel top{&tracker};
  if (error_code error = parser.tweet(object, line, 0, nullptr, &top)) {
    if (!parser.stopped()) out.rejections.push_back({line, rejection_reason(error)});
    return error;
  }
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    out.rejections.push_back({line, "malformed JSON: content after the end of the record"});
  }
  return simdjson::SUCCESS;
}

#undef LT_TRY

}  // namespace

TwitterV1Reader::TwitterV1Reader() : state_(std::make_unique<State>()) {}
TwitterV1Reader::~TwitterV1Reader() = default;

Format TwitterV1Reader::format() const { return Format::twitter_v1; }

void TwitterV1Reader::read(std::string_view json, std::uint64_t first_line, RecordBatch& out) {
  if (out.posts.empty() && out.accounts.empty()) release_batch_memory();
  const std::size_t posts_before = out.posts.size();
  read_text(json, first_line, out);
  Scratch& scratch = state_->scratch;
  if (scratch.given.size() >= max_given_ids) return;
  for (std::size_t i = posts_before; i < out.posts.size(); ++i) {
    const std::string& id = out.posts[i].id;
    if (!scratch.given.find(id)) scratch.given.insert(id, {});
  }
}

void TwitterV1Reader::read_text(std::string_view json, std::uint64_t first_line, RecordBatch& out) {
  std::uint64_t line = first_record_line(json, first_line);
  ondemand::document document;
  if (error_code error = state_->parser.iterate(padded_view(json)).get(document)) {
    if (error != simdjson::EMPTY) out.rejections.push_back({line, rejection_reason(error)});
    return;
  }
  const BatchMark before{out.posts.size(), out.accounts.size(), out.notices.size(), out.rejections.size(), line};
  const std::size_t rejections_before = out.rejections.size();
  TweetParser parser(out, state_->scratch);
  error_code error = walk(document, json, first_line, parser, out);
  bool refused_at_root = error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT && out.posts.size() == before.posts &&
                         out.accounts.size() == before.accounts && out.notices.size() == before.notices &&
                         out.rejections.size() == rejections_before + 1;
  if (!refused_at_root || !close_truncated(json, state_->repaired)) return;
  out.rejections.pop_back();
  // On-Demand refuses a root array or object whose closing bracket is missing before reading
  // anything. Closing the open brackets keeps the records before the cut; the one the cut went
  // through is taken back (it may look complete once closed) and rejected.
  std::string_view repaired = state_->repaired;
  if (state_->parser.iterate(simdjson::padded_string_view(repaired.data(), repaired.size(), state_->repaired.capacity()))
          .get(document)) {
    out.rejections.push_back({line, rejection_reason(error)});
    return;
  }
  TweetParser repaired_parser(out, state_->scratch);
  if (walk(document, repaired, first_line, repaired_parser, out)) return;  // a hard error is reported where it is
  const BatchMark& mark = repaired_parser.last_mark();
  out.posts.resize(mark.posts);
  out.accounts.resize(mark.accounts);
  out.notices.resize(mark.notices);
  out.rejections.resize(mark.rejections);
  out.rejections.push_back({mark.line, "truncated JSON: the text ends inside this record"});
}

}  // namespace leaktrace
