#include "analysis/follow_graph.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/input_source.h"

namespace leaktrace {

FollowGraph::FollowGraph(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs)
    : pairs_(std::move(pairs)), sealed_(false) {}

void FollowGraph::add(std::uint32_t follower, std::uint32_t followee) {
  pairs_.emplace_back(follower, followee);
  sealed_ = false;
}

void FollowGraph::seal() const {
  if (sealed_) return;
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  pairs_.shrink_to_fit();
  const std::uint32_t followers = pairs_.empty() ? 0 : pairs_.back().first + 1;
  offsets_.assign(static_cast<std::size_t>(followers) + 1, 0);
  followees_.resize(pairs_.size());
  for (std::size_t i = 0; i < pairs_.size(); ++i) {
    ++offsets_[pairs_[i].first + 1];
    followees_[i] = pairs_[i].second;
  }
  for (std::uint32_t f = 0; f < followers; ++f) offsets_[f + 1] += offsets_[f];
  sealed_ = true;
}

std::span<const std::uint32_t> FollowGraph::followees(std::uint32_t follower) const {
  seal();
  if (static_cast<std::size_t>(follower) + 1 >= offsets_.size()) return {};
  return {followees_.data() + offsets_[follower], followees_.data() + offsets_[follower + 1]};
}

bool FollowGraph::follows(std::uint32_t follower, std::uint32_t followee) const {
  std::span<const std::uint32_t> run = followees(follower);
  return std::binary_search(run.begin(), run.end(), followee);
}

std::size_t FollowGraph::size() const {
  seal();
  return pairs_.size();
}

const std::vector<std::pair<std::uint32_t, std::uint32_t>>& FollowGraph::pairs() const {
  seal();
  return pairs_;
}

namespace {

// Accounts by native id and by handle, as views into the Dataset's own strings.
class AccountNames {
 public:
  explicit AccountNames(const Dataset& dataset) {
    by_id_.reserve(dataset.account_count());
    by_handle_.reserve(dataset.account_count());
    for (std::uint32_t a = 0; a < dataset.account_count(); ++a) {
      by_id_.emplace(dataset.account_native_id(a), a);
      if (!dataset.account_handle(a).empty()) by_handle_.emplace(dataset.account_handle(a), a);
    }
  }
  std::uint32_t find(std::string_view name) const {
    const auto& table = name.starts_with('@') ? by_handle_ : by_id_;
    if (name.starts_with('@')) name.remove_prefix(1);
    auto it = table.find(name);
    return it == table.end() ? no_index : it->second;
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> by_id_;
  std::unordered_map<std::string_view, std::uint32_t> by_handle_;
};

}  // namespace

FollowGraphFile read_follow_graph(const std::string& path, const Dataset& dataset) {
  FollowGraphFile file;
  const AccountNames names(dataset);
  std::unique_ptr<InputSource> input;
  try {
    input = std::make_unique<InputSource>(path);
  } catch (const InputError& error) {
    throw std::runtime_error(fmt::format("cannot read the follower graph: {}", error.what()));
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  // Files list a follower's follows together, so the follower is looked up once per run.
  std::string last_follower_name;
  std::uint32_t last_follower = no_index;
  auto take = [&](std::string_view text) {
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (text.empty() || text[0] == '#') return;
    std::size_t split = text.find_first_of(" \t,");
    if (split == std::string_view::npos) return;
    std::string_view follower_name = text.substr(0, split);
    std::size_t second = text.find_first_not_of(" \t,", split);
    std::string_view followee_name = second == std::string_view::npos ? std::string_view() : text.substr(second);
    if (follower_name != last_follower_name) {
      last_follower_name.assign(follower_name);
      last_follower = names.find(follower_name);
    }
    std::uint32_t followee = names.find(followee_name);
    if (last_follower == no_index || followee == no_index) {
      ++file.unknown;
      return;
    }
    pairs.emplace_back(last_follower, followee);
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
      if (line.empty()) {
        take(chunk.substr(0, newline));
      } else {
        line.append(chunk.substr(0, newline));
        take(line);
        line.clear();
      }
      chunk.remove_prefix(newline + 1);
    }
  }
  take(line);
  if (input->damage()) file.damage = *input->damage();
  file.graph = FollowGraph(std::move(pairs));
  return file;
}

}  // namespace leaktrace
