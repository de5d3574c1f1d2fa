#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "render/map_document.h"

namespace leaktrace {

enum class FigureFormat : unsigned char { png, svg };
enum class FigureUnit : unsigned char { pixels, inches };

struct StaticMapOptions {
  FigureFormat format = FigureFormat::png;
  FigureUnit unit = FigureUnit::pixels;
  double width = 2400;  // in `unit`
  double height = 1800;
  double dpi = 200;     // PNG pixels per inch (written in the file); text and lines are sized in points
  std::string title;    // replaces the document's title when not empty
  std::size_t labels = 25;  // accounts labelled, by PageRank (then size)
  bool curved_edges = true;
  std::size_t max_edges = 300000;  // the heaviest are drawn

  // PNG unless the path ends in ".svg" (any case).
  static FigureFormat format_for_path(std::string_view path);
};

// A rectangle in figure points (1/72 inch), from the top-left corner.
struct FigureBox {
  double x = 0, y = 0, width = 0, height = 0;
  bool overlaps(const FigureBox& other) const {
    return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
  }
};

struct PlacedLabel {
  std::size_t node = 0;  // index into MapDocument::nodes
  std::string text;
  FigureBox box;
};

// What was drawn, for tests and for the caller's messages.
struct StaticMapResult {
  int width_px = 0;  // PNG only
  int height_px = 0;
  double width_pt = 0;
  double height_pt = 0;
  FigureBox map_area;
  FigureBox legend_area;
  std::vector<PlacedLabel> labels;  // no two boxes overlap
  std::size_t legend_rows = 0;      // communities listed (plus "no community" when drawn)
  std::size_t nodes_drawn = 0;
  std::size_t edges_drawn = 0;
  bool sampling_note = false;
};

// Draws the map for publication with cairo: edges (light, weight-scaled, curved or straight), nodes
// coloured by community and sized by MapNode::size, labels of the top accounts placed greedily
// without overlaps, a legend (colour, label, account count), the title, the time range and, when
// the map shows a sample, the sampling note. Every string from the document goes through cairo's
// text API (as glyphs: an SVG carries no text markup from it), after sanitize_figure_text(). Fonts
// are DejaVu Sans (Debian's fonts-dejavu-core), so figures are the same on every machine.
// Throws std::invalid_argument for unusable options and std::runtime_error when the file cannot be written.
StaticMapResult render_static_map(const MapDocument& document, const StaticMapOptions& options, const std::string& path);

// Valid UTF-8 without control characters or bidirectional overrides (which could reorder what a
// reader sees); invalid bytes become U+FFFD. Newlines and tabs become spaces.
std::string sanitize_figure_text(std::string_view text);

}  // namespace leaktrace
