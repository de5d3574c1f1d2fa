#include "analysis/coordination.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace leaktrace {
namespace {

struct Event {
  std::uint32_t account;
  TimeMs time;
  std::uint32_t post;
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return a < b ? (std::uint64_t{a} << 32) | b : (std::uint64_t{b} << 32) | a;
}

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace

std::string_view coordinated_action_kind_name(CoordinatedAction::Kind kind) {
  switch (kind) {
    case CoordinatedAction::Kind::repost: return "repost";
    case CoordinatedAction::Kind::link: return "link";
    case CoordinatedAction::Kind::text: return "text";
  }
  return "repost";
}

std::string normalised_text(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  bool space = false;
  while (static_cast<std::int32_t>(i) < length) {
    // Words that are URLs or mentions are skipped whole.
    if (text.substr(i, 7) == "http://" || text.substr(i, 8) == "https://" || text[i] == '@') {
      while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
      space = !out.empty();
      continue;
    }
    std::int32_t at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    i = static_cast<std::size_t>(at);
    if (c >= 0 && u_isalnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      c = u_tolower(c);
      char buffer[4];
      std::int32_t n = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), n, 4, c, error);
      if (!error) out.append(buffer, static_cast<std::size_t>(n));
    } else {
      space = true;
    }
  }
  return out;
}

CoordinationDetection::CoordinationDetection(const Dataset& dataset, const SubjectMatch& subject,
                                             CoordinationParameters parameters)
    : dataset_(dataset), subject_(subject), parameters_(parameters) {
  if (parameters_.window <= 0) throw std::invalid_argument("the coordination window must be positive, e.g. 60s");
  if (parameters_.min_coactions < 1) throw std::invalid_argument("--min-coactions must be at least 1");
}

