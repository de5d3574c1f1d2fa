#include "simulate/story_generator.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <future>
#include <queue>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "simulate/vocabulary.h"

namespace leaktrace::simulate {
namespace {

constexpr TimeMs second = 1000;
constexpr TimeMs minute = 60 * second;
constexpr TimeMs hour = 60 * minute;
constexpr std::uint64_t snowflake_epoch = 1288834974657;
constexpr double offspring_per_share = 0.92;  // a typical share's expected reposts: below 1, hubs carry the rest
constexpr double follower_exponent = 0.8;
constexpr double bot_participation = 0.85;
constexpr std::uint64_t max_children = 50000;
constexpr std::uint64_t background_stream = 3;  // of the seed: 0 population, 1 story, 2 stream plan

// Share of an hour's activity at each local hour (0 = midnight): people sleep, then post most in
// the evening.
constexpr std::array<double, 24> hourly_activity{0.35, 0.25, 0.15, 0.10, 0.08, 0.10, 0.20, 0.40,
                                                 0.60, 0.70, 0.75, 0.80, 0.85, 0.80, 0.80, 0.80,
                                                 0.85, 0.90, 0.95, 1.00, 1.00, 1.00, 0.90, 0.60};

double local_activity(TimeMs time, int utc_offset_hours) {
  std::int64_t hours = time / hour + utc_offset_hours;
  return hourly_activity[static_cast<std::size_t>(((hours % 24) + 24) % 24)];
}

double reach(const SimAccount& account) {
  return account.role == Role::bot ? 0.0 : std::pow(static_cast<double>(account.followers) + 10.0, follower_exponent);
}

std::uint32_t root_of(const std::vector<SimPost>& posts, std::uint32_t index) {
  return posts[index].kind == PostKind::repost ? posts[index].target : index;
}

std::string random_token(Random& random, std::size_t length, std::string_view alphabet) {
  std::string token(length, ' ');
  for (char& c : token) c = alphabet[random.below(alphabet.size())];
  return token;
}

// A set of 64-bit keys (never UINT64_MAX) with open addressing: the story asks it whether an
// account already reposted a root once per repost, millions of times, where std::unordered_set
// spends most of its time allocating nodes and following them.
class KeySet {
 public:
  // Adds `key`; false if it was there.
  bool insert(std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t slot = slot_of(key);
    while (slots_[slot] != empty) {
      if (slots_[slot] == key) return false;
      slot = (slot + 1) & (slots_.size() - 1);
    }
    slots_[slot] = key;
    ++size_;
    return true;
  }

