// Writes a Twitter API v1.1 stream file of tweets that do not repeat, for benchmarks by hand:
//   make_tweet_corpus COUNT FILE [SEED [shared]]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tweet_corpus.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_tweet_corpus COUNT FILE [SEED [shared]]\n");
    return 2;
  }
  std::size_t count = std::strtoull(argv[1], nullptr, 10);
  std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
  std::FILE* file = std::fopen(argv[2], "wb");
  if (!file) {
    std::perror(argv[2]);
    return 2;
  }
  constexpr std::size_t block = 10000;
  bool shared = argc > 4 && std::string(argv[4]) == "shared";
  leaktrace::bench::TweetCorpus corpus(seed, shared ? leaktrace::bench::TweetCorpus::Originals::shared
                                                    : leaktrace::bench::TweetCorpus::Originals::unique);
  std::string text;
  // One generator for the whole file keeps ids increasing and unique.
  corpus.generate(count, text);
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  (void)block;
  return 0;
}
