#include "simulate/population.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <string_view>

#include <fmt/format.h>

#include "simulate/vocabulary.h"

namespace leaktrace::simulate {
namespace {

constexpr TimeMs twitter_launch = 1142899200000;      // 2006-03-21
constexpr TimeMs day = 86400000;
constexpr std::uint64_t snowflake_epoch = 1288834974657;  // Twitter's epoch for 64-bit ids
constexpr std::size_t max_handle_length = 15;
constexpr std::size_t follow_graph_parts = 4;

// Accounts made before late 2015 have sequential 32-bit-range ids; later ones are snowflakes.
std::uint64_t account_id_for(TimeMs created_at, std::uint64_t serial, Random& random) {
  constexpr TimeMs snowflake_accounts_since = 1448928000000;  // 2015-12-01
  if (created_at < snowflake_accounts_since) {
    double fraction = static_cast<double>(created_at - twitter_launch) /
                      static_cast<double>(snowflake_accounts_since - twitter_launch);
    return 12 + static_cast<std::uint64_t>(fraction * 4.2e9) + (serial % 1000);
  }
  return (static_cast<std::uint64_t>(created_at - snowflake_epoch) << 22) | (random.below(1024) << 12) | (serial & 0xFFF);
}

// The handles already given, for uniqueness: an open-addressing set over one buffer of their
// bytes. A population of millions asks it once per account, where std::unordered_set allocates a
// node per handle.
class HandleSet {
 public:
  explicit HandleSet(std::size_t expected) {
    std::size_t slots = 1024;
    while (slots < expected * 2) slots *= 2;
    slots_.assign(slots, Entry{});
    bytes_.reserve(expected * 12);
  }
  // Adds `handle`; false if it was there.
  bool insert(std::string_view handle) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t hash = hash_of(handle);
    for (std::size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
      Entry& entry = slots_[slot];
      if (entry.length == 0) {
        entry = {static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(bytes_.size()),
                 static_cast<std::uint32_t>(handle.size())};
        bytes_ += handle;
        ++size_;
        return true;
      }
      if (entry.hash == static_cast<std::uint32_t>(hash >> 32) && entry.length == handle.size() &&
          std::string_view(bytes_).substr(entry.offset, entry.length) == handle) {
        return false;
      }
    }
  }