 private:
  static constexpr std::uint64_t empty = UINT64_MAX;
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, empty);
    shift_ = 64 - std::countr_zero(slots_.size());
    size_ = 0;
    for (std::uint64_t key : old) {
      if (key != empty) insert(key);
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
  int shift_ = 64;
};

struct Pending {
  TimeMs time;
  std::uint64_t order;
  std::uint32_t account;
  std::uint32_t exposure;
  PostKind kind;
  LinkKind link;
  bool hub_share;
  bool operator>(const Pending& other) const {
    return time != other.time ? time > other.time : order > other.order;
  }
};

// The indexes of `posts` sorted by (time, index): the order of a stable sort by time. A radix sort
// of time << index bits | index when that fits in 64 bits (it does for any collection of a few
// years), a comparison sort otherwise.
std::vector<std::uint32_t> time_order(const std::vector<SimPost>& posts) {
  const std::size_t n = posts.size();
  std::vector<std::uint32_t> order(n);
  if (n == 0) return order;
  TimeMs first = posts[0].time, last = posts[0].time;
  for (const SimPost& post : posts) {
    first = std::min(first, post.time);
    last = std::max(last, post.time);
  }
  const int index_bits = std::bit_width(n);
  const int time_bits = std::bit_width(static_cast<std::uint64_t>(last - first));
  if (index_bits + time_bits > 64) {
    std::vector<std::pair<TimeMs, std::uint32_t>> keyed(n);
    for (std::uint32_t i = 0; i < n; ++i) keyed[i] = {posts[i].time, i};
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < n; ++i) order[i] = keyed[i].second;
    return order;
  }
  std::vector<std::uint64_t> keys(n), sorted(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    keys[i] = (static_cast<std::uint64_t>(posts[i].time - first) << index_bits) | i;
  }
  // Least significant digit first, 11 bits a pass: each pass is stable, the keys are distinct.
  constexpr int digit_bits = 11;
  std::vector<std::size_t> counts(std::size_t{1} << digit_bits);
  for (int shift = 0; shift < index_bits + time_bits; shift += digit_bits) {
    std::fill(counts.begin(), counts.end(), 0);
    for (std::uint64_t key : keys) ++counts[(key >> shift) & (counts.size() - 1)];
    std::size_t total = 0;
    for (std::size_t& count : counts) total += std::exchange(count, total);
    for (std::uint64_t key : keys) sorted[counts[(key >> shift) & (counts.size() - 1)]++] = key;
    keys.swap(sorted);
  }
  const std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(keys[i] & index_mask);
  return order;
}

PostKind draw_share_kind(Random& random) {
  double u = random.uniform();
  if (u < 0.75) return PostKind::repost;
  if (u < 0.82) return PostKind::quote;
  if (u < 0.89) return PostKind::reply;
  return PostKind::original;
}

LinkKind draw_original_link(Random& random) {
  double u = random.uniform();
  if (u < 0.35) return LinkKind::thread;
  if (u < 0.55) return LinkKind::paste;
  if (u < 0.70) return LinkKind::archive;
  if (u < 0.80) return LinkKind::news;
  return LinkKind::none;
}

}  // namespace

StoryGenerator::StoryGenerator(const ScenarioParameters& parameters, const Population& population)
    : parameters_(parameters), population_(population) {
  parameters_.validate();
}

const Story& StoryGenerator::story() const {
  if (!finished_) throw std::logic_error("the story is not told yet: call StoryGenerator::run() first");
  return story_;
}

Story StoryGenerator::take_story() {
  if (!finished_) throw std::logic_error("the story is not told yet: call StoryGenerator::run() first");
  finished_ = false;
  return std::move(story_);
}

TimeMs StoryGenerator::delay_from(TimeMs from, std::uint32_t community, Random& random) const {
  const int offset = population_.community(community).profile.utc_offset_hours;
  TimeMs candidate = from;
  for (int attempt = 0; attempt < 12; ++attempt) {
    double u = random.uniform();
    double seconds = u < 0.45 ? random.lognormal(90.0, 1.2) : u < 0.85 ? random.lognormal(1500.0, 1.0)
                                                                          : random.lognormal(28800.0, 0.9);
    candidate = from + std::max<TimeMs>(2 * second, static_cast<TimeMs>(seconds * 1000.0));
    if (random.uniform() < local_activity(candidate, offset)) break;
  }
  return candidate;
}

void StoryGenerator::run() {
  Random random = Random::derived(parameters_.seed, 1);
  const std::uint64_t participants =
      static_cast<std::uint64_t>(std::ceil(bot_participation * static_cast<double>(parameters_.bots)));
  const std::uint64_t bot_posts = parameters_.bots > 0 ? participants * parameters_.bursts : 0;
  std::uint64_t background_count =
      static_cast<std::uint64_t>(std::llround(static_cast<double>(parameters_.tweets) * parameters_.background_share));
  const std::uint64_t minimum_shares = 1 + parameters_.hubs + 100;
  if (bot_posts + minimum_shares > parameters_.tweets) {
    throw std::invalid_argument("--bots x --bursts leave too few tweets for the story: give more --posts");
  }
  background_count = std::min(background_count, parameters_.tweets - bot_posts - minimum_shares);
  const std::uint64_t shares = parameters_.tweets - background_count - bot_posts;

  end_ = parameters_.start + parameters_.duration;
  origin_time_ = parameters_.start + std::min<TimeMs>(4 * hour + 27 * minute, parameters_.duration / 10);
  story_.posts.reserve(parameters_.tweets);
  // Background chatter needs nothing of the subject's posts but their count, known here: it is
  // drawn beside them, from a generator of its own.
  const auto background_begin = static_cast<std::uint32_t>(shares + bot_posts);
  std::future<std::vector<SimPost>> background_posts =
      std::async(parameters_.parts_launch(), [&, this] {
        Random background_random = Random::derived(parameters_.seed, background_stream);
        return background(background_random, background_count, background_begin);
      });
  spread_subject(random, shares);
  coordinate_bursts(random);
  if (story_.posts.size() != background_begin) throw std::logic_error("the subject's posts are not the count planned");
  const std::vector<SimPost> chatter = background_posts.get();
  story_.posts.insert(story_.posts.end(), chatter.begin(), chatter.end());
  order_by_time();
  write_thread(random);
  write_pastes(random);
  finished_ = true;
}

