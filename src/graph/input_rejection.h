#pragma once

#include <cstdint>
#include <string>

namespace leaktrace {

// A record of an input file that could not be used (a malformed line, an element without an id):
// reported with its place and skipped, never thrown. line 0 when the place is the whole file.
struct InputRejection {
  std::string file;
  std::uint64_t line = 0;
  std::string reason;
};

}  // namespace leaktrace
