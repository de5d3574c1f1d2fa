#pragma once

#include <string>
#include <vector>

#include "render/report_document.h"
#include "render/svg_figure.h"

namespace leaktrace {

// The bridges as a community-to-community flow diagram, in time order: one lane per community (in
// the order the subject reached it, a source community above the community it leads to), one
// column per bridge from left to right. In its column a bridge is an arrow from the account it
// came from, in that account's lane and colour, to the first account of the new community, both
// labelled with their handles, the arrow with the tie; the time of the jump is under the column.
// A bridge with no known source is a dot alone. Communities are named from `communities` (label,
// colour); a community id that is not there is "community N", -1 is "no community".
std::string bridge_flow_svg(const std::vector<ReportBridge>& bridges, const std::vector<ReportCommunity>& communities,
                            const SvgFigureOptions& options = {});

}  // namespace leaktrace
