#pragma once

#include <string>
#include <string_view>

namespace leaktrace {

// What the report's figures (timeline_chart, bridge_flow_chart) share: each is one SVG element,
// inlined in the HTML report or written as a file beside the Markdown. Text from the document is
// written as escaped character data after sanitize_figure_text() (no control characters, no
// bidirectional overrides), colours only after report_colour(); nothing from it reaches markup,
// an attribute name, a URL or a style.

struct SvgFigureOptions {
  double width = 960;            // in user units (CSS pixels at 100%); the height follows the content
  bool xml_declaration = false;  // true for a standalone .svg file
  std::string id_prefix = "lt";  // prefix of the ids inside (markers): unique on the page that inlines
                                 // the figure, [A-Za-z][A-Za-z0-9_-]*
};

// Throws std::invalid_argument, saying how to fix it, when the width or id prefix is unusable.
void check_svg_figure_options(const SvgFigureOptions& options);

// `<svg …>` with its size, viewBox, accessible title and description, fonts and a white background.
void open_svg_figure(std::string& out, double width, double height, std::string_view title,
                     std::string_view description, const SvgFigureOptions& options);
void close_svg_figure(std::string& out);

// Character data for a <text> (or <title>, <desc>) from attacker-controlled text.
void append_svg_text(std::string& out, std::string_view text);

// `<text x y ATTRIBUTES>TEXT</text>`; `attributes` are the caller's own markup, never document text.
void append_svg_text_element(std::string& out, double x, double y, std::string_view attributes, std::string_view text);

// A coordinate with one decimal at most: "12", "12.5".
std::string svg_number(double value);

// About how wide `text` is in the figures' sans-serif font at `font_size` (no font metrics here:
// an average advance, generous so that labels laid out with it do not collide).
double estimated_text_width(std::string_view text, double font_size);

}  // namespace leaktrace
