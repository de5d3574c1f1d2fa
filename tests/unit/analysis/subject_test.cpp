#include "analysis/subject.h"

#include <gtest/gtest.h>

#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

TEST(Subject, ParsesEveryKindOfTermAndCommas) {
  Subject s = Subject::parse("#MacronLeaks, url:https://www.Pastebin.com/v0Q,domain:WWW.en-marche.fr,"
                             "text:/a,b/i,post:4chan:pol/1,from:@WikiLeaks");
  ASSERT_EQ(s.terms().size(), 6u);
  EXPECT_EQ(s.terms()[0].kind, Subject::Kind::hashtag);
  EXPECT_EQ(s.terms()[0].value, "macronleaks");
  EXPECT_EQ(s.terms()[1].value, "pastebin.com/v0Q");
  EXPECT_EQ(s.terms()[2].value, "en-marche.fr");
  EXPECT_EQ(s.terms()[3].kind, Subject::Kind::text);
  EXPECT_EQ(s.terms()[3].value, "a,b");  // the comma inside the regex does not split
  EXPECT_TRUE(s.terms()[3].ignore_case);
  EXPECT_EQ(s.terms()[4].platform, Platform::fourchan);
  EXPECT_EQ(s.terms()[4].value, "pol/1");
  EXPECT_EQ(s.terms()[5].value, "wikileaks");
  EXPECT_TRUE(s.needs_text());
  EXPECT_TRUE(Subject::parse("").whole_dataset());
}

TEST(Subject, RefusesWhatItCannotReadAndSaysHowToWriteIt) {
  for (const char* bad : {"#", "url:", "text:abc", "text:/(/", "post:mastodon:1", "post:twitter", "from:@", "tag", "#a,,#b"}) {
    try {
      Subject::parse(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const SubjectError& error) {
      EXPECT_NE(std::string(error.what()).find("subject"), std::string::npos) << bad;
    }
  }
}

TEST(Subject, LooksLikeSubjectTellsTermsFromPaths) {
  EXPECT_TRUE(Subject::looks_like_subject("#tag"));
  EXPECT_TRUE(Subject::looks_like_subject("from:@x"));
  EXPECT_FALSE(Subject::looks_like_subject("tweets.jsonl"));
  EXPECT_FALSE(Subject::looks_like_subject("/data/url.txt"));
}

//   original (#leak) <- repost <- (a repost of a repost names the root)
//   quote of the original: shares; reply to it: does not
//   another original citing example.org: matches domain:example.org
class SubjectMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SmallDataset data;
    auto a = data.account("alice");
    auto b = data.account("bob");
    original_ = data.post("1", a, 10);
    data.builder().add_hashtag(original_, "leak");
    repost_ = data.post("2", b, 20, PostKind::repost, "1");
    quote_ = data.post("3", b, 30, PostKind::quote, "1");
    reply_ = data.post("4", b, 40, PostKind::reply, "1");
    linking_ = data.post("5", a, 5);
    data.builder().add_url(linking_, "https://example.org/x", "http://www.example.org/x", "www.example.org");
    other_ = data.post("6", b, 50);
    dataset_ = data.finish();
  }
  std::vector<std::uint32_t> shares(const std::string& subject) {
    SubjectMatch match(dataset_, Subject::parse(subject));
    match.run();
    return match.posts();
  }
  Dataset dataset_;
  std::uint32_t original_, repost_, quote_, reply_, linking_, other_;
};

TEST_F(SubjectMatchTest, RepostsAndQuotesShareWhatTheyRepostRepliesDoNot) {
  EXPECT_EQ(shares("#LEAK"), (std::vector<std::uint32_t>{original_, repost_, quote_}));
}

TEST_F(SubjectMatchTest, DomainsMatchSubdomainsAndUrlsByPrefix) {
  EXPECT_EQ(shares("domain:example.org"), (std::vector<std::uint32_t>{linking_}));
  EXPECT_TRUE(shares("domain:ample.org").empty());
  EXPECT_EQ(shares("url:example.org/x"), (std::vector<std::uint32_t>{linking_}));
  EXPECT_TRUE(shares("url:example.org/y").empty());
}

TEST_F(SubjectMatchTest, TextFromPostAndAnyOf) {
  EXPECT_EQ(shares("post:twitter:6"), (std::vector<std::uint32_t>{other_}));
  // Alice's posts, and what shares them: the spread of what she wrote.
  EXPECT_EQ(shares("from:@Alice"), (std::vector<std::uint32_t>{linking_, original_, repost_, quote_}));
  EXPECT_EQ(shares("from:@alice,post:twitter:6").size(), 5u);
  EXPECT_EQ(shares("").size(), dataset_.post_count());
}

TEST_F(SubjectMatchTest, RefusesResultsBeforeRun) {
  SubjectMatch match(dataset_, Subject::parse("#leak"));
  EXPECT_THROW(match.posts(), std::logic_error);
}

TEST(SubjectMatch, TextSubjectsUseRe2) {
  DatasetBuilder builder(true);
  auto a = builder.add_account({.native_id = "a"});
  builder.add_post({.native_id = "1", .author = a, .text = "the En Marche emails"});
  builder.add_post({.native_id = "2", .author = a, .text = "nothing here"});
  Dataset dataset = builder.finish();
  SubjectMatch sensitive(dataset, Subject::parse("text:/en marche/"));
  sensitive.run();
  EXPECT_EQ(sensitive.count(), 0u);
  SubjectMatch ignoring(dataset, Subject::parse("text:/en.marche/i"));
  ignoring.run();
  EXPECT_EQ(ignoring.posts(), (std::vector<std::uint32_t>{0}));
}

TEST(SubjectMatch, TextSubjectsNeedTexts) {
  DatasetBuilder builder(false);
  builder.add_post({.native_id = "1", .author = builder.add_account({.native_id = "a"})});
  Dataset dataset = builder.finish();
  EXPECT_THROW(SubjectMatch(dataset, Subject::parse("text:/x/")), SubjectError);
}

}  // namespace
}  // namespace leaktrace