 private:
  struct Entry {
    std::uint32_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // 0: empty (no handle is empty)
  };
  static std::uint64_t hash_of(std::string_view text) {
    std::uint64_t value = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix for the low bits
    for (char c : text) value = (value ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return Random::splitmix64(value);
  }
  void grow() {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(old.size() * 2, Entry{});
    for (const Entry& entry : old) {
      if (entry.length == 0) continue;
      const std::uint64_t hash = hash_of(std::string_view(bytes_).substr(entry.offset, entry.length));
      std::size_t slot = hash & (slots_.size() - 1);
      while (slots_[slot].length != 0) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = entry;
    }
  }
  std::vector<Entry> slots_;
  std::string bytes_;
  std::size_t size_ = 0;
};

std::string make_handle(const Name& first, const Name& last, Random& random, HandleSet& taken) {
  std::string handle;
  switch (random.below(5)) {
    case 0: handle = fmt::format("{}{}", first.ascii, last.ascii); break;
    case 1: handle = fmt::format("{}_{}", first.ascii, last.ascii); break;
    case 2: handle = fmt::format("{}{}", first.ascii, random.below(10000)); break;
    case 3: handle = fmt::format("{}_{}{}", last.ascii, first.ascii.substr(0, 1), random.below(100)); break;
    default: handle = fmt::format("{}{}{}", first.ascii.substr(0, 1), last.ascii, random.below(1000)); break;
  }
  if (handle.size() > max_handle_length) handle.resize(max_handle_length);
  while (!taken.insert(handle)) {
    std::string suffix = fmt::format("{}", random.below(100000));
    if (handle.size() + suffix.size() > max_handle_length) handle.resize(max_handle_length - suffix.size());
    handle += suffix;
  }
  return handle;
}

}  // namespace

Population::Population(const ScenarioParameters& parameters, Random& random) {
  const std::uint32_t community_count = parameters.communities;
  communities_.resize(community_count);
  std::vector<double> community_weights(community_count);
  for (std::uint32_t c = 0; c < community_count; ++c) {
    communities_[c].profile = parameters.community_profile(c);
    community_weights[c] = 1.0 / std::pow(c + 1.5, 0.6);
  }
  AliasTable community_of_account(community_weights);
  bot_community_ = community_count > 2 ? 2 : community_count - 1;

  const std::size_t total = parameters.accounts;
  accounts_.resize(total);
  HandleSet taken(total);
  std::vector<double> activity(total);
  const std::size_t bot_begin = total - parameters.bots;
  for (std::size_t i = 0; i < total; ++i) {
    SimAccount& account = accounts_[i];
    const bool bot = i >= bot_begin;
    account.community = bot ? bot_community_ : (i == 0 ? 0 : community_of_account.draw(random));
    account.tie_community = account.community;
    const Vocabulary& words = vocabulary_for(communities_[account.community].profile.language);
    const Name& first = words.first_names[random.below(words.first_names.size())];
    const Name& last = words.last_names[random.below(words.last_names.size())];
    if (bot) {
      // Bots of a coordinated group: made in the weeks before, default profile, a handle of a
      // name and eight digits (what the sign-up form suggested), few followers, many posts.
      account.role = Role::bot;
      account.handle = fmt::format("{}{:08}", first.ascii, random.below(100000000));
      if (account.handle.size() > max_handle_length) account.handle.resize(max_handle_length);
      while (!taken.insert(account.handle)) account.handle.back() = static_cast<char>('0' + random.below(10));
      account.name = fmt::format("{} {}", first.display, last.display);
      account.created_at = parameters.start - static_cast<TimeMs>(3 + random.below(40)) * day -
                           static_cast<TimeMs>(random.below(day));
      account.followers = static_cast<std::uint32_t>(random.below(25));
      account.friends = static_cast<std::uint32_t>(150 + random.below(400));
      account.statuses = static_cast<std::uint32_t>(800 + random.below(6000));
      account.default_profile = true;
      activity[i] = 0.0;
    } else {
      account.handle = make_handle(first, last, random, taken);
      account.name = random.chance(0.15) ? fmt::format("{} {} {}", first.display, last.display,
                                                        emoji()[random.below(emoji().size())])
                                         : fmt::format("{} {}", first.display, last.display);
      account.created_at = twitter_launch + static_cast<TimeMs>(random.uniform() * 0.97 *
                                                                static_cast<double>(parameters.start - twitter_launch));
      account.followers = static_cast<std::uint32_t>(std::min(random.lognormal(180.0, 1.7), 3.0e6));
      account.friends = static_cast<std::uint32_t>(std::min(random.lognormal(300.0, 1.1), 5.0e3));
      double rate = random.pareto(1.0, 1.4);  // posts per active hour, heavy-tailed
      activity[i] = std::min(rate, 400.0);
      account.statuses = static_cast<std::uint32_t>(std::min(rate * 900.0, 4.0e6));
      account.default_profile = random.chance(0.08);
      account.verified = account.followers > 50000 && random.chance(0.3);
    }
    account.id = account_id_for(account.created_at, i, random);
  }

  // Roles of the story: the first spreader and the hubs belong to community 0 and are among its
  // most followed accounts; bridges are members of each community with a tie to another one.
  first_spreader_ = 0;
  accounts_[0].role = Role::first_spreader;
  accounts_[0].followers = static_cast<std::uint32_t>(8000 + random.below(20000));
  std::vector<std::uint32_t> community0;
  for (std::uint32_t i = 1; i < bot_begin; ++i) {
    if (accounts_[i].community == 0) community0.push_back(i);
  }
  for (std::uint32_t h = 0; h < parameters.hubs && h < community0.size(); ++h) {
    std::uint32_t index = community0[(h * 7919u) % community0.size()];
    while (accounts_[index].role != Role::regular) index = community0[random.below(community0.size())];
    SimAccount& hub = accounts_[index];
    hub.role = Role::hub;
    hub.followers = static_cast<std::uint32_t>(150000 + random.below(2000000));
    hub.verified = random.chance(0.5);
    activity[index] = std::max(activity[index], 20.0);
    hubs_.push_back(index);
  }

  for (std::uint32_t i = 0; i < bot_begin; ++i) communities_[accounts_[i].community].members.push_back(i);
  for (std::uint32_t c = 0; c < community_count; ++c) {
    SimCommunity& community = communities_[c];
    if (community.members.empty()) {
      throw std::invalid_argument(fmt::format("community {} has no members: give more --accounts or fewer --communities", c));
    }
    if (community_count > 1) {
      for (std::uint32_t b = 0; b < parameters.bridges; ++b) {
        std::uint32_t index = community.members[random.below(community.members.size())];
        if (accounts_[index].role != Role::regular) continue;
        SimAccount& bridge = accounts_[index];
        bridge.role = Role::bridge;
        // The first bridge of every community leans to the origin community, the others to any other.
        std::uint32_t tie = c == 0 ? 1 + static_cast<std::uint32_t>(random.below(community_count - 1))
                                   : (b == 0 ? 0 : static_cast<std::uint32_t>(random.below(community_count)));
        if (tie == c) tie = (c + 1) % community_count;
        bridge.tie_community = tie;
        bridge.followers = std::max<std::uint32_t>(bridge.followers, 2000 + static_cast<std::uint32_t>(random.below(15000)));
        activity[index] = std::max(activity[index], 30.0);  // online a lot: the first to see what crosses
        community.bridges.push_back(index);
      }
    }
    std::vector<double> weights;
    weights.reserve(community.members.size());
    for (std::uint32_t member : community.members) weights.push_back(activity[member]);
    community.activity = AliasTable(weights, community.members);
  }
  for (std::uint32_t i = static_cast<std::uint32_t>(bot_begin); i < total; ++i) bots_.push_back(i);

  std::vector<double> totals(community_count, 0.0);
  for (std::uint32_t i = 0; i < bot_begin; ++i) totals[accounts_[i].community] += activity[i];
  community_by_activity_ = AliasTable(totals);
  build_follow_graph(parameters, activity, random);
}

void Population::build_follow_graph(const ScenarioParameters& parameters, const std::vector<double>& activity,
                                    Random& random) {
  const std::size_t total = accounts_.size();
  const std::uint32_t community_count = static_cast<std::uint32_t>(communities_.size());
  // Popularity: the chance to be followed grows less than linearly with followers.
  std::vector<AliasTable> popular(community_count);
  for (std::uint32_t c = 0; c < community_count; ++c) {
    std::vector<double> weights;
    weights.reserve(communities_[c].members.size());
    for (std::uint32_t member : communities_[c].members) {
      weights.push_back(std::pow(static_cast<double>(accounts_[member].followers) + 1.0, 0.75));
    }
    popular[c] = AliasTable(weights, communities_[c].members);  // draws the member itself
  }
  // Accounts are drawn in a fixed number of parts, each with a generator of its own: the parts can
  // be drawn side by side, and the graph is the same whatever the number of threads.
  struct Part {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    Random random{0};
    std::vector<std::uint32_t> targets;
    std::vector<std::uint32_t> counts;  // followees of each account of the part
  };
  const std::uint64_t parts_seed = random.next();
  std::vector<Part> parts(follow_graph_parts);
  for (std::size_t p = 0; p < parts.size(); ++p) {
    parts[p].begin = static_cast<std::uint32_t>(total * p / parts.size());
    parts[p].end = static_cast<std::uint32_t>(total * (p + 1) / parts.size());
    parts[p].random = Random::derived(parts_seed, p);
  }
  auto draw_part = [&](Part& part) {
    Random& part_random = part.random;
    auto other_community = [&](std::uint32_t own) {
      std::uint32_t other = static_cast<std::uint32_t>(part_random.below(community_count - 1));
      return other >= own ? other + 1 : other;
    };
    std::vector<std::uint32_t> mine;
    part.counts.reserve(part.end - part.begin);
    for (std::uint32_t a = part.begin; a < part.end; ++a) {
      const SimAccount& account = accounts_[a];
      // Followees inside the collection: a small, heavy-tailed part of the profile's friends.
      auto count = static_cast<std::size_t>(std::clamp(part_random.lognormal(22.0, 0.8), 3.0,
                                                       std::min(400.0, static_cast<double>(account.friends) + 3.0)));
      if (account.role == Role::bridge) count += 40;
      mine.clear();
      for (std::size_t f = 0; f < count; ++f) {
        std::uint32_t community = account.community;
        // Bridges follow their other community half the time; regular accounts rarely cross.
        if (community_count > 1) {
          if (account.role == Role::bridge && part_random.chance(0.5)) {
            community = account.tie_community;
          } else if (part_random.chance(parameters.cross_community_share * 0.75)) {
            community = other_community(account.community);
          }
        }
        std::uint32_t followee = popular[community].draw(part_random);
        if (followee != a) mine.push_back(followee);
      }
      std::sort(mine.begin(), mine.end());
      mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
      part.targets.insert(part.targets.end(), mine.begin(), mine.end());
      part.counts.push_back(static_cast<std::uint32_t>(mine.size()));
    }
  };
  {
    std::vector<std::future<void>> others;
    for (std::size_t p = 1; p < parts.size(); ++p) {
      others.push_back(std::async(parameters.parts_launch(), [&, p] { draw_part(parts[p]); }));
    }
    draw_part(parts[0]);
    for (std::future<void>& other : others) other.get();
  }
  followee_offsets_.assign(total + 1, 0);
  followee_targets_.clear();
  std::size_t follow_total = 0;
  for (const Part& part : parts) follow_total += part.targets.size();
  followee_targets_.reserve(follow_total);
  for (Part& part : parts) {
    for (std::uint32_t a = part.begin; a < part.end; ++a) {
      followee_offsets_[a + 1] = followee_offsets_[a] + part.counts[a - part.begin];
    }
    followee_targets_.insert(followee_targets_.end(), part.targets.begin(), part.targets.end());
    part.targets = {};
  }

  follower_offsets_.assign(total + 1, 0);
  for (std::uint32_t followee : followee_targets_) ++follower_offsets_[followee + 1];
  for (std::size_t a = 0; a < total; ++a) follower_offsets_[a + 1] += follower_offsets_[a];
  follower_sources_.resize(followee_targets_.size());
  std::vector<std::uint32_t> next(follower_offsets_.begin(), follower_offsets_.end() - 1);
  for (std::uint32_t a = 0; a < total; ++a) {
    for (std::uint32_t followee : followees(a)) follower_sources_[next[followee]++] = a;
  }
  follower_cumulative_activity_.resize(follower_sources_.size());
  for (std::size_t a = 0; a < total; ++a) {
    float sum = 0;
    for (std::uint32_t i = follower_offsets_[a]; i < follower_offsets_[a + 1]; ++i) {
      sum += static_cast<float>(activity[follower_sources_[i]]);
      follower_cumulative_activity_[i] = sum;
    }
  }
}

std::uint32_t Population::draw_follower(std::uint32_t account, Random& random) const {
  const std::uint32_t begin = follower_offsets_[account];
  const std::uint32_t end = follower_offsets_[account + 1];
  if (begin == end || follower_cumulative_activity_[end - 1] <= 0) return no_follower;
  const float target = static_cast<float>(random.uniform()) * follower_cumulative_activity_[end - 1];
  // std::upper_bound without branches (a draw's half is a coin toss the predictor cannot learn):
  // the first follower whose cumulative activity exceeds the target, the last if none does.
  const float* base = follower_cumulative_activity_.data() + begin;
  std::size_t length = end - begin;
  while (length > 1) {
    const std::size_t half = length / 2;
    base += base[half - 1] <= target ? half : 0;
    length -= half;
  }
  std::size_t found = static_cast<std::size_t>(base - follower_cumulative_activity_.data());
  if (*base <= target && found + 1 < end) ++found;
  return follower_sources_[found];
}

std::uint32_t Population::draw_active(Random& random) const {
  return draw_member(community_by_activity_.draw(random), random);
}

std::uint32_t Population::draw_member(std::uint32_t community, Random& random) const {
  const SimCommunity& members = communities_[community];
  return members.activity.draw(random);
}

}  // namespace leaktrace::simulate
