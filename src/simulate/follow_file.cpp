#include "simulate/follow_file.h"

#include <zstd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace leaktrace::simulate {
namespace {

// Level 1: on these lines (two ids a line) level 3 is 13% smaller for 1.6 times the CPU, spent beside
// the tweet file's writers.
constexpr int zstd_level = 1;

}  // namespace

std::uint64_t write_follow_file(const std::filesystem::path& path, const Population& population, const Story& story,
                                bool compress, std::uint64_t& follows) {
  std::vector<bool> collected(population.accounts().size(), false);
  for (const SimPost& post : story.posts) collected[post.account] = true;
  std::string text = "# follower_id\tfollowee_id: friends/ids of the collection's accounts, kept to the collection\n";
  follows = 0;
  // Written in place with to_chars (a line is at most two 20-digit ids, a tab and a newline): the
  // follower graph of a large scenario has tens of millions of lines.
  constexpr std::size_t longest_line = 2 * 20 + 2;
  std::size_t size = text.size();
  for (std::uint32_t a = 0; a < population.accounts().size(); ++a) {
    if (!collected[a]) continue;
    const auto followees = population.followees(a);
    if (text.size() - size < followees.size() * longest_line) {
      text.resize(std::max(text.size() * 2, size + followees.size() * longest_line));
    }
    char follower[20];
    const auto follower_length =
        static_cast<std::size_t>(std::to_chars(follower, follower + sizeof follower, population.account(a).id).ptr - follower);
    for (std::uint32_t followee : followees) {
      if (!collected[followee]) continue;
      char* at = text.data() + size;
      std::memcpy(at, follower, follower_length);
      at += follower_length;
      *at++ = '\t';
      at = std::to_chars(at, at + 20, population.account(followee).id).ptr;
      *at++ = '\n';
      size = static_cast<std::size_t>(at - text.data());
      ++follows;
    }
  }
  text.resize(size);
  std::string out;
  if (compress) {
    out.resize(ZSTD_compressBound(text.size()));
    std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), zstd_level);
    if (ZSTD_isError(size)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(size)));
    out.resize(size);
  } else {
    out = std::move(text);
  }
  std::ofstream file(path, std::ios::binary);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write {}: check that the folder is writable", path.string()));
  return out.size();
}

}  // namespace leaktrace::simulate
