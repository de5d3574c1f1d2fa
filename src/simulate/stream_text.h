#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leaktrace::simulate {

// `length` bytes that repeat the ones `distance` bytes before them, after `literals` new bytes:
// one zstd sequence.
struct KnownRepeat {
  std::uint32_t literals = 0;
  std::uint32_t distance = 0;
  std::uint32_t length = 0;
};

// A piece of the format: a string constant named by a hash of its bytes, computed at compile time
// (names must not depend on addresses, which change from run to run).
class Piece {
 public:
  template <std::size_t size>
  consteval Piece(const char (&text)[size]) : text_(text, size - 1), key_(hash(text_)) {}  // NOLINT: implicit on purpose
  std::string_view text() const { return text_; }
  std::uint64_t key() const { return key_; }

 private:
  static consteval std::uint64_t hash(std::string_view text) {
    std::uint64_t value = 0xcbf29ce484222325ULL;  // FNV-1a
    for (char c : text) value = (value ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return value;
  }
  std::string_view text_;
  std::uint64_t key_;
};

// The bytes of stream lines, with the repeats the renderer knows they contain: the pieces of the
// format, a user's JSON or an embedded tweet written again, an id written twice. On this JSON most
// of a general compressor's time goes into finding those repeats; handed over as zstd sequences,
// only the entropy coding is left to do (ZSTD_compressSequences).
//
// A frame finds repeats as text is appended and forgets them at clear(): each frame stands alone.
// A recording (a user or an embedded tweet kept in the render cache) keeps where its own repeatable
// pieces are, so that a frame it is appended to finds repeats inside it too.
class StreamText {
 public:
  enum class Mode : unsigned char { frame, recording };
  // The farthest back a repeat reaches: a frame's zstd window must hold it.
  static constexpr std::size_t max_distance = 1 << 22;
  // Shorter repeats cost about as much as a zstd sequence (offset, lengths) as they save in
  // literals (measured: 4, 5 and 6 give the same size, 8 is 2% larger, 12 is 12% larger).
  static constexpr std::size_t min_repeat = 6;

  explicit StreamText(Mode mode = Mode::frame);

  // Empties the text; a frame forgets every repeat it knew.
  void clear();
  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }

  // Bytes nothing is known about.
  void append(std::string_view bytes) { text_.append(bytes); }
  void push_back(char c) { text_.push_back(c); }
  void append_number(std::uint64_t value);
  // `utf8` as the body of a JSON string the way Twitter's v1.1 servers wrote it.
  void append_escaped(std::string_view utf8);

  void piece(const Piece& constant);
  // The bytes from `begin` to the end are the same whenever `key` is (see key()).
  void name(std::uint64_t key, std::size_t begin);
  // The bytes from `begin` to the end repeat the ones at `source` (source < begin).
  void repeat_of(std::size_t source, std::size_t begin);
  // Appends a recording whole; `key` names its bytes (the same key, the same bytes).
  void append_recorded(std::uint64_t key, const StreamText& recorded);

  // A frame's repeats, in order; the bytes after the last one are literals.
  const std::vector<KnownRepeat>& repeats() const { return repeats_; }
  // Grows each repeat over the literals around it that happen to repeat too (a flag, a language,
  // a count that is the same as where the repeat comes from), merging repeats that meet: fewer,
  // longer matches, as a compressor's match extension would find. Call once the frame is written.
  void extend_repeats();

  // Names of bytes that depend on data: the kind of thing and its index.
  enum class Named : std::uint64_t { user = 1, status, retweet_text, retweet_entities, location, language };
  static std::uint64_t key(Named kind, std::uint32_t index) {
    return named_bit | (static_cast<std::uint64_t>(kind) << 32) | index;
  }

 private:
  // A repeatable span of a recording: named bytes, or a copy of bytes earlier in the recording.
  struct Span {
    std::uint64_t key;  // a name, or copy_bit | the source offset
    std::uint32_t begin;
    std::uint32_t length;
  };
  struct Seen {
    std::uint64_t key = 0;
    std::uint32_t position = 0;
    std::uint32_t frame = 0;
  };
  static constexpr std::uint64_t named_bit = 1ULL << 63;  // pieces have neither bit
  static constexpr std::uint64_t copy_bit = 1ULL << 62;
  static constexpr std::size_t seen_slots = 1 << 13;  // two ways a key can go

  // Frame: a match for `length` bytes at `begin` named `key` if the name was seen in this frame.
  bool note(std::uint64_t key, std::size_t begin, std::size_t length);
  void match(std::size_t begin, std::size_t length, std::size_t distance);

  Mode mode_;
  std::string text_;
  std::vector<Span> spans_;          // recording
  std::vector<KnownRepeat> repeats_;  // frame
  std::vector<Seen> seen_;           // frame: where each name was last written
  std::uint32_t frame_ = 1;
  std::size_t literal_start_ = 0;    // frame: end of the last repeat
};

}  // namespace leaktrace::simulate
