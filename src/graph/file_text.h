#pragma once

#include <optional>
#include <string>

namespace leaktrace {

// A whole input file in memory, decompressed (plain, gzip or zstd, recognised from the bytes; "-"
// for standard input), for the readers of networks and cascade trees.
struct FileText {
  std::string text;
  std::optional<std::string> damage;  // a damaged compressed stream: `text` is what came before it
};

// Throws NetworkReadError (the message names the file) when it cannot be opened or read.
FileText read_file_text(const std::string& path);

}  // namespace leaktrace
