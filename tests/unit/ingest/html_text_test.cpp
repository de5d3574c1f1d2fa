#include "ingest/html_text.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

HtmlText convert(std::string_view html) {
  HtmlText out;
  html_to_text(html, out);
  return out;
}

TEST(HtmlText, LineBreaksAndEntities) {
  EXPECT_EQ(convert("a<br>b<br/>c<BR />d").text, "a\nb\nc\nd");
  EXPECT_EQ(convert("&gt;&gt;implying &amp; &quot;x&quot; it&#039;s &#x27;y&#39; &lt;b&gt;").text,
            ">>implying & \"x\" it's 'y' <b>");
  EXPECT_EQ(convert("caf&#233; &#x1F600; &hellip;").text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA6");
  EXPECT_EQ(convert("a&nbsp;b").text, "a b");
}

TEST(HtmlText, MalformedReferencesStayText) {
  EXPECT_EQ(convert("AT&T &unknown; & &#; &#xZZ;").text, "AT&T &unknown; & &#; &#xZZ;");
  EXPECT_EQ(convert("&#0; &#xD800; &#99999999999;").text, "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST(HtmlText, TagsRemovedTextKept) {
  EXPECT_EQ(convert("<span class=\"quote\">&gt;be me</span><br><s>spoiler</s> <b>bold</b>").text,
            ">be me\nspoiler bold");
  // 4chan breaks long words and URLs with <wbr>.
  EXPECT_EQ(convert("https://example.org/very<wbr>long<wbr>path").text, "https://example.org/verylongpath");
  EXPECT_EQ(convert("<pre class=\"prettyprint\">code</pre>after").text, "code\nafter");
  EXPECT_EQ(convert("a<!-- hidden -->b<script>alert(1)</script>c").text, "abc");
  EXPECT_EQ(convert("1 < 2 and 3 <4").text, "1 < 2 and 3 <4");
  EXPECT_EQ(convert("cut <a href=\"x").text, "cut ");
}

TEST(HtmlText, LinksWithHrefTextAndClass) {
  HtmlText out = convert(
      "<a href=\"#p2339429\" class=\"quotelink\">&gt;&gt;2339429</a><br>see "
      "<a href='https://example.org/?a=1&amp;b=2' target=_blank>here</a>");
  EXPECT_EQ(out.text, ">>2339429\nsee here");
  ASSERT_EQ(out.links.size(), 2u);
  EXPECT_EQ(out.links[0].href, "#p2339429");
  EXPECT_EQ(out.links[0].class_name, "quotelink");
  EXPECT_EQ(out.links[0].text, ">>2339429");
  EXPECT_EQ(out.links[1].href, "https://example.org/?a=1&b=2");
  EXPECT_EQ(out.links[1].class_name, "");
  EXPECT_EQ(out.links[1].text, "here");
}

TEST(HtmlText, UnclosedLinkEndsWithText) {
  HtmlText out = convert("<a href=\"/pol/\">&gt;&gt;&gt;/pol/");
  ASSERT_EQ(out.links.size(), 1u);
  EXPECT_EQ(out.links[0].text, ">>>/pol/");
}

TEST(HtmlText, ReusedOutputIsCleared) {
  HtmlText out;
  html_to_text("<a href=\"a\">x</a>", out);
  html_to_text("plain", out);
  EXPECT_EQ(out.text, "plain");
  EXPECT_TRUE(out.links.empty());
}

}  // namespace
}  // namespace leaktrace