void CoordinationDetection::run() {
  const Dataset& d = dataset_;
  // Actions keyed by what they act on, in time order (shares come in time order).
  struct Key {
    CoordinatedAction::Kind kind;
    std::string what;
  };
  std::vector<Key> keys;
  std::vector<std::vector<Event>> events;
  std::unordered_map<std::string, std::uint32_t> key_index;
  auto add = [&](CoordinatedAction::Kind kind, std::string what, std::uint32_t post) {
    std::string lookup = std::string(coordinated_action_kind_name(kind)) + '\t' + what;
    auto [it, added] = key_index.emplace(std::move(lookup), static_cast<std::uint32_t>(keys.size()));
    if (added) {
      keys.push_back({kind, std::move(what)});
      events.emplace_back();
    }
    events[it->second].push_back({d.post_author(post), d.post_time(post), post});
  };
  const bool texts = parameters_.texts && d.has_text();
  for (std::uint32_t p : subject_.posts()) {
    if (d.post_time(p) == unknown_time) continue;
    PostKind kind = d.post_kind(p);
    if (kind == PostKind::repost) {
      if (parameters_.reposts && d.post_parent(p) != no_index) {
        add(CoordinatedAction::Kind::repost, std::string(d.post_native_id(d.post_parent(p))), p);
      }
      continue;  // a repost's URLs and text are its original's
    }
    if (parameters_.links) {
      for (std::uint32_t u : d.post_urls(p)) add(CoordinatedAction::Kind::link, std::string(d.url_canonical(u)), p);
    }
    if (texts) {
      std::string text = normalised_text(d.post_text(p));
      if (std::count(text.begin(), text.end(), ' ') >= 3) add(CoordinatedAction::Kind::text, std::move(text), p);
    }
  }

  // Co-actions: distinct accounts acting on the same key within the window, once per key and pair.
  constexpr double identical_text_chance = 0.01;
  constexpr TimeMs coincidence_scale = 3600 * 1000;
  std::unordered_map<std::uint64_t, std::int64_t> coactions;
  std::vector<double> chance(keys.size(), 0.0);  // that two of a key's sharers co-act
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> keys_of;  // ascending
  std::unordered_set<std::uint64_t> seen;
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const std::vector<Event>& list = events[k];
    std::unordered_set<std::uint32_t> accounts;
    for (const Event& e : list) accounts.insert(e.account);
    for (std::uint32_t a : accounts) keys_of[a].push_back(k);
    if (accounts.size() < 2) continue;
    seen.clear();
    std::size_t begin = 0;
    for (std::size_t j = 0; j < list.size(); ++j) {
      while (list[j].time - list[begin].time > parameters_.window) ++begin;
      if (j - begin > parameters_.max_crowd) continue;
      for (std::size_t i = begin; i < j; ++i) {
        if (list[i].account == list[j].account) continue;
        std::uint64_t key = pair_key(list[i].account, list[j].account);
        if (seen.insert(key).second) ++coactions[key];
      }
    }
    // The chance two of its sharers co-act by chance: the share of its pairs of sharers less than an
    // hour apart, spread evenly over that hour. A burst of coordinated accounts crowds the window,
    // not the hour, so it does not make its own co-actions look likely.
    std::size_t near = 0;
    for (std::size_t j = 0, from = 0; j < list.size(); ++j) {
      while (list[j].time - list[from].time > coincidence_scale) ++from;
      near += j - from;
    }
    const double n = static_cast<double>(list.size());
    chance[k] = static_cast<double>(near) / (n * (n - 1) / 2) * static_cast<double>(2 * parameters_.window) /
                static_cast<double>(2 * coincidence_scale);
    if (keys[k].kind == CoordinatedAction::Kind::text) chance[k] = std::min(chance[k], identical_text_chance);
  }

  // Pairs that co-act repeatedly, for most of what each of them does, against the odds.
  UnionFind groups(d.account_count());
  std::vector<std::pair<std::uint64_t, std::int64_t>> kept;
  for (const auto& [key, count] : coactions) {
    auto a = static_cast<std::uint32_t>(key >> 32);
    auto b = static_cast<std::uint32_t>(key);
    const auto& ka = keys_of[a];
    const auto& kb = keys_of[b];
    const double larger = static_cast<double>(std::max(ka.size(), kb.size()));
    if (count < parameters_.min_coactions || static_cast<double>(count) < parameters_.min_share * larger) continue;
    double expected = 0;
    for (std::size_t i = 0, j = 0; i < ka.size() && j < kb.size();) {
      if (ka[i] < kb[j]) {
        ++i;
      } else if (kb[j] < ka[i]) {
        ++j;
      } else {
        expected += chance[ka[i]];
        ++i;
        ++j;
      }
    }
    // -ln P(X >= count) for X ~ Poisson(expected), from the tail's leading term.
    const double c = static_cast<double>(count);
    const double surprise = expected >= c ? 0 : expected - c * std::log(std::max(expected, 1e-300)) + std::lgamma(c + 1);
    if (surprise >= parameters_.min_surprise) {
      kept.emplace_back(key, count);
      groups.join(a, b);
    }
  }
  std::sort(kept.begin(), kept.end());
  pairs_ = kept.size();

  std::map<std::uint32_t, std::vector<std::uint32_t>> members;
  for (const auto& [key, count] : kept) {
    for (std::uint32_t account : {static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key)}) {
      members[groups.find(account)].push_back(account);
    }
  }
  clusters_.clear();
  std::vector<std::uint32_t> cluster_of(d.account_count(), no_index);
  for (auto& [root, list] : members) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    if (list.size() < parameters_.min_accounts) continue;
    CoordinatedCluster cluster;
    for (std::uint32_t account : list) {
      cluster_of[account] = static_cast<std::uint32_t>(clusters_.size());
      cluster.accounts.push_back({.account = account});
    }
    clusters_.push_back(std::move(cluster));
  }
  for (const auto& [key, count] : kept) {
    const std::uint32_t c = cluster_of[static_cast<std::uint32_t>(key >> 32)];
    if (c != no_index) clusters_[c].coactions += count;
  }

  // Each member's posts, for its signals: the span of their times and their count.
  std::unordered_map<std::uint32_t, std::pair<TimeMs, TimeMs>> span;
  std::unordered_map<std::uint32_t, std::int64_t> post_count;
  for (std::uint32_t p = 0; p < d.post_count(); ++p) {
    const std::uint32_t author = d.post_author(p);
    if (d.post_time(p) == unknown_time || cluster_of[author] == no_index) continue;
    auto [it, added] = span.emplace(author, std::make_pair(d.post_time(p), d.post_time(p)));
    if (!added) {
      it->second.first = std::min(it->second.first, d.post_time(p));
      it->second.second = std::max(it->second.second, d.post_time(p));
    }
    ++post_count[author];
  }
  for (CoordinatedCluster& cluster : clusters_) {
    for (AccountSignals& s : cluster.accounts) {
      const std::uint32_t account = s.account;
      auto it = span.find(account);
      if (it != span.end()) {
        TimeMs created = d.account_created_at(account);
        if (created != unknown_time) s.age_days = static_cast<double>(it->second.first - created) / 86400000.0;
        double hours = std::max(1.0, static_cast<double>(it->second.second - it->second.first) / 3600000.0);
        s.posts = post_count[account];
        s.posts_per_hour = static_cast<double>(s.posts) / hours;
      }
      s.default_profile = d.account_default_profile(account);
      s.followers = d.account_followers(account);
      s.following = d.account_following(account);
    }
  }

  // What each cluster did together: one pass over the keys, the members of each cluster on each.
  struct Together {
    std::vector<std::uint32_t> accounts;
    TimeMs first = unknown_time;
    TimeMs last = unknown_time;
    std::uint32_t first_post = no_index;
  };
  std::map<std::uint32_t, Together> on_key;  // by cluster
  for (std::size_t k = 0; k < keys.size(); ++k) {
    on_key.clear();
    for (const Event& e : events[k]) {
      const std::uint32_t c = cluster_of[e.account];
      if (c == no_index) continue;
      Together& t = on_key[c];
      t.accounts.push_back(e.account);
      if (t.first == unknown_time) t.first = e.time, t.first_post = e.post;
      t.last = e.time;
    }
    for (auto& [c, t] : on_key) {
      std::sort(t.accounts.begin(), t.accounts.end());
      const auto took_part = std::unique(t.accounts.begin(), t.accounts.end()) - t.accounts.begin();
      if (took_part < 2) continue;
      // The reposted post, or the cluster's first post that shared the URL or the text.
      std::uint32_t example = keys[k].kind == CoordinatedAction::Kind::repost ? d.post_parent(t.first_post) : t.first_post;
      clusters_[c].actions.push_back({keys[k].kind, keys[k].what, example, t.first, t.last, static_cast<std::int64_t>(took_part)});
    }
  }
  for (CoordinatedCluster& cluster : clusters_) {
    std::sort(cluster.actions.begin(), cluster.actions.end(), [](const CoordinatedAction& a, const CoordinatedAction& b) {
      if (a.accounts != b.accounts) return a.accounts > b.accounts;
      return a.first < b.first;
    });
  }
  std::sort(clusters_.begin(), clusters_.end(), [&](const CoordinatedCluster& a, const CoordinatedCluster& b) {
    if (a.accounts.size() != b.accounts.size()) return a.accounts.size() > b.accounts.size();
    return d.account_native_id(a.accounts.front().account) < d.account_native_id(b.accounts.front().account);
  });
  mark_finished();
}

const std::vector<CoordinatedCluster>& CoordinationDetection::clusters() const {
  assure_finished("CoordinationDetection");
  return clusters_;
}
std::size_t CoordinationDetection::pairs() const {
  assure_finished("CoordinationDetection");
  return pairs_;
}

}  // namespace leaktrace
