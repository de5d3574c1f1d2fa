#pragma once

#include <cstddef>
#include <span>

namespace leaktrace {

// How well a layout separates known communities: the mean silhouette (Rousseeuw 1987) of positions
// against community labels. For a node i, a = its mean distance to the other members of its
// community, b = the smallest mean distance to the members of another community, s = (b − a) / max(a, b);
// 1 is perfectly separated, 0 is mixed. Scale-free, so layouts of different sizes compare.
// Nodes with a negative community are ignored; a community of one node scores 0. When
// `max_scored` is below the node count, s is averaged over that many nodes picked evenly (the means
// still use every node), which keeps it O(max_scored · n).
double position_silhouette(std::span<const double> x, std::span<const double> y, std::span<const int> community,
                           std::size_t max_scored = 4000);

}  // namespace leaktrace
