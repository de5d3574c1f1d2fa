#pragma once

#include <optional>
#include <string_view>

#include "ingest/format.h"

namespace leaktrace {

// How the records of a file are laid out.
enum class Layout : unsigned char {
  lines,     // one JSON text per line (stream, JSONL, twarc)
  document,  // one JSON text for the whole file (pretty-printed, search response, thread)
};

// Recognises a native export from its first decompressed bytes, by the keys only that format
// uses. Keys are matched as `"key":` so that the same words escaped inside a string (a paste
// holding a tweet) do not count. Returns nothing when no format fits.
std::optional<Format> sniff_format(std::string_view head);

// A file whose first non-blank line is a whole JSON object or array is read line by line; one that
// opens a value it does not close on that line is read as one document.
Layout sniff_layout(std::string_view head);

}  // namespace leaktrace
