#pragma once

#include <string>

#include "simulate/stream_text.h"

namespace leaktrace::simulate::testing {

// Rebuilds a frame's text from its literals and repeats alone, the way an LZ77 decoder (zstd's)
// does: copy the literals, then copy `length` bytes from `distance` back, byte by byte. A repeat
// that reaches before the frame or past its text makes the result differ from the text.
inline std::string rebuild(const StreamText& frame) {
  const std::string_view text = frame.text();
  std::string out;
  std::size_t read = 0;
  for (const KnownRepeat& repeat : frame.repeats()) {
    if (read + repeat.literals > text.size() || repeat.distance == 0 || repeat.distance > out.size() + repeat.literals) {
      return "invalid repeat";
    }
    out.append(text, read, repeat.literals);
    read += repeat.literals;
    for (std::uint32_t k = 0; k < repeat.length; ++k) out.push_back(out[out.size() - repeat.distance]);
    read += repeat.length;
  }
  if (read > text.size()) return "repeats past the text";
  out.append(text, read);
  return out;
}

}  // namespace leaktrace::simulate::testing
