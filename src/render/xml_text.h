#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace leaktrace {

// Appends `text` escaped for XML 1.0, in element content or (when `attribute`) inside a
// double-quoted attribute value: & < > " escaped; in attributes tab, line feed and carriage return
// as character references so that attribute-value normalisation keeps them. Characters XML 1.0
// forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) are dropped; bytes that are not
// well-formed UTF-8 become U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text, bool attribute);

std::string xml_escaped(std::string_view text, bool attribute = true);

// An XML text written through a buffer that goes to the stream by megabytes (and at the end).
class XmlOutput {
 public:
  explicit XmlOutput(std::ostream& out) : out_(out) {}
  ~XmlOutput() { flush(); }
  XmlOutput(const XmlOutput&) = delete;
  XmlOutput& operator=(const XmlOutput&) = delete;

  std::string& buffer() { return buffer_; }
  // Appends ` name="value"`, the value escaped.
  void attribute(std::string_view name, std::string_view value);
  // Appends element content, escaped.
  void text(std::string_view value) { append_xml_escaped(buffer_, value, false); }
  void maybe_flush();
  void flush();

 private:
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace leaktrace
