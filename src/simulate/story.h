#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "model/platform.h"
#include "model/time.h"

namespace leaktrace::simulate {

constexpr std::uint32_t no_post = std::numeric_limits<std::uint32_t>::max();

// What a post links to.
enum class LinkKind : unsigned char { none, thread, paste, archive, news };

// A tweet of the scenario. Text is not stored: it is drawn again from `text_key` whenever the
// tweet (or a retweet or quote embedding it) is written, so any thread can render any tweet.
struct SimPost {
  TimeMs time = 0;
  std::uint64_t id = 0;                 // snowflake id, assigned in time order
  std::uint32_t account = 0;            // index into Population
  std::uint32_t target = no_post;       // the post reposted, quoted or answered, as the API names it
  std::uint32_t exposure = no_post;     // the subject post this account got it from (the true parent)
  std::uint32_t text_key = 0;
  std::uint16_t topic = 0;              // 0 = the subject; k > 0 = background topic k
  PostKind kind = PostKind::original;
  LinkKind link = LinkKind::none;
  std::uint32_t burst = no_post;        // the coordinated burst this post belongs to
};

// A post of the 4chan thread where the dump was taken.
struct ChanPost {
  std::uint64_t number = 0;
  TimeMs time = 0;
  std::string poster_id;      // the thread-local poster id 4chan shows on /pol/
  std::string country;        // flag code
  std::uint32_t quotes = no_post;  // index of the thread post it answers with >>N
  LinkKind link = LinkKind::none;
  std::uint32_t tweet = no_post;   // a tweet it links to
  std::uint32_t text_key = 0;
};

struct Paste {
  std::string key;
  TimeMs time = 0;
  std::string title;
  std::string user;
  bool origin = false;           // the dump announcement
  bool cites_thread = false;     // a mirror that links the 4chan thread
  std::uint32_t text_key = 0;
};

// A synchronised burst of the coordinated group.
struct Burst {
  TimeMs time = 0;
  bool copypasta = false;        // near-identical texts rather than reposts of one post
  std::uint32_t target = no_post;
  std::vector<std::uint32_t> posts;
};

// The whole scenario, in time order, with the facts the truth file records.
struct Story {
  std::vector<SimPost> posts;
  std::vector<ChanPost> thread;  // thread[0] is the opening post
  std::vector<Paste> pastes;     // sorted by time
  std::vector<Burst> bursts;
  std::uint32_t origin_paste = 0;
  std::uint32_t first_tweet = no_post;
  std::vector<std::uint32_t> hub_posts;
  std::string board = "pol";
};

}  // namespace leaktrace::simulate
