#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/population.h"
#include "simulate/scenario.h"
#include "simulate/story.h"

namespace leaktrace::simulate {

// Where a string of a TweetText lies in its `strings`.
struct TextRange {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// An entity of a tweet's text, with indices in Unicode code points as the API gives them.
struct TextEntity {
  enum class Kind : unsigned char { hashtag, url, mention };
  Kind kind = Kind::hashtag;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TextRange text;      // hashtag without '#', t.co URL, or handle
  TextRange expanded;  // URL: the expanded URL
  TextRange display;   // URL: what the API shows
  std::uint32_t account = 0;  // mention: account index
};

// A tweet's text and entities. The entities' strings share one buffer, so that a TweetText written
// again and again (one per rendering depth) allocates nothing once it has grown.
struct TweetText {
  std::string text;
  std::uint32_t length = 0;          // in code points
  std::uint32_t display_start = 0;   // after the leading @mention of a reply
  std::vector<TextEntity> entities;
  std::string strings;               // what the entities' ranges point into

  std::string_view of(TextRange range) const { return std::string_view(strings).substr(range.offset, range.length); }
  TextRange keep(std::string_view value) {
    TextRange range{static_cast<std::uint32_t>(strings.size()), static_cast<std::uint32_t>(value.size())};
    strings += value;
    return range;
  }
  void clear() {
    text.clear();
    length = 0;
    display_start = 0;
    entities.clear();
    strings.clear();
  }
};

std::uint32_t count_code_points(std::string_view utf8);

// Writes the text of any scenario post again from its key: the same post gives the same text
// whichever thread asks, and nothing is kept in memory between tweets.
class TweetTextComposer {
 public:
  TweetTextComposer(const ScenarioParameters& parameters, const Population& population, const Story& story);

  // The text of an original, quote or reply (a repost's text is built from its target's), into
  // `out` (cleared first).
  void compose(std::uint32_t post, TweetText& out) const;
  TweetText compose(std::uint32_t post) const;
  // "RT @author: text" cut at 140 code points, as v1.1 wrote retweets.
  void retweet_text(std::uint32_t repost, const TweetText& original, TweetText& out) const;

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
