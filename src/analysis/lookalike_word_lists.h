#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// The text of src/analysis/data/lookalike_affixes.txt and lookalike_tlds.txt, embedded at build
// time (see src/CMakeLists.txt), so the binary needs no data file to run.
std::string_view bundled_affix_text();
std::string_view bundled_tld_text();

// One word a line, lower-cased, blank lines and '#' comments skipped, duplicates dropped.
std::vector<std::string> parse_word_list(std::string_view text);
// A user's list (--affixes FILE, --tlds FILE); throws std::runtime_error when it cannot be read.
std::vector<std::string> load_word_list(const std::string& path);

const std::vector<std::string>& bundled_affixes();
const std::vector<std::string>& bundled_tlds();

}  // namespace leaktrace
