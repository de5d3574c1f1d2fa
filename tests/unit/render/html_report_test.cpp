#include "render/html_report.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/html_escape.h"
#include "render/html_map.h"
#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ParsedElement;

const char* const section_ids[] = {"summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "map", "methods"};

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The inline SVG of one figure, cut out of the page.
std::string figure_svg(const std::string& page, std::string_view figure_id) {
  const std::size_t figure = page.find(fmt::format("<figure id=\"{}\"", figure_id));
  if (figure == std::string::npos) return {};
  const std::size_t start = page.find("<svg xmlns", figure);
  const std::size_t end = page.find("</svg>\n<figcaption>", start);
  return page.substr(start, end + 6 - start);
}

TEST(HtmlReport, EverySectionWithItsAnchorAndAContentsEntry) {
  ReportDocument document = testing::sample_report();
  document.map = testing::sample_map();
  const std::string page = html_report(document);
  std::size_t last = 0;
  for (const char* id : section_ids) {
    const std::size_t at = page.find(fmt::format("<section id=\"{}\">", id));
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_GT(at, last) << id << " is in reading order";
    last = at;
    EXPECT_THAT(page, HasSubstr(fmt::format("<li><a href=\"#{}\">", id)));
  }
  for (const char* figure : {"timeline-chart", "bridges-chart", "map-figure"}) {
    EXPECT_THAT(page, HasSubstr(fmt::format("<figure id=\"{}\"", figure)));
  }
  EXPECT_THAT(page, HasSubstr("<h1>Sample report</h1>"));
  EXPECT_THAT(page, HasSubstr("<title>Sample report</title>"));
}

TEST(HtmlReport, APolicyThatForbidsEveryRequest) {
  const std::string policy = html_report_content_security_policy(false);
  for (const char* directive : {"default-src 'none'", "script-src 'none'", "connect-src 'none'", "img-src data:;", "font-src data:",
                                "frame-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"}) {
    EXPECT_THAT(policy, HasSubstr(directive));
  }
  EXPECT_THAT(policy, Not(HasSubstr("blob:")));
  EXPECT_THAT(policy, Not(HasSubstr("http")));
  EXPECT_THAT(html_report_content_security_policy(true), HasSubstr("script-src " + html_map_script_hash_source() + ";"));
  const std::string page = html_report(testing::sample_report());
  EXPECT_THAT(page, HasSubstr("<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"));
  EXPECT_THAT(page, HasSubstr("<meta name=\"referrer\" content=\"no-referrer\">"));
}

TEST(HtmlReport, TheMapFragmentAndViewerOnlyWithAMap) {
  ReportDocument document = testing::sample_report();
  const std::string without = html_report(document);
  EXPECT_EQ(count(without, "<script"), 0u);
  EXPECT_THAT(without, Not(HasSubstr("data-lt-map")));
  EXPECT_THAT(without, Not(HasSubstr("<section id=\"map\">")));

  document.map = testing::sample_map();
  HtmlReportOptions options;
  options.map_height_px = 500;
  const std::string with = html_report(document, options);
  HtmlMapOptions map;
  map.element_id = "report-map";
  map.height_px = 500;
  EXPECT_THAT(with, HasSubstr(html_map_fragment(*document.map, map)));
  EXPECT_EQ(count(with, html_map_viewer_script_element()), 1u);
  EXPECT_GT(with.find(html_map_viewer_script_element()), with.find("</main>"));
  EXPECT_THAT(with, HasSubstr(html_report_content_security_policy(true)));
}

TEST(HtmlReport, FiguresAreWellFormedSvg) {
  const std::string page = html_report(testing::sample_report());
  for (const char* figure : {"timeline-chart", "bridges-chart"}) {
    std::string error;
    const auto elements = testing::parse_xml(figure_svg(page, figure), &error);
    ASSERT_FALSE(elements.empty()) << figure << ": " << error;
    EXPECT_EQ(elements.front().name, "svg");
  }
  // Marker ids are prefixed, so that two figures on one page never share one.
  EXPECT_THAT(figure_svg(page, "bridges-chart"), HasSubstr("id=\"bridges-arrow-0\""));
}

TEST(HtmlReport, LinksOnlyForWebUrlsWithoutOpener) {
  ReportDocument document = testing::sample_report();
  document.chain[0].post.url = "javascript:alert(1)";
  document.chain[1].post.url = "https://example.org/a?b=1&c=\"2\"";
  const std::string page = html_report(document);
  EXPECT_THAT(page, Not(HasSubstr("javascript:")));
  EXPECT_THAT(page, HasSubstr("<a href=\"https://example.org/a?b=1&amp;c=%222%22\" rel=\"noopener noreferrer\">"));
  EXPECT_THAT(page, HasSubstr("<span class=\"lt-unlinked\"><bdi>aBcD</bdi></span>"));
}

TEST(HtmlReport, NoPayloadBecomesMarkup) {
  ReportDocument document = testing::hostile_report();
  document.map = testing::sample_map();
  document.map->title = "<script>alert('map')</script>";
  std::string page = html_report(document);
  // libxml2's HTML parser would end the viewer's script at its first "</": the viewer is checked
  // in Chromium (browser.report_xss); here it is left out.
  page.replace(page.find(html_map_viewer_script_element()), html_map_viewer_script_element().size(), "<script></script>\n");
  const std::vector<ParsedElement> elements = testing::parse_html(page);
  ASSERT_GT(elements.size(), 100u);
  const std::set<std::string> allowed = {"html", "head", "meta", "title", "style", "body", "div", "header", "nav", "main", "section",
                                         "footer", "h1", "h2", "h3", "p", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th",
                                         "td", "a", "span", "strong", "code", "pre", "time", "bdi", "figure", "figcaption", "script",
                                         "svg", "desc", "g", "rect", "line", "path", "circle", "text", "defs", "marker"};
  std::vector<std::string> scripts;
  for (const ParsedElement& element : elements) {
    EXPECT_TRUE(allowed.count(element.name)) << "<" << element.name << ">";
    for (const auto& [name, value] : element.attributes) {
      EXPECT_NE(name.substr(0, 2), "on") << "<" << element.name << " " << name << "=" << value << ">";
      EXPECT_NE(name, "src");
      if (name == "href") {
        EXPECT_TRUE(value.starts_with("#") || (is_http_url(value) && value.find_first_of("\"'<>") == std::string::npos)) << value;
        if (!value.starts_with("#")) EXPECT_EQ(element.attributes.at("rel"), "noopener noreferrer");
      }
      if (name == "style") EXPECT_THAT(value, ::testing::MatchesRegex("height:[0-9]+px")) << value;
      if (name == "fill" || name == "stroke") EXPECT_THAT(value, ::testing::MatchesRegex("#[0-9a-f]{6}|none")) << value;
    }
    if (element.name == "script") scripts.push_back(element.attributes.count("type") ? element.attributes.at("type") : "classic");
  }
  EXPECT_EQ(scripts, (std::vector<std::string>{"application/json", "classic"}));
  EXPECT_EQ(count(page, "<script"), 2u);
  EXPECT_THAT(page, HasSubstr("<title>&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;</title>"));
  EXPECT_THAT(page, HasSubstr("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(9)&lt;/script&gt;</code></pre>"));
  EXPECT_THAT(page, Not(HasSubstr("url(http")));
}

TEST(HtmlReport, AnEmptyDocumentIsStillAPage) {
  const std::string page = html_report(ReportDocument{});
  EXPECT_THAT(page, HasSubstr("<title>leaktrace report</title>"));
  EXPECT_THAT(page, HasSubstr("<p>The timeline has no posts.</p>"));
  EXPECT_THAT(page, Not(HasSubstr("<figure")));
  EXPECT_THAT(page, HasSubstr("</html>\n"));
}

TEST(HtmlReport, WritesTheFileOrSaysWhy) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("leaktrace-html-report-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const ReportDocument document = testing::sample_report();
  write_html_report(document, {}, dir / "report.html");
  std::ifstream in(dir / "report.html", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), html_report(document));
  EXPECT_THROW(write_html_report(document, {}, dir / "missing" / "report.html"), std::runtime_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leaktrace
