#include "analysis/coordination.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>
#include <unordered_map>

namespace leaktrace {
namespace {

struct Event {
  TimeMs time;
  std::uint32_t account;
  std::uint32_t post;
  std::uint32_t key;
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return a < b ? (std::uint64_t{a} << 32) | b : (std::uint64_t{b} << 32) | a;
}

// What a set of actions acts on: a post (reposted), a URL (its canonical form) or a text.
struct ActionKey {
  CoordinatedAction::Kind kind;
  std::uint32_t ref;  // the reposted post, a URL with that canonical form, or the text's index
};

// Every action on the subject, key after key and each key's in time order; and, for each account,
// its actions and the keys it acted on. Arrays, not maps: 17 million posts give as many actions.
struct ActionTable {
  std::vector<ActionKey> keys;
  std::vector<const std::string*> texts;  // the normalised texts, owned by text_index
  std::unordered_map<std::string, std::uint32_t> text_index;
  std::vector<std::uint32_t> key_begin;  // key k's actions are events[key_begin[k], key_begin[k + 1])
  std::vector<Event> events;
  std::vector<std::uint32_t> window_begin;  // each action's first action on the same key within the window
  std::vector<std::uint32_t> account_event_begin;  // an account's actions, by key: account_events[...]
  std::vector<std::uint32_t> account_events;
  std::vector<std::uint32_t> account_key_begin;  // an account's distinct keys, ascending
  std::vector<std::uint32_t> account_keys;

  std::span<const std::uint32_t> keys_of(std::uint32_t account) const {
    return {account_keys.data() + account_key_begin[account], account_key_begin[account + 1] - account_key_begin[account]};
  }
  std::uint32_t key_count_of(std::uint32_t account) const {
    return account_key_begin[account + 1] - account_key_begin[account];
  }
  std::string_view what(const Dataset& d, std::uint32_t k) const {
    switch (keys[k].kind) {
      case CoordinatedAction::Kind::repost: return d.post_native_id(keys[k].ref);
      case CoordinatedAction::Kind::link: return d.url_canonical(keys[k].ref);
      case CoordinatedAction::Kind::text: return *texts[keys[k].ref];
    }
    return {};
  }

