#include "graph/delimited_text.h"

namespace leaktrace {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

Delimiter detect_delimiter(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return Delimiter::tab;
  if (line.find(',') != std::string_view::npos) return Delimiter::comma;
  return Delimiter::whitespace;
}

bool split_fields(std::string_view line, Delimiter delimiter, std::vector<std::string>& fields, std::string& error) {
  fields.clear();
  if (delimiter == Delimiter::whitespace) {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_blank(line[i])) ++i;
      std::size_t start = i;
      while (i < line.size() && !is_blank(line[i])) ++i;
      if (i > start) fields.emplace_back(line.substr(start, i - start));
    }
    return true;
  }
  const char separator = delimiter == Delimiter::tab ? '\t' : ',';
  std::size_t i = 0;
  while (true) {
    std::string field;
    std::size_t start = i;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field += line[i++];
      }
      if (!closed) {
        error = "a quoted field is not closed on its line";
        return false;
      }
      while (i < line.size() && line[i] == ' ') ++i;
      if (i < line.size() && line[i] != separator) {
        error = "text after the closing quote of a field";
        return false;
      }
    } else {
      i = start;
      while (i < line.size() && line[i] != separator) ++i;
      field = std::string(trim(line.substr(start, i - start)));
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the separator
  }
}

DataLines::DataLines(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
}

bool DataLines::next(std::string_view& line, std::uint64_t& number) {
  while (position_ < text_.size()) {
    std::size_t end = text_.find('\n', position_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view current = text_.substr(position_, end - position_);
    position_ = end + 1;
    ++number_;
    if (!current.empty() && current.back() == '\r') current.remove_suffix(1);
    std::string_view content = trim(current);
    if (content.empty() || content.front() == '#' || content.front() == '%') continue;
    line = current;
    number = number_;
    return true;
  }
  return false;
}

}  // namespace leaktrace
