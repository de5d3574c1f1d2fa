#include "render/static_map.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "render/palette.h"

namespace leaktrace {
namespace {

std::filesystem::path scratch_dir() {
  return std::filesystem::temp_directory_path() / ("leaktrace-static-map-" + std::to_string(::getpid()));
}

std::filesystem::path scratch(const std::string& name) {
  std::filesystem::create_directories(scratch_dir());
  return scratch_dir() / name;
}

// Set LEAKTRACE_KEEP_FIGURES=1 to keep the figures (to look at them).
class RemoveFigures : public ::testing::Environment {
 public:
  void TearDown() override {
    if (std::getenv("LEAKTRACE_KEEP_FIGURES") == nullptr) std::filesystem::remove_all(scratch_dir());
  }
};
const auto* const remove_figures = ::testing::AddGlobalTestEnvironment(new RemoveFigures);

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Four clusters of accounts around hubs, with a few bridges, positioned by hand: a deterministic
// stand-in for a laid-out propagation map.
MapDocument sample_document(std::size_t per_cluster = 60) {
  MapDocument document;
  document.title = "#MacronLeaks";
  document.subject = "#MacronLeaks";
  document.start = 1493999999000;  // 2017-05-05
  document.end = 1494250000000;
  const double centres[4][2] = {{0, 0}, {100, 10}, {40, 90}, {-60, 70}};
  std::uint64_t state = 12345;
  auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  for (int c = 0; c < 4; ++c) {
    document.communities.push_back({"@hub" + std::to_string(c) + " \u00b7 #tag" + std::to_string(c), community_colour(c),
                                    static_cast<std::int64_t>(per_cluster) * 3});
    const auto hub = static_cast<std::uint32_t>(document.nodes.size());
    for (std::size_t k = 0; k < per_cluster; ++k) {
      MapNode node;
      node.id = "twitter:" + std::to_string(document.nodes.size());
      node.label = "account_" + std::to_string(c) + "_" + std::to_string(k);
      node.community = c;
      const double r = k == 0 ? 0 : 25 * std::sqrt(uniform());
      const double a = 6.283185307179586 * uniform();
      node.x = centres[c][0] + r * std::cos(a);
      node.y = centres[c][1] + r * std::sin(a);
      node.pagerank = k == 0 ? 0.05 : 0.001 * uniform();
      node.size = k == 0 ? 10 : 1 + 3 * uniform();
      const auto index = static_cast<std::uint32_t>(document.nodes.size());
      document.nodes.push_back(node);
      if (k > 0) document.edges.push_back({index, hub, static_cast<float>(1 + (k % 5)), MapEdgeType::repost, unknown_time});
    }
  }
  document.edges.push_back({0, static_cast<std::uint32_t>(per_cluster), 20, MapEdgeType::quote, unknown_time});
  document.edges.push_back({static_cast<std::uint32_t>(2 * per_cluster), 0, 8, MapEdgeType::citation, unknown_time});
  MapNode loner;
  loner.id = "fourchan:pol:1";
  loner.label = "Anonymous";
  loner.x = 120;
  loner.y = 100;
  document.nodes.push_back(loner);
  return document;
}

// The resolution in a PNG's pHYs chunk, in dots per inch (0 when absent), read straight from the bytes.
double png_dpi(const std::string& png) {
  const std::size_t at = png.find("pHYs");
  if (at == std::string::npos || at + 13 > png.size()) return 0;
  auto be32 = [&](std::size_t p) {
    return (std::uint32_t{static_cast<unsigned char>(png[p])} << 24) | (std::uint32_t{static_cast<unsigned char>(png[p + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(png[p + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(png[p + 3])};
  };
  if (png[at + 12] != 1) return 0;  // not per metre
  return be32(at + 4) * 0.0254;
}

// A small well-formedness check: every tag closes in order, attributes are quoted, no stray '<'.
bool well_formed_xml(const std::string& xml, std::string& why) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string::npos) {
    if (xml.compare(i, 4, "<!--") == 0) {
      const std::size_t end = xml.find("-->", i);
      if (end == std::string::npos) return why = "unclosed comment", false;
      i = end + 3;
      continue;
    }
    if (xml.compare(i, 2, "<?") == 0) {
      const std::size_t end = xml.find("?>", i);
      if (end == std::string::npos) return why = "unclosed declaration", false;
      i = end + 2;
      continue;
    }
    std::size_t end = i + 1;
    char quote = 0;
    for (; end < xml.size(); ++end) {
      const char c = xml[end];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '<') return why = "'<' inside an attribute", false;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (c == '<') {
        return why = "'<' inside a tag at " + std::to_string(end), false;
      }
    }
    if (end >= xml.size()) return why = "unclosed tag", false;
    const std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.empty()) return why = "empty tag", false;
    if (tag[0] == '/') {
      const std::string name = tag.substr(1, tag.find_first_of(" \t\n") - 1);
      if (open.empty() || open.back() != name) return why = "</" + name + "> closes " + (open.empty() ? "nothing" : open.back()), false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \t\n/")));
    }
    i = end + 1;
  }
  if (!open.empty()) return why = "<" + open.back() + "> never closed", false;
  return true;
}

TEST(StaticMap, PngHasTheRequestedPixelsAndResolution) {
  const MapDocument document = sample_document();
  StaticMapOptions options;
  options.width = 1200;
  options.height = 900;
  options.dpi = 150;
  const auto path = scratch("pixels.png");
  const StaticMapResult result = render_static_map(document, options, path.string());
  EXPECT_EQ(result.width_px, 1200);
  EXPECT_EQ(result.height_px, 900);

  cairo_surface_t* image = cairo_image_surface_create_from_png(path.c_str());
  ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(image), 1200);
  EXPECT_EQ(cairo_image_surface_get_height(image), 900);
  cairo_surface_destroy(image);
  EXPECT_NEAR(png_dpi(read_file(path)), 150, 0.0254);  // PNG stores whole pixels per metre

  // In inches: 4 x 3 in at 300 dpi is 1200 x 900 pixels too, with text twice as fine.
  options.unit = FigureUnit::inches;
  options.width = 4;
  options.height = 3;
  options.dpi = 300;
  const auto inches = scratch("inches.png");
  render_static_map(document, options, inches.string());
  image = cairo_image_surface_create_from_png(inches.c_str());
  ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(image), 1200);
  EXPECT_EQ(cairo_image_surface_get_height(image), 900);
  cairo_surface_destroy(image);
  EXPECT_NEAR(png_dpi(read_file(inches)), 300, 0.0254);
}

TEST(StaticMap, SvgIsWellFormedAndSizedInPoints) {
  StaticMapOptions options;
  options.format = FigureFormat::svg;
  options.unit = FigureUnit::inches;
  options.width = 7;
  options.height = 5;
  const auto path = scratch("map.svg");
  const StaticMapResult result = render_static_map(sample_document(), options, path.string());
  EXPECT_DOUBLE_EQ(result.width_pt, 504);
  const std::string svg = read_file(path);
  std::string why;
  EXPECT_TRUE(well_formed_xml(svg, why)) << why;
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"504pt\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"360pt\""), std::string::npos);
  EXPECT_EQ(StaticMapOptions::format_for_path("figure.SVG"), FigureFormat::svg);
  EXPECT_EQ(StaticMapOptions::format_for_path("figure.png"), FigureFormat::png);
}

