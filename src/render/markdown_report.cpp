#include "render/markdown_report.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "render/bridge_flow_chart.h"
#include "render/html_escape.h"
#include "render/report_format.h"
#include "render/report_outline.h"
#include "render/static_map.h"
#include "render/timeline_chart.h"

namespace leaktrace {
namespace {

constexpr std::string_view default_figure_prefix = "report-";
constexpr double figure_width = 960;

// Punctuation that can start or end an inline construct anywhere in a line: emphasis, code,
// links and images, autolinks are made impossible by the entities for < and >, strikethrough,
// GitHub's math, table cells, and the backslash itself.
bool needs_backslash(char c) {
  switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '(': case ')':
    case '#': case '!': case '|': case '~': case '$': case '{': case '}':
      return true;
    default:
      return false;
  }
}

// A line that starts with these would begin a list, a heading underline or a thematic break; an
// ordered list starts with digits followed by '.' or ')'.
void protect_line_start(std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  line.erase(0, first == std::string::npos ? line.size() : first);
  if (line.empty()) return;
  if (line[0] == '-' || line[0] == '+' || line[0] == '=') {
    line.insert(0, "\\");
    return;
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) line.insert(digits, "\\");
}

// The longest run of backticks in `text`, so that a code span or fence can be longer.
std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// A URL in the pointy-bracket form of a link destination: nothing inside that CommonMark would
// decode (an entity; backslashes are already percent-encoded), end early or split a table cell.
std::string link_destination(std::string_view url) {
  std::string out = "<";
  for (char c : report_link_target(url)) {
    if (c == '&') {
      out += "&amp;";
    } else {
      out.push_back(c);
    }
  }
  out.push_back('>');
  return out;
}

// A relative file name as a link destination: every byte outside the unreserved set percent-encoded.
std::string file_destination(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
  return out;
}

class MarkdownWriter {
 public:
  MarkdownWriter(const ReportDocument& document, const MarkdownReportOptions& options, std::string_view prefix, MarkdownReport& report)
      : document_(document), options_(options), prefix_(prefix), report_(report), out_(report.markdown) {}

  std::string inline_text(const ReportInline& spans, bool in_table) const {
    std::string out;
    for (const ReportSpan& span : spans) append_span(out, span, in_table);
    return out;
  }

  void operator()(const ReportParagraph& paragraph) { line(inline_text(paragraph.text, false)); }

  void operator()(const ReportList& list) {
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      std::string item = inline_text(list.items[i], false);
      protect_line_start(item);
      out_ += list.ordered ? fmt::format("{}. ", i + 1) : std::string("- ");
      out_ += item;
      out_ += "\n";
    }
    out_ += "\n";
  }

  void operator()(const ReportTable& table) {
    const std::size_t columns = table.header.size();
    const auto numeric = [&](std::size_t column) { return column < table.numeric.size() && table.numeric[column]; };
    out_ += "|";
    for (const std::string& heading : table.header) out_ += " " + escape_markdown(heading) + " |";
    out_ += "\n|";
    for (std::size_t c = 0; c < columns; ++c) out_ += numeric(c) ? " ---: |" : " --- |";
    out_ += "\n";
    for (const auto& row : table.rows) {
      out_ += "|";
      for (std::size_t c = 0; c < columns; ++c) {
        const std::string text = c < row.size() ? inline_text(row[c], true) : std::string();
        out_ += " " + text + " |";
      }
      out_ += "\n";
    }
    out_ += "\n";
  }

  void operator()(const ReportFigure& figure) {
    SvgFigureOptions svg;
    svg.width = figure_width;
    svg.xml_declaration = true;
    std::string file;
    switch (figure.kind) {
      case ReportFigureKind::timeline:
        svg.id_prefix = "timeline";
        file = std::string(prefix_) + "timeline.svg";
        report_.figures.push_back({file, timeline_chart_svg(document_.timeline, svg)});
        break;
      case ReportFigureKind::bridges:
        svg.id_prefix = "bridges";
        file = std::string(prefix_) + "bridges.svg";
        report_.figures.push_back({file, bridge_flow_svg(document_.bridges, document_.communities, svg)});
        break;
      case ReportFigureKind::map:
        if (options_.map_image.empty()) {
          line("The interactive map is in the HTML report; this Markdown has no map figure.");
          return;
        }
        file = options_.map_image;
        break;
    }
    line(fmt::format("![{}]({})", escape_markdown(figure.caption), file_destination(file)));
    line("*" + escape_markdown(figure.caption) + "*");
  }