void StoryGenerator::spread_subject(Random& random, std::uint64_t shares) {
  std::vector<SimPost>& posts = story_.posts;
  double mean_reach = 0.0;
  for (const SimAccount& account : population_.accounts()) mean_reach += reach(account);
  mean_reach /= static_cast<double>(population_.accounts().size());
  const double scale = offspring_per_share / mean_reach;

  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
  std::uint64_t order = 0;
  KeySet shared_roots;  // account << 32 | root: nobody retweets a tweet twice
  GrowingSampler exposure_sampler;  // subject shares by reach, to seed new originals when a wave dies out
  exposure_sampler.reserve(shares);

  const TimeMs first_tweet_time = origin_time_ + 22 * minute;
  pending.push({first_tweet_time, order++, population_.first_spreader(), no_post, PostKind::original, LinkKind::thread,
                false});

  auto schedule_children = [&](std::uint32_t index) {
    const SimPost& share = posts[index];
    const SimAccount& author = population_.account(share.account);
    double kind_factor = share.kind == PostKind::reply ? 0.2 : share.kind == PostKind::repost ? 0.8 : 1.3;
    std::uint64_t children = std::min(random.poisson(scale * reach(author) * kind_factor), max_children);
    for (std::uint64_t c = 0; c < children; ++c) {
      // Followers see it: mostly the author's community, across it where follows cross it.
      std::uint32_t child = population_.draw_follower(share.account, random);
      if (child == Population::no_follower) child = population_.draw_member(author.community, random);
      const std::uint32_t community = population_.account(child).community;
      TimeMs time = delay_from(share.time, community, random);
      if (time > end_) continue;
      pending.push({time, order++, child, index, draw_share_kind(random), LinkKind::none, false});
    }
  };

  while (posts.size() < shares) {
    if (pending.empty()) {
      // The wave died out: someone who saw an earlier share writes a tweet of their own.
      std::uint32_t exposure = exposure_sampler.draw(random);
      std::uint32_t community = population_.account(posts[exposure].account).community;
      TimeMs time = delay_from(posts[exposure].time, community, random);
      if (time > end_) time = posts[exposure].time + static_cast<TimeMs>(random.below(static_cast<std::uint64_t>(end_ - posts[exposure].time) + 1));
      pending.push({time, order++, population_.draw_member(community, random), exposure, PostKind::original,
                    draw_original_link(random), false});
    }
    Pending next = pending.top();
    pending.pop();
    SimPost post;
    post.time = next.time;
    post.account = next.account;
    post.exposure = next.exposure;
    post.kind = next.kind;
    post.text_key = static_cast<std::uint32_t>(posts.size());
    if (next.exposure != no_post) {
      if (posts[next.exposure].account == next.account) continue;
      if (post.kind != PostKind::original) {
        std::uint32_t root = root_of(posts, next.exposure);
        if (posts[root].account == next.account) continue;
        if (post.kind == PostKind::repost &&
            !shared_roots.insert((static_cast<std::uint64_t>(next.account) << 32) | root)) {
          continue;
        }
        post.target = root;
      }
    }
    post.link = post.kind == PostKind::original ? (next.link != LinkKind::none ? next.link : draw_original_link(random))
                                                : LinkKind::none;
    const std::uint32_t index = static_cast<std::uint32_t>(posts.size());
    posts.push_back(post);
    exposure_sampler.append(reach(population_.account(post.account)) + 1.0);
    if (index == 0) {
      story_.first_tweet = 0;
      // The hubs pick it up within the hour; the last of them is the biggest amplifier.
      const auto& hubs = population_.hubs();
      for (std::size_t h = 0; h < hubs.size(); ++h) {
        TimeMs at = post.time + 8 * minute + static_cast<TimeMs>(h) * (34 * minute) / static_cast<TimeMs>(hubs.size()) +
                    static_cast<TimeMs>(random.below(3 * minute));
        PostKind kind = h % 3 == 1 ? PostKind::quote : PostKind::original;
        pending.push({at, order++, hubs[h], 0, kind, h % 2 == 0 ? LinkKind::thread : LinkKind::paste, true});
      }
    }
    if (next.hub_share) story_.hub_posts.push_back(index);
    schedule_children(index);
  }
}

