#pragma once

#include <string_view>
#include <vector>

namespace leaktrace {

// http(s) URLs written as plain text (a paste, a 4chan comment, which 4chan does not linkify).
// A URL runs from "http://" or "https://" (any case) to the first space, control character, quote
// or angle bracket; trailing punctuation that ends a sentence (".,;:!?'") and closing brackets
// without an opening one inside the URL are not part of it. Returns views into `text`, in order,
// duplicates kept.
std::vector<std::string_view> find_urls(std::string_view text);

// Same, appending to `out` (reused between posts).
void find_urls(std::string_view text, std::vector<std::string_view>& out);

}  // namespace leaktrace
