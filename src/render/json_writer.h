#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// Streams compact JSON into a string. Strings are escaped per RFC 8259, with '<', '>' and '&'
// also escaped so that the output can be embedded in an HTML <script> block unchanged.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();

  const std::string& str() const { return out_; }

 private:
  void before_value();

  std::string out_;
  std::vector<bool> first_in_scope_;
  bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view text);

}  // namespace leaktrace
