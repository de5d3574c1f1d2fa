#include "simulate/follow_file.h"

#include <zstd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "simulate/zstd_output.h"

namespace leaktrace::simulate {
namespace {

// Level 1: on these lines (two ids a line) level 3 is 13% smaller for 1.6 times the CPU, spent beside
// the tweet file's writers.
constexpr int zstd_level = 1;

// Lines go out a few megabytes at a time, compressed as a stream: a large scenario's follower graph
// (tens of millions of lines) never sits whole in memory, neither as text nor compressed.
class FollowFileSink {
 public:
  FollowFileSink(const std::filesystem::path& path, bool compress) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) fail();
    if (compress) {
      context_ = make_zstd_context(zstd_level);
      packed_.resize(ZSTD_CStreamOutSize());
    }
    text_.resize(text_bytes);
  }

  // Room for `bytes` more: the text so far goes out first when they would not fit.
  char* room(std::size_t bytes) {
    if (size_ + bytes > text_.size()) {
      send(ZSTD_e_continue);
      if (bytes > text_.size()) text_.resize(bytes);
    }
    return text_.data() + size_;
  }
  void advance_to(const char* at) { size_ = static_cast<std::size_t>(at - text_.data()); }
  void append(std::string_view text) {
    char* at = room(text.size());
    std::memcpy(at, text.data(), text.size());
    advance_to(at + text.size());
  }

  std::uint64_t finish() {
    send(ZSTD_e_end);
    if (std::fclose(file_.release()) != 0) fail();
    return written_;
  }

 private:
  static constexpr std::size_t text_bytes = std::size_t{4} << 20;

  void send(ZSTD_EndDirective directive) {
    if (!context_) {
      write(text_.data(), size_);
    } else {
      ZSTD_inBuffer in{text_.data(), size_, 0};
      for (;;) {
        ZSTD_outBuffer out{packed_.data(), packed_.size(), 0};
        const std::size_t left = ZSTD_compressStream2(context_.get(), &out, &in, directive);
        if (ZSTD_isError(left)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(left)));
        write(packed_.data(), out.pos);
        if (directive == ZSTD_e_end ? left == 0 : in.pos == in.size) break;
      }
    }
    size_ = 0;
  }
  void write(const char* bytes, std::size_t count) {
    if (std::fwrite(bytes, 1, count, file_.get()) != count) fail();
    written_ += count;
  }
  [[noreturn]] void fail() const {
    throw std::runtime_error(fmt::format("cannot write {}: check that the folder is writable", path_.string()));
  }

  std::filesystem::path path_;
  OutputFile file_;
  ZstdContext context_;
  std::string text_;
  std::string packed_;
  std::size_t size_ = 0;
  std::uint64_t written_ = 0;
};

}  // namespace

std::uint64_t write_follow_file(const std::filesystem::path& path, const Population& population, const Story& story,
                                bool compress, std::uint64_t& follows) {
  // Each collected account's id written once, side by side (0 characters: not collected): a line
  // is then two copies, and the follower graph of a large scenario has tens of millions of lines.
  struct Digits {
    char text[23] = {};
    std::uint8_t length = 0;
  };
  std::vector<Digits> ids(population.accounts().size());
  for (const SimPost& post : story.posts) {
    Digits& id = ids[post.account];
    if (id.length > 0) continue;
    id.length = static_cast<std::uint8_t>(
        std::to_chars(id.text, id.text + sizeof id.text, population.account(post.account).id).ptr - id.text);
  }
  FollowFileSink sink(path, compress);
  sink.append("# follower_id\tfollowee_id: friends/ids of the collection's accounts, kept to the collection\n");
  follows = 0;
  constexpr std::size_t longest_line = 2 * sizeof(Digits::text) + 2;
  for (std::uint32_t a = 0; a < population.accounts().size(); ++a) {
    const Digits& follower = ids[a];
    if (follower.length == 0) continue;
    const auto followees = population.followees(a);
    char* at = sink.room(followees.size() * longest_line);
    for (std::uint32_t f : followees) {
      const Digits& followee = ids[f];
      if (followee.length == 0) continue;
      std::memcpy(at, follower.text, sizeof follower.text);  // whole: a fixed-size copy
      at += follower.length;
      *at++ = '\t';
      std::memcpy(at, followee.text, sizeof followee.text);
      at += followee.length;
      *at++ = '\n';
      ++follows;
    }
    sink.advance_to(at);
  }
  return sink.finish();
}

}  // namespace leaktrace::simulate
