#include "simulate/follow_file.h"

#include <zstd.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace leaktrace::simulate {

std::uint64_t write_follow_file(const std::filesystem::path& path, const Population& population, const Story& story,
                                bool compress, std::uint64_t& follows) {
  std::vector<bool> collected(population.accounts().size(), false);
  for (const SimPost& post : story.posts) collected[post.account] = true;
  std::string text = "# follower_id\tfollowee_id: friends/ids of the collection's accounts, kept to the collection\n";
  follows = 0;
  for (std::uint32_t a = 0; a < population.accounts().size(); ++a) {
    if (!collected[a]) continue;
    for (std::uint32_t followee : population.followees(a)) {
      if (!collected[followee]) continue;
      fmt::format_to(std::back_inserter(text), "{}\t{}\n", population.account(a).id, population.account(followee).id);
      ++follows;
    }
  }
  std::string out;
  if (compress) {
    out.resize(ZSTD_compressBound(text.size()));
    std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
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
