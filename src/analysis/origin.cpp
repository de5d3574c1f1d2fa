#include "analysis/origin.h"

#include <algorithm>
#include <array>
#include <limits>

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
  const std::size_t timed_shares = queue.size();
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
  // The shares come in time order (ties by index, as posts_by_time keeps them): only what they
  // led back to needs sorting, then merging in.
  auto earlier = [&](std::uint32_t a, std::uint32_t b) {
    if (d.post_time(a) != d.post_time(b)) return d.post_time(a) < d.post_time(b);
    return a < b;
  };
  const auto led_back_to = queue.begin() + static_cast<std::ptrdiff_t>(timed_shares);
  std::sort(led_back_to, queue.end(), earlier);
  std::inplace_merge(queue.begin(), led_back_to, queue.end(), earlier);

  // Earliest source of each traced post, in time order: a step back goes to a post no later.
  // By post: the time of its earliest source once placed, and the step back towards it.
  constexpr TimeMs not_placed = std::numeric_limits<TimeMs>::max();
  std::vector<TimeMs> root_time(d.post_count(), not_placed);
  std::vector<std::pair<std::uint32_t, OriginStep::Tie>> back(d.post_count(), {no_index, OriginStep::Tie::none});
  for (std::uint32_t p : queue) {
    TimeMs best = d.post_time(p);
    std::uint32_t best_back = no_index;
    OriginStep::Tie best_tie = OriginStep::Tie::none;
    back_neighbours(p, [&](std::uint32_t c, OriginStep::Tie tie) {
      const TimeMs source_time = root_time[c];
      if (source_time == not_placed) return;  // later than p, or not yet placed
      bool earlier = source_time < best;
      bool same_but_earlier_step = source_time == best && best_back != no_index && d.post_time(c) < d.post_time(best_back);
      if (earlier || same_but_earlier_step) {
        best = source_time;
        best_back = c;
        best_tie = tie;
      }
    });
    root_time[p] = best;
    if (best_back != no_index) back[p] = {best_back, best_tie};
  }

  chain_.clear();
  if (!shares.empty()) {
    std::array<std::size_t, platform_count> per_platform{};
    for (std::uint32_t p : shares) ++per_platform[static_cast<std::size_t>(d.post_platform(p))];
    auto main_platform = static_cast<Platform>(std::max_element(per_platform.begin(), per_platform.end()) -
                                               per_platform.begin());
    TimeMs earliest = INT64_MAX;
    for (std::uint32_t p : shares) {
      if (root_time[p] != not_placed) earliest = std::min(earliest, root_time[p]);
    }
    std::uint32_t head = no_index;
    for (bool on_main : {true, false}) {
      for (std::uint32_t p : shares) {
        if (root_time[p] == not_placed || root_time[p] != earliest) continue;
        if (on_main && d.post_platform(p) != main_platform) continue;
        head = p;
        break;
      }
      if (head != no_index) break;
    }
    for (std::uint32_t at = head; at != no_index;) {
      chain_.push_back({at, back[at].second});
      at = back[at].first;
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
    std::size_t left = seen.size();
    for (std::uint32_t p : shares) {
      if (left == 0) break;
      std::int64_t c = communities_->community_of_account(d.post_author(p));
      if (c >= 0 && !seen[static_cast<std::size_t>(c)]) {
        seen[static_cast<std::size_t>(c)] = true;
        --left;
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
  // Shares come in time order, so a post's N-th share is the N-th met.
  const auto n = static_cast<std::uint32_t>(std::max<std::int64_t>(parameters_.amplification_shares, 1));
  std::vector<std::uint32_t> shared(d.post_count(), 0);
  std::vector<std::pair<std::uint32_t, TimeMs>> reached_at;  // (post, time of its N-th share)
  for (std::uint32_t p : shares) {
    PostKind kind = d.post_kind(p);
    if ((kind == PostKind::repost || kind == PostKind::quote) && d.post_parent(p) != no_index) {
      if (++shared[d.post_parent(p)] == n) reached_at.emplace_back(d.post_parent(p), d.post_time(p));
    }
  }
  for (const auto& [post, reached] : reached_at) {
    if (!amplification_ || reached < amplification_->reached ||
        (reached == amplification_->reached && post < amplification_->post)) {
      amplification_ = Amplification{post, static_cast<std::int64_t>(shared[post]), reached};
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
