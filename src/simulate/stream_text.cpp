#include "simulate/stream_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <charconv>


namespace leaktrace::simulate {
namespace {

// Below the format's largest match length (131074), so that merged repeats stay one sequence.
constexpr std::size_t max_repeat = 1 << 16;

void write_unicode_escape(char* out, std::uint32_t code) {
  constexpr char hex[] = "0123456789abcdef";
  out[0] = '\\';
  out[1] = 'u';
  out[2] = hex[(code >> 12) & 0xF];
  out[3] = hex[(code >> 8) & 0xF];
  out[4] = hex[(code >> 4) & 0xF];
  out[5] = hex[code & 0xF];
}

// Bytes that end a run of characters copied as they are.
constexpr std::array<bool, 256> escape_starts = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < 256; ++c) table[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '/';
  return table;
}();

std::uint64_t load(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// How far the bytes from `at` forwards (to `limit`) equal those `distance` before them. Words are
// compared whole even past `limit` while inside the text (`size`): only the count is cut.
std::size_t same_forwards(const char* text, std::size_t size, std::size_t at, std::size_t limit, std::size_t distance) {
  std::size_t p = at;
  while (p < limit && p + 8 <= size) {
    const std::uint64_t differ = load(text + p) ^ load(text + p - distance);
    if (differ != 0) return std::min(p + static_cast<std::size_t>(std::countr_zero(differ) / 8), limit) - at;
    p += 8;
  }
  if (p >= limit) return limit - at;
  while (p < limit && text[p] == text[p - distance]) ++p;
  return p - at;
}

// How far the bytes before `at` (back to `limit`) equal those `distance` before them; `limit` is at
// least `distance`, so that nothing is read before the text.
std::size_t same_backwards(const char* text, std::size_t at, std::size_t limit, std::size_t distance) {
  std::size_t p = at;
  while (p > limit && p >= distance + 8) {
    const std::uint64_t differ = load(text + p - 8) ^ load(text + p - 8 - distance);
    if (differ != 0) return at - std::max(p - static_cast<std::size_t>(std::countl_zero(differ) / 8), limit);
    p -= 8;
  }
  if (p <= limit) return at - limit;
  while (p > limit && text[p - 1] == text[p - 1 - distance]) --p;
  return at - p;
}

std::size_t slot_of(std::uint64_t key, std::size_t slots) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & (slots - 1);
}

}  // namespace

char* escape_twitter_json(char* out, std::string_view text) {
  std::size_t i = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    // Copy the run of characters that need no escape in one go.
    std::size_t run = i;
    while (run < text.size() && !escape_starts[bytes[run]]) ++run;
    std::memcpy(out, text.data() + i, run - i);
    out += run - i;
    i = run;
    if (i >= text.size()) break;
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      const char* two = nullptr;
      switch (c) {
        case '"': two = "\\\""; break;
        case '\\': two = "\\\\"; break;
        case '/': two = "\\/"; break;
        case '\n': two = "\\n"; break;
        case '\r': two = "\\r"; break;
        case '\t': two = "\\t"; break;
        default: break;
      }
      if (two) {
        out[0] = two[0];
        out[1] = two[1];
        out += 2;
      } else {
        write_unicode_escape(out, c);
        out += 6;
      }
      ++i;
      continue;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t code = c & (length == 4 ? 0x07u : length == 3 ? 0x0Fu : 0x1Fu);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) code = (code << 6) | (bytes[i + k] & 0x3Fu);
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      write_unicode_escape(out, 0xD800 + (code >> 10));
      write_unicode_escape(out + 6, 0xDC00 + (code & 0x3FF));
      out += 12;
    } else {
      write_unicode_escape(out, code);
      out += 6;
    }
  }
  return out;
}

StreamText::StreamText(Mode mode) : mode_(mode) {
  if (mode_ == Mode::frame) seen_.resize(seen_slots);
}

StreamText::StreamText(const StreamText& other)
    : mode_(other.mode_),
      size_(other.size_),
      capacity_(other.size_),
      spans_(other.spans_),
      repeats_(other.repeats_),
      seen_(other.seen_),
      frame_(other.frame_),
      literal_start_(other.literal_start_) {
  if (size_ > 0) {
    bytes_.reset(new char[size_]);
    std::memcpy(bytes_.get(), other.bytes_.get(), size_);
  }
}

StreamText& StreamText::operator=(const StreamText& other) {
  if (this != &other) *this = StreamText(other);
  return *this;
}

void StreamText::grow(std::size_t count) {
  const std::size_t capacity = std::max({capacity_ * 2, size_ + count, std::size_t{256}});
  std::unique_ptr<char[]> bytes(new char[capacity]);
  if (size_ > 0) std::memcpy(bytes.get(), bytes_.get(), size_);
  bytes_ = std::move(bytes);
  capacity_ = capacity;
}

