#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "render/report_document.h"

namespace leaktrace {

// The report as Markdown (CommonMark with GitHub's tables), with the same content as the HTML
// report (report_outline()): the timeline chart and the bridges diagram are SVG files beside it,
// linked relatively, and the map is the static figure the caller drew, when it gives one. Document
// text cannot become markup: `<`, `>` and `&` are written as entities, Markdown punctuation that
// could open a link, an image, emphasis, code, a table cell or a block is backslash-escaped, line
// breaks become spaces, and links are written only for http(s) URLs. Raw HTML never passes, so the
// Markdown is as safe in a renderer that allows raw HTML as in one that does not.
//
//   write_markdown_report(document, {.map_image = "report-map.png"}, "report.md");
//   // report.md, report-timeline.svg, report-bridges.svg

struct MarkdownReportOptions {
  // Figures are "<figure_prefix>timeline.svg" and "<figure_prefix>bridges.svg" beside the Markdown;
  // empty means the Markdown file's stem and "-" (write_markdown_report) or "report-". No '/' or '\'.
  std::string figure_prefix;
  // The static map (PNG or SVG) the caller wrote, as a path relative to the Markdown file; empty
  // when there is none: the map section then says that the map is in the HTML report.
  std::string map_image;
};

struct MarkdownFigure {
  std::string file;  // name beside the Markdown file
  std::string svg;   // a standalone SVG document
};

struct MarkdownReport {
  std::string markdown;
  std::vector<MarkdownFigure> figures;
};

// Throws std::invalid_argument when figure_prefix holds a path separator.
MarkdownReport markdown_report(const ReportDocument& document, const MarkdownReportOptions& options = {});

// Writes the Markdown to `path` and its figures into the same folder; returns every file written,
// the Markdown first. Throws std::runtime_error naming the file that cannot be written.
std::vector<std::filesystem::path> write_markdown_report(const ReportDocument& document, const MarkdownReportOptions& options,
                                                         const std::filesystem::path& path);

// Document text as Markdown inline text (see above), the same in a paragraph and in a table cell.
std::string escape_markdown(std::string_view text);

}  // namespace leaktrace