  static ActionTable build(const Dataset& d, const SubjectMatch& subject, const CoordinationParameters& parameters);
};

ActionTable ActionTable::build(const Dataset& d, const SubjectMatch& subject, const CoordinationParameters& parameters) {
  ActionTable t;
  std::vector<std::uint32_t> repost_key(parameters.reposts ? d.post_count() : 0, no_index);
  std::vector<std::uint32_t> url_key(parameters.links ? d.url_count() : 0, no_index);
  std::unordered_map<std::string_view, std::uint32_t> canonical_key;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> actions;  // (key, post), in time order
  auto new_key = [&](CoordinatedAction::Kind kind, std::uint32_t ref) {
    t.keys.push_back({kind, ref});
    return static_cast<std::uint32_t>(t.keys.size() - 1);
  };
  const bool texts = parameters.texts && d.has_text();
  for (std::uint32_t p : subject.posts()) {
    if (d.post_time(p) == unknown_time) continue;
    if (d.post_kind(p) == PostKind::repost) {
      const std::uint32_t parent = d.post_parent(p);
      if (parameters.reposts && parent != no_index) {
        if (repost_key[parent] == no_index) repost_key[parent] = new_key(CoordinatedAction::Kind::repost, parent);
        actions.emplace_back(repost_key[parent], p);
      }
      continue;  // a repost's URLs and text are its original's
    }
    if (parameters.links) {
      for (std::uint32_t u : d.post_urls(p)) {
        if (url_key[u] == no_index) {
          auto [it, added] = canonical_key.emplace(d.url_canonical(u), static_cast<std::uint32_t>(t.keys.size()));
          if (added) new_key(CoordinatedAction::Kind::link, u);
          url_key[u] = it->second;
        }
        actions.emplace_back(url_key[u], p);
      }
    }
    if (texts) {
      std::string text = normalised_text(d.post_text(p));
      if (std::count(text.begin(), text.end(), ' ') < 3) continue;
      auto [it, added] = t.text_index.emplace(std::move(text), static_cast<std::uint32_t>(t.keys.size()));
      if (added) {
        new_key(CoordinatedAction::Kind::text, static_cast<std::uint32_t>(t.texts.size()));
        t.texts.push_back(&it->first);
      }
      actions.emplace_back(it->second, p);
    }
  }

  // Counting sorts keep the time order inside each key, and the key order inside each account.
  t.key_begin.assign(t.keys.size() + 1, 0);
  for (const auto& [key, post] : actions) ++t.key_begin[key + 1];
  std::partial_sum(t.key_begin.begin(), t.key_begin.end(), t.key_begin.begin());
  t.events.resize(actions.size());
  {
    std::vector<std::uint32_t> next(t.key_begin.begin(), t.key_begin.end() - 1);
    for (const auto& [key, post] : actions) t.events[next[key]++] = {d.post_time(post), d.post_author(post), post, key};
  }
  actions = {};
  t.window_begin.resize(t.events.size());
  for (std::uint32_t k = 0; k < t.keys.size(); ++k) {
    for (std::uint32_t j = t.key_begin[k], from = j; j < t.key_begin[k + 1]; ++j) {
      while (t.events[j].time - t.events[from].time > parameters.window) ++from;
      t.window_begin[j] = from;
    }
  }

  const std::size_t accounts = d.account_count();
  t.account_event_begin.assign(accounts + 1, 0);
  for (const Event& e : t.events) ++t.account_event_begin[e.account + 1];
  std::partial_sum(t.account_event_begin.begin(), t.account_event_begin.end(), t.account_event_begin.begin());
  t.account_events.resize(t.events.size());
  {
    std::vector<std::uint32_t> next(t.account_event_begin.begin(), t.account_event_begin.end() - 1);
    for (std::uint32_t i = 0; i < t.events.size(); ++i) t.account_events[next[t.events[i].account]++] = i;
  }
  t.account_key_begin.assign(accounts + 1, 0);
  for (std::uint32_t account = 0; account < accounts; ++account) {
    std::uint32_t last = no_index;
    for (std::uint32_t i = t.account_event_begin[account]; i < t.account_event_begin[account + 1]; ++i) {
      const std::uint32_t key = t.events[t.account_events[i]].key;
      if (key != last) t.account_keys.push_back(last = key);
    }
    t.account_key_begin[account + 1] = static_cast<std::uint32_t>(t.account_keys.size());
  }
  return t;
}

struct PairCount {
  std::uint32_t a;  // a < b
  std::uint32_t b;
  std::int64_t count;  // keys on which they co-acted
};

// Counts, for one account at a time, the keys on which it co-acted with each other account: a
// counter per account instead of a map of pairs (the 17M-tweet scenario has billions of co-acting
// pairs, nearly all of which co-act once). Only partners that could pass are counted: a pair
// co-acts on at most as many keys as the one with fewer has, so both need min_coactions keys and
// the fewer must be min_share of the more.
class CoactionCounter {
 public:
  CoactionCounter(const ActionTable& table, std::span<const std::uint64_t> partners, std::size_t accounts,
                  const CoordinationParameters& parameters)
      : table_(table), partners_(partners), parameters_(parameters), count_(accounts, 0), stamp_(accounts, 0) {}

