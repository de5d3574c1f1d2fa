#include "render/html_escape.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(EscapeHtml, EscapesEveryCharacterThatEndsContentOrAnAttribute) {
  EXPECT_EQ(escape_html(R"(<script>alert("x")</script> & 'y')"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  EXPECT_EQ(escape_html_attribute(R"("><img src=x onerror=alert(1)>)"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
}

TEST(EscapeHtml, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(escape_html("Macron é ✓ 𝕏"), "Macron é ✓ 𝕏");
  // A lone continuation byte, a truncated sequence, an overlong '<' (0xC0 0xBC) and a surrogate.
  EXPECT_EQ(escape_html("a\x80z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(escape_html("a\xE2\x9C"), "a\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_html("\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_html("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(EscapeHtml, DropsNulBytes) {
  EXPECT_EQ(escape_html(std::string_view("a\0b", 3)), "ab");
}

TEST(IsHttpUrl, AcceptsOnlyAbsoluteHttpAndHttps) {
  EXPECT_TRUE(is_http_url("https://twitter.com/wikileaks/status/860927315433730049"));
  EXPECT_TRUE(is_http_url("http://pastebin.com/abc"));
  EXPECT_TRUE(is_http_url("HTTPS://Example.org/"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(is_http_url("data:text/html,<script>alert(1)</script>"));
  EXPECT_FALSE(is_http_url("vbscript:msgbox(1)"));
  EXPECT_FALSE(is_http_url("//evil.example/x"));
  EXPECT_FALSE(is_http_url("/relative/path"));
  EXPECT_FALSE(is_http_url("https:"));
  EXPECT_FALSE(is_http_url("https://"));
  EXPECT_FALSE(is_http_url("https:///path"));
  EXPECT_FALSE(is_http_url(""));
}

TEST(IsHttpUrl, RefusesWhitespaceAndControlTricks) {
  // Browsers strip tabs and newlines from URLs and leading spaces, so these would run as javascript:.
  EXPECT_FALSE(is_http_url(" javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("java\tscript:alert(1)"));
  EXPECT_FALSE(is_http_url("https://example.org/\nx"));
  EXPECT_FALSE(is_http_url("https://exa mple.org/"));
  EXPECT_FALSE(is_http_url("https://example.org/\x7F"));
}

}  // namespace
}  // namespace leaktrace
