#include "simulate/tweet_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "simulate/story_generator.h"
#include "unit/simulate/known_repeats.h"

namespace leaktrace::simulate {
namespace {

std::string escaped(std::string_view text) {
  std::string out;
  append_twitter_json_string(out, text);
  return out;
}

TEST(TwitterJsonString, EscapesAsTheApiDid) {
  EXPECT_EQ(escaped("a/b \"c\" \\"), R"(a\/b \"c\" \\)");
  EXPECT_EQ(escaped("élection"), R"(\u00e9lection)");
  EXPECT_EQ(escaped("Дело"), R"(\u0414\u0435\u043b\u043e)");
  EXPECT_EQ(escaped("😱"), R"(\ud83d\ude31)");  // U+1F631 as a surrogate pair
  EXPECT_EQ(escaped("line\nbreak\t"), R"(line\nbreak\t)");
}

// Decodes UTF-8 to code points, the unit of the API's entity indices, independently of the writer.
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t b = 0; b < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[b]);
    std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t code = length == 1 ? c : c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(utf8[b + k]) & 0x3F);
    out.push_back(code);
    b += length;
  }
  return out;
}

// Renders every tweet of a small scenario and checks it the way a consumer of the API would.
TEST(TweetJsonWriter, EveryTweetParsesAndItsEntityIndicesPointAtTheirText) {
  ScenarioParameters parameters;
  parameters.tweets = 3000;
  parameters.accounts = 800;
  parameters.bots = 10;
  parameters.bursts = 3;
  Random random = Random::derived(parameters.seed, 0);
  Population population(parameters, random);
  StoryGenerator generator(parameters, population);
  generator.run();
  const Story& story = generator.story();
  TweetJsonWriter writer(parameters, population, story);
  RenderCache cache;
  simdjson::dom::parser parser;
  std::size_t extended = 0, checked_entities = 0;
  StreamText out(StreamText::Mode::recording);
  for (std::uint32_t i = 0; i < story.posts.size(); ++i) {
    out.clear();
    writer.append_tweet(out, i, cache);
    const std::string line(out.text());
    ASSERT_EQ(line.back(), '\n');
    simdjson::dom::element tweet;
    ASSERT_EQ(parser.parse(line).get(tweet), simdjson::SUCCESS) << line;
    ASSERT_EQ(std::string(tweet["id_str"].get_string().value()), std::to_string(story.posts[i].id));
    ASSERT_EQ(tweet["id"].get_uint64().value(), story.posts[i].id);
    ASSERT_EQ(parse_twitter_v1_time(tweet["created_at"].get_string().value()), story.posts[i].time / 1000 * 1000);
    simdjson::dom::element text_holder = tweet;
    std::string_view text_key = "text";
    if (tweet["truncated"].get_bool().value()) {
      ++extended;
      text_holder = tweet["extended_tweet"];
      text_key = "full_text";
    }
    std::u32string text = code_points(text_holder[text_key].get_string().value());
    for (auto hashtag : text_holder["entities"]["hashtags"].get_array()) {
      auto indices = hashtag["indices"].get_array().value();
      std::size_t start = indices.at(0).get_uint64().value(), end = indices.at(1).get_uint64().value();
      ASSERT_LE(end, text.size());
      ASSERT_EQ(text[start], U'#');
      std::u32string tag = code_points(hashtag["text"].get_string().value());
      ASSERT_EQ(text.substr(start + 1, end - start - 1), tag);
      ++checked_entities;
    }
    for (auto mention : text_holder["entities"]["user_mentions"].get_array()) {
      auto indices = mention["indices"].get_array().value();
      std::size_t start = indices.at(0).get_uint64().value(), end = indices.at(1).get_uint64().value();
      std::string_view handle = mention["screen_name"].get_string().value();
      ASSERT_EQ(text[start], U'@');
      ASSERT_EQ(end - start, handle.size() + 1);
      for (std::size_t k = 0; k < handle.size(); ++k) ASSERT_EQ(text[start + 1 + k], static_cast<char32_t>(handle[k]));
      ++checked_entities;
    }
    for (auto url : text_holder["entities"]["urls"].get_array()) {
      auto indices = url["indices"].get_array().value();
      std::size_t start = indices.at(0).get_uint64().value(), end = indices.at(1).get_uint64().value();
      std::string_view shortened = url["url"].get_string().value();
      ASSERT_EQ(end - start, shortened.size());
      for (std::size_t k = 0; k < shortened.size(); ++k) ASSERT_EQ(text[start + k], static_cast<char32_t>(shortened[k]));
      ++checked_entities;
    }
    if (story.posts[i].kind == PostKind::repost) {
      ASSERT_EQ(tweet["retweeted_status"]["id"].get_uint64().value(), story.posts[story.posts[i].target].id);
    }
  }
  EXPECT_GT(extended, 20u);
  EXPECT_GT(checked_entities, 3000u);
}

// The repeats a frame of rendered tweets reports rebuild its text, cache or no cache, and they are
// most of it.
TEST(TweetJsonWriter, TheRepeatsOfAFrameRebuildItsText) {
  ScenarioParameters parameters;
  parameters.tweets = 3000;
  parameters.accounts = 800;
  parameters.bots = 10;
  parameters.bursts = 3;
  Random random = Random::derived(parameters.seed, 0);
  Population population(parameters, random);
  StoryGenerator generator(parameters, population);
  generator.run();
  const Story& story = generator.story();
  TweetJsonWriter writer(parameters, population, story);
  RenderCache warm;
  StreamText frame, alone;
  for (std::uint32_t first = 0; first < story.posts.size(); first += 500) {
    frame.clear();
    alone.clear();
    RenderCache cold;  // the bytes and the repeats do not depend on what the cache held
    for (std::uint32_t i = first; i < first + 500 && i < story.posts.size(); ++i) {
      writer.append_tweet(frame, i, warm);
      writer.append_tweet(alone, i, cold);
    }
    ASSERT_EQ(frame.text(), alone.text());
    ASSERT_EQ(testing::rebuild(frame), frame.text());
    frame.finish_repeats();
    ASSERT_EQ(testing::rebuild(frame), frame.text());
    std::size_t repeated = 0;
    for (const KnownRepeat& repeat : frame.repeats()) repeated += repeat.length;
    EXPECT_GT(repeated, frame.size() * 3 / 4);
  }
}

}  // namespace
}  // namespace leaktrace::simulate
