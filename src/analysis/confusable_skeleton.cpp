#include "analysis/confusable_skeleton.h"

#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include <fmt/format.h>

#include "analysis/idna.h"

namespace leaktrace {
namespace {

constexpr std::array<MultiCharacterHomoglyph, 6> homoglyph_table{{
    {"rn", "m"},
    {"nn", "m"},
    {"vv", "w"},
    {"cl", "d"},
    {"0", "o"},
    {"1", "l"},
}};

// The blocks where letters that pass for Latin ones live: Latin-1 and Extended, IPA, Greek,
// Cyrillic, Armenian, phonetic extensions, Latin Extended Additional.
constexpr std::array<std::pair<UChar32, UChar32>, 4> confusable_blocks{{
    {0x00C0, 0x058F},
    {0x1D00, 0x1DBF},
    {0x1E00, 0x1EFF},
    {0x2C60, 0x2C7F},
}};

void append_utf8(UChar32 c, std::string& out) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

std::span<const MultiCharacterHomoglyph> multi_character_homoglyphs() { return homoglyph_table; }

ConfusableSkeleton::ConfusableSkeleton() : checker_(nullptr, &uspoof_close) {
  UErrorCode status = U_ZERO_ERROR;
  checker_.reset(uspoof_open(&status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(fmt::format("ICU cannot open its confusable data ({}): is libicu72 installed whole?",
                                         u_errorName(status)));
  }
  uspoof_setChecks(checker_.get(), USPOOF_CONFUSABLE, &status);
  for (const MultiCharacterHomoglyph& h : homoglyph_table) starts_homoglyph_[static_cast<unsigned char>(h.written[0])] = true;
  for (int c = 0; c < 128; ++c) {
    char text[2] = {static_cast<char>(c), 0};
    ascii_[c] = c == 0 ? std::string() : unicode_skeleton(std::string_view(text, 1));
  }
}

ConfusableSkeleton::~ConfusableSkeleton() = default;

std::string ConfusableSkeleton::unicode_skeleton(std::string_view text) const {
  std::string skeleton(text.size() * 2 + 8, '\0');
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t length = uspoof_getSkeletonUTF8(checker_.get(), 0, text.data(), static_cast<std::int32_t>(text.size()),
                                               skeleton.data(), static_cast<std::int32_t>(skeleton.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    skeleton.assign(static_cast<std::size_t>(length) + 1, '\0');
    status = U_ZERO_ERROR;
    length = uspoof_getSkeletonUTF8(checker_.get(), 0, text.data(), static_cast<std::int32_t>(text.size()),
                                    skeleton.data(), static_cast<std::int32_t>(skeleton.size()), &status);
  }
  if (U_FAILURE(status)) return std::string(text);  // not UTF-8: compared as written
  // The skeleton is in NFD, so an accent is a combining mark of its own that we drop.
  std::string out;
  out.reserve(static_cast<std::size_t>(length));
  for (std::int32_t at = 0; at < length;) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(skeleton.data()), at, length, c);
    if (c < 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    append_utf8(u_tolower(c), out);
  }
  return out;
}

void ConfusableSkeleton::apply_multi_character_table(std::string& text) const {
  std::size_t write = 0;
  for (std::size_t read = 0; read < text.size();) {
    if (!starts_homoglyph_[static_cast<unsigned char>(text[read])]) {
      text[write++] = text[read++];
      continue;
    }
    bool replaced = false;
    for (const MultiCharacterHomoglyph& h : homoglyph_table) {
      if (text.compare(read, h.written.size(), h.written) == 0) {
        for (char c : h.reads_as) text[write++] = c;  // never longer than what it replaces
        read += h.written.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) text[write++] = text[read++];
  }
  text.resize(write);
}

void ConfusableSkeleton::skeleton(std::string_view label, std::string& out) const {
  out.clear();
  if (is_ascii(label)) {
    for (char c : label) {
      const std::string& mapped = ascii_[static_cast<unsigned char>(c)];
      if (mapped.size() == 1) {
        out.push_back(mapped[0]);
      } else {
        out += mapped;
      }
    }
  } else {
    out = unicode_skeleton(label);
  }
  apply_multi_character_table(out);
}

std::string ConfusableSkeleton::skeleton(std::string_view label) const {
  std::string out;
  skeleton(label, out);
  return out;
}

std::vector<std::string> ConfusableSkeleton::unicode_confusables_of(char ascii) const {
  std::vector<std::string> found;
  for (auto [first, last] : confusable_blocks) {
    for (UChar32 c = first; c <= last; ++c) {
      if (!u_isalpha(c) || u_isupper(c)) continue;
      std::string letter;
      append_utf8(c, letter);
      // Exactly the letter, before our removal of marks: "é" is a different letter, "е" is not.
      std::string raw(32, '\0');
      UErrorCode status = U_ZERO_ERROR;
      std::int32_t length = uspoof_getSkeletonUTF8(checker_.get(), 0, letter.data(), static_cast<std::int32_t>(letter.size()),
                                                   raw.data(), static_cast<std::int32_t>(raw.size()), &status);
      if (U_FAILURE(status) || length != 1 || static_cast<char>(u_tolower(raw[0])) != ascii) continue;
      // Refused by IDNA2008, or mapped by UTS #46 to another letter (lunate sigma to sigma): not
      // what a registry would hold.
      std::optional<std::string> encoded = idna_to_ascii(letter);
      if (!encoded || !encoded->starts_with("xn--") || idna_to_unicode(*encoded) != letter) continue;
      found.push_back(std::move(letter));
    }
  }
  return found;
}

}  // namespace leaktrace