  // What count() reads of each action, eight bytes in action order: its account (no_index when the
  // account has fewer than min_coactions keys), its account's key count, and whether the action is
  // crowded (more than max_crowd earlier ones in the window).
  static std::vector<std::uint64_t> partners_of(const ActionTable& t, const CoordinationParameters& parameters) {
    std::vector<std::uint64_t> partners(t.events.size());
    for (std::uint32_t e = 0; e < t.events.size(); ++e) {
      const std::uint32_t account = t.events[e].account;
      const std::uint32_t keys = t.key_count_of(account);
      const bool crowded = e - t.window_begin[e] > parameters.max_crowd;
      partners[e] = (std::uint64_t{keys >= parameters.min_coactions ? account : no_index} << 32) |
                    (crowded ? crowded_bit : 0) | keys;
    }
    return partners;
  }

  // Appends the pairs (account, b > account) that co-acted often enough and on enough of each's keys.
  void count(std::uint32_t account, std::vector<PairCount>& out) {
    const std::uint32_t keys = table_.key_count_of(account);
    if (keys < parameters_.min_coactions) return;
    const ActionTable& t = table_;
    const std::size_t max_crowd = parameters_.max_crowd;
    // The partners' key counts that could pass: the fewer keys must be min_share of the more (one
    // more at the top against rounding: the check after counting is the exact one).
    const double share = parameters_.min_share;
    const auto fewest = static_cast<std::uint64_t>(std::max<double>(static_cast<double>(parameters_.min_coactions), std::ceil(share * keys)));
    const std::uint64_t most = share > 0 ? static_cast<std::uint64_t>(std::floor(keys / share)) + 1 : ~std::uint64_t{0};
    std::uint32_t key = no_index;
    auto visit = [&](std::uint64_t partner) {
      const auto b = static_cast<std::uint32_t>(partner >> 32);
      const std::uint64_t b_keys = partner & key_mask;
      if (b == no_index || b <= account || b_keys < fewest || b_keys > most || stamp_[b] == stamp_now_) return;
      stamp_[b] = stamp_now_;
      if (count_[b]++ == 0) touched_.push_back(b);
    };
    for (std::uint32_t i = t.account_event_begin[account]; i < t.account_event_begin[account + 1]; ++i) {
      const std::uint32_t e = t.account_events[i];
      const Event& event = t.events[e];
      if (event.key != key) key = event.key, ++stamp_now_;  // each key counts once per pair
      // A share with more than max_crowd earlier ones in the window is paired with none of them:
      // this one, with the earlier ones; the later ones, with this one (which bounds them to
      // max_crowd after it).
      if ((partners_[e] & crowded_bit) == 0) {
        for (std::uint32_t j = t.window_begin[e]; j < e; ++j) visit(partners_[j]);
      }
      const std::uint32_t end = std::min<std::size_t>(t.key_begin[key + 1], std::size_t{e} + max_crowd + 1);
      for (std::uint32_t j = e + 1; j < end && t.events[j].time - event.time <= parameters_.window; ++j) {
        if ((partners_[j] & crowded_bit) == 0) visit(partners_[j]);
      }
    }
    for (std::uint32_t b : touched_) {
      const std::int64_t c = count_[b];
      count_[b] = 0;
      const double larger = std::max(keys, t.key_count_of(b));
      if (c >= parameters_.min_coactions && static_cast<double>(c) >= parameters_.min_share * larger) out.push_back({account, b, c});
    }
    touched_.clear();
  }

 private:
  static constexpr std::uint64_t crowded_bit = std::uint64_t{1} << 31;
  static constexpr std::uint64_t key_mask = crowded_bit - 1;

