#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// A link (<a href>) of an HTML fragment, with its text as the reader sees it.
struct HtmlLink {
  std::string href;        // entities decoded, otherwise as written (may be relative: "#p123", "/pol/")
  std::string text;        // plain text of the link (">>123", ">>>/pol/")
  std::string class_name;  // the class attribute ("quotelink"), empty when absent
};

struct HtmlText {
  std::string text;
  std::vector<HtmlLink> links;

  void clear() {
    text.clear();
    links.clear();
  }
};

// Plain text of an HTML comment fragment as 4chan and FoolFuuka write them: <br> and block ends
// become newlines, <wbr> (which 4chan inserts inside long words and URLs) disappears, other tags
// are removed with their text kept, and character references (&gt; &amp; &#039; &#x27; ...) are
// decoded to UTF-8. Text inside <script> and <style> is dropped. Never fails: what is not markup
// is text. Appends to `out` after clearing it, so one HtmlText can be reused between comments.
void html_to_text(std::string_view html, HtmlText& out);

// Decodes character references of `text` (no tags) and appends the result to `out`.
void append_html_unescaped(std::string_view text, std::string& out);

}  // namespace leaktrace
