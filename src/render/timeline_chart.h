#pragma once

#include <string>

#include "render/report_document.h"
#include "render/svg_figure.h"

namespace leaktrace {

// The report's timeline as an SVG chart: posts per bin as areas stacked by community (each in its
// colour, in the order of ReportTimeline::series), a line for all posts where the series do not
// add up to the totals, a time axis in UTC with ticks on round hours or days, a count axis, a
// legend, and the milestones as numbered dashed markers with a key under the chart (numbered as in
// the document, 1 first). Past 1,200 bins, consecutive bins are added up into wider ones (a chart
// has no more distinct x positions than that), and the count axis names the wider bin.
std::string timeline_chart_svg(const ReportTimeline& timeline, const SvgFigureOptions& options = {});

}  // namespace leaktrace
