#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/population.h"
#include "simulate/scenario.h"
#include "simulate/story.h"
#include "simulate/tweet_text.h"

namespace leaktrace::simulate {

// Appends `text` as the body of a JSON string the way Twitter's v1.1 servers wrote it: every
// non-ASCII character as \uXXXX (surrogate pairs above the BMP) and '/' as '\/'.
void append_twitter_json_string(std::string& out, std::string_view text);

// What a rendering thread keeps of recent work: the JSON of users and of embedded tweets. Reposts
// of one popular tweet, and tweets of the most active accounts, repeat the same bytes many times.
// Direct-mapped: a slot holds the last key that hashed to it.
class RenderCache {
 public:
  RenderCache();

 private:
  friend class TweetJsonWriter;
  struct Slot {
    std::uint32_t key = UINT32_MAX;
    std::string json;
  };
  struct TextSlot {
    std::uint32_t key = UINT32_MAX;
    TweetText text;
  };
  static constexpr std::size_t user_slots = 1 << 16;
  static constexpr std::size_t status_slots = 1 << 15;
  std::vector<Slot> users_;
  std::vector<Slot> statuses_;
  std::vector<TextSlot> retweet_texts_;  // "RT @author: text" of a reposted tweet
};

// Writes tweets and stream notices as Twitter API v1.1 stream lines (one JSON object, then '\n').
// Thread-safe: it only reads the story; each thread brings its own cache.
class TweetJsonWriter {
 public:
  TweetJsonWriter(const ScenarioParameters& parameters, const Population& population, const Story& story);

  void append_tweet(std::string& out, std::uint32_t post, RenderCache& cache) const;
  void append_delete(std::string& out, std::uint32_t post, TimeMs time) const;
  void append_limit(std::string& out, std::uint64_t undelivered, TimeMs time) const;

 private:
  enum class Placement : unsigned char { stream, embedded };
  void append_status(std::string& out, std::uint32_t post, Placement placement, RenderCache& cache) const;
  void append_embedded_status(std::string& out, std::uint32_t post, RenderCache& cache) const;
  void append_user(std::string& out, std::uint32_t account, RenderCache& cache) const;
  void render_user(std::string& out, std::uint32_t account) const;
  void append_entities(std::string& out, const TweetText& text, std::uint32_t up_to) const;

  const Population& population_;
  const Story& story_;
  TweetTextComposer composer_;
};

}  // namespace leaktrace::simulate
