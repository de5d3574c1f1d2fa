#include "ingest/url_canonicalizer.h"
#include "ingest/url_extraction.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(UrlCanonicalizer, SchemeHostPortAndRoot) {
  EXPECT_EQ(canonicalize_url("  HTTPS://WWW.Example.COM  "), "https://example.com/");
  EXPECT_EQ(canonicalize_url("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(canonicalize_url("https://example.com:443/"), "https://example.com/");
  EXPECT_EQ(canonicalize_url("https://example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(canonicalize_url("https://m.facebook.com/page"), "https://facebook.com/page");
  EXPECT_EQ(canonicalize_url("https://mobile.example.org./"), "https://example.org/");
  EXPECT_EQ(canonicalize_url("https://m.me/x"), "https://m.me/x");  // nothing with a dot would remain
  EXPECT_EQ(canonicalize_url("https://example.org/Case/Kept/"), "https://example.org/Case/Kept/");
  EXPECT_EQ(canonicalize_url("https://bank.example@evil.example/"), "https://bank.example@evil.example/");
  // IDN hosts: ASCII lower-cased, other bytes as given.
  EXPECT_EQ(canonicalize_url("https://B\xC3\xBC\x63HER.de/"), "https://b\xC3\xBC\x63her.de/");
}

TEST(UrlCanonicalizer, NotHttpIsReturnedTrimmed) {
  EXPECT_EQ(canonicalize_url(" ftp://example.org/ "), "ftp://example.org/");
  EXPECT_EQ(canonicalize_url("mailto:a@b.c"), "mailto:a@b.c");
  EXPECT_EQ(canonicalize_url("https://"), "https://");
  EXPECT_EQ(canonicalize_url(""), "");
}

TEST(UrlCanonicalizer, TrackingParametersFragmentAndEscapes) {
  EXPECT_EQ(canonicalize_url("https://example.org/a?utm_source=x&id=3&fbclid=y&UTM_Medium=z&b=1#top"),
            "https://example.org/a?id=3&b=1");
  EXPECT_EQ(canonicalize_url("https://example.org/?gclid=1&igshid=2&mc_cid=3&mc_eid=4&si=5&feature=share"),
            "https://example.org/");
  EXPECT_EQ(canonicalize_url("https://example.org/?z=1&a=2"), "https://example.org/?z=1&a=2");  // order kept
  EXPECT_EQ(canonicalize_url("https://example.org/%7Euser/%41%2f?q=%2d%e2"), "https://example.org/~user/A%2F?q=-%E2");
  EXPECT_EQ(canonicalize_url("https://example.org/?s=1&t=2"), "https://example.org/?s=1&t=2");  // s, t only on Twitter
  EXPECT_EQ(canonicalize_url("https://example.org/a b?q= &&utm_term=1"), "https://example.org/a%20b?q=%20");
  EXPECT_EQ(canonicalize_url("https://example.org../"), "https://example.org/");
  EXPECT_EQ(canonicalize_url("https://example.org/a%a%33"), "https://example.org/a%25a3");
}

TEST(UrlCanonicalizer, TwitterStatus) {
  const std::string expected = "https://twitter.com/i/status/1234567890";
  EXPECT_EQ(canonicalize_url("https://twitter.com/Jack/status/1234567890"), expected);
  EXPECT_EQ(canonicalize_url("https://x.com/jack/status/1234567890?s=20&t=abc"), expected);
  EXPECT_EQ(canonicalize_url("https://mobile.twitter.com/jack/statuses/1234567890/photo/1"), expected);
  EXPECT_EQ(canonicalize_url("http://www.twitter.com/i/web/status/1234567890"), expected);
  EXPECT_EQ(canonicalize_url("https://twitter.com/#!/jack/status/1234567890"), expected);
  EXPECT_EQ(canonicalize_url("https://x.com/jack?s=09&lang=en"), "https://twitter.com/jack?lang=en");
  EXPECT_EQ(canonicalize_url("https://twitter.com/jack/status/notanumber"), "https://twitter.com/jack/status/notanumber");
}

TEST(UrlCanonicalizer, FourchanThread) {
  EXPECT_EQ(canonicalize_url("https://boards.4chan.org/pol/thread/123/some-slug#p125"),
            "https://boards.4chan.org/pol/thread/123#p125");
  EXPECT_EQ(canonicalize_url("http://boards.4channel.org/g/thread/123#q125"), "https://boards.4chan.org/g/thread/123#p125");
  EXPECT_EQ(canonicalize_url("https://boards.4chan.org/pol/thread/123#p123"), "https://boards.4chan.org/pol/thread/123");
  EXPECT_EQ(canonicalize_url("https://boards.4chan.org/pol/thread/123#bottom"), "https://boards.4chan.org/pol/thread/123");
  EXPECT_EQ(canonicalize_url("https://boards.4chan.org/b/res/456.html"), "https://boards.4chan.org/b/thread/456");
  EXPECT_EQ(canonicalize_url("https://boards.4chan.org/b/post/456"), "https://boards.4chan.org/b/post/456");
  EXPECT_EQ(canonicalize_url("https://boards.4channel.org/g/catalog"), "https://boards.4chan.org/g/catalog");
}

TEST(UrlCanonicalizer, Pastebin) {
  for (std::string_view url : {"https://pastebin.com/AbCd1234", "http://www.pastebin.com/raw/AbCd1234",
                               "https://pastebin.com/raw.php?i=AbCd1234", "https://pastebin.com/dl/AbCd1234#x",
                               "https://pastebin.com/AbCd1234?utm_source=x"}) {
    EXPECT_EQ(canonicalize_url(url), "https://pastebin.com/AbCd1234") << url;
  }
  EXPECT_EQ(canonicalize_url("https://pastebin.com/archive"), "https://pastebin.com/archive");
  EXPECT_EQ(canonicalize_url("https://pastebin.com/u/someone"), "https://pastebin.com/u/someone");
}

TEST(UrlCanonicalizer, UrlHost) {
  EXPECT_EQ(url_host("https://boards.4chan.org/pol/thread/1"), "boards.4chan.org");
  EXPECT_EQ(url_host("https://a@example.org:8080/x"), "example.org");
  EXPECT_EQ(url_host("https://example.org?q"), "example.org");
  EXPECT_EQ(url_host("http://[::1]:80/"), "[::1]");
  EXPECT_EQ(url_host("not a url"), "");
}

TEST(UrlCanonicalizer, CitedPost) {
  auto tweet = cited_post(canonicalize_url("https://x.com/a/status/42"));
  ASSERT_TRUE(tweet);
  EXPECT_EQ(tweet->platform, Platform::twitter);
  EXPECT_EQ(tweet->post_id, "42");

  auto thread = cited_post(canonicalize_url("https://boards.4chan.org/pol/thread/123/slug"));
  ASSERT_TRUE(thread);
  EXPECT_EQ(thread->platform, Platform::fourchan);
  EXPECT_EQ(thread->post_id, "pol/123");
  EXPECT_EQ(thread->channel, "pol");

  auto reply = cited_post(canonicalize_url("https://boards.4chan.org/pol/thread/123#p125"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->post_id, "pol/125");
  auto cross_board = cited_post("https://boards.4chan.org/b/post/999");
  ASSERT_TRUE(cross_board);
  EXPECT_EQ(cross_board->post_id, "b/999");
  EXPECT_EQ(cross_board->channel, "b");

  auto paste = cited_post(canonicalize_url("https://pastebin.com/raw/AbCd1234"));
  ASSERT_TRUE(paste);
  EXPECT_EQ(paste->platform, Platform::pastebin);
  EXPECT_EQ(paste->post_id, "AbCd1234");

  EXPECT_FALSE(cited_post("https://boards.4chan.org/pol/"));
  EXPECT_FALSE(cited_post("https://boards.4chan.org/pol/catalog"));
  EXPECT_FALSE(cited_post("https://pastebin.com/archive"));
  EXPECT_FALSE(cited_post("https://twitter.com/jack"));
  EXPECT_FALSE(cited_post("https://example.org/status/1"));
}

TEST(UrlExtraction, FindsHttpUrlsInText) {
  auto urls = find_urls("see https://example.org/a_(b)). and (http://x.y/z), HTTP://UP.org/ ftp://no xhttp://no \"https://q.org/\"");
  ASSERT_EQ(urls.size(), 4u);
  EXPECT_EQ(urls[0], "https://example.org/a_(b)");
  EXPECT_EQ(urls[1], "http://x.y/z");
  EXPECT_EQ(urls[2], "HTTP://UP.org/");
  EXPECT_EQ(urls[3], "https://q.org/");
  EXPECT_TRUE(find_urls("https:// nothing http://").empty());
}

}  // namespace
}  // namespace leaktrace

namespace leaktrace {
namespace {

// Found by the fuzzer: the paste rule must see the path with its escapes decoded, or the canonical
// form is not a fixed point.
TEST(UrlCanonicalizer, EscapedPasteKeyIsAFixedPoint) {
  std::string canonical = canonicalize_url("https://pastebin.com:8080/a%4f?");
  EXPECT_EQ(canonical, "https://pastebin.com/aO");
  EXPECT_EQ(canonicalize_url(canonical), canonical);
}

}  // namespace
}  // namespace leaktrace
