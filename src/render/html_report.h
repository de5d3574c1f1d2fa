#pragma once

#include <filesystem>
#include <string>

#include "render/report_document.h"

namespace leaktrace {

// The report as one self-contained HTML page: it works offline from a single file, and its
// Content-Security-Policy forbids every request (no script but the map viewer's, by its hash, and
// only when the report has a map; images only from data: URLs). Sections in the order of
// report_outline(), each a <section> with a stable id (summary, origin, timeline, accounts,
// communities, bridges, cascades, map, methods) listed in a table of contents; the timeline and
// the bridges are inline SVG figures, the map is html_map_fragment() with the viewer script once
// at the end. Every string of the document is escaped (or set as SVG character data); links are
// drawn only for http(s) URLs, with rel="noopener noreferrer".
//
//   write_html_report(document, {}, "report.html");

struct HtmlReportOptions {
  std::string map_element_id = "report-map";  // see HtmlMapOptions::element_id
  int map_height_px = 640;
};

std::string html_report(const ReportDocument& document, const HtmlReportOptions& options = {});

// Writes html_report() to `path`; throws std::runtime_error naming the path when it cannot.
void write_html_report(const ReportDocument& document, const HtmlReportOptions& options, const std::filesystem::path& path);

// The page's policy: html_map_content_security_policy() with a map, the same with script-src
// 'none' without one.
std::string html_report_content_security_policy(bool with_map);

}  // namespace leaktrace
