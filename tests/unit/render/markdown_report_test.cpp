#include "render/markdown_report.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ParsedElement;

std::filesystem::path scratch_dir() {
  return std::filesystem::temp_directory_path() / ("leaktrace-markdown-report-" + std::to_string(::getpid()));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(EscapeMarkdown, NoMarkupAndNoMarkdownSyntaxPassThrough) {
  EXPECT_EQ(escape_markdown("<script>alert(1)</script>"), "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
  EXPECT_EQ(escape_markdown("[click](javascript:x) ![i](http://h/x.png)"), "\\[click\\]\\(javascript:x\\) \\!\\[i\\]\\(http://h/x.png\\)");
  EXPECT_EQ(escape_markdown("*a* _b_ `c` ~d~ | e # f $g$ \\"), "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\| e \\# f \\$g\\$ \\\\");
  EXPECT_EQ(escape_markdown("&amp; &#60;"), "&amp;amp; &amp;\\#60;");
  EXPECT_EQ(escape_markdown("one\ntwo\r\nthree\tfour"), "one two  three four");
  EXPECT_EQ(escape_markdown("\xE2\x80\xAEtxt.exe"), "txt.exe");
  EXPECT_EQ(escape_markdown("jean-luc, 2017-05-05: ok."), "jean-luc, 2017-05-05: ok.");
}

TEST(MarkdownReport, TheSameSectionsAsTheHtmlReport) {
  ReportDocument document = testing::sample_report();
  document.map = testing::sample_map();
  const MarkdownReport report = markdown_report(document);
  std::size_t last = 0;
  for (const char* heading : {"## Summary", "## Origin", "## Timeline", "## Accounts", "## Communities", "## Bridges", "## Cascades",
                              "## Map", "## Methods"}) {
    const std::size_t at = report.markdown.find(std::string("\n") + heading + "\n");
    ASSERT_NE(at, std::string::npos) << heading;
    EXPECT_GT(at, last) << heading;
    last = at;
  }
  EXPECT_THAT(report.markdown, HasSubstr("[Summary](#summary) · [Origin](#origin)"));
  EXPECT_THAT(report.markdown, HasSubstr("# Sample report\n"));
  EXPECT_THAT(report.markdown,
              HasSubstr("1. 2017-05-05 14:00:00 UTC — Pastebin — **@anon** posted: “the archive” · [aBcD](<https://pastebin.com/aBcD>)\n"));
  EXPECT_THAT(report.markdown, HasSubstr("| \\# | Time \\(UTC\\) | Platform |"));
  EXPECT_THAT(report.markdown, HasSubstr("| ---: | --- | --- |"));
  EXPECT_THAT(report.markdown, HasSubstr("```sh\nleaktrace report data/tweets.jsonl '#MacronLeaks' -o report.html\n```\n"));
}

TEST(MarkdownReport, FiguresAreSvgFilesBesideItLinkedRelatively) {
  ReportDocument document = testing::sample_report();
  document.map = testing::sample_map();
  MarkdownReportOptions options;
  options.figure_prefix = "my report-";
  const MarkdownReport report = markdown_report(document, options);
  ASSERT_EQ(report.figures.size(), 2u);
  EXPECT_EQ(report.figures[0].file, "my report-timeline.svg");
  EXPECT_EQ(report.figures[1].file, "my report-bridges.svg");
  for (const MarkdownFigure& figure : report.figures) {
    EXPECT_TRUE(figure.svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
    std::string error;
    EXPECT_FALSE(testing::parse_xml(figure.svg, &error).empty()) << figure.file << ": " << error;
  }
  EXPECT_THAT(report.markdown, HasSubstr("![Posts per hour by community; the numbered markers are the milestones below.](my%20report-timeline.svg)"));
  EXPECT_THAT(report.markdown, HasSubstr("](my%20report-bridges.svg)"));
  EXPECT_THAT(report.markdown, HasSubstr("The interactive map is in the HTML report; this Markdown has no map figure."));

  options.map_image = "figures/map.png";
  EXPECT_THAT(markdown_report(document, options).markdown, HasSubstr("![The propagation map.](figures/map.png)"));
  document.map.reset();
  EXPECT_THAT(markdown_report(document, options).markdown, Not(HasSubstr("map.png")));
}

TEST(MarkdownReport, RefusesAPrefixThatIsAPath) {
  MarkdownReportOptions options;
  options.figure_prefix = "../elsewhere-";
  EXPECT_THROW(markdown_report(testing::sample_report(), options), std::invalid_argument);
}

TEST(MarkdownReport, LinksOnlyForWebUrls) {
  ReportDocument document = testing::sample_report();
  document.chain[0].post.url = "javascript:alert(1)";
  document.chain[1].post.url = "https://example.org/a?b=1&c=<2>|x";
  const std::string markdown = markdown_report(document).markdown;
  EXPECT_THAT(markdown, Not(HasSubstr("javascript:")));
  EXPECT_THAT(markdown, HasSubstr("· aBcD\n"));
  EXPECT_THAT(markdown, HasSubstr("[124](<https://example.org/a?b=1&amp;c=%3C2%3E%7Cx>)"));
}

// The Markdown with its code (fenced blocks and code spans, shown as they are by any CommonMark
// renderer) left out.
std::string outside_code(const std::string& markdown) {
  std::string out;
  std::istringstream lines(markdown);
  std::string line;
  bool fenced = false;
  while (std::getline(lines, line)) {
    if (line.starts_with("```")) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    for (std::size_t i = 0; i < line.size();) {
      if (line[i] == '\\') {
        out.append(line, i, 2);
        i += 2;
        continue;
      }
      if (line[i] != '`') {
        out.push_back(line[i++]);
        continue;
      }
      const std::size_t run = line.find_first_not_of('`', i) - i;
      const std::size_t close = line.find(std::string(run, '`'), i + run);
      i = close == std::string::npos ? line.size() : close + run;
    }
    out.push_back('\n');
  }
  return out;
}

// Outside code, every '<' of the Markdown opens a link destination of ours: document text brings none.
TEST(MarkdownReport, NoPayloadBecomesMarkup) {
  const std::string markdown = outside_code(markdown_report(testing::hostile_report()).markdown);
  ASSERT_GT(markdown.size(), 5000u);
  for (std::size_t at = markdown.find('<'); at != std::string::npos; at = markdown.find('<', at + 1)) {
    EXPECT_TRUE(markdown.compare(at - 2, 3, "](<") == 0 && markdown.compare(at + 1, 4, "http") == 0)
        << "raw '<' at " << at << ": " << markdown.substr(at - 20, 60);
  }
}

TEST(MarkdownReport, DocumentTextAtTheStartOfALineStartsNoBlock) {
  ReportDocument document = testing::sample_report();
  document.summary = {"1. ordered", "2) ordered", "- dash", "+ plus", "# heading", "    indented", "> quote", "=== setext", "--- rule"};
  const std::string markdown = markdown_report(document).markdown;
  for (const char* paragraph : {"\n1\\. ordered\n", "\n2\\) ordered\n", "\n\\- dash\n", "\n\\+ plus\n", "\n\\# heading\n",
                                "\nindented\n", "\n&gt; quote\n", "\n\\=== setext\n", "\n\\--- rule\n"}) {
    EXPECT_THAT(markdown, HasSubstr(paragraph));
  }
}

// GitHub's own renderer (Debian's cmark-gfm), raw HTML allowed: the page it makes holds only the
// elements of Markdown and links only to http(s) and our anchors.
TEST(MarkdownReport, CmarkGfmRendersNoPayloadAsMarkup) {
  if (std::system("command -v cmark-gfm > /dev/null 2>&1") != 0) GTEST_SKIP() << "cmark-gfm is not installed (Debian package cmark-gfm)";
  std::filesystem::create_directories(scratch_dir());
  const std::filesystem::path md = scratch_dir() / "hostile.md";
  const std::filesystem::path html = scratch_dir() / "hostile.html";
  write_markdown_report(testing::hostile_report(), {}, md);
  const std::string command = "cmark-gfm --unsafe -e table -e autolink -e strikethrough '" + md.string() + "' > '" + html.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::vector<ParsedElement> elements = testing::parse_html(read_file(html));
  ASSERT_GT(elements.size(), 50u);
  const std::set<std::string> allowed = {"html", "body", "h1", "h2", "h3", "p", "ul", "ol", "li", "table", "thead", "tbody",
                                         "tr", "th", "td", "a", "code", "pre", "strong", "em", "img"};
  for (const ParsedElement& element : elements) {
    EXPECT_TRUE(allowed.count(element.name)) << "<" << element.name << ">";
    for (const auto& [name, value] : element.attributes) {
      EXPECT_NE(name.substr(0, 2), "on") << name;
      if (name == "href") EXPECT_TRUE(value.starts_with("#") || value.starts_with("http://") || value.starts_with("https://")) << value;
      if (name == "src") EXPECT_TRUE(value == "hostile-timeline.svg" || value == "hostile-bridges.svg") << value;
    }
  }
  std::filesystem::remove_all(scratch_dir());
}

TEST(MarkdownReport, WritesTheMarkdownAndItsFiguresTogether) {
  std::filesystem::create_directories(scratch_dir());
  const auto written = write_markdown_report(testing::sample_report(), {}, scratch_dir() / "case.md");
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0], scratch_dir() / "case.md");
  EXPECT_EQ(written[1], scratch_dir() / "case-timeline.svg");
  EXPECT_EQ(written[2], scratch_dir() / "case-bridges.svg");
  EXPECT_THAT(read_file(written[0]), HasSubstr("](case-timeline.svg)"));
  EXPECT_TRUE(read_file(written[1]).starts_with("<?xml"));
  EXPECT_THROW(write_markdown_report(testing::sample_report(), {}, scratch_dir() / "missing" / "case.md"), std::runtime_error);
  std::filesystem::remove_all(scratch_dir());
}

}  // namespace
}  // namespace leaktrace