TEST(StaticMap, LabelsNeverOverlapAndStayInTheMap) {
  const MapDocument document = sample_document(150);
  for (std::size_t wanted : {10u, 40u, 200u}) {
    StaticMapOptions options;
    options.width = 1000;
    options.height = 700;
    options.dpi = 100;
    options.labels = wanted;
    const StaticMapResult result = render_static_map(document, options, scratch("labels.png").string());
    ASSERT_FALSE(result.labels.empty());
    EXPECT_LE(result.labels.size(), wanted);
    for (std::size_t a = 0; a < result.labels.size(); ++a) {
      const FigureBox& box = result.labels[a].box;
      const FigureBox& area = result.map_area;
      EXPECT_GE(box.x, area.x);
      EXPECT_GE(box.y, area.y);
      EXPECT_LE(box.x + box.width, area.x + area.width + 1e-9);
      EXPECT_LE(box.y + box.height, area.y + area.height + 1e-9);
      EXPECT_FALSE(box.overlaps(result.legend_area));
      for (std::size_t b = a + 1; b < result.labels.size(); ++b) {
        EXPECT_FALSE(box.overlaps(result.labels[b].box))
            << "'" << result.labels[a].text << "' and '" << result.labels[b].text << "' overlap";
      }
    }
  }
}

