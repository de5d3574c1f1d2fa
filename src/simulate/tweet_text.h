#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/population.h"
#include "simulate/scenario.h"
#include "simulate/story.h"

namespace leaktrace::simulate {

// An entity of a tweet's text, with indices in Unicode code points as the API gives them.
struct TextEntity {
  enum class Kind : unsigned char { hashtag, url, mention };
  Kind kind = Kind::hashtag;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string text;      // hashtag without '#', t.co URL, or handle
  std::string expanded;  // URL: the expanded URL
  std::string display;   // URL: what the API shows
  std::uint32_t account = 0;  // mention: account index
};

struct TweetText {
  std::string text;
  std::uint32_t length = 0;          // in code points
  std::uint32_t display_start = 0;   // after the leading @mention of a reply
  std::vector<TextEntity> entities;
};

std::uint32_t count_code_points(std::string_view utf8);

// Writes the text of any scenario post again from its key: the same post gives the same text
// whichever thread asks, and nothing is kept in memory between tweets.
class TweetTextComposer {
 public:
  TweetTextComposer(const ScenarioParameters& parameters, const Population& population, const Story& story);

  // The text of an original, quote or reply (a repost's text is built from its target's).
  TweetText compose(std::uint32_t post) const;
  // "RT @author: text" cut at 140 code points, as v1.1 wrote retweets.
  TweetText retweet_text(std::uint32_t repost, const TweetText& original) const;

  std::string status_url(std::uint32_t post) const;
  std::string link_url(LinkKind link, std::uint32_t key) const;
  std::string chan_text(std::uint32_t thread_post) const;  // the HTML `com` of a thread post
  std::string paste_content(std::uint32_t paste) const;

 private:
  const ScenarioParameters& parameters_;
  const Population& population_;
  const Story& story_;
};

}  // namespace leaktrace::simulate
