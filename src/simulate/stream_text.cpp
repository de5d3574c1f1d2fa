#include "simulate/stream_text.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <charconv>

#include "simulate/tweet_json.h"

namespace leaktrace::simulate {
namespace {

// Below the format's largest match length (131074), so that merged repeats stay one sequence.
constexpr std::size_t max_repeat = 1 << 16;

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

StreamText::StreamText(Mode mode) : mode_(mode) {
  if (mode_ == Mode::frame) seen_.resize(seen_slots);
}

void StreamText::clear() {
  text_.clear();
  spans_.clear();
  repeats_.clear();
  literal_start_ = 0;
  if (mode_ == Mode::frame && ++frame_ == 0) {
    // The counter wrapped: forget every name for good.
    std::fill(seen_.begin(), seen_.end(), Seen{});
    frame_ = 1;
  }
}

void StreamText::append_number(std::uint64_t value) {
  char digits[20];
  auto result = std::to_chars(digits, digits + sizeof digits, value);
  text_.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void StreamText::append_escaped(std::string_view utf8) { append_twitter_json_string(text_, utf8); }

void StreamText::piece(const Piece& constant) {
  const std::size_t begin = text_.size();
  text_.append(constant.text());
  if (constant.text().size() < min_repeat) return;
  const std::uint64_t key = constant.key() & ~(named_bit | copy_bit);
  if (mode_ == Mode::recording) {
    spans_.push_back({key, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(constant.text().size())});
  } else {
    note(key, begin, constant.text().size());
  }
}

void StreamText::name(std::uint64_t key, std::size_t begin) {
  const std::size_t length = text_.size() - begin;
  if (length < min_repeat) return;
  if (mode_ == Mode::recording) {
    spans_.push_back({key, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(length)});
  } else {
    note(key, begin, length);
  }
}

void StreamText::repeat_of(std::size_t source, std::size_t begin) {
  const std::size_t length = text_.size() - begin;
  if (length < min_repeat || source + length > begin) return;
  if (mode_ == Mode::recording) {
    spans_.push_back({copy_bit | source, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(length)});
  } else {
    match(begin, length, begin - source);
  }
}

void StreamText::append_recorded(std::uint64_t key, const StreamText& recorded) {
  const std::size_t base = text_.size();
  text_.append(recorded.text_);
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

void StreamText::extend_repeats() {
  const char* text = text_.data();
  const std::size_t count = repeats_.size();
  std::size_t kept = 0;          // repeats kept so far, compacted in place
  std::size_t position = 0;      // where repeat k's literals start, before extension
  std::size_t literal_start = 0;  // end of the last repeat kept
  for (std::size_t k = 0; k < count; ++k) {
    const KnownRepeat repeat = repeats_[k];
    std::size_t begin = position + repeat.literals;
    std::size_t end = begin + repeat.length;
    position = end;
    const std::size_t next_begin = k + 1 < count ? end + repeats_[k + 1].literals : text_.size();
    const std::size_t distance = repeat.distance;
    // Backwards into the literals before it (not into the repeat before, nor before the text),
    // forwards into the literals after it.
    begin -= same_backwards(text, begin, std::max(literal_start, distance), distance);
    const std::size_t room = max_repeat - std::min(max_repeat, end - begin);
    end += same_forwards(text, text_.size(), end, std::min(next_begin, end + room), distance);
    if (kept > 0 && begin == literal_start && repeats_[kept - 1].distance == distance &&
        repeats_[kept - 1].length + (end - begin) <= max_repeat) {
      repeats_[kept - 1].length += static_cast<std::uint32_t>(end - begin);
    } else {
      repeats_[kept++] = {static_cast<std::uint32_t>(begin - literal_start), static_cast<std::uint32_t>(distance),
                          static_cast<std::uint32_t>(end - begin)};
    }
    literal_start = end;
  }
  repeats_.resize(kept);
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
