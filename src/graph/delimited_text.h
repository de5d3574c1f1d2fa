#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// Rows of a delimited text file (edge lists, node attribute tables): comma-separated with RFC 4180
// quotes ("a ""b""", c), tab-separated, or separated by runs of spaces, with blank lines and
// comment lines (starting with # or %) skipped. A quoted field may not span lines.
enum class Delimiter : unsigned char { comma, tab, whitespace };

// From a file's first data line: a tab if it has one, else a comma if it has one, else spaces.
Delimiter detect_delimiter(std::string_view line);

// Splits one line; false (with `error` set) for an unterminated quote or text after a closing quote.
bool split_fields(std::string_view line, Delimiter delimiter, std::vector<std::string>& fields, std::string& error);

// The lines of a text with their numbers (from 1), without line terminators; skips blank lines,
// comment lines and a UTF-8 byte order mark.
class DataLines {
 public:
  explicit DataLines(std::string_view text);
  bool next(std::string_view& line, std::uint64_t& number);

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::uint64_t number_ = 0;
};

}  // namespace leaktrace
