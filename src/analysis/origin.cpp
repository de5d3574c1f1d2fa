#include "analysis/origin.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace leaktrace {
namespace {

OriginStep::Tie tie_to_parent(PostKind kind) {
  switch (kind) {
    case PostKind::repost: return OriginStep::Tie::reposts;
    case PostKind::quote: return OriginStep::Tie::quotes;
    case PostKind::reply: return OriginStep::Tie::answers;
    case PostKind::original: break;
  }
  return OriginStep::Tie::cites;
}

}  // namespace

std::string_view origin_tie_name(OriginStep::Tie tie) {
  switch (tie) {
    case OriginStep::Tie::none: return "";
    case OriginStep::Tie::cites: return "cites";
    case OriginStep::Tie::reposts: return "reposts";
    case OriginStep::Tie::quotes: return "quotes";
    case OriginStep::Tie::answers: return "answers";
    case OriginStep::Tie::follows: return "follows";
    case OriginStep::Tie::tied: return "tied-to";
  }
  return "";
}

OriginTrace::OriginTrace(const Dataset& dataset, const SubjectMatch& subject, const CommunityDetection* communities,
                         OriginParameters parameters)
    : dataset_(dataset), subject_(subject), communities_(communities), parameters_(parameters) {
  if (parameters_.amplification_shares < 1) throw std::invalid_argument("--amplification must be at least 1");
}

