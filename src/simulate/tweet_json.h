#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/population.h"
#include "simulate/scenario.h"
#include "simulate/story.h"
#include "simulate/stream_text.h"
#include "simulate/tweet_text.h"

namespace leaktrace::simulate {

// Appends `text` as the body of a JSON string the way Twitter's v1.1 servers wrote it: every
// non-ASCII character as \uXXXX (surrogate pairs above the BMP) and '/' as '\/'.
void append_twitter_json_string(std::string& out, std::string_view text);

// What a rendering thread keeps of recent work: the JSON of users and of embedded tweets, and the
// text and entities of a retweet of each reposted tweet. Reposts of one popular tweet, and tweets of
// the most active accounts, repeat the same bytes many times. Direct-mapped: a slot holds the last
// key that hashed to it. Each recording knows its repeatable pieces (see StreamText).
class RenderCache {
 public:
  RenderCache();

 private:
  friend class TweetJsonWriter;
  struct Slot {
    std::uint32_t key = UINT32_MAX;
    StreamText json{StreamText::Mode::recording};
  };
  struct RetweetSlot {
    std::uint32_t key = UINT32_MAX;
    StreamText text{StreamText::Mode::recording};      // "RT @author: text", escaped
    StreamText entities{StreamText::Mode::recording};  // its entities object
    bool has_url = false;
  };
  // Small enough that a rendering thread's recordings stay near 100 MB: on the 200k scenario 8192
  // and 4096 slots took 1.6 s of CPU where 65536 and 32768 took 2.3 s (a third of which the kernel
  // spent giving the recordings fresh pages), the same on 1M tweets with half the memory.
  static constexpr std::size_t user_slots = 1 << 13;
  static constexpr std::size_t status_slots = 1 << 12;
  std::vector<Slot> users_;
  std::vector<Slot> statuses_;
  std::vector<RetweetSlot> retweets_;  // by the reposted tweet
  // Buffers by depth of embedding (a stream tweet, a tweet it embeds, a quote that one embeds),
  // reused from tweet to tweet.
  static constexpr std::size_t depths = 4;
  std::size_t depth_ = 0;
  std::array<TweetText, depths> texts_;
  std::array<StreamText, depths> spares_;
  TweetText retweet_text_;
};

// Writes tweets and stream notices as Twitter API v1.1 stream lines (one JSON object, then '\n').
// Thread-safe: it only reads the story; each thread brings its own cache.
class TweetJsonWriter {
 public:
  TweetJsonWriter(const ScenarioParameters& parameters, const Population& population, const Story& story);

  void append_tweet(StreamText& out, std::uint32_t post, RenderCache& cache) const;
  // Asks the memory for what append_tweet(post) will read from the cache, a few lines ahead: the
  // slots, then (once a slot is near) the JSON they hold. Changes nothing but the timing.
  void prefetch_slots(std::uint32_t post, const RenderCache& cache) const;
  void prefetch_json(std::uint32_t post, const RenderCache& cache) const;
  void append_delete(StreamText& out, std::uint32_t post, TimeMs time) const;
  void append_limit(StreamText& out, std::uint64_t undelivered, TimeMs time) const;

 private:
  enum class Placement : unsigned char { stream, embedded };
  void append_status(StreamText& out, std::uint32_t post, Placement placement, RenderCache& cache) const;
  void append_embedded_status(StreamText& out, std::uint32_t post, RenderCache& cache) const;
  void append_user(StreamText& out, std::uint32_t account, RenderCache& cache) const;
  void render_user(StreamText& out, std::uint32_t account) const;
  const RenderCache::RetweetSlot& retweet_of(std::uint32_t repost, RenderCache& cache) const;
  // The entities of `text` that end by `up_to`, then `extra_url` (the link to an extended tweet).
  void append_entities(StreamText& out, const TweetText& text, std::uint32_t up_to,
                       const TextEntity* extra_url = nullptr) const;

  const Population& population_;
  const Story& story_;
  TweetTextComposer composer_;
};

}  // namespace leaktrace::simulate
