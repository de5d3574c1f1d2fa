#include "ingest/html_text.h"

#include <array>
#include <cstdint>

namespace leaktrace {
namespace {

constexpr char32_t replacement_character = 0xFFFD;
constexpr char32_t max_code_point = 0x10FFFF;
constexpr std::size_t max_entity_name = 8;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp == 0 || cp > max_code_point || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// The references 4chan, FoolFuuka and common paste sites write; others stay as text.
// &nbsp; becomes a plain space so that text searches see one word boundary.
constexpr std::array<NamedEntity, 20> named_entities{{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", ' '},      {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"copy", 0x00A9},   {"reg", 0x00AE},    {"trade", 0x2122},
    {"euro", 0x20AC},  {"laquo", 0x00AB},  {"raquo", 0x00BB},  {"middot", 0x00B7},
}};

// Decodes the reference starting at text[i] == '&'; returns the number of bytes consumed, 0 when
// it is not a reference (the '&' is then text).
std::size_t decode_reference(std::string_view text, std::size_t i, std::string& out) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '#') {
    ++j;
    bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    if (hex) ++j;
    std::size_t digits_start = j;
    char32_t value = 0;
    for (; j < text.size(); ++j) {
      int digit = hex ? hex_value(text[j]) : (is_ascii_digit(text[j]) ? text[j] - '0' : -1);
      if (digit < 0) break;
      // Saturate: anything past the last code point decodes to U+FFFD.
      if (value <= max_code_point) value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (j == digits_start) return 0;
    if (j < text.size() && text[j] == ';') ++j;
    append_utf8(value, out);
    return j - i;
  }
  std::size_t name_start = j;
  while (j < text.size() && j - name_start <= max_entity_name && (is_ascii_alpha(text[j]) || is_ascii_digit(text[j]))) ++j;
  if (j >= text.size() || text[j] != ';' || j == name_start) return 0;
  std::string_view name = text.substr(name_start, j - name_start);
  for (const NamedEntity& entity : named_entities) {
    if (entity.name == name) {
      append_utf8(entity.code_point, out);
      return j + 1 - i;
    }
  }
  return 0;
}

enum class TagAction { none, line_break, block, link_start, link_end, skip_content };

TagAction action_of(std::string_view name, bool closing) {
  if (name == "br") return TagAction::line_break;
  if (name == "a") return closing ? TagAction::link_end : TagAction::link_start;
  if (name == "p" || name == "div" || name == "pre" || name == "li" || name == "tr" ||
      name == "blockquote" || name == "h1" || name == "h2" || name == "h3" || name == "h4" ||
      name == "h5" || name == "h6" || name == "ul" || name == "ol" || name == "table") {
    return TagAction::block;
  }
  if (!closing && (name == "script" || name == "style")) return TagAction::skip_content;
  return TagAction::none;  // wbr, span, s, b, i, u, strong, em, ...
}

// Index of the '>' that ends the tag starting at html[start] == '<', honouring quoted attribute
// values; npos when the tag never ends.
std::size_t tag_end(std::string_view html, std::size_t start) {
  char quote = 0;
  for (std::size_t i = start + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Reads the attributes of a start tag (the part after its name) and keeps href and class.
void read_attributes(std::string_view attributes, HtmlLink& link) {
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (is_ascii_space(attributes[i]) || attributes[i] == '/')) ++i;
    std::size_t name_start = i;
    while (i < attributes.size() && !is_ascii_space(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    std::string_view name = attributes.substr(name_start, i - name_start);
    while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
    std::string_view value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        char quote = attributes[i++];
        std::size_t value_start = i;
        while (i < attributes.size() && attributes[i] != quote) ++i;
        value = attributes.substr(value_start, i - value_start);
        if (i < attributes.size()) ++i;
      } else {
        std::size_t value_start = i;
        while (i < attributes.size() && !is_ascii_space(attributes[i])) ++i;
        value = attributes.substr(value_start, i - value_start);
      }
    }
    if (name.empty()) {
      if (i < attributes.size()) ++i;  // a stray character: step over it
      continue;
    }
    auto equals_ignoring_case = [](std::string_view a, std::string_view b) {
      if (a.size() != b.size()) return false;
      for (std::size_t k = 0; k < a.size(); ++k) {
        if (ascii_lower(a[k]) != b[k]) return false;
      }
      return true;
    };
    if (equals_ignoring_case(name, "href")) {
      link.href.clear();
      append_html_unescaped(value, link.href);
    } else if (equals_ignoring_case(name, "class")) {
      link.class_name.clear();
      append_html_unescaped(value, link.class_name);
    }
  }
}

// Index just past the "</name ...>" that closes skipped content, or the end of the text.
std::size_t skip_to_closing(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = from; i + 1 < html.size(); ++i) {
    if (html[i] != '<' || html[i + 1] != '/') continue;
    std::size_t k = 0;
    while (k < name.size() && i + 2 + k < html.size() && ascii_lower(html[i + 2 + k]) == name[k]) ++k;
    if (k != name.size()) continue;
    std::size_t end = tag_end(html, i);
    return end == std::string_view::npos ? html.size() : end + 1;
  }
  return html.size();
}

void end_line(std::string& text) {
  if (!text.empty() && text.back() != '\n') text.push_back('\n');
}

}  // namespace

void append_html_unescaped(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      std::size_t used = decode_reference(text, i, out);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
}

void html_to_text(std::string_view html, HtmlText& out) {
  out.clear();
  std::string& text = out.text;
  text.reserve(html.size());
  bool in_link = false;
  std::size_t link_start = 0;
  auto finish_link = [&] {
    if (!in_link) return;
    out.links.back().text.assign(text, link_start, std::string::npos);
    in_link = false;
  };

  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '&') {
      std::size_t used = decode_reference(html, i, text);
      if (used > 0) {
        i += used;
        continue;
      }
      text.push_back(c);
      ++i;
      continue;
    }
    if (c != '<' || i + 1 >= html.size()) {
      text.push_back(c);
      ++i;
      continue;
    }
    char next = html[i + 1];
    if (next == '!') {  // comment or doctype
      std::size_t end = html.substr(i, 4) == "<!--" ? html.find("-->", i + 4) : html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + (html[end] == '-' ? 3 : 1);
      continue;
    }
    bool closing = next == '/';
    std::size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= html.size() || !is_ascii_alpha(html[name_start])) {
      text.push_back(c);  // "a < b": not markup
      ++i;
      continue;
    }
    std::size_t end = tag_end(html, i);
    if (end == std::string_view::npos) {
      // An unterminated tag at the end of a truncated comment: drop it rather than show markup.
      break;
    }
    std::size_t name_end = name_start;
    std::string name;
    while (name_end < end && (is_ascii_alpha(html[name_end]) || is_ascii_digit(html[name_end]))) {
      name.push_back(ascii_lower(html[name_end++]));
    }
    switch (action_of(name, closing)) {
      case TagAction::line_break: text.push_back('\n'); break;
      case TagAction::block: end_line(text); break;
      case TagAction::link_start:
        finish_link();
        out.links.emplace_back();
        read_attributes(html.substr(name_end, end - name_end), out.links.back());
        in_link = true;
        link_start = text.size();
        break;
      case TagAction::link_end: finish_link(); break;
      case TagAction::skip_content:
        i = skip_to_closing(html, end + 1, name);
        continue;
      case TagAction::none: break;
    }
    i = end + 1;
  }
  finish_link();
}

}  // namespace leaktrace