void StoryGenerator::coordinate_bursts(Random& random) {
  const auto& bots = population_.bots();
  if (bots.empty()) return;
  std::vector<SimPost>& posts = story_.posts;
  const std::uint32_t subject_count = static_cast<std::uint32_t>(posts.size());
  const std::size_t participants = static_cast<std::size_t>(std::ceil(bot_participation * static_cast<double>(bots.size())));
  const TimeMs first = posts[story_.first_tweet].time;
  TimeMs span_begin = first + 30 * minute;
  TimeMs span_end = std::max(span_begin + hour, end_ - 2 * hour);
  std::vector<std::uint32_t> order(bots.begin(), bots.end());
  for (std::uint32_t b = 0; b < parameters_.bursts; ++b) {
    Burst burst;
    burst.time = span_begin + (span_end - span_begin) * (2 * b + 1) / (2 * parameters_.bursts) +
                 static_cast<TimeMs>(random.below(10 * minute));
    burst.copypasta = b % 3 == 2;
    // The group pushes a post that is already doing well: the most followed author among a sample
    // of earlier subject posts.
    std::uint32_t best = story_.first_tweet;
    for (int draw = 0; draw < 400; ++draw) {
      std::uint32_t candidate = root_of(posts, static_cast<std::uint32_t>(random.below(subject_count)));
      if (posts[candidate].time >= burst.time - minute) continue;
      if (population_.account(posts[candidate].account).followers > population_.account(posts[best].account).followers) {
        best = candidate;
      }
    }
    burst.target = best;
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    for (std::size_t i = 0; i < participants; ++i) {
      SimPost post;
      post.time = burst.time + static_cast<TimeMs>(random.below(45 * second));
      post.account = order[i];
      post.exposure = best;
      post.kind = burst.copypasta ? PostKind::original : PostKind::repost;
      post.target = burst.copypasta ? no_post : best;
      post.link = burst.copypasta ? LinkKind::paste : LinkKind::none;
      post.text_key = static_cast<std::uint32_t>(posts.size());
      post.burst = b;
      burst.posts.push_back(static_cast<std::uint32_t>(posts.size()));
      posts.push_back(post);
    }
    story_.bursts.push_back(std::move(burst));
  }
}

