#include "layout/backbone_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "layout/initial_positions.h"
#include "layout/layout_random.h"

namespace leaktrace {
namespace {

constexpr double golden_angle = 2.399963229728653;
constexpr double default_leaf_distance = 10;

void check(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("backbone layout: " + message);
}

}  // namespace

std::string format_count(std::int64_t count) {
  std::string digits = std::to_string(count < 0 ? -count : count);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return count < 0 ? "-" + out : out;
}

BackboneLayout::BackboneLayout(const LayoutGraph& graph, BackboneOptions options)
    : graph_(graph), options_(std::move(options)) {
  const std::uint32_t n = graph.node_count();
  check(options_.iterations >= 0, "iterations must be 0 or more");
  check(options_.communities.empty() || options_.communities.size() == n,
        "give one community per node (or none), -1 for a node in no community");
  if (options_.rule == BackboneRule::top_score) {
    check(options_.score.size() == n, "the top_score rule needs one score per node (e.g. PageRank)");
    check(options_.top_count > 0, "the top_score rule needs top_count > 0");
  }
  choose_backbone();
}

void BackboneLayout::choose_backbone() {
  const std::uint32_t n = graph_.node_count();
  backbone_.assign(n, 0);
  if (options_.rule == BackboneRule::min_degree) {
    for (std::uint32_t v = 0; v < n; ++v) backbone_[v] = graph_.degree(v) >= options_.min_degree;
  } else {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const std::size_t keep = std::min<std::size_t>(options_.top_count, n);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                        return options_.score[a] != options_.score[b] ? options_.score[a] > options_.score[b] : a < b;
                      });
    for (std::size_t k = 0; k < keep; ++k) backbone_[order[k]] = 1;
  }
  // A node none of whose neighbours is in the backbone would float alone in ForceAtlas2: it is
  // placed with its component instead.
  std::vector<std::uint8_t> connected(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!backbone_[v]) continue;
    for (std::uint32_t w : graph_.neighbours(v)) {
      if (backbone_[w]) {
        connected[v] = 1;
        break;
      }
    }
  }
  backbone_nodes_.clear();
  for (std::uint32_t v = 0; v < n; ++v) {
    backbone_[v] = connected[v];
    if (backbone_[v]) backbone_nodes_.push_back(v);
  }
}

void BackboneLayout::run() {
  const std::uint32_t n = graph_.node_count();
  x_.assign(n, 0);
  y_.assign(n, 0);
  const LayoutGraph backbone_graph = graph_.induced(backbone_nodes_);
  ForceAtlas2Options fa2_options = ForceAtlas2Options::for_graph(backbone_graph);
  if (!options_.communities.empty()) fa2_options.jitter_tolerance = community_jitter_tolerance;
  if (options_.force_atlas2) fa2_options = *options_.force_atlas2;
  ForceAtlas2 layout(backbone_graph, fa2_options, options_.iterations);
  if (!options_.communities.empty()) {
    std::vector<int> sub_communities(backbone_nodes_.size());
    for (std::size_t i = 0; i < backbone_nodes_.size(); ++i) sub_communities[i] = options_.communities[backbone_nodes_[i]];
    Positions start = community_start_positions(sub_communities, fa2_options.seed);
    balance_scale(backbone_graph, fa2_options, start);
    layout.set_initial_positions(std::move(start.x), std::move(start.y));
  }
  if (progress_) layout.set_progress_handler(progress_);
  layout.set_stop_flag(stop_);
  layout.run();
  interrupted_ = layout.interrupted();
  iterations_done_ = layout.iterations_done();
  for (std::size_t i = 0; i < backbone_nodes_.size(); ++i) {
    x_[backbone_nodes_[i]] = layout.x()[i];
    y_[backbone_nodes_[i]] = layout.y()[i];
  }

  // Leaves sit at about half the typical backbone edge's length from their neighbour.
  std::vector<double> lengths;
  for (std::uint32_t i = 0; i < backbone_graph.node_count(); ++i) {
    for (std::uint32_t j : backbone_graph.neighbours(i)) {
      if (i < j) lengths.push_back(std::hypot(layout.x()[i] - layout.x()[j], layout.y()[i] - layout.y()[j]));
    }
  }
  double leaf_distance = default_leaf_distance;
  if (!lengths.empty()) {
    std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2), lengths.end());
    if (lengths[lengths.size() / 2] > 0) leaf_distance = 0.5 * lengths[lengths.size() / 2];
  }
  place_rest(leaf_distance);
  finished_ = true;
}

