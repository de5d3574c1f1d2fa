#pragma once

#include <cstdint>
#include <string>

namespace leaktrace::bench {

// Twitter API v1.1 stream lines that do not repeat: every tweet has its own id, time and text,
// authors are drawn from a heavy-tailed population, about half are retweets embedding their
// original (as the API does), some are quotes and replies, with hashtags, URLs, mentions, several
// languages, emoji and \u escapes. Deterministic for a seed. Stand-in until the simulator exists.
class TweetCorpus {
 public:
  // unique: every retweet embeds a new original (twice the posts per line, the writer's worst
  // case); shared: retweets embed earlier tweets with heavy-tailed popularity, as real streams do.
  enum class Originals { unique, shared };

  explicit TweetCorpus(std::uint64_t seed = 42, Originals originals = Originals::unique)
      : seed_(seed), originals_(originals) {}
  // Appends `count` lines (each ending in '\n') to `out`.
  void generate(std::size_t count, std::string& out) const;

 private:
  std::uint64_t seed_;
  Originals originals_;
};

}  // namespace leaktrace::bench