std::vector<SimPost> StoryGenerator::background(Random& random, std::uint64_t count, std::uint32_t first_index) const {
  std::vector<SimPost> posts;
  posts.reserve(count);
  struct Slot {
    TimeMs time;
    std::uint32_t account;
    std::uint32_t draw;  // the order drawn: ties in time keep it
  };
  std::vector<Slot> slots(count);
  for (std::uint32_t k = 0; k < slots.size(); ++k) slots[k].draw = k;
  for (Slot& slot : slots) {
    slot.account = population_.draw_active(random);
    const int offset = population_.community(population_.account(slot.account).community).profile.utc_offset_hours;
    for (int attempt = 0; attempt < 10; ++attempt) {
      slot.time = parameters_.start + static_cast<TimeMs>(random.uniform() * static_cast<double>(parameters_.duration));
      if (random.uniform() < local_activity(slot.time, offset)) break;
    }
  }
  std::sort(slots.begin(), slots.end(),
            [](const Slot& a, const Slot& b) { return a.time != b.time ? a.time < b.time : a.draw < b.draw; });

  const std::size_t community_count = population_.communities().size();
  std::vector<GrowingSampler> originals(community_count);
  std::vector<std::vector<std::uint32_t>> original_posts(community_count);
  for (const Slot& slot : slots) {
    SimPost post;
    post.time = slot.time;
    post.account = slot.account;
    post.text_key = first_index + static_cast<std::uint32_t>(posts.size());
    const SimAccount& author = population_.account(slot.account);
    double u = random.uniform();
    std::uint32_t community = random.chance(0.97) ? author.community
                                                  : static_cast<std::uint32_t>(random.below(community_count));
    if (u >= 0.5 && originals[community].size() > 0) {
      std::uint32_t target = original_posts[community][originals[community].draw(random)];
      const SimPost& original = posts[target - first_index];
      if (original.account != slot.account) {
        post.kind = u < 0.9 ? PostKind::repost : PostKind::reply;
        post.target = target;
        post.topic = original.topic;
        post.time = std::max(post.time, original.time + second);
      }
    }
    if (post.target == no_post) {
      const Vocabulary& words = vocabulary_for(population_.community(author.community).profile.language);
      post.topic = static_cast<std::uint16_t>(1 + random.below(words.topic_tags.size()));
      post.link = random.chance(0.2) ? LinkKind::news : LinkKind::none;
      originals[author.community].append(reach(author) + 1.0);
      original_posts[author.community].push_back(first_index + static_cast<std::uint32_t>(posts.size()));
    }
    posts.push_back(post);
  }
  return posts;
}