void BackboneLayout::place_rest(double leaf_distance) {
  const std::uint32_t n = graph_.node_count();
  std::vector<std::uint8_t> placed = backbone_;
  std::vector<std::uint32_t> children(n, 0);
  double cx = 0, cy = 0;
  for (std::uint32_t v : backbone_nodes_) {
    cx += x_[v];
    cy += y_[v];
  }
  if (!backbone_nodes_.empty()) {
    cx /= static_cast<double>(backbone_nodes_.size());
    cy /= static_cast<double>(backbone_nodes_.size());
  }
  // The k-th node hung from u: a sunflower around u, starting on the side away from the centre.
  auto hang = [&](std::uint32_t u, std::uint32_t v) {
    const std::uint32_t k = children[u]++;
    const double outward = (x_[u] == cx && y_[u] == cy) ? 0.0 : std::atan2(y_[u] - cy, x_[u] - cx);
    const double angle = outward + k * golden_angle;
    const double r = leaf_distance * std::sqrt(k + 0.5) * std::sqrt(2.0);
    x_[v] = x_[u] + r * std::cos(angle);
    y_[v] = y_[u] + r * std::sin(angle);
    placed[v] = 1;
  };
  std::deque<std::uint32_t> queue(backbone_nodes_.begin(), backbone_nodes_.end());
  auto spread = [&] {
    while (!queue.empty()) {
      const std::uint32_t u = queue.front();
      queue.pop_front();
      for (std::uint32_t v : graph_.neighbours(u)) {
        if (placed[v]) continue;
        hang(u, v);
        queue.push_back(v);
      }
    }
  };
  spread();

  // Components without a backbone node: from their best-connected node, on a ring outside.
  double outer = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (placed[v]) outer = std::max(outer, std::hypot(x_[v] - cx, y_[v] - cy));
  }
  outer += 3 * leaf_distance;
  std::uint32_t orphan = 0;
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<std::uint32_t> component;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (placed[start] || seen[start]) continue;
    component.assign(1, start);
    seen[start] = 1;
    for (std::size_t k = 0; k < component.size(); ++k) {
      for (std::uint32_t v : graph_.neighbours(component[k])) {
        if (!seen[v] && !placed[v]) {
          seen[v] = 1;
          component.push_back(v);
        }
      }
    }
    std::uint32_t root = start;
    for (std::uint32_t v : component) {
      if (graph_.degree(v) > graph_.degree(root) || (graph_.degree(v) == graph_.degree(root) && v < root)) root = v;
    }
    // An annulus filled outwards at about one component per (2 leaf distances)², like a sunflower.
    const double radius = std::sqrt(outer * outer + static_cast<double>(orphan) * 4 * leaf_distance * leaf_distance / M_PI);
    const double angle = orphan * golden_angle;
    ++orphan;
    x_[root] = cx + radius * std::cos(angle);
    y_[root] = cy + radius * std::sin(angle);
    placed[root] = 1;
    queue.push_back(root);
    spread();
  }
}

void BackboneLayout::assure_finished() const {
  if (!finished_) throw std::logic_error("BackboneLayout: call run() before asking for its results");
}

const std::vector<double>& BackboneLayout::x() const {
  assure_finished();
  return x_;
}
const std::vector<double>& BackboneLayout::y() const {
  assure_finished();
  return y_;
}
const std::vector<std::uint8_t>& BackboneLayout::backbone() const { return backbone_; }
std::size_t BackboneLayout::backbone_count() const { return backbone_nodes_.size(); }
bool BackboneLayout::interrupted() const {
  assure_finished();
  return interrupted_;
}
int BackboneLayout::iterations_done() const {
  assure_finished();
  return iterations_done_;
}

std::string BackboneLayout::description() const {
  const std::string count = format_count(static_cast<std::int64_t>(backbone_nodes_.size()));
  if (options_.rule == BackboneRule::min_degree) {
    return fmt::format("backbone of the {} accounts with {} or more neighbours", count, options_.min_degree);
  }
  return fmt::format("backbone of the top {} accounts by {}", count, options_.score_name);
}

MapSample sample_beyond_backbone(const LayoutGraph& graph, const std::vector<std::uint8_t>& backbone,
                                 std::string_view backbone_description, double fraction, std::uint64_t seed,
                                 std::size_t max_nodes) {
  const std::uint32_t n = graph.node_count();
  if (backbone.size() != n) throw std::invalid_argument("sample: give one backbone flag per node (BackboneLayout::backbone())");
  if (!(fraction >= 0 && fraction <= 1)) throw std::invalid_argument("sample: the fraction of other accounts to keep must be in [0, 1]");

  std::vector<std::pair<std::uint64_t, std::uint32_t>> rest;  // (per-node draw, node)
  std::size_t backbone_count = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (backbone[v]) {
      ++backbone_count;
    } else {
      LayoutRandom draw(seed ^ (std::uint64_t{v} * 0x9E3779B97F4A7C15ULL));
      rest.emplace_back(draw.next(), v);
    }
  }
  auto keep = static_cast<std::size_t>(std::llround(fraction * static_cast<double>(rest.size())));
  if (max_nodes > 0) keep = std::min(keep, max_nodes > backbone_count ? max_nodes - backbone_count : 0);
  std::sort(rest.begin(), rest.end());

  MapSample sample;
  std::vector<std::uint8_t> kept = backbone;
  for (std::size_t k = 0; k < keep; ++k) kept[rest[k].second] = 1;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (kept[v]) sample.nodes.push_back(v);
  }
  sample.accounts_total = n;
  sample.accounts_shown = static_cast<std::int64_t>(sample.nodes.size());
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t w : graph.neighbours(v)) {
      if (v >= w) continue;
      ++sample.edges_total;
      if (kept[v] && kept[w]) ++sample.edges_shown;
    }
  }
  if (keep == rest.size()) {
    sample.how = fmt::format("all {} accounts", format_count(n));
  } else if (keep == 0) {
    sample.how = fmt::format("{} only, none of the other {}", backbone_description,
                             format_count(static_cast<std::int64_t>(rest.size())));
  } else {
    const double percent = 100.0 * static_cast<double>(keep) / static_cast<double>(rest.size());
    const std::string shown = percent >= 1 ? fmt::format("{:.0f}%", percent) : fmt::format("{:.2g}%", percent);
    sample.how = fmt::format("{}, plus {} of the other {} (a random sample)", backbone_description, shown,
                             format_count(static_cast<std::int64_t>(rest.size())));
  }
  return sample;
}

}  // namespace leaktrace
