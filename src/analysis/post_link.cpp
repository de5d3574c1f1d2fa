#include "analysis/post_link.h"

#include <filesystem>

#include <fmt/format.h>

namespace leaktrace {

std::uint32_t thread_opening_post(const Dataset& dataset, std::uint32_t post) {
  std::uint32_t at = post;
  for (int hops = 0; hops < 10000; ++hops) {
    std::uint32_t parent = dataset.post_parent(at);
    if (dataset.post_kind(at) != PostKind::reply || parent == no_index) return at;
    at = parent;
  }
  return at;
}

std::string post_url(const Dataset& dataset, std::uint32_t post) {
  std::string_view id = dataset.post_native_id(post);
  switch (dataset.post_platform(post)) {
    case Platform::twitter: {
      std::string_view handle = dataset.account_handle(dataset.post_author(post));
      return handle.empty() ? fmt::format("https://twitter.com/i/status/{}", id)
                            : fmt::format("https://twitter.com/{}/status/{}", handle, id);
    }
    case Platform::fourchan: {
      std::size_t slash = id.find('/');
      if (slash == std::string_view::npos) return {};
      std::string_view board = id.substr(0, slash);
      std::string_view number = id.substr(slash + 1);
      std::string_view opening = dataset.post_native_id(thread_opening_post(dataset, post));
      std::string_view thread = opening.substr(std::min(opening.find('/') + 1, opening.size()));
      if (thread == number) return fmt::format("https://boards.4chan.org/{}/thread/{}", board, thread);
      return fmt::format("https://boards.4chan.org/{}/thread/{}#p{}", board, thread, number);
    }
    case Platform::pastebin: return fmt::format("https://pastebin.com/{}", id);
  }
  return {};
}

std::string post_provenance(const Dataset& dataset, std::uint32_t post) {
  const DatasetFile* file = dataset.file(dataset.post_file(post));
  std::string name = file ? std::filesystem::path(file->path).filename().string() : "?";
  return fmt::format("{}:{}", name, dataset.post_line(post));
}

}  // namespace leaktrace
