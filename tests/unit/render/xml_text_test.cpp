#include "render/xml_text.h"

#include <sstream>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(XmlText, EscapesMarkupAndKeepsWhitespaceInAttributes) {
  EXPECT_EQ(xml_escaped("<a href=\"x\">&'</a>", true), "&lt;a href=&quot;x&quot;&gt;&amp;'&lt;/a&gt;");
  EXPECT_EQ(xml_escaped("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(xml_escaped("\"q\"\tb\nc\rd", false), "\"q\"\tb\nc&#13;d");
}

TEST(XmlText, DropsForbiddenCharactersAndRepairsUtf8) {
  EXPECT_EQ(xml_escaped(std::string("a\x00" "b\x01\x1f" "c", 6)), "abc");
  EXPECT_EQ(xml_escaped("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");            // U+FFFE, U+FFFF
  EXPECT_EQ(xml_escaped("é 日本 🙂"), "é 日本 🙂");                          // kept as they are
  EXPECT_EQ(xml_escaped("bad \xC3 end"), "bad \xEF\xBF\xBD end");          // truncated sequence
  EXPECT_EQ(xml_escaped("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");          // overlong '/'
  EXPECT_EQ(xml_escaped("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(XmlText, OutputWritesAttributesAndTextThroughItsBuffer) {
  std::ostringstream stream;
  {
    XmlOutput out(stream);
    out.buffer() += "<a";
    out.attribute("title", "x\"<y");
    out.buffer() += '>';
    out.text("1 < 2 & \"so\"");
    out.buffer() += "</a>";
  }
  EXPECT_EQ(stream.str(), "<a title=\"x&quot;&lt;y\">1 &lt; 2 &amp; \"so\"</a>");
}

}  // namespace
}  // namespace leaktrace
