#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/cascade_metrics.h"
#include "analysis/diffusion_parents.h"
#include "analysis/subject.h"
#include "graph/cascade_tree.h"
#include "workspace/dataset.h"

namespace leaktrace {

// Dataset accounts by the shares attributed to them as direct parent, most first (ties: key).
using SpreaderList = std::vector<std::pair<std::uint32_t, std::int64_t>>;

// The subject's shares as diffusion trees: each repost under its diffusion parent (as the
// assumption of `parents` reconstructs it), each quote under the post it quotes; a share that
// derives from no other share (an original, a reply, a quote of something outside the subject) is
// the root of a tree of its own. Then each tree's metrics, and who spread most: the accounts whose
// shares were reposted or quoted most often (as the direct parent).
class CascadeReconstruction : public Analysis {
 public:
  CascadeReconstruction(const Dataset& dataset, const SubjectMatch& subject, const DiffusionParents& parents,
                        std::vector<std::size_t> account_thresholds = {10, 100, 1000});
  void run() override;

  std::size_t tree_count() const;
  CascadeTree tree(std::size_t index) const;              // largest first; made on request (a string per node)
  std::span<const std::uint32_t> tree_posts(std::size_t index) const;  // its posts, the root first, parents before children
  const std::vector<std::uint32_t>& roots() const;        // the root post of each tree
  const std::vector<CascadeMetrics>& metrics() const;     // of each tree
  CascadeDatasetSummary summary() const;
  // Dataset accounts by the shares attributed to them as direct parent, most first (ties: key).
  const SpreaderList& spreaders() const;

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  const DiffusionParents& parents_;
  std::vector<std::size_t> thresholds_;
  // Tree i's posts are node_post_[tree_begin_[i], tree_begin_[i + 1]), breadth-first from the root;
  // node_parent_ numbers each one's parent within its tree.
  std::vector<std::uint32_t> tree_begin_;
  std::vector<std::uint32_t> node_post_;
  std::vector<std::uint32_t> node_parent_;
  std::vector<std::uint32_t> roots_;
  std::size_t users_ = 0;  // distinct accounts over all trees
  std::vector<CascadeMetrics> metrics_;
  SpreaderList spreaders_;
};

// How the top spreaders change between two reconstructions: for the accounts in the top `count`
// of either, their shares attributed under each.
struct SpreaderChange {
  std::uint32_t account = no_index;
  std::int64_t first = 0;   // under the first reconstruction (e.g. root)
  std::int64_t second = 0;  // under the second (e.g. latest-tie)
  std::int64_t first_rank = -1;   // 0-based in the first's top, -1 when outside it
  std::int64_t second_rank = -1;
};
std::vector<SpreaderChange> compare_spreaders(const CascadeReconstruction& first, const CascadeReconstruction& second,
                                              std::size_t count);
std::vector<SpreaderChange> compare_spreaders(const SpreaderList& first, const SpreaderList& second, std::size_t count);

// The spreaders a reconstruction finds, without its trees: what comparing with another assumption needs.
SpreaderList spreaders_under(const Dataset& dataset, const SubjectMatch& subject, const DiffusionParents& parents);

}  // namespace leaktrace
