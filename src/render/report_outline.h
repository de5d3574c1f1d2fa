#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model/time.h"
#include "render/report_document.h"

namespace leaktrace {

// The report as a reader goes through it: sections of paragraphs, lists, tables and figures, every
// number formatted and every sentence around the document's values written. The HTML report and
// its Markdown twin both write this outline, so that they say the same things in the same order;
// each only decides how a span, a table or a figure looks in its format.

// A run of inline text. Text that comes from the document (handles, names, post texts, URLs, file
// names) is marked `data`: a renderer escapes every span, and isolates data spans from the
// direction of the text around them.
struct ReportSpan {
  enum class Kind : unsigned char {
    text,    // plain text
    strong,  // emphasised text
    link,    // `text` linking to `url`; shown as plain text when the URL is not http(s)
    code,    // an identifier, a hash, a value to copy
    time,    // a time, `text` formatted; `time` for machines (HTML <time datetime>)
    swatch,  // a community's colour (`colour`, already checked: "#rrggbb"), before its label
  };
  Kind kind = Kind::text;
  std::string text;
  std::string url;
  std::string colour;
  TimeMs time = unknown_time;
  bool data = false;
};

using ReportInline = std::vector<ReportSpan>;

struct ReportParagraph {
  ReportInline text;
};

struct ReportList {
  bool ordered = false;
  std::vector<ReportInline> items;
};

struct ReportTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: numbers, right-aligned
  std::vector<std::vector<ReportInline>> rows;
};

enum class ReportFigureKind : unsigned char { timeline, bridges, map };

// A figure drawn from the document by the renderer (the timeline chart, the bridges diagram, the map).
struct ReportFigure {
  ReportFigureKind kind = ReportFigureKind::timeline;
  std::string id;       // "timeline-chart", "bridges-chart", "map-figure"
  std::string caption;  // may carry document text (the subject)
};

// Text shown exactly as it is, in a monospaced block (the command line).
struct ReportCode {
  std::string text;
};

// A heading inside a section, with its own anchor.
struct ReportSubheading {
  std::string id;
  std::string text;
};

using ReportBlock = std::variant<ReportParagraph, ReportList, ReportTable, ReportFigure, ReportCode, ReportSubheading>;

struct ReportSection {
  std::string id;  // stable anchor: summary, origin, timeline, accounts, communities, bridges, cascades, map, methods
  std::string heading;
  std::vector<ReportBlock> blocks;
};

struct ReportOutline {
  std::string title;      // the document's title, or "leaktrace report"
  ReportInline subtitle;  // subject, when it was generated, by which version
  std::vector<ReportSection> sections;
};

// The sections in reading order. The map section is there only when the document has a map.
ReportOutline report_outline(const ReportDocument& document);

}  // namespace leaktrace
