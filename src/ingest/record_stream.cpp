#include "ingest/record_stream.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/hashtag.h"
#include "ingest/url_canonicalizer.h"

namespace leaktrace {
namespace {

constexpr std::size_t sniff_bytes = std::size_t{64} << 10;
constexpr std::size_t padding = simdjson::SIMDJSON_PADDING;

bool blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string printable_excerpt(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '.';
  return out;
}

}  // namespace

RecordStream::RecordStream(const std::string& path, const RecordStreamOptions& options)
    : options_(options), source_(std::make_unique<InputSource>(path)) {
  std::string_view mapped = source_->map_whole_file(std::max<std::uint64_t>(options_.map_min_bytes, 1));
  if (!mapped.empty()) {
    data_ = mapped.data();
    end_ = mapped.size();
    eof_ = true;
    mapped_ = true;
  } else {
    // Small files (thousands of one-tweet files) should not pay for a full chunk each.
    std::size_t first_chunk = options_.chunk_bytes;
    if (source_->compression() == Compression::none && source_->raw_size()) {
      first_chunk = std::min<std::size_t>(first_chunk, std::max<std::size_t>(*source_->raw_size() + 1, 4096));
    }
    buffer_.resize(first_chunk + padding);
    data_ = buffer_.data();
    while (end_ < sniff_bytes && fill_buffer()) {
    }
  }
  std::string_view head(data_, std::min(end_, sniff_bytes));
  if (options_.format) {
    format_ = *options_.format;
  } else if (auto sniffed = sniff_format(head)) {
    format_ = *sniffed;
  } else if (end_ == 0) {
    throw UnknownFormatError(fmt::format("{} is empty{}", path,
                                         source_->damage() ? ": " + *source_->damage() : std::string{}));
  } else {
    throw UnknownFormatError(fmt::format(
        "cannot tell the format of {} from its content (it starts with \"{}\"); if it is one leaktrace "
        "reads, name it with --format ({})",
        path, printable_excerpt(head), format_names_for_help()));
  }
  layout_ = sniff_layout(head);
  reader_ = make_reader(format_, options_.reader);
}

RecordStream::~RecordStream() = default;

// Appends decompressed bytes after end_, moving unread text to the front and growing the buffer
// when a line does not fit. False at the end of the data.
bool RecordStream::fill_buffer() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), data_ + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // Grow by doubling when unread text fills most of the buffer (a line longer than it): never by
  // a whole chunk at once, which a file smaller than one would pay for in zero-filled memory.
  std::size_t capacity = buffer_.size() - padding;
  if (capacity - end_ < capacity / 4) buffer_.resize(capacity * 2 + padding);
  data_ = buffer_.data();
  std::size_t n = source_->read(buffer_.data() + end_, buffer_.size() - padding - end_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  std::memset(buffer_.data() + end_, 0, padding);
  return true;
}

// Work done here, on the parsing thread, is work the single writing thread does not do.
void RecordStream::normalise(RecordBatch& batch) {
  for (Post& post : batch.posts) {
    for (PostUrl& url : post.urls) {
      if (url.canonical.empty()) url.canonical = canonicalize_url(url.expanded);
      url.cites = cited_post(url.canonical);
    }
    for (std::string& tag : post.hashtags) tag = fold_hashtag(tag);
  }
  // The workspace keeps the latest profile of an account and the span it was seen in: within a
  // batch one profile per account carries both.
  if (batch.accounts.size() <= 1) return;
  for (auto& map : account_slots_) map.clear();
  std::size_t kept = 0;  // [0, kept) holds one profile per account
  for (std::size_t i = 0; i < batch.accounts.size(); ++i) {
    Account& account = batch.accounts[i];
    auto& slots = account_slots_[static_cast<std::size_t>(account.platform)];
    if (std::uint32_t* slot = slots.find(account.id)) {
      Account& held = batch.accounts[*slot];
      TimeMs first = held.first_observed_at;
      if (account.observed_at != unknown_time && (first == unknown_time || account.observed_at < first)) {
        first = account.observed_at;
      }
      if (account.observed_at != unknown_time &&
          (held.observed_at == unknown_time || account.observed_at >= held.observed_at)) {
        merge_newer_profile(held, account);
      }
      held.first_observed_at = first;
      continue;
    }
    slots.insert(account.id, static_cast<std::uint32_t>(kept));
    account.first_observed_at = account.observed_at;
    if (kept != i) std::swap(batch.accounts[kept], account);
    ++kept;
  }
  batch.accounts.resize(kept);  // what is left past it are the profiles merged away
}

void RecordStream::read_document(RecordBatch& batch) {
  if (mapped_) {
    // One JSON text for the whole file: the parser needs it padded, so it is copied once.
    if (end_ <= options_.max_document_bytes) {
      buffer_.assign(data_, data_ + end_);
      buffer_.resize(end_ + padding, '\0');
    }
    data_ = buffer_.data();
    source_->consumed(end_);
  }
  while (fill_buffer()) {
    if (end_ > options_.max_document_bytes) break;
  }
  if (end_ > options_.max_document_bytes) {
    batch.rejections.push_back({1, fmt::format("the document is larger than {} MiB; split it or convert it to one "
                                               "record per line",
                                               options_.max_document_bytes >> 20)});
    done_ = true;
    return;
  }
  std::memset(buffer_.data() + end_, 0, padding);
  reader_->read(std::string_view(buffer_.data() + begin_, end_ - begin_), 1, batch);
  line_ = static_cast<std::uint64_t>(std::count(buffer_.data() + begin_, buffer_.data() + end_, '\n')) + 1;
  begin_ = end_;
}

bool RecordStream::next(RecordBatch& batch) {
  batch.clear();
  if (done_) return false;
  if (layout_ == Layout::document) {
    read_document(batch);
    done_ = true;
  } else {
    auto reject_long_line = [&](std::uint64_t line) {
      batch.rejections.push_back({line, fmt::format("line longer than {} MiB; skipped", options_.max_line_bytes >> 20)});
    };
    while (batch.posts.size() < options_.batch_posts) {
      const char* text = data_ + begin_;
      const char* newline = static_cast<const char*>(std::memchr(text, '\n', end_ - begin_));
      if (newline == nullptr) {
        if (end_ - begin_ > options_.max_line_bytes) {
          reject_long_line(line_ + 1);
          skipping_long_line_ = true;
          begin_ = end_;
        }
        if (fill_buffer()) continue;
        if (begin_ == end_) {
          done_ = true;
          break;
        }
        text = data_ + begin_;
        newline = data_ + end_;  // last line without a final newline
      }
      std::size_t length = static_cast<std::size_t>(newline - text);
      ++line_;
      begin_ = std::min(end_, begin_ + length + 1);
      if (skipping_long_line_) {
        skipping_long_line_ = false;
        continue;
      }
      if (length > options_.max_line_bytes) {
        reject_long_line(line_);
        continue;
      }
      if (mapped_ && static_cast<std::size_t>(text - data_) + length + padding > end_) {
        // The parser reads a little past the text: past the end of the mapping near its end.
        tail_.assign(text, text + length);
        tail_.resize(length + padding, '\0');
        text = tail_.data();
      }
      std::string_view line(text, length);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (blank(line)) continue;
      reader_->read(line, line_, batch);
    }
    if (mapped_) source_->consumed(begin_);
  }
  if (source_->damage() && done_) {
    batch.rejections.push_back({line_, *source_->damage()});
  }
  normalise(batch);
  return !batch.empty() || !done_;
}

}  // namespace leaktrace
