#include "render/html_report.h"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "model/version.h"
#include "render/bridge_flow_chart.h"
#include "render/html_escape.h"
#include "render/html_map.h"
#include "render/report_format.h"
#include "render/report_outline.h"
#include "render/timeline_chart.h"

namespace leaktrace {
namespace {

constexpr double chart_width = 960;

// Readable on screen and on paper: one column of text, tables that scroll sideways on a narrow
// screen and break between rows on paper, colours kept when printed.
constexpr std::string_view stylesheet = R"css(
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d8dee4; --tint: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 "Source Serif Pro", Georgia, "DejaVu Serif", serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.lt-page { max-width: 1120px; margin: 0 auto; padding: 28px 32px 64px; }
header.lt-head { border-bottom: 2px solid var(--ink); padding-bottom: 14px; margin-bottom: 18px; }
.lt-kicker { margin: 0; font: 600 12px/1.4 system-ui, "DejaVu Sans", sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 23px; margin: 40px 0 10px; padding-top: 6px; border-top: 1px solid var(--rule); }
h3 { font-size: 18px; margin: 26px 0 8px; }
h1, h2, h3, nav, table, figcaption, .lt-subtitle, footer { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
.lt-subtitle { margin: 0; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
p, li { max-width: 48em; overflow-wrap: anywhere; }
a { color: var(--accent); }
.lt-unlinked { color: var(--muted); text-decoration: underline dotted; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
code { background: var(--tint); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; }
nav#contents { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 18px; font-size: 14px; }
nav#contents h2 { font-size: 13px; margin: 0 0 4px; padding: 0; border: 0; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
nav#contents ol { margin: 0; padding-left: 20px; columns: 3 12em; }
.lt-table { overflow-x: auto; margin: 10px 0 16px; }
table { border-collapse: collapse; font-size: 13.5px; line-height: 1.4; min-width: 50%; }
th, td { text-align: left; vertical-align: top; padding: 5px 9px; border-bottom: 1px solid var(--rule); }
th { background: var(--tint); font-weight: 600; border-bottom: 2px solid var(--rule); white-space: nowrap; }
td { overflow-wrap: break-word; max-width: 30em; }
td code { overflow-wrap: anywhere; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td time { white-space: nowrap; }
.lt-swatch { display: inline-block; vertical-align: -1px; margin-right: 5px; }
ol.lt-steps li { margin: 6px 0; }
figure { margin: 14px 0 22px; }
figure.lt-chart { overflow-x: auto; }
figure.lt-chart svg { display: block; max-width: 100%; height: auto; }
figure.lt-chart.lt-wide svg { max-width: none; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
figure.lt-map-figure .lt-map { border: 1px solid var(--rule); border-radius: 6px; }
footer { margin-top: 48px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@media (max-width: 720px) { .lt-page { padding: 16px; } nav#contents ol { columns: 1; } }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  .lt-page { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, figure, pre, li { break-inside: avoid; }
  .lt-table, figure.lt-chart { overflow: visible; }
  figure.lt-chart.lt-wide svg { max-width: 100%; }
  a { color: inherit; }
}
)css";

class HtmlWriter {
 public:
  HtmlWriter(const ReportDocument& document, const HtmlReportOptions& options, std::string& out)
      : document_(document), options_(options), out_(out) {}

  void text(std::string_view value) { append_escaped_html(out_, value); }

  void span(const ReportSpan& span) {
    if (span.kind == ReportSpan::Kind::swatch) {
      fmt::format_to(std::back_inserter(out_),
                     "<svg class=\"lt-swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" "
                     "height=\"12\" rx=\"2\" fill=\"{}\"/></svg>",
                     span.colour);
      return;
    }
    const auto content = [&] {
      if (!span.data) return text(span.text);
      out_ += "<bdi>";
      text(span.text);
      out_ += "</bdi>";
    };
    switch (span.kind) {
      case ReportSpan::Kind::strong:
        out_ += "<strong>";
        content();
        out_ += "</strong>";
        return;
      case ReportSpan::Kind::code:
        out_ += "<code>";
        content();
        out_ += "</code>";
        return;
      case ReportSpan::Kind::time:
        if (span.time == unknown_time) return text(span.text);
        out_ += "<time datetime=\"";
        out_ += format_iso8601_time(span.time);
        out_ += "\">";
        text(span.text);
        out_ += "</time>";
        return;
      case ReportSpan::Kind::link:
        if (is_http_url(span.url)) {
          out_ += "<a href=\"";
          append_escaped_html(out_, report_link_target(span.url));
          out_ += "\" rel=\"noopener noreferrer\">";
          content();
          out_ += "</a>";
        } else {
          out_ += "<span class=\"lt-unlinked\">";
          content();
          out_ += "</span>";
        }
        return;
      default:
        content();
        return;
    }
  }

  void inline_text(const ReportInline& spans) {
    for (const ReportSpan& s : spans) span(s);
  }

  void operator()(const ReportParagraph& paragraph) {
    out_ += "<p>";
    inline_text(paragraph.text);
    out_ += "</p>\n";
  }

  void operator()(const ReportList& list) {
    out_ += list.ordered ? "<ol class=\"lt-steps\">\n" : "<ul>\n";
    for (const ReportInline& item : list.items) {
      out_ += "<li>";
      inline_text(item);
      out_ += "</li>\n";
    }
    out_ += list.ordered ? "</ol>\n" : "</ul>\n";
  }

  void operator()(const ReportTable& table) {
    const auto numeric = [&](std::size_t column) { return column < table.numeric.size() && table.numeric[column]; };
    out_ += "<div class=\"lt-table\"><table>\n<thead><tr>";
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      out_ += numeric(c) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
      text(table.header[c]);
      out_ += "</th>";
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
      out_ += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        out_ += numeric(c) ? "<td class=\"num\">" : "<td>";
        inline_text(row[c]);
        out_ += "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table></div>\n";
  }

  void operator()(const ReportFigure& figure) {
    SvgFigureOptions svg;
    svg.width = chart_width;
    std::string drawing;
    std::string classes = "lt-chart";
    switch (figure.kind) {
      case ReportFigureKind::timeline:
        svg.id_prefix = "timeline";
        drawing = timeline_chart_svg(document_.timeline, svg);
        break;
      case ReportFigureKind::bridges:
        svg.id_prefix = "bridges";
        drawing = bridge_flow_svg(document_.bridges, document_.communities, svg);
        classes += " lt-wide";  // one column per jump: it scrolls sideways rather than shrink its labels
        break;
      case ReportFigureKind::map: {
        if (!document_.map) return;
        HtmlMapOptions map;
        map.element_id = options_.map_element_id;
        map.height_px = options_.map_height_px;
        drawing = html_map_fragment(*document_.map, map);
        classes = "lt-map-figure";
        has_map_ = true;
        break;
      }
    }
    fmt::format_to(std::back_inserter(out_), "<figure id=\"{}\" class=\"{}\">\n", figure.id, classes);
    out_ += drawing;
    out_ += "<figcaption>";
    text(figure.caption);
    out_ += "</figcaption>\n</figure>\n";
  }

  void operator()(const ReportCode& code) {
    out_ += "<pre><code>";
    text(code.text);
    out_ += "</code></pre>\n";
  }

  void operator()(const ReportSubheading& heading) {
    fmt::format_to(std::back_inserter(out_), "<h3 id=\"{}\">", heading.id);
    text(heading.text);
    out_ += "</h3>\n";
  }

  bool has_map() const { return has_map_; }

 private:
  const ReportDocument& document_;
  const HtmlReportOptions& options_;
  std::string& out_;
  bool has_map_ = false;
};

}  // namespace

std::string html_report_content_security_policy(bool with_map) {
  return fmt::format(
      "default-src 'none'; script-src {}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
      "connect-src 'none'; media-src 'none'; worker-src 'none'; frame-src 'none'; child-src 'none'; "
      "object-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'",
      with_map ? html_map_script_hash_source() : std::string("'none'"));
}

std::string html_report(const ReportDocument& document, const HtmlReportOptions& options) {
  const ReportOutline outline = report_outline(document);
  std::string out;
  out.reserve(64 * 1024 + (document.map ? document.map->nodes.size() * 128 : 0));
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += html_report_content_security_policy(document.map.has_value());
  out += "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  fmt::format_to(std::back_inserter(out), "<meta name=\"generator\" content=\"leaktrace {}\">\n<title>", version);
  append_escaped_html(out, outline.title);
  out += "</title>\n<style>";
  out += stylesheet;
  out += "</style>\n</head>\n<body>\n<div class=\"lt-page\">\n";

  HtmlWriter writer(document, options, out);
  out += "<header class=\"lt-head\">\n<p class=\"lt-kicker\">leaktrace report</p>\n<h1>";
  writer.text(outline.title);
  out += "</h1>\n<p class=\"lt-subtitle\">";
  writer.inline_text(outline.subtitle);
  out += "</p>\n</header>\n";

  out += "<nav id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
  for (const ReportSection& section : outline.sections) {
    fmt::format_to(std::back_inserter(out), "<li><a href=\"#{}\">", section.id);
    writer.text(section.heading);
    out += "</a></li>\n";
  }
  out += "</ol>\n</nav>\n<main>\n";
  for (const ReportSection& section : outline.sections) {
    fmt::format_to(std::back_inserter(out), "<section id=\"{}\">\n<h2>", section.id);
    writer.text(section.heading);
    out += "</h2>\n";
    for (const ReportBlock& block : section.blocks) std::visit(writer, block);
    out += "</section>\n";
  }
  out += "</main>\n<footer>A leaktrace report. This page works offline and loads nothing: its policy forbids every "
         "request.</footer>\n</div>\n";
  if (writer.has_map()) out += html_map_viewer_script_element();
  out += "</body>\n</html>\n";
  return out;
}

void write_html_report(const ReportDocument& document, const HtmlReportOptions& options, const std::filesystem::path& path) {
  const std::string page = html_report(document, options);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    throw std::runtime_error(fmt::format("cannot write the report to {}: check that its folder exists and is writable", path.string()));
  }
  file.write(page.data(), static_cast<std::streamsize>(page.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write the report to {}: is the disk full?", path.string()));
}

}  // namespace leaktrace
