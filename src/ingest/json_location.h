#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace leaktrace {

// Line of a position inside a JSON text, counted incrementally: positions must be asked in
// increasing order, which is how a parser walks a document.
class JsonLineTracker {
 public:
  JsonLineTracker(std::string_view text, std::uint64_t first_line) : text_(text), line_(first_line) {}

  std::uint64_t line_at(const char* position) {
    const char* end = std::clamp(position, text_.data(), text_.data() + text_.size());
    if (end > scanned_to_) {
      line_ += static_cast<std::uint64_t>(std::count(scanned_to_, end, '\n'));
      scanned_to_ = end;
    }
    return line_;
  }

 private:
  std::string_view text_;
  std::uint64_t line_;
  const char* scanned_to_ = text_.data();
};

}  // namespace leaktrace
