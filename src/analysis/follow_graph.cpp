#include "analysis/follow_graph.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/input_source.h"

namespace leaktrace {

const std::vector<std::uint32_t>& FollowGraph::followees(std::uint32_t follower) const {
  if (followees_.empty() && !edges_.empty()) {
    std::uint32_t max_follower = 0;
    for (std::uint64_t e : edges_) max_follower = std::max(max_follower, static_cast<std::uint32_t>(e >> 32));
    followees_.resize(static_cast<std::size_t>(max_follower) + 1);
    for (std::uint64_t e : edges_) followees_[e >> 32].push_back(static_cast<std::uint32_t>(e));
  }
  static const std::vector<std::uint32_t> none;
  return follower < followees_.size() ? followees_[follower] : none;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> FollowGraph::pairs() const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(edges_.size());
  for (std::uint64_t e : edges_) out.emplace_back(static_cast<std::uint32_t>(e >> 32), static_cast<std::uint32_t>(e));
  std::sort(out.begin(), out.end());
  return out;
}

FollowGraphFile read_follow_graph(const std::string& path, const Dataset& dataset) {
  FollowGraphFile file;
  FollowGraph& graph = file.graph;
  std::size_t& unknown = file.unknown;
  std::unordered_map<std::string, std::uint32_t> by_name;
  for (std::uint32_t a = 0; a < dataset.account_count(); ++a) {
    by_name.emplace(std::string(dataset.account_native_id(a)), a);
    if (!dataset.account_handle(a).empty()) by_name.emplace("@" + std::string(dataset.account_handle(a)), a);
  }
  std::unique_ptr<InputSource> input;
  try {
    input = std::make_unique<InputSource>(path);
  } catch (const InputError& error) {
    throw std::runtime_error(fmt::format("cannot read the follower graph: {}", error.what()));
  }
  auto take = [&](std::string_view text) {
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (text.empty() || text[0] == '#') return;
    std::size_t split = text.find_first_of(" \t,");
    if (split == std::string_view::npos) return;
    std::string_view follower = text.substr(0, split);
    std::string_view followee = text.substr(text.find_first_not_of(" \t,", split) == std::string_view::npos
                                                ? text.size()
                                                : text.find_first_not_of(" \t,", split));
    auto a = by_name.find(std::string(follower));
    auto b = by_name.find(std::string(followee));
    if (a == by_name.end() || b == by_name.end()) {
      ++unknown;
      return;
    }
    graph.add(a->second, b->second);
  };
  std::string buffer(1 << 20, '\0');
  std::string line;
  while (std::size_t got = input->read(buffer.data(), buffer.size())) {
    std::string_view chunk(buffer.data(), got);
    while (!chunk.empty()) {
      std::size_t newline = chunk.find('\n');
      if (newline == std::string_view::npos) {
        line.append(chunk);
        break;
      }
      line.append(chunk.substr(0, newline));
      take(line);
      line.clear();
      chunk.remove_prefix(newline + 1);
    }
  }
  take(line);
  if (input->damage()) file.damage = *input->damage();
  return file;
}

}  // namespace leaktrace
