#include "render/text_table.h"

#include <algorithm>

namespace leaktrace {
namespace {

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool numeric(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ',' || c == '%';
  });
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header) : header_(std::move(header)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(header_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& row, bool is_header) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::size_t pad = widths[c] - display_width(row[c]);
      bool right = !is_header && numeric(row[c]);
      if (right) out.append(pad, ' ');
      out += row[c];
      if (c + 1 < row.size()) {
        if (!right) out.append(pad, ' ');
        out += "  ";
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  emit(header_, true);
  for (const auto& row : rows_) emit(row, false);
  return out;
}

}  // namespace leaktrace
