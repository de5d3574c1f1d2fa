#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "layout/force_atlas2.h"
#include "layout/layout_graph.h"

namespace leaktrace {

struct Positions {
  std::vector<double> x;
  std::vector<double> y;
};

// Community-aware start positions for ForceAtlas2: each community gets a disc whose area grows with
// its size, the discs are laid along a sunflower spiral (largest at the centre, golden-angle steps)
// with room between them, and members start uniformly in their community's disc. Nodes in no
// community (negative) start anywhere in the whole area. Starting close to the communities' final
// arrangement saves the iterations that ForceAtlas2 otherwise spends untangling them.
// `spacing` is the typical distance between neighbouring nodes at the start, in layout units.
Positions community_start_positions(std::span<const int> community, std::uint64_t seed, double spacing = 10.0);

// Uniform in a disc whose area grows with the node count (what ForceAtlas2 starts from by default).
Positions random_start_positions(std::uint32_t nodes, std::uint64_t seed, double spacing = 10.0);

// The factor by which to scale positions (about the origin) so that ForceAtlas2's forces are in
// balance overall: the virial Σ_i r_i · F_i, positive when the layout wants to expand, is zero.
// Repulsion contributes k_r Σ_{i<j} m_i m_j whatever the scale (F_r · d = k_r m_i m_j), attraction and
// gravity grow with it, so there is one root, found by bisection (node sizes are not considered).
// Starting at that scale, ForceAtlas2 refines the shape it is given instead of first exploding or
// collapsing it, which is what mixes communities in the first iterations.
double balanced_scale(const LayoutGraph& graph, const ForceAtlas2Options& options, std::span<const double> x,
                      std::span<const double> y);

// Scales positions in place by balanced_scale().
void balance_scale(const LayoutGraph& graph, const ForceAtlas2Options& options, Positions& positions);

}  // namespace leaktrace