TEST(StaticMap, TheTopAccountsAreLabelledFirst) {
  const MapDocument document = sample_document();
  StaticMapOptions options;
  options.labels = 4;
  const StaticMapResult result = render_static_map(document, options, scratch("top.png").string());
  ASSERT_EQ(result.labels.size(), 4u);
  for (const PlacedLabel& label : result.labels) {
    EXPECT_DOUBLE_EQ(document.nodes[label.node].pagerank, 0.05) << label.text;  // the four hubs
    EXPECT_EQ(label.text.substr(0, 1), "@");  // Twitter handles get their '@'
  }
}

TEST(StaticMap, LegendListsEveryCommunityInItsColour) {
  const MapDocument document = sample_document();
  StaticMapOptions options;
  options.width = 1200;
  options.height = 900;
  options.dpi = 144;  // 2 pixels a point
  const auto path = scratch("legend.png");
  const StaticMapResult result = render_static_map(document, options, path.string());
  EXPECT_EQ(result.legend_rows, 5u);  // four communities and "no community" (the 4chan account)

  // Each row's swatch (centre at legend.x + 5, row top + 5; rows from legend.y + 22, 25 points apart)
  // is drawn in its community's colour: communities are listed by size, all equal here, so in order.
  cairo_surface_t* image = cairo_image_surface_create_from_png(path.c_str());
  ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  for (int row = 0; row < 4; ++row) {
    const int px = static_cast<int>(std::lround((result.legend_area.x + 5) * 2));
    const int py = static_cast<int>(std::lround((result.legend_area.y + 22 + 25 * row + 5) * 2));
    const auto* pixel = reinterpret_cast<const std::uint32_t*>(data + py * stride) + px;
    const Rgb expected = community_rgb(static_cast<std::size_t>(row));
    EXPECT_NEAR(((*pixel >> 16) & 0xFF) / 255.0, expected.r, 0.02) << "row " << row;
    EXPECT_NEAR(((*pixel >> 8) & 0xFF) / 255.0, expected.g, 0.02) << "row " << row;
    EXPECT_NEAR((*pixel & 0xFF) / 255.0, expected.b, 0.02) << "row " << row;
  }
  cairo_surface_destroy(image);
}

TEST(StaticMap, SamplingNoteOnlyWhenTheMapShowsASample) {
  MapDocument document = sample_document();
  const StaticMapResult whole = render_static_map(document, {}, scratch("whole.png").string());
  EXPECT_FALSE(whole.sampling_note);
  document.sampling = {250000, 12000, 1600000, 40000, "backbone of the 9,000 accounts with 2 or more neighbours, plus 1% of the rest"};
  const StaticMapResult sampled = render_static_map(document, {}, scratch("sampled.png").string());
  EXPECT_TRUE(sampled.sampling_note);
  EXPECT_LT(sampled.map_area.height, whole.map_area.height);  // the note takes room at the bottom
}

