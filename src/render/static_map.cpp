#include "render/static_map.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "render/palette.h"

namespace leaktrace {
namespace {

constexpr const char* font_family = "DejaVu Sans";
constexpr double points_per_inch = 72;
constexpr double margin = 18;
constexpr double max_figure_pixels = 20000;
constexpr double label_gap = 1.5;  // between a node and its label, and between labels

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Context = std::unique_ptr<cairo_t, CairoDeleter>;
using Surface = std::unique_ptr<cairo_surface_t, CairoDeleter>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// ---- text ----

void set_font(cairo_t* cr, double size, bool bold = false) {
  cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double text_width(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

// Drops whole code points from the end until the text (with "…") fits.
std::string ellipsize(cairo_t* cr, std::string text, double width) {
  if (text_width(cr, text) <= width) return text;
  while (!text.empty()) {
    do {
      text.pop_back();
    } while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80);
    if (!text.empty()) text.pop_back();  // the lead byte (or an ASCII character)
    if (text_width(cr, text + "\u2026") <= width) return text + "\u2026";
  }
  return "\u2026";
}

std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && text_width(cr, candidate) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  for (std::string& l : lines) l = ellipsize(cr, l, width);
  return lines;
}

void show_text(cairo_t* cr, double x, double baseline, const std::string& text) {
  cairo_move_to(cr, x, baseline);
  cairo_show_text(cr, text.c_str());
}

// ---- colours ----

Rgb community_colour_of(const MapDocument& document, int community) {
  if (community < 0 || static_cast<std::size_t>(community) >= document.communities.size()) {
    return *parse_hex_colour(no_community_colour);
  }
  if (auto parsed = parse_hex_colour(document.communities[community].colour)) return *parsed;
  return community_rgb(static_cast<std::size_t>(community));
}

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

// ---- PNG resolution ----

std::uint32_t crc32(const unsigned char* data, std::size_t length) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < length; ++i) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

// Cairo writes no resolution: add a pHYs chunk (pixels per metre) right after IHDR.
std::string with_resolution(const std::string& png, double dpi) {
  constexpr std::size_t after_ihdr = 8 + 4 + 4 + 13 + 4;
  if (png.size() < after_ihdr || png.compare(12, 4, "IHDR") != 0) return png;
  const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::string chunk;
  put_be32(chunk, 9);
  chunk += "pHYs";
  put_be32(chunk, per_metre);
  put_be32(chunk, per_metre);
  chunk.push_back(1);  // unit: metre
  put_be32(chunk, crc32(reinterpret_cast<const unsigned char*>(chunk.data()) + 4, chunk.size() - 4));
  return png.substr(0, after_ihdr) + chunk + png.substr(after_ihdr);
}

std::string time_range(const MapDocument& document) {
  auto day = [](TimeMs t) {
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime c = civil_time(t);
    return fmt::format("{} {} {} {:02}:{:02}", c.day, months[(c.month - 1) % 12], c.year, c.hour, c.minute);
  };
  if (document.start == unknown_time && document.end == unknown_time) return {};
  if (document.end == unknown_time) return "from " + day(document.start) + " UTC";
  if (document.start == unknown_time) return "until " + day(document.end) + " UTC";
  return day(document.start) + " \u2013 " + day(document.end) + " UTC";
}

std::string count_text(std::int64_t count) {
  std::string digits = std::to_string(count);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

bool handle_platform(std::string_view id) {
  for (std::string_view prefix : {"twitter:", "bluesky:", "bsky:", "mastodon:", "telegram:"}) {
    if (id.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

void validate(const StaticMapOptions& o) {
  auto fail = [](const std::string& message) { throw std::invalid_argument("static map: " + message); };
  if (!(o.dpi >= 36 && o.dpi <= 2400)) fail("dpi must be between 36 and 2400");
  if (!(o.width > 0 && o.height > 0) || !std::isfinite(o.width) || !std::isfinite(o.height)) {
    fail("width and height must be positive");
  }
  const double scale = o.unit == FigureUnit::inches ? o.dpi : 1.0;
  if (o.width * scale > max_figure_pixels || o.height * scale > max_figure_pixels) {
    fail(fmt::format("at most {:.0f} pixels a side; lower the size or the dpi", max_figure_pixels));
  }
  const double width_pt = o.unit == FigureUnit::inches ? o.width * points_per_inch : o.width * points_per_inch / o.dpi;
  const double height_pt = o.unit == FigureUnit::inches ? o.height * points_per_inch : o.height * points_per_inch / o.dpi;
  if (width_pt < 216 || height_pt < 144) fail("the figure must be at least 3 x 2 inches (216 x 144 points) to hold a legend");
}

}  // namespace

FigureFormat StaticMapOptions::format_for_path(std::string_view path) {
  if (path.size() >= 4) {
    std::string tail(path.substr(path.size() - 4));
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (tail == ".svg") return FigureFormat::svg;
  }
  return FigureFormat::png;
}

std::string sanitize_figure_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Valid sequences are copied as they are; only what is dropped or replaced needs a code point.
  auto keep = [](std::uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;                            // controls
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return false;  // bidi embeddings, isolates
    return cp != 0x200E && cp != 0x200F && cp != 0x061C;                                  // direction marks
  };
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    std::uint32_t cp = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    bool valid = length > 0 && i + length <= n;
    for (std::size_t k = 1; valid && k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (valid && (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) valid = false;
    if (!valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      out.push_back(' ');
    } else if (keep(cp)) {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

StaticMapResult render_static_map(const MapDocument& document, const StaticMapOptions& options, const std::string& path) {
  validate(options);
  StaticMapResult result;
  const double to_points = options.unit == FigureUnit::inches ? points_per_inch : points_per_inch / options.dpi;
  const double W = options.width * to_points;
  const double H = options.height * to_points;
  result.width_pt = W;
  result.height_pt = H;

  std::string svg_bytes;
  Surface surface;
  if (options.format == FigureFormat::png) {
    result.width_px = static_cast<int>(std::lround(W * options.dpi / points_per_inch));
    result.height_px = static_cast<int>(std::lround(H * options.dpi / points_per_inch));
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, result.width_px, result.height_px));
  } else {
    surface.reset(cairo_svg_surface_create_for_stream(append_to_string, &svg_bytes, W, H));
  }
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("static map: cannot create the figure: ") +
                             cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  Context context(cairo_create(surface.get()));
  cairo_t* cr = context.get();
  if (options.format == FigureFormat::png) cairo_scale(cr, options.dpi / points_per_inch, options.dpi / points_per_inch);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // ---- title and subtitle ----
  const std::string title = sanitize_figure_text(
      !options.title.empty() ? options.title
      : !document.title.empty() ? document.title
      : document.subject.empty() ? std::string("Propagation map") : "Propagation of " + document.subject);
  std::string subtitle;
  if (!document.subject.empty() && options.title.empty() && !document.title.empty()) subtitle = document.subject;
  if (const std::string range = time_range(document); !range.empty()) {
    subtitle += (subtitle.empty() ? "" : " \u00b7 ") + range;
  }
  const std::int64_t total_accounts =
      document.sampling.accounts_total > 0 ? document.sampling.accounts_total : static_cast<std::int64_t>(document.nodes.size());
  const std::int64_t total_edges =
      document.sampling.edges_total > 0 ? document.sampling.edges_total : static_cast<std::int64_t>(document.edges.size());
  subtitle += (subtitle.empty() ? "" : " \u00b7 ") +
              fmt::format("{} accounts, {} edges", count_text(total_accounts), count_text(total_edges));
  subtitle = sanitize_figure_text(subtitle);

  cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
  set_font(cr, 16, true);
  show_text(cr, margin, margin + 14, ellipsize(cr, title, W - 2 * margin));
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.38);
  set_font(cr, 9.5);
  show_text(cr, margin, margin + 30, ellipsize(cr, subtitle, W - 2 * margin));
  const double top = margin + 42;

  // ---- sampling note, across the bottom ----
  const MapSampling& sampling = document.sampling;
  std::vector<std::string> note_lines;
  set_font(cr, 8.5);
  if (sampling.accounts_total > sampling.accounts_shown && sampling.accounts_shown > 0) {
    std::string note = fmt::format("Shows {} of {} accounts", count_text(sampling.accounts_shown), count_text(sampling.accounts_total));
    if (sampling.edges_total > 0) {
      note += fmt::format(" and {} of {} edges", count_text(sampling.edges_shown), count_text(sampling.edges_total));
    }
    if (!sampling.how.empty()) note += ": " + sampling.how;
    note_lines = wrap(cr, sanitize_figure_text(note + "."), W - 2 * margin);
    if (note_lines.size() > 3) note_lines.resize(3);
    result.sampling_note = true;
  }
  const double note_height = note_lines.empty() ? 0 : 11.0 * static_cast<double>(note_lines.size()) + 6;
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.33);
  for (std::size_t i = 0; i < note_lines.size(); ++i) {
    show_text(cr, margin, H - margin - note_height + 6 + 8.5 + 11.0 * static_cast<double>(i), note_lines[i]);
  }

  // ---- regions ----
  const double legend_width = std::clamp(W * 0.24, 130.0, 260.0);
  result.legend_area = {W - margin - legend_width, top, legend_width, H - margin - note_height - top};
  result.map_area = {margin, top, W - 3 * margin - legend_width, H - margin - note_height - top};
  const FigureBox& area = result.map_area;

  // ---- positions into the map area ----
  const std::size_t n = document.nodes.size();
  double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x, min_y = min_x, max_y = -min_x;
  double max_size = 0, min_size = std::numeric_limits<double>::infinity();
  for (const MapNode& node : document.nodes) {
    if (!std::isfinite(node.x) || !std::isfinite(node.y)) continue;
    min_x = std::min(min_x, node.x);
    max_x = std::max(max_x, node.x);
    min_y = std::min(min_y, node.y);
    max_y = std::max(max_y, node.y);
    const double size = std::isfinite(node.size) ? std::max(0.0, node.size) : 0.0;
    max_size = std::max(max_size, size);
    min_size = std::min(min_size, size);
  }
  const double r_max = std::clamp(0.012 * std::min(area.width, area.height), 5.0, 14.0);
  const double r_min = 1.1;
  auto radius = [&](const MapNode& node) {
    const double size = std::isfinite(node.size) ? std::max(0.0, node.size) : 0.0;
    if (!(max_size > min_size)) return 2.5;
    return r_min + (r_max - r_min) * (size - min_size) / (max_size - min_size);
  };
  const double pad = r_max + 2;
  const double span_x = std::max(max_x - min_x, 1e-9), span_y = std::max(max_y - min_y, 1e-9);
  const double scale = std::min((area.width - 2 * pad) / span_x, (area.height - 2 * pad) / span_y);
  const double offset_x = area.x + area.width / 2 - scale * (min_x + max_x) / 2;
  const double offset_y = area.y + area.height / 2 + scale * (min_y + max_y) / 2;  // y up, as in Gephi
  std::vector<double> px(n), py(n), pr(n);
  std::vector<std::uint8_t> drawable(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const MapNode& node = document.nodes[i];
    if (!std::isfinite(node.x) || !std::isfinite(node.y)) continue;
    drawable[i] = 1;
    px[i] = n == 1 ? area.x + area.width / 2 : offset_x + scale * node.x;
    py[i] = n == 1 ? area.y + area.height / 2 : offset_y - scale * node.y;
    pr[i] = radius(node);
  }

  // ---- edges, light, heaviest on top ----
  std::vector<std::size_t> edge_order;
  edge_order.reserve(document.edges.size());
  float max_weight = 0;
  for (std::size_t e = 0; e < document.edges.size(); ++e) {
    const MapEdge& edge = document.edges[e];
    if (edge.source >= n || edge.target >= n || edge.source == edge.target) continue;
    if (!drawable[edge.source] || !drawable[edge.target]) continue;
    edge_order.push_back(e);
    max_weight = std::max(max_weight, std::isfinite(edge.weight) ? edge.weight : 0.0f);
  }
  auto weight_of = [&](std::size_t e) {
    const float w = document.edges[e].weight;
    return std::isfinite(w) ? std::max(0.0f, w) : 0.0f;
  };
  std::stable_sort(edge_order.begin(), edge_order.end(), [&](std::size_t a, std::size_t b) { return weight_of(a) > weight_of(b); });
  if (edge_order.size() > options.max_edges) edge_order.resize(options.max_edges);
  std::reverse(edge_order.begin(), edge_order.end());
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  const double log_max = std::log1p(std::max(1.0f, max_weight));
  for (std::size_t e : edge_order) {
    const MapEdge& edge = document.edges[e];
    const double x0 = px[edge.source], y0 = py[edge.source], x1 = px[edge.target], y1 = py[edge.target];
    const double strength = std::log1p(weight_of(e)) / log_max;
    cairo_set_line_width(cr, 0.25 + 1.1 * strength);
    set_colour(cr, community_colour_of(document, document.nodes[edge.source].community), 0.18 + 0.25 * strength);
    cairo_move_to(cr, x0, y0);
    if (options.curved_edges) {
      // A quadratic curve bending clockwise by 12% of the length, as a cubic.
      const double cx = (x0 + x1) / 2 + 0.12 * (y1 - y0), cy = (y0 + y1) / 2 - 0.12 * (x1 - x0);
      cairo_curve_to(cr, x0 + 2.0 / 3 * (cx - x0), y0 + 2.0 / 3 * (cy - y0), x1 + 2.0 / 3 * (cx - x1),
                     y1 + 2.0 / 3 * (cy - y1), x1, y1);
    } else {
      cairo_line_to(cr, x1, y1);
    }
    cairo_stroke(cr);
  }
  result.edges_drawn = edge_order.size();

  // ---- nodes, largest on top ----
  std::vector<std::size_t> node_order;
  for (std::size_t i = 0; i < n; ++i) {
    if (drawable[i]) node_order.push_back(i);
  }
  std::stable_sort(node_order.begin(), node_order.end(), [&](std::size_t a, std::size_t b) { return pr[a] < pr[b]; });
  cairo_set_line_width(cr, 0.4);
  for (std::size_t i : node_order) {
    cairo_new_path(cr);
    cairo_arc(cr, px[i], py[i], pr[i], 0, 2 * M_PI);
    set_colour(cr, community_colour_of(document, document.nodes[i].community));
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_stroke(cr);
  }
  result.nodes_drawn = node_order.size();

  // ---- labels of the top accounts, greedily without overlaps ----
  std::vector<std::size_t> ranked;
  for (std::size_t i : node_order) {
    if (!document.nodes[i].label.empty()) ranked.push_back(i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
    const MapNode& na = document.nodes[a];
    const MapNode& nb = document.nodes[b];
    if (na.pagerank != nb.pagerank) return na.pagerank > nb.pagerank;
    return na.size > nb.size;
  });
  if (ranked.size() > options.labels) ranked.resize(options.labels);
  std::vector<FigureBox> obstacles;  // the labelled nodes' discs: no label covers them
  for (std::size_t i : ranked) obstacles.push_back({px[i] - pr[i], py[i] - pr[i], 2 * pr[i], 2 * pr[i]});
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const std::size_t i = ranked[rank];
    const MapNode& node = document.nodes[i];
    std::string text = sanitize_figure_text(node.label);
    if (handle_platform(node.id) && !text.empty() && text[0] != '@') text = "@" + text;
    const double font_size = 7.5 + 3.5 * (1.0 - static_cast<double>(rank) / static_cast<double>(std::max<std::size_t>(1, ranked.size())));
    set_font(cr, font_size, rank < 5);
    text = ellipsize(cr, text, std::min(160.0, area.width / 3));
    cairo_font_extents_t font;
    cairo_font_extents(cr, &font);
    const double w = text_width(cr, text), h = font.ascent + font.descent;
    const double r = pr[i] + label_gap;
    const std::array<std::pair<double, double>, 8> candidates = {{
        {px[i] + r, py[i] - h / 2},                 // right
        {px[i] - r - w, py[i] - h / 2},             // left
        {px[i] - w / 2, py[i] - r - h},             // above
        {px[i] - w / 2, py[i] + r},                 // below
        {px[i] + r * 0.7, py[i] - r * 0.7 - h},     // above right
        {px[i] - r * 0.7 - w, py[i] - r * 0.7 - h}, // above left
        {px[i] + r * 0.7, py[i] + r * 0.7},         // below right
        {px[i] - r * 0.7 - w, py[i] + r * 0.7},     // below left
    }};
    for (const auto& [x, y] : candidates) {
      const FigureBox box{x, y, w, h};
      if (box.x < area.x || box.y < area.y || box.x + box.width > area.x + area.width || box.y + box.height > area.y + area.height) {
        continue;
      }
      const FigureBox spaced{x - label_gap / 2, y - label_gap / 2, w + label_gap, h + label_gap};
      bool clear = true;
      for (const PlacedLabel& placed : result.labels) clear = clear && !spaced.overlaps(placed.box);
      for (std::size_t k = 0; k < obstacles.size() && clear; ++k) {
        if (k != rank) clear = !box.overlaps(obstacles[k]);
      }
      if (!clear) continue;
      // A white halo keeps the label readable over edges.
      cairo_new_path(cr);
      cairo_move_to(cr, x, y + font.ascent);
      cairo_text_path(cr, text.c_str());
      cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
      cairo_set_line_width(cr, 2.2);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve(cr);
      cairo_set_source_rgb(cr, 0.08, 0.08, 0.1);
      cairo_fill(cr);
      result.labels.push_back({i, text, box});
      break;
    }
  }

  // ---- legend ----
  const FigureBox& legend = result.legend_area;
  std::vector<std::int64_t> drawn_per_community(document.communities.size(), 0);
  std::int64_t without_community = 0;
  for (std::size_t i : node_order) {
    const int c = document.nodes[i].community;
    if (c >= 0 && static_cast<std::size_t>(c) < document.communities.size()) {
      ++drawn_per_community[c];
    } else {
      ++without_community;
    }
  }
  std::vector<std::size_t> listed;
  for (std::size_t c = 0; c < document.communities.size(); ++c) {
    if (document.communities[c].accounts > 0 || drawn_per_community[c] > 0) listed.push_back(c);
  }
  std::stable_sort(listed.begin(), listed.end(), [&](std::size_t a, std::size_t b) {
    return std::max(document.communities[a].accounts, drawn_per_community[a]) >
           std::max(document.communities[b].accounts, drawn_per_community[b]);
  });
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
  set_font(cr, 10.5, true);
  show_text(cr, legend.x, legend.y + 10, "Communities");
  constexpr double row_height = 25;
  double y = legend.y + 22;
  const double bottom = legend.y + legend.height;
  const std::size_t rows_fit = static_cast<std::size_t>(std::max(0.0, (bottom - y) / row_height));
  const bool extra_row = without_community > 0;
  std::size_t shown = listed.size();
  if (shown + (extra_row ? 1 : 0) > rows_fit) shown = rows_fit > (extra_row ? 2 : 1) ? rows_fit - (extra_row ? 2 : 1) : 0;
  auto row = [&](const Rgb& colour, const std::string& label, const std::string& detail) {
    cairo_new_path(cr);
    cairo_arc(cr, legend.x + 5, y + 5, 4.5, 0, 2 * M_PI);
    set_colour(cr, colour);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.12, 0.12, 0.14);
    set_font(cr, 8.5);
    show_text(cr, legend.x + 14, y + 8.5, ellipsize(cr, label, legend.width - 14));
    cairo_set_source_rgb(cr, 0.42, 0.42, 0.45);
    set_font(cr, 7.5);
    show_text(cr, legend.x + 14, y + 18.5, ellipsize(cr, detail, legend.width - 14));
    y += row_height;
    ++result.legend_rows;
  };
  for (std::size_t k = 0; k < shown; ++k) {
    const std::size_t c = listed[k];
    const MapCommunity& community = document.communities[c];
    std::string label = sanitize_figure_text(community.label);
    if (label.empty()) label = fmt::format("Community {}", c + 1);
    const std::int64_t accounts = community.accounts > 0 ? community.accounts : drawn_per_community[c];
    std::string detail = count_text(accounts) + (accounts == 1 ? " account" : " accounts");
    if (drawn_per_community[c] < accounts) detail += fmt::format(" ({} shown)", count_text(drawn_per_community[c]));
    row(community_colour_of(document, static_cast<int>(c)), label, detail);
  }
  if (shown < listed.size()) {
    cairo_set_source_rgb(cr, 0.42, 0.42, 0.45);
    set_font(cr, 8);
    show_text(cr, legend.x + 14, y + 8.5, fmt::format("+ {} more communities", listed.size() - shown));
    y += row_height;
  }
  if (extra_row) {
    row(*parse_hex_colour(no_community_colour), "No community",
        count_text(without_community) + (without_community == 1 ? " account shown" : " accounts shown"));
  }
  if (!result.labels.empty()) {
    cairo_set_source_rgb(cr, 0.42, 0.42, 0.45);
    set_font(cr, 7.5);
    const std::vector<std::string> lines = wrap(cr, "Size: PageRank. Labels: top accounts.", legend.width);
    for (std::size_t k = 0; k < lines.size() && y + 10 + 9.0 * static_cast<double>(k) < bottom; ++k) {
      show_text(cr, legend.x, y + 10 + 9.0 * static_cast<double>(k), lines[k]);
    }
  }

  // ---- write ----
  context.reset();
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("static map: drawing failed: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  std::string bytes;
  if (options.format == FigureFormat::png) {
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), append_to_string, &png) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error("static map: cannot encode the PNG");
    }
    bytes = with_resolution(png, options.dpi);
  } else {
    cairo_surface_finish(surface.get());
    bytes = std::move(svg_bytes);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("static map: cannot write " + path + ": check that its folder exists and is writable");
  return result;
}

}  // namespace leaktrace
