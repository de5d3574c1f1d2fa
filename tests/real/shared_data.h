#pragma once

#include <cstdlib>
#include <filesystem>

namespace leaktrace::testing {

// The real public sample: $LEAKTRACE_DATA, else ../shared/data beside the source tree.
inline std::filesystem::path shared_data() {
  if (const char* env = std::getenv("LEAKTRACE_DATA")) return env;
  return LEAKTRACE_SHARED_DATA;
}

}  // namespace leaktrace::testing