  void operator()(const ReportCode& code) {
    const std::string text = sanitize_figure_text(code.text);
    const std::string fence(std::max<std::size_t>(3, longest_backtick_run(text) + 1), '`');
    out_ += fence + "sh\n" + text + "\n" + fence + "\n\n";
  }

  void operator()(const ReportSubheading& heading) { out_ += "### " + escape_markdown(heading.text) + "\n\n"; }

  void line(std::string text) {
    protect_line_start(text);
    out_ += text;
    out_ += "\n\n";
  }

 private:
  static void append_span(std::string& out, const ReportSpan& span, bool in_table) {
    switch (span.kind) {
      case ReportSpan::Kind::strong:
        if (!span.text.empty()) out += "**" + escape_markdown(span.text) + "**";
        return;
      case ReportSpan::Kind::code:
        append_code(out, span.text, in_table);
        return;
      case ReportSpan::Kind::link:
        if (is_http_url(span.url)) {
          out += "[" + escape_markdown(span.text) + "](" + link_destination(span.url) + ")";
        } else {
          out += escape_markdown(span.text);
        }
        return;
      case ReportSpan::Kind::swatch:
        append_code(out, span.colour, in_table);
        out += " ";
        return;
      default:
        out += escape_markdown(span.text);
        return;
    }
  }

  // A code span is shown as it is (no escape works inside one), so only what would end it or the
  // table cell is dealt with: a longer run of backticks around it, and `\|` in a table.
  static void append_code(std::string& out, std::string_view value, bool in_table) {
    std::string text = sanitize_figure_text(value);
    if (text.empty()) return;
    if (in_table) {
      std::string escaped;
      for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
      text = std::move(escaped);
    }
    const std::string fence(longest_backtick_run(text) + 1, '`');
    const bool pad = text.front() == '`' || text.back() == '`' || text.front() == ' ';
    out += fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
  }

  const ReportDocument& document_;
  const MarkdownReportOptions& options_;
  std::string_view prefix_;
  MarkdownReport& report_;
  std::string& out_;
};

void check_prefix(std::string_view prefix) {
  if (prefix.find_first_of("/\\") != std::string_view::npos || prefix == "." || prefix == "..") {
    throw std::invalid_argument(fmt::format(
        "figure prefix '{}' is not a file name: give one without '/' or '\\' (the figures go beside the Markdown)", prefix));
  }
}

void write_file(const std::filesystem::path& path, std::string_view text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error(fmt::format("cannot write {}: check that its folder exists and is writable", path.string()));
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write {}: is the disk full?", path.string()));
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  const std::string clean = sanitize_figure_text(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      if (needs_backslash(c)) out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

MarkdownReport markdown_report(const ReportDocument& document, const MarkdownReportOptions& options) {
  const std::string prefix = options.figure_prefix.empty() ? std::string(default_figure_prefix) : options.figure_prefix;
  check_prefix(prefix);
  const ReportOutline outline = report_outline(document);
  MarkdownReport report;
  MarkdownWriter writer(document, options, prefix, report);
  std::string& out = report.markdown;
  out += "# " + escape_markdown(outline.title) + "\n\n";
  writer.line(writer.inline_text(outline.subtitle, false));
  out += "**Contents:** ";
  for (std::size_t i = 0; i < outline.sections.size(); ++i) {
    if (i) out += " · ";
    out += fmt::format("[{}](#{})", escape_markdown(outline.sections[i].heading), outline.sections[i].id);
  }
  out += "\n\n";
  for (const ReportSection& section : outline.sections) {
    out += "## " + escape_markdown(section.heading) + "\n\n";
    for (const ReportBlock& block : section.blocks) std::visit(writer, block);
  }
  return report;
}

std::vector<std::filesystem::path> write_markdown_report(const ReportDocument& document, const MarkdownReportOptions& options,
                                                         const std::filesystem::path& path) {
  MarkdownReportOptions resolved = options;
  if (resolved.figure_prefix.empty()) resolved.figure_prefix = path.stem().string() + "-";
  const MarkdownReport report = markdown_report(document, resolved);
  std::vector<std::filesystem::path> written{path};
  write_file(path, report.markdown);
  for (const MarkdownFigure& figure : report.figures) {
    written.push_back(path.parent_path() / figure.file);
    write_file(written.back(), figure.svg);
  }
  return written;
}

}  // namespace leaktrace
