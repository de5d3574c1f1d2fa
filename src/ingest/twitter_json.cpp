#include "ingest/twitter_json.h"

#include <array>
#include <charconv>

namespace leaktrace::twitter_json {

std::string rejection_reason(error_code error) {
  if (error == simdjson::UTF8_ERROR) return "invalid UTF-8";
  return std::string("malformed JSON: ") + simdjson::error_message(error);
}

std::uint64_t first_record_line(std::string_view json, std::uint64_t first_line) {
  for (char c : json) {
    if (c == '\n') {
      ++first_line;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      break;
    }
  }
  return first_line;
}

bool close_truncated(std::string_view json, std::string& repaired) {
  std::string open;
  bool in_string = false;
  bool escaped = false;
  for (char c : json) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      open.push_back(c == '{' ? '}' : ']');
    } else if ((c == '}' || c == ']') && !open.empty()) {
      open.pop_back();
    }
  }
  if (in_string || open.empty()) return false;
  repaired.clear();
  repaired.reserve(json.size() + open.size() + simdjson::SIMDJSON_PADDING);
  repaired.append(json);
  repaired.append(open.rbegin(), open.rend());
  return true;
}

error_code read_string(ondemand::value& value, std::string& out) {
  std::string_view text;
  if (error_code error = value.get_string().get(text)) return hard(error);
  out.assign(text);
  return simdjson::SUCCESS;
}

error_code read_id(ondemand::value& value, std::string& out) {
  ondemand::json_type type;
  if (error_code error = value.type().get(type)) return error;
  if (type == ondemand::json_type::string) return read_string(value, out);
  if (type != ondemand::json_type::number) return simdjson::SUCCESS;
  std::uint64_t number = 0;
  if (error_code error = value.get_uint64().get(number)) return hard(error);
  std::array<char, 24> digits{};
  auto [end, ignored] = std::to_chars(digits.data(), digits.data() + digits.size(), number);
  out.assign(digits.data(), end);
  return simdjson::SUCCESS;
}

error_code read_id(ondemand::value& value, IdRef& out) {
  ondemand::json_type type;
  if (error_code error = value.type().get(type)) return error;
  if (type == ondemand::json_type::string) {
    std::string_view text;
    if (error_code error = value.get_string().get(text)) return hard(error);
    out.kind = IdRef::Kind::text;
    out.text = text;
    return simdjson::SUCCESS;
  }
  if (type != ondemand::json_type::number) return simdjson::SUCCESS;
  std::uint64_t number = 0;
  if (error_code error = value.get_uint64().get(number)) return hard(error);
  out.kind = IdRef::Kind::number;
  out.number = number;
  return simdjson::SUCCESS;
}

void IdRef::assign_to(std::string& out) const {
  if (kind == Kind::text) {
    out.assign(text);
  } else if (kind == Kind::number) {
    std::array<char, 24> digits{};
    auto [end, ignored] = std::to_chars(digits.data(), digits.data() + digits.size(), number);
    out.assign(digits.data(), end);
  }
}

error_code read_int(ondemand::value& value, std::optional<std::int64_t>& out) {
  std::int64_t number = 0;
  if (error_code error = value.get_int64().get(number)) return hard(error);
  out = number;
  return simdjson::SUCCESS;
}

error_code read_bool(ondemand::value& value, std::optional<bool>& out) {
  bool flag = false;
  if (error_code error = value.get_bool().get(flag)) return hard(error);
  out = flag;
  return simdjson::SUCCESS;
}

error_code read_epoch_ms(ondemand::value& value, TimeMs& out) {
  ondemand::json_type type;
  if (error_code error = value.type().get(type)) return error;
  if (type == ondemand::json_type::number) {
    std::int64_t number = 0;
    if (error_code error = value.get_int64().get(number)) return hard(error);
    out = number;
    return simdjson::SUCCESS;
  }
  std::string_view text;
  if (error_code error = value.get_string().get(text)) return hard(error);
  TimeMs number = 0;
  auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (status == std::errc{} && end == text.data() + text.size()) out = number;
  return simdjson::SUCCESS;
}

}  // namespace leaktrace::twitter_json
