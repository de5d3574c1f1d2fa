#include "ingest/hashtag.h"

#include <unicode/unistr.h>

namespace leaktrace {

std::string fold_hashtag(std::string_view tag) {
  if (!tag.empty() && tag.front() == '#') tag.remove_prefix(1);
  bool ascii = true;
  std::string folded(tag);
  for (char& c : folded) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ascii) return folded;
  folded.clear();
  icu::UnicodeString::fromUTF8(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())))
      .foldCase()
      .toUTF8String(folded);
  return folded;
}

}  // namespace leaktrace