void StoryGenerator::order_by_time() {
  std::vector<SimPost>& posts = story_.posts;
  const std::vector<std::uint32_t> order = time_order(posts);
  std::vector<std::uint32_t> position(posts.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  auto remap = [&](std::uint32_t& index) {
    if (index != no_post) index = position[index];
  };
  std::vector<SimPost> sorted;
  sorted.reserve(posts.size());
  for (std::uint32_t old : order) {
    SimPost post = posts[old];
    remap(post.target);
    remap(post.exposure);
    sorted.push_back(post);
  }
  posts = std::move(sorted);
  remap(story_.first_tweet);
  for (std::uint32_t& hub_post : story_.hub_posts) remap(hub_post);
  for (Burst& burst : story_.bursts) {
    remap(burst.target);
    for (std::uint32_t& post : burst.posts) remap(post);
  }
  // Snowflake ids: milliseconds since Twitter's epoch, then a sequence within the millisecond.
  // The worker bits vary with the author, as tweets come from many servers.
  TimeMs previous = INT64_MIN;
  std::uint64_t sequence = 0;
  for (SimPost& post : posts) {
    sequence = post.time == previous ? sequence + 1 : 0;
    previous = post.time;
    if (sequence > 0xFFF) throw std::runtime_error("more than 4096 tweets in one millisecond: give a longer --duration");
    const std::uint64_t worker = (post.account * 2654435761ULL >> 7) & 0x3FF;
    post.id = (static_cast<std::uint64_t>(post.time - static_cast<TimeMs>(snowflake_epoch)) << 22) | (worker << 12) |
              sequence;
  }
}

void StoryGenerator::write_thread(Random& random) {
  constexpr std::string_view poster_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  constexpr std::array<std::string_view, 10> countries{"US", "FR", "GB", "DE", "CA", "RU", "AU", "NL", "SE", "PL"};
  const std::size_t replies = 80 + std::min<std::uint64_t>(400, parameters_.tweets / 2000);
  std::vector<std::string> posters(replies / 2 + 1);
  for (std::string& poster : posters) poster = random_token(random, 8, poster_alphabet);

  ChanPost opening;
  opening.number = 124205675 + random.below(100000);
  opening.time = origin_time_ + 14 * minute;
  opening.poster_id = posters[0];
  opening.country = "US";
  opening.link = LinkKind::paste;
  opening.text_key = 0;
  story_.thread.push_back(opening);

  std::vector<TimeMs> times(replies);
  for (TimeMs& time : times) {
    time = std::min(end_, opening.time + 20 * second + static_cast<TimeMs>(random.lognormal(1500.0, 1.2) * 1000.0));
  }
  std::sort(times.begin(), times.end());
  // Tweets the thread can link once they exist: the first tweet and the hubs' posts.
  std::vector<std::uint32_t> linkable{story_.first_tweet};
  linkable.insert(linkable.end(), story_.hub_posts.begin(), story_.hub_posts.end());
  std::uint64_t number = opening.number;
  for (std::size_t i = 0; i < replies; ++i) {
    ChanPost post;
    number += 1 + random.below(60);
    post.number = number;
    post.time = std::max(times[i], story_.thread.back().time + second);
    post.poster_id = posters[random.chance(0.3) ? random.below(4) : random.below(posters.size())];
    post.country = std::string(countries[random.below(countries.size())]);
    post.text_key = static_cast<std::uint32_t>(i + 1);
    if (random.chance(0.35)) {
      post.quotes = random.chance(0.3) ? 0 : static_cast<std::uint32_t>(random.below(story_.thread.size()));
    }
    if (random.chance(0.06)) post.link = LinkKind::paste;
    if (random.chance(0.08)) {
      std::uint32_t tweet = linkable[random.below(linkable.size())];
      if (story_.posts[tweet].time < post.time) post.tweet = tweet;
    }
    story_.thread.push_back(post);
  }
}

void StoryGenerator::write_pastes(Random& random) {
  constexpr std::string_view key_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  constexpr std::array<std::string_view, 8> titles{"Untitled", "config", "notes", "log.txt", "proxies", "todo",
                                                   "snippet", "combo"};
  std::unordered_set<std::string> keys;
  auto new_key = [&]() {
    std::string key;
    do key = random_token(random, 8, key_alphabet);
    while (!keys.insert(key).second);
    return key;
  };
  Paste origin;
  origin.key = new_key();
  origin.time = origin_time_;
  origin.title = "EM leaks";
  origin.origin = true;
  story_.pastes.push_back(origin);

  const TimeMs first = story_.posts[story_.first_tweet].time;
  for (TimeMs after : {hour, 3 * hour}) {
    Paste mirror;
    mirror.key = new_key();
    mirror.time = std::min(end_, first + after + static_cast<TimeMs>(random.below(20 * minute)));
    mirror.title = "#" + parameters_.subject_tag + " mirrors";
    mirror.cites_thread = true;
    mirror.text_key = static_cast<std::uint32_t>(story_.pastes.size());
    story_.pastes.push_back(mirror);
  }
  const std::uint64_t others = 30 + parameters_.tweets / 10000;
  for (std::uint64_t i = 0; i < others; ++i) {
    Paste paste;
    paste.key = new_key();
    paste.time = parameters_.start + static_cast<TimeMs>(random.uniform() * static_cast<double>(parameters_.duration));
    paste.title = std::string(titles[random.below(titles.size())]);
    paste.user = random.chance(0.3) ? random_token(random, 7, "abcdefghijklmnopqrstuvwxyz") : "";
    paste.text_key = static_cast<std::uint32_t>(story_.pastes.size());
    story_.pastes.push_back(paste);
  }
  std::stable_sort(story_.pastes.begin(), story_.pastes.end(),
                   [](const Paste& a, const Paste& b) { return a.time < b.time; });
  for (std::uint32_t i = 0; i < story_.pastes.size(); ++i) {
    if (story_.pastes[i].origin) story_.origin_paste = i;
  }
}

}  // namespace leaktrace::simulate
