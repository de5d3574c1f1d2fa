// Writes the synthetic maps the browser tests open (tests/browser/*.test.mjs):
//   demo.html      planted communities in clusters, times, posts (about 800 accounts)
//   xss.html       handles, names, texts, hashtags, URLs, labels and the title made of XSS payloads
//   fragment.html  two maps embedded with html_map_fragment() in a host page, as the report does
//   large.html     100,000 accounts and 500,000 edges, with a sampling note
// usage: write_test_map OUTDIR [--no-large]  |  write_test_map OUTDIR --shape ACCOUNTS EDGES FILE.html
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "render/html_escape.h"
#include "render/html_map.h"
#include "synthetic_maps.h"

namespace leaktrace {
namespace {

// A host page like the report: its own policy (the map's), some text, two maps by fragment.
std::string fragment_host_page(const MapDocument& first, const MapDocument& second) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + html_map_content_security_policy() + "\">\n";
  page += "<title>Report with embedded maps</title>\n</head>\n<body>\n<h1>Report</h1>\n<p>";
  append_escaped_html(page, "Two maps, embedded as the report embeds them: <both> below.");
  page += "</p>\n";
  HtmlMapOptions options;
  options.element_id = "report-map-a";
  options.height_px = 480;
  page += html_map_fragment(first, options);
  page += "<p>Between the maps.</p>\n";
  options.element_id = "report-map-b";
  options.height_px = 360;
  page += html_map_fragment(second, options);
  page += html_map_viewer_script_element();
  page += "</body>\n</html>\n";
  return page;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!file) throw std::runtime_error("cannot write " + path.string());
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: write_test_map OUTDIR [--no-large]\n", stderr);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  if (argc == 6 && std::string(argv[2]) == "--shape") {  // OUTDIR --shape ACCOUNTS EDGES FILE: one map
    Shape shape;
    shape.accounts = std::stoi(argv[3]);
    shape.edges = std::stoi(argv[4]);
    shape.communities = 12;
    shape.accounts_with_posts = 100;
    shape.seed = 5;
    std::filesystem::create_directories(out);
    write_html_map_page(planted_map(shape, fmt::format("{} accounts, {} edges", shape.accounts, shape.edges)), {}, out / argv[5]);
    return 0;
  }
  const bool large = !(argc > 2 && std::string(argv[2]) == "--no-large");
  std::filesystem::create_directories(out);

  Shape demo_shape;
  demo_shape.accounts = 800;
  demo_shape.edges = 2400;
  demo_shape.communities = 6;
  demo_shape.accounts_with_posts = 40;
  demo_shape.seed = 7;
  const MapDocument demo = planted_map(demo_shape, "Synthetic #MacronLeaks spread (test map)");
  write_html_map_page(demo, {}, out / "demo.html");

  HtmlMapOptions xss_options;
  xss_options.title = "<img src=x onerror=\"window.__xss='page-title'\">";
  write_html_map_page(xss_map(), xss_options, out / "xss.html");

  Shape small_shape = demo_shape;
  small_shape.accounts = 150;
  small_shape.edges = 300;
  small_shape.communities = 3;
  small_shape.seed = 11;
  write_file(out / "fragment.html", fragment_host_page(demo, planted_map(small_shape, "Second map")));

  if (large) {
    Shape large_shape;
    large_shape.accounts = 100'000;
    large_shape.edges = 500'000;
    large_shape.communities = 12;
    large_shape.accounts_with_posts = 200;
    large_shape.seed = 3;
    MapDocument map = planted_map(large_shape, "100,000 accounts, 500,000 edges (test map)");
    map.sampling = {243'000, static_cast<std::int64_t>(map.nodes.size()), 1'600'000,
                    static_cast<std::int64_t>(map.edges.size()),
                    "backbone of accounts with 2 or more neighbours, plus a sample of the rest"};
    write_html_map_page(map, {}, out / "large.html");
  }
  return 0;
}

}  // namespace
}  // namespace leaktrace

int main(int argc, char** argv) {
  try {
    return leaktrace::run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "write_test_map: error: %s\n", error.what());
    return 2;
  }
}