void OriginTrace::run() {
  const Dataset& d = dataset_;
  const std::vector<std::uint32_t>& shares = subject_.posts();

  // The shares and everything they cite or derive from, followed back.
  std::vector<bool> traced(d.post_count(), false);
  std::vector<std::uint32_t> queue;
  for (std::uint32_t p : shares) {
    if (d.post_time(p) != unknown_time) {
      traced[p] = true;
      queue.push_back(p);
    }
  }
  auto back_neighbours = [&](std::uint32_t p, auto&& visit) {
    for (std::uint32_t cited : d.post_citations(p)) visit(cited, OriginStep::Tie::cites);
    if (d.post_parent(p) != no_index) visit(d.post_parent(p), tie_to_parent(d.post_kind(p)));
  };
  for (std::size_t i = 0; i < queue.size(); ++i) {
    back_neighbours(queue[i], [&](std::uint32_t c, OriginStep::Tie) {
      if (!traced[c] && d.post_time(c) != unknown_time) {
        traced[c] = true;
        queue.push_back(c);
      }
    });
  }
  traced_ = queue.size();
  std::sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (d.post_time(a) != d.post_time(b)) return d.post_time(a) < d.post_time(b);
    return a < b;
  });

  // Earliest source of each traced post, in time order: a step back goes to a post no later.
  std::unordered_map<std::uint32_t, TimeMs> root_time;
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, OriginStep::Tie>> back;
  root_time.reserve(queue.size());
  for (std::uint32_t p : queue) {
    TimeMs best = d.post_time(p);
    std::uint32_t best_back = no_index;
    OriginStep::Tie best_tie = OriginStep::Tie::none;
    back_neighbours(p, [&](std::uint32_t c, OriginStep::Tie tie) {
      auto it = root_time.find(c);
      if (it == root_time.end()) return;  // later than p, or not yet placed
      bool earlier = it->second < best;
      bool same_but_earlier_step = it->second == best && best_back != no_index && d.post_time(c) < d.post_time(best_back);
      if (earlier || same_but_earlier_step) {
        best = it->second;
        best_back = c;
        best_tie = tie;
      }
    });
    root_time.emplace(p, best);
    if (best_back != no_index) back.emplace(p, std::make_pair(best_back, best_tie));
  }

  chain_.clear();
  if (!shares.empty()) {
    std::array<std::size_t, platform_count> per_platform{};
    for (std::uint32_t p : shares) ++per_platform[static_cast<std::size_t>(d.post_platform(p))];
    auto main_platform = static_cast<Platform>(std::max_element(per_platform.begin(), per_platform.end()) -
                                               per_platform.begin());
    TimeMs earliest = INT64_MAX;
    for (std::uint32_t p : shares) {
      if (auto it = root_time.find(p); it != root_time.end()) earliest = std::min(earliest, it->second);
    }
    std::uint32_t head = no_index;
    for (bool on_main : {true, false}) {
      for (std::uint32_t p : shares) {
        auto it = root_time.find(p);
        if (it == root_time.end() || it->second != earliest) continue;
        if (on_main && d.post_platform(p) != main_platform) continue;
        head = p;
        break;
      }
      if (head != no_index) break;
    }
    for (std::uint32_t at = head; at != no_index;) {
      auto it = back.find(at);
      chain_.push_back({at, it == back.end() ? OriginStep::Tie::none : it->second.second});
      at = it == back.end() ? no_index : it->second.first;
    }
    std::reverse(chain_.begin(), chain_.end());
    if (!chain_.empty()) chain_.front().tie = OriginStep::Tie::none;
  }

  first_by_platform_.clear();
  std::array<bool, platform_count> seen_platform{};
  for (std::uint32_t p : queue) {
    auto platform = static_cast<std::size_t>(d.post_platform(p));
    if (!seen_platform[platform]) {
      seen_platform[platform] = true;
      first_by_platform_.emplace_back(d.post_platform(p), p);
    }
  }

  first_by_community_.clear();
  if (communities_) {
    std::vector<bool> seen(communities_->communities().size(), false);
    for (std::uint32_t p : shares) {
      std::int64_t c = communities_->community_of_account(d.post_author(p));
      if (c >= 0 && !seen[static_cast<std::size_t>(c)]) {
        seen[static_cast<std::size_t>(c)] = true;
        first_by_community_.emplace_back(c, p);
      }
    }
  }

  first_sharers_.clear();
  std::vector<bool> seen_account(d.account_count(), false);
  for (std::uint32_t p : shares) {
    if (first_sharers_.size() >= parameters_.first_sharers) break;
    if (!seen_account[d.post_author(p)]) {
      seen_account[d.post_author(p)] = true;
      first_sharers_.push_back(p);
    }
  }

  // First large amplification: the post whose N-th repost or quote came first.
  amplification_.reset();
  std::unordered_map<std::uint32_t, std::vector<TimeMs>> share_times;
  for (std::uint32_t p : shares) {
    PostKind kind = d.post_kind(p);
    if ((kind == PostKind::repost || kind == PostKind::quote) && d.post_parent(p) != no_index) {
      share_times[d.post_parent(p)].push_back(d.post_time(p));
    }
  }
  const auto n = static_cast<std::size_t>(parameters_.amplification_shares);
  for (auto& [post, times] : share_times) {
    if (times.size() < n) continue;
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(n - 1), times.end());
    TimeMs reached = times[n - 1];
    if (!amplification_ || reached < amplification_->reached ||
        (reached == amplification_->reached && post < amplification_->post)) {
      amplification_ = Amplification{post, static_cast<std::int64_t>(times.size()), reached};
    }
  }
  mark_finished();
}

const std::vector<OriginStep>& OriginTrace::chain() const {
  assure_finished("OriginTrace");
  return chain_;
}
const std::vector<std::pair<Platform, std::uint32_t>>& OriginTrace::first_by_platform() const {
  assure_finished("OriginTrace");
  return first_by_platform_;
}
const std::vector<std::pair<std::int64_t, std::uint32_t>>& OriginTrace::first_by_community() const {
  assure_finished("OriginTrace");
  return first_by_community_;
}
const std::vector<std::uint32_t>& OriginTrace::first_sharers() const {
  assure_finished("OriginTrace");
  return first_sharers_;
}
const std::optional<Amplification>& OriginTrace::amplification() const {
  assure_finished("OriginTrace");
  return amplification_;
}
std::size_t OriginTrace::traced_posts() const {
  assure_finished("OriginTrace");
  return traced_;
}

}  // namespace leaktrace
