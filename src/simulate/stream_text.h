#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
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

// Writes `utf8` at `out` as the body of a JSON string the way Twitter's v1.1 servers wrote it:
// every non-ASCII character as \uXXXX (surrogate pairs above the BMP) and '/' as '\/'. Needs room
// for six bytes per byte of `utf8`; returns the end of what it wrote.
char* escape_twitter_json(char* out, std::string_view utf8);

// A piece of the format: a string constant named by a hash of its bytes, computed at compile time
// (names must not depend on addresses, which change from run to run).
class Piece {
 public:
  template <std::size_t size>
  consteval Piece(const char (&text)[size]) : text_(text, size - 1), key_(hash(text_) >> 2) {}  // NOLINT: implicit on purpose
  std::string_view text() const { return text_; }
  std::uint64_t key() const { return key_; }  // the top two bits clear (see StreamText)

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
  StreamText(const StreamText& other);
  StreamText& operator=(const StreamText& other);
  StreamText(StreamText&&) noexcept = default;
  StreamText& operator=(StreamText&&) noexcept = default;

  // Empties the text; a frame forgets every repeat it knew.
  void clear();
  std::string_view text() const { return {bytes_.get(), size_}; }
  std::size_t size() const { return size_; }

  // Bytes nothing is known about.
  void append(std::string_view bytes) { std::memcpy(extend(bytes.size()), bytes.data(), bytes.size()); }
  void push_back(char c) { *extend(1) = c; }
  void append_number(std::uint64_t value) {
    char* at = reserve(20);
    size_ = static_cast<std::size_t>(std::to_chars(at, at + 20, value).ptr - bytes_.get());
  }
  // `utf8` as the body of a JSON string the way Twitter's v1.1 servers wrote it.
  void append_escaped(std::string_view utf8);

  void piece(const Piece& constant) {
    const std::size_t begin = size_;
    append(constant.text());
    if (constant.text().size() >= min_repeat) note_named(constant.key(), begin, constant.text().size());
  }
  // The bytes from `begin` to the end are the same whenever `key` is (see key()).
  void name(std::uint64_t key, std::size_t begin) {
    if (size_ - begin >= min_repeat) note_named(key, begin, size_ - begin);
  }
  // The bytes from `begin` to the end repeat the ones at `source` (source < begin).
  void repeat_of(std::size_t source, std::size_t begin);
  // Appends a recording whole; `key` names its bytes (the same key, the same bytes).
  void append_recorded(std::uint64_t key, const StreamText& recorded);

  // A frame's repeats, in order; the bytes after the last one are literals. Each repeat is grown
  // over the literals around it that happen to repeat too, as a compressor's match extension would.
  const std::vector<KnownRepeat>& repeats() const { return repeats_; }
  // Grows the last repeat over the end of the frame; call once the frame is written.
  void finish_repeats();

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

  // Room for `count` more bytes; returns where they go (size() is unchanged).
  char* reserve(std::size_t count) {
    if (capacity_ - size_ < count) grow(count);
    return bytes_.get() + size_;
  }
  char* extend(std::size_t count) {
    char* at = reserve(count);
    size_ += count;
    return at;
  }
  void grow(std::size_t count);
  void note_named(std::uint64_t key, std::size_t begin, std::size_t length) {
    if (mode_ == Mode::recording) {
      spans_.push_back({key, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(length)});
    } else {
      note(key, begin, length);
    }
  }
  // Frame: a match for `length` bytes at `begin` named `key` if the name was seen in this frame.
  bool note(std::uint64_t key, std::size_t begin, std::size_t length);
  void match(std::size_t begin, std::size_t length, std::size_t distance);

  Mode mode_;
  std::unique_ptr<char[]> bytes_;  // not a std::string: appends of known sizes compile to moves
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::vector<Span> spans_;          // recording
  std::vector<KnownRepeat> repeats_;  // frame
  std::vector<Seen> seen_;           // frame: where each name was last written
  std::uint32_t frame_ = 1;
  std::size_t literal_start_ = 0;    // frame: end of the last repeat
};

}  // namespace leaktrace::simulate
