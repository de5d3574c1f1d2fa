#pragma once

// Small On-Demand helpers shared by the Twitter readers (v1.1 and v2).
//
// Every helper returns a *hard* error (the document cannot be walked further) or SUCCESS. A field
// of the wrong type, a number out of range or a bad escape is a *soft* error: the field is treated
// as absent and the walk goes on, because one odd field must not cost the whole tweet.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "model/time.h"

namespace leaktrace::twitter_json {

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

// Deepest chain of embedded tweets followed (a retweet of a quote of a quote ...). Real exports
// nest two levels at most; the limit only bounds the recursion on hostile input.
constexpr int max_embedding_depth = 8;

// The key as written between its quotes, without unescaping: Twitter's keys never contain escapes,
// and a key that does simply matches nothing.
// In compact JSON the value follows `":` directly, which gives the key's length without a scan.
// (A key with an escaped quote matches nothing either way: both views of it hold a backslash.)
inline std::string_view raw_key(ondemand::field& field) {
  const char* start = field.key().raw();
  const char* value = field.value().raw_json_token().data();
  if (value[-1] == ':' && value[-2] == '"') return {start, static_cast<std::size_t>(value - 2 - start)};
  const char* end = start;
  while (*end != '"') ++end;  // stage 1 found the closing quote, so this stops inside the text
  return {start, static_cast<std::size_t>(end - start)};
}

inline bool is_soft_error(error_code error) {
  switch (error) {
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
    case simdjson::STRING_ERROR:
      return true;
    default:
      return false;
  }
}

inline error_code hard(error_code error) { return is_soft_error(error) ? simdjson::SUCCESS : error; }

// "invalid UTF-8", "malformed JSON: <simdjson message>".
std::string rejection_reason(error_code error);

// The padded view the readers parse: Reader::read guarantees the padding.
inline simdjson::padded_string_view padded_view(std::string_view json) {
  return simdjson::padded_string_view(json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING);
}

// Line of the first non-blank character of a text that starts on first_line.
std::uint64_t first_record_line(std::string_view json, std::uint64_t first_line);

// A text cut inside an array or object (a partial download) made parseable again: the text
// followed by the brackets it leaves open, into `repaired` (capacity includes the padding).
// Returns false when nothing is open, or when the cut is inside a string.
bool close_truncated(std::string_view json, std::string& repaired);

// Output counts before a record, to take back a record that the cut of a truncated text ended.
struct BatchMark {
  std::size_t posts = 0;
  std::size_t accounts = 0;
  std::size_t notices = 0;
  std::size_t rejections = 0;
  std::uint64_t line = 0;
};

// A string into `out` (unchanged when null or of another type).
error_code read_string(ondemand::value& value, std::string& out);

// An id given as a string ("id_str") or as an unsigned integer ("id", 64-bit safe).
error_code read_id(ondemand::value& value, std::string& out);

// A string as a view into the parser's buffer, valid until the parser's next document (unchanged
// when null or of another type).
inline error_code read_string(ondemand::value& value, std::string_view& out) {
  std::string_view text;
  if (error_code error = value.get_string().get(text)) return hard(error);
  out = text;
  return simdjson::SUCCESS;
}

// An id read as read_id reads it, kept as a view or a number until it is needed: most such ids
// are fallbacks that the record's string id makes useless.
struct IdRef {
  enum class Kind : unsigned char { none, text, number };
  Kind kind = Kind::none;
  std::string_view text;
  std::uint64_t number = 0;

  // Whether read_id would have left its string empty.
  bool empty() const { return kind == Kind::none || (kind == Kind::text && text.empty()); }
  // Replaces `out` as read_id would have (unchanged when nothing was read).
  void assign_to(std::string& out) const;
};
error_code read_id(ondemand::value& value, IdRef& out);

error_code read_int(ondemand::value& value, std::optional<std::int64_t>& out);
error_code read_bool(ondemand::value& value, std::optional<bool>& out);

// Milliseconds since the epoch written as a number or a string of digits ("timestamp_ms").
error_code read_epoch_ms(ondemand::value& value, TimeMs& out);

// A time string parsed by `parse` (parse_twitter_v1_time, parse_iso8601_time).
template <typename Parse>
error_code read_time(ondemand::value& value, TimeMs& out, Parse parse) {
  std::string_view text;
  if (error_code error = value.get_string().get(text)) return hard(error);
  if (auto time = parse(text)) out = *time;
  return simdjson::SUCCESS;
}

}  // namespace leaktrace::twitter_json
