#include "ingest/format_sniffer.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(FormatSniffer, RecognisesEachFormatByItsKeys) {
  EXPECT_EQ(sniff_format(R"({"created_at":"Fri May 05 20:49:00 +0000 2017","id_str":"1","user":{}})"), Format::twitter_v1);
  EXPECT_EQ(sniff_format(R"({"delete":{"status":{"id":1}}})"), Format::twitter_v1);
  EXPECT_EQ(sniff_format(R"({"limit":{"track":3}})"), Format::twitter_v1);
  EXPECT_EQ(sniff_format("{\n  \"statuses\": [\n"), Format::twitter_v1);
  EXPECT_EQ(sniff_format(R"({"data":[{"id":"1","text":"x","author_id":"2"}],"includes":{}})"), Format::twitter_v2);
  EXPECT_EQ(sniff_format(R"({"id":"1","text":"x","edit_history_tweet_ids":["1"],"__twarc":{}})"), Format::twitter_v2);
  EXPECT_EQ(sniff_format("{\n \"posts\": [\n  {\"no\": 1, \"resto\": 0}]}"), Format::fourchan);
  EXPECT_EQ(sniff_format(R"({"123":{"op":{"num":"123","thread_num":"123"}}})"), Format::fourchan);
  EXPECT_EQ(sniff_format(R"({"scrape_url":"https://scrape.pastebin.com/x","key":"x"})"), Format::pastebin);
}

TEST(FormatSniffer, KeysInsideEscapedStringsDoNotCount) {
  // A paste whose content is a tweet is still a paste; plain text mentioning keys is nothing.
  EXPECT_EQ(sniff_format(R"({"key":"k","full_url":"u","content":"{\"id_str\":\"1\"}"})"), Format::pastebin);
  EXPECT_FALSE(sniff_format(R"({"note":"the \"id_str\": field"})"));
}

TEST(FormatSniffer, UnknownContentIsNotGuessed) {
  EXPECT_FALSE(sniff_format("name,handle\nalice,@a\n"));
  EXPECT_FALSE(sniff_format(""));
  EXPECT_FALSE(sniff_format(R"({"hello":"world"})"));
}

TEST(FormatSniffer, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF{\"id_str\":\"1\"}"), Format::twitter_v1);
}

TEST(FormatSniffer, LayoutFollowsTheFirstLines) {
  EXPECT_EQ(sniff_layout("{\"a\":1}\n{\"a\":2}\n"), Layout::lines);
  EXPECT_EQ(sniff_layout("\n\n{\"a\":1}"), Layout::lines);
  EXPECT_EQ(sniff_layout("[{\"a\":1},{\"a\":2}]"), Layout::lines);
  EXPECT_EQ(sniff_layout("{\n  \"posts\": [\n"), Layout::document);
  EXPECT_EQ(sniff_layout("[\n{\"a\":1}\n]"), Layout::document);
  // A damaged first line of a JSONL file does not turn the whole file into one document.
  EXPECT_EQ(sniff_layout("{\"a\":1, \"b\n{\"a\":2}\n"), Layout::lines);
}

}  // namespace
}  // namespace leaktrace