  const ActionTable& table_;
  std::span<const std::uint64_t> partners_;
  const CoordinationParameters& parameters_;
  std::vector<std::uint32_t> count_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t stamp_now_ = 0;
  std::vector<std::uint32_t> touched_;
};

// The pairs of every account, on every core: accounts are handed out in blocks, each block's pairs
// kept apart and joined in account order, so the result does not depend on the threads.
std::vector<PairCount> count_coactions(const ActionTable& table, std::size_t accounts, const CoordinationParameters& parameters) {
  constexpr std::size_t block = 4096;
  const std::size_t blocks = (accounts + block - 1) / block;
  std::vector<std::vector<PairCount>> found(blocks);
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures;
  std::mutex failures_mutex;
  const std::vector<std::uint64_t> partners = CoactionCounter::partners_of(table, parameters);
  auto work = [&] {
    try {
      CoactionCounter counter(table, partners, accounts, parameters);
      for (std::size_t b = next++; b < blocks; b = next++) {
        for (std::size_t a = b * block; a < std::min(accounts, (b + 1) * block); ++a) counter.count(static_cast<std::uint32_t>(a), found[b]);
      }
    } catch (...) {
      next = blocks;
      std::lock_guard lock(failures_mutex);
      failures.push_back(std::current_exception());
    }
  };
  const unsigned threads = table.events.size() < 100000 ? 1 : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < threads; ++i) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  if (!failures.empty()) std::rethrow_exception(failures.front());
  std::vector<PairCount> pairs;
  for (const auto& list : found) pairs.insert(pairs.end(), list.begin(), list.end());
  return pairs;
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
  const ActionTable table = ActionTable::build(d, subject_, parameters_);
  const std::size_t key_count = table.keys.size();

  // The chance that two of a key's sharers co-act by chance: the share of its pairs of sharers less
  // than an hour apart, spread evenly over that hour. A burst of coordinated accounts crowds the
  // window, not the hour, so it does not make its own co-actions look likely.
  constexpr double identical_text_chance = 0.01;
  constexpr TimeMs coincidence_scale = 3600 * 1000;
  std::vector<double> chance(key_count, 0.0);
  for (std::uint32_t k = 0; k < key_count; ++k) {
    const std::size_t from_event = table.key_begin[k];
    const std::size_t to_event = table.key_begin[k + 1];
    if (to_event - from_event < 2) continue;
    std::size_t near = 0;
    for (std::size_t j = from_event, from = from_event; j < to_event; ++j) {
      while (table.events[j].time - table.events[from].time > coincidence_scale) ++from;
      near += j - from;
    }
    const double n = static_cast<double>(to_event - from_event);
    chance[k] = static_cast<double>(near) / (n * (n - 1) / 2) * static_cast<double>(2 * parameters_.window) /
                static_cast<double>(2 * coincidence_scale);
    if (table.keys[k].kind == CoordinatedAction::Kind::text) chance[k] = std::min(chance[k], identical_text_chance);
  }

  const std::vector<PairCount> coactions = count_coactions(table, d.account_count(), parameters_);
  // Pairs that co-act repeatedly, for most of what each of them does, against the odds.
  UnionFind groups(d.account_count());
  std::vector<std::pair<std::uint64_t, std::int64_t>> kept;
  for (const PairCount& pair : coactions) {
    const auto ka = table.keys_of(pair.a);
    const auto kb = table.keys_of(pair.b);
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
    const double c = static_cast<double>(pair.count);
    const double surprise = expected >= c ? 0 : expected - c * std::log(std::max(expected, 1e-300)) + std::lgamma(c + 1);
    if (surprise >= parameters_.min_surprise) {
      kept.emplace_back(pair_key(pair.a, pair.b), pair.count);
      groups.join(pair.a, pair.b);
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
  for (std::uint32_t k = 0; k < key_count; ++k) {
    on_key.clear();
    for (std::size_t i = table.key_begin[k]; i < table.key_begin[k + 1]; ++i) {
      const Event& e = table.events[i];
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
      const ActionKey& key = table.keys[k];
      // The reposted post, or the cluster's first post that shared the URL or the text.
      std::uint32_t example = key.kind == CoordinatedAction::Kind::repost ? d.post_parent(t.first_post) : t.first_post;
      clusters_[c].actions.push_back({key.kind, std::string(table.what(d, k)), example, t.first, t.last,
                                      static_cast<std::int64_t>(took_part)});
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