void StreamText::clear() {
  size_ = 0;
  spans_.clear();
  repeats_.clear();
  literal_start_ = 0;
  if (mode_ == Mode::frame && ++frame_ == 0) {
    // The counter wrapped: forget every name for good.
    std::fill(seen_.begin(), seen_.end(), Seen{});
    frame_ = 1;
  }
}

void StreamText::append_escaped(std::string_view utf8) {
  // A byte becomes at most six (a control character as \u00XX); twelve more for a character
  // cut at the end of the text.
  char* at = reserve(utf8.size() * 6 + 12);
  size_ = static_cast<std::size_t>(escape_twitter_json(at, utf8) - bytes_.get());
}

void StreamText::repeat_of(std::size_t source, std::size_t begin) {
  const std::size_t length = size_ - begin;
  if (length < min_repeat || source + length > begin) return;
  if (mode_ == Mode::recording) {
    spans_.push_back({copy_bit | source, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(length)});
  } else {
    match(begin, length, begin - source);
  }
}

void StreamText::append_recorded(std::uint64_t key, const StreamText& recorded) {
  const std::size_t base = size_;
  append(recorded.text());
  if (mode_ == Mode::recording) {
    spans_.push_back({key, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(recorded.size())});
    for (Span span : recorded.spans_) {
      span.begin += static_cast<std::uint32_t>(base);
      if (span.key & copy_bit) span.key += base;
      spans_.push_back(span);
    }
    return;
  }
  if (note(key, base, recorded.size())) return;
  // Not in this frame yet: the pieces inside it may be. A span inside one that matched is covered.
  std::size_t covered_until = 0;
  for (const Span& span : recorded.spans_) {
    const std::size_t begin = base + span.begin;
    if (begin < covered_until) continue;
    if (span.key & copy_bit) {
      match(begin, span.length, span.begin - (span.key & ~copy_bit));
    } else if (note(span.key, begin, span.length)) {
      covered_until = begin + span.length;
    }
  }
}

void StreamText::finish_repeats() {
  if (repeats_.empty()) return;
  KnownRepeat& last = repeats_.back();
  const std::size_t room = max_repeat - std::min<std::size_t>(max_repeat, last.length);
  last.length += static_cast<std::uint32_t>(
      same_forwards(bytes_.get(), size_, literal_start_, std::min(size_, literal_start_ + room), last.distance));
  literal_start_ = size_;
}

bool StreamText::note(std::uint64_t key, std::size_t begin, std::size_t length) {
  // Two-way: a key lives in its slot or the next; a new key replaces the older of the two.
  const std::size_t slot = slot_of(key, seen_slots) & ~std::size_t{1};
  Seen* way = &seen_[slot];
  if (!(way->key == key && way->frame == frame_)) {
    Seen* other = &seen_[slot + 1];
    if (other->key == key && other->frame == frame_) {
      way = other;
    } else {
      // Neither holds it: take a slot of an earlier frame, else the one written longer ago.
      const bool first_stale = way->frame != frame_;
      const bool second_stale = other->frame != frame_;
      if (!first_stale && (second_stale || other->position < way->position)) way = other;
      *way = {key, static_cast<std::uint32_t>(begin), frame_};
      return false;
    }
  }
  const bool found = begin - way->position <= max_distance;
  if (found) match(begin, length, begin - way->position);
  way->position = static_cast<std::uint32_t>(begin);
  return found;
}

void StreamText::match(std::size_t begin, std::size_t length, std::size_t distance) {
  if (begin < literal_start_ || length < min_repeat) return;
  const char* text = bytes_.get();
  // The literals written since the last repeat are still in the cache: grow the last repeat
  // forwards over those that repeat too, then this one backwards over what is left (a flag, a
  // language, the leading digits of a time, the same where each repeat comes from).
  if (!repeats_.empty() && begin > literal_start_) {
    KnownRepeat& last = repeats_.back();
    const std::size_t room = max_repeat - std::min<std::size_t>(max_repeat, last.length);
    const std::size_t grown = same_forwards(text, size_, literal_start_, std::min(begin, literal_start_ + room), last.distance);
    last.length += static_cast<std::uint32_t>(grown);
    literal_start_ += grown;
  }
  const std::size_t back = same_backwards(text, begin, std::max(literal_start_, distance), distance);
  begin -= back;
  length += back;
  const std::size_t literals = begin - literal_start_;
  literal_start_ = begin + length;
  if (literals == 0 && !repeats_.empty() && repeats_.back().distance == distance &&
      repeats_.back().length + length <= max_repeat) {
    // Continues the last repeat from the same distance: one longer match.
    repeats_.back().length += static_cast<std::uint32_t>(length);
    return;
  }
  std::size_t pending_literals = literals;
  while (length > 0) {
    // Never leave a tail too short to be a match.
    const std::size_t part = length <= max_repeat ? length : max_repeat - min_repeat;
    repeats_.push_back({static_cast<std::uint32_t>(pending_literals), static_cast<std::uint32_t>(distance),
                        static_cast<std::uint32_t>(part)});
    pending_literals = 0;
    length -= part;
  }
}

}  // namespace leaktrace::simulate
