#include "render/svg_figure.h"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "render/static_map.h"
#include "render/xml_text.h"

namespace leaktrace {
namespace {

constexpr double min_figure_width = 320;
constexpr double max_figure_width = 20000;
constexpr double average_advance_em = 0.58;

bool is_id(std::string_view id) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (id.empty() || !letter(id.front())) return false;
  for (char c : id) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

void check_svg_figure_options(const SvgFigureOptions& options) {
  if (!(options.width >= min_figure_width && options.width <= max_figure_width)) {
    throw std::invalid_argument(fmt::format("a figure's width must be between {} and {} units", min_figure_width, max_figure_width));
  }
  if (!is_id(options.id_prefix)) {
    throw std::invalid_argument(fmt::format(
        "figure id prefix '{}' is not usable: give one that starts with a letter and has only letters, digits, '-' and '_'",
        options.id_prefix));
  }
}

void open_svg_figure(std::string& out, double width, double height, std::string_view title,
                     std::string_view description, const SvgFigureOptions& options) {
  if (options.xml_declaration) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string w = svg_number(width);
  const std::string h = svg_number(height);
  fmt::format_to(std::back_inserter(out),
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lt-figure\" width=\"{0}\" height=\"{1}\" "
                 "viewBox=\"0 0 {0} {1}\" role=\"img\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
                 "font-size=\"12\" fill=\"#1f2328\">\n<title>",
                 w, h);
  append_svg_text(out, title);
  out += "</title>\n<desc>";
  append_svg_text(out, description);
  fmt::format_to(std::back_inserter(out), "</desc>\n<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", w, h);
}

void close_svg_figure(std::string& out) { out += "</svg>\n"; }

void append_svg_text(std::string& out, std::string_view text) {
  append_xml_escaped(out, sanitize_figure_text(text), false);
}

void append_svg_text_element(std::string& out, double x, double y, std::string_view attributes, std::string_view text) {
  fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\"", svg_number(x), svg_number(y));
  if (!attributes.empty()) {
    out.push_back(' ');
    out += attributes;
  }
  out.push_back('>');
  append_svg_text(out, text);
  out += "</text>\n";
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  const double rounded = std::round(value * 10) / 10;
  if (rounded == std::floor(rounded)) return fmt::format("{}", static_cast<long long>(rounded));
  return fmt::format("{:.1f}", rounded);
}

double estimated_text_width(std::string_view text, double font_size) {
  std::size_t code_points = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  }
  return static_cast<double>(code_points) * font_size * average_advance_em;
}

}  // namespace leaktrace
