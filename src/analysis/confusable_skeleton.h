#pragma once

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct USpoofChecker;

namespace leaktrace {

// An ASCII sequence that reads as another at a glance, in the lower case of domain names. ICU's
// confusable data (Unicode TR #39) maps "m" to "rn" but knows nothing of "nn", "vv" or "cl".
struct MultiCharacterHomoglyph {
  std::string_view written;  // "nn"
  std::string_view reads_as;  // "m"
};

// Ours, applied after ICU's mapping, leftmost first: rn/nn→m, vv→w, cl→d, 0→o, 1→l.
std::span<const MultiCharacterHomoglyph> multi_character_homoglyphs();

// The skeleton of a domain label: two labels that a reader takes for each other have the same
// skeleton. Unicode TR #39 skeleton through ICU's uspoof (so Cyrillic "е" is "e"), then lower case,
// combining marks removed ("é" reads as "e"), then the multi-character table above
// ("en-nnarche" and "en-rnarche" both become "en-marche"). ASCII labels, nearly all of them, take
// a table built from ICU's own answers at construction, without calling ICU per label.
class ConfusableSkeleton {
 public:
  ConfusableSkeleton();  // throws std::runtime_error when ICU has no confusable data
  ~ConfusableSkeleton();
  ConfusableSkeleton(const ConfusableSkeleton&) = delete;
  ConfusableSkeleton& operator=(const ConfusableSkeleton&) = delete;

  // `label` is UTF-8; the skeleton replaces the content of `out` (a buffer the caller reuses).
  void skeleton(std::string_view label, std::string& out) const;
  std::string skeleton(std::string_view label) const;

  // ICU's TR #39 skeleton alone, lower-cased, marks removed, no table of ours (for tests and explanations).
  std::string unicode_skeleton(std::string_view text) const;

  // Non-ASCII letters whose TR #39 skeleton is exactly the ASCII letter or digit `ascii` and
  // that IDNA2008 lets one register (Cyrillic "а" for "a", Greek "ο" for "o"), as UTF-8.
  std::vector<std::string> unicode_confusables_of(char ascii) const;

 private:
  void apply_multi_character_table(std::string& text) const;

  std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)> checker_;
  std::array<std::string, 128> ascii_;  // ICU's skeleton of each ASCII character, lower-cased
  std::array<bool, 256> starts_homoglyph_{};  // the first bytes of our table's entries
};

}  // namespace leaktrace