TEST(StaticMap, AttackerControlledTextNeverBecomesMarkup) {
  const std::vector<std::string> payloads = {
      "<script>alert(1)</script>",
      "\"><svg onload=alert(2)>",
      "</svg><script src=//evil.example/x.js></script>",
      "&lt;script&gt;alert(3)&lt;/script&gt;",
      "<![CDATA[<script>alert(4)</script>]]>",
      "javascript:alert(5)",
      "<img src=x onerror=alert(6)>",
  };
  MapDocument document = sample_document();
  document.title = payloads[2];
  document.subject = payloads[1];
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const std::size_t node = i < 4 ? i * 60 : 10 + i;  // the four hubs, which get labels, and others
    document.nodes[node].label = payloads[i];
    document.nodes[node + 1].name = payloads[i];
  }
  for (std::size_t c = 0; c < document.communities.size(); ++c) document.communities[c].label = payloads[c + 3];
  document.sampling = {1000, 241, 2000, 240, payloads[6]};
  StaticMapOptions options;
  options.format = FigureFormat::svg;
  options.labels = 100;
  const auto path = scratch("xss.svg");
  const StaticMapResult result = render_static_map(document, options, path.string());
  EXPECT_FALSE(result.labels.empty());
  const std::string svg = read_file(path);
  std::string why;
  EXPECT_TRUE(well_formed_xml(svg, why)) << why;
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("onload"), std::string::npos);
  EXPECT_EQ(svg.find("onerror"), std::string::npos);
  EXPECT_EQ(svg.find("alert("), std::string::npos);
  EXPECT_EQ(svg.find("javascript:"), std::string::npos);
  EXPECT_EQ(svg.find("evil.example"), std::string::npos);
  EXPECT_EQ(svg.find("CDATA"), std::string::npos);
  for (const std::string& payload : payloads) EXPECT_EQ(svg.find(payload), std::string::npos) << payload;
  // Cairo draws text as glyph outlines: no <text> element carries the strings.
  EXPECT_EQ(svg.find("<text"), std::string::npos);
  // Custom: options' title too.
  options.title = payloads[0];
  render_static_map(document, options, path.string());
  EXPECT_EQ(read_file(path).find("<script"), std::string::npos);
}

TEST(StaticMap, InvalidUtf8AndControlsDoNotStopTheDrawing) {
  EXPECT_EQ(sanitize_figure_text("a\xff" "b"), "a\xef\xbf\xbd" "b");
  EXPECT_EQ(sanitize_figure_text("line\nbreak\ttab\x01"), "line break tab");
  EXPECT_EQ(sanitize_figure_text("evil\u202egnp.exe"), "evilgnp.exe");  // no right-to-left override
  EXPECT_EQ(sanitize_figure_text("caf\u00e9 \U0001F600"), "caf\u00e9 \U0001F600");
  EXPECT_EQ(sanitize_figure_text("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");  // overlong '/'
  EXPECT_EQ(sanitize_figure_text("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate

  MapDocument document = sample_document();
  document.nodes[0].label = "bad\xff\xfe utf-8 \xe2\x82";
  document.title = std::string("nul\0inside", 10);
  const StaticMapResult result = render_static_map(document, {}, scratch("utf8.png").string());
  EXPECT_GT(result.nodes_drawn, 0u);
}

TEST(StaticMap, RefusesBadOptionsAndUnwritablePaths) {
  const MapDocument document = sample_document();
  StaticMapOptions options;
  options.dpi = 0;
  EXPECT_THROW(render_static_map(document, options, scratch("x.png").string()), std::invalid_argument);
  options = {};
  options.width = 100000;
  EXPECT_THROW(render_static_map(document, options, scratch("x.png").string()), std::invalid_argument);
  options = {};
  options.width = 100;  // under 3 inches at 200 dpi
  EXPECT_THROW(render_static_map(document, options, scratch("x.png").string()), std::invalid_argument);
  try {
    render_static_map(document, {}, "/nonexistent-folder/x.png");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent-folder/x.png"), std::string::npos);
  }
}

TEST(StaticMap, EmptyAndDegenerateDocuments) {
  MapDocument empty;
  const StaticMapResult nothing = render_static_map(empty, {}, scratch("empty.png").string());
  EXPECT_EQ(nothing.nodes_drawn, 0u);
  MapDocument one;
  one.nodes.push_back(MapNode{.id = "twitter:1", .label = "solo"});
  one.nodes[0].x = NAN;  // not laid out: skipped, not drawn at NaN
  one.nodes.push_back(MapNode{.id = "twitter:2", .label = "two"});
  one.edges.push_back({0, 1, 1});
  one.edges.push_back({1, 7, 1});  // out of range: skipped
  const StaticMapResult result = render_static_map(one, {}, scratch("one.png").string());
  EXPECT_EQ(result.nodes_drawn, 1u);
  EXPECT_EQ(result.edges_drawn, 0u);
}

}  // namespace
}  // namespace leaktrace
