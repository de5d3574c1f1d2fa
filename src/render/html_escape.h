#pragma once

#include <string>
#include <string_view>

namespace leaktrace {

// Escaping for attacker-controlled text (handles, names, post texts, URLs) written into HTML by the
// map and the report. Text is UTF-8 and passes through unchanged except for the characters that
// could end an element's content or an attribute value; invalid UTF-8 is replaced by U+FFFD so that
// a browser cannot resynchronise on a byte we did not escape.

// Text for element content: `&`, `<`, `>` become entities (and `"`, `'` too, so that the same
// text is also safe in a quoted attribute value). NUL bytes are dropped.
std::string escape_html(std::string_view text);
void append_escaped_html(std::string& out, std::string_view text);

// The same escaping, named for what it is used for: the value of a double- or single-quoted
// attribute, e.g. `title="..."`. Never write attacker text into an unquoted attribute, an event
// handler attribute, a `style` or a URL attribute without is_http_url().
inline std::string escape_html_attribute(std::string_view text) { return escape_html(text); }

// True when `url` is an absolute http or https URL that a page may link to: scheme `http:` or
// `https:` (any case), followed by `//` and a host, with no control character or space anywhere
// (browsers strip those, which is how `java\tscript:` and ` javascript:` tricks work).
bool is_http_url(std::string_view url);

}  // namespace leaktrace
