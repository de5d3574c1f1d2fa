#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analysis_base.h"
#include "graph/account_graph.h"
#include "graph/igraph_adapter.h"
#include "workspace/dataset.h"

namespace leaktrace {

struct CommunityParameters {
  InteractionTypes types = InteractionTypes::amplification();
  double resolution = 1.0;
  std::uint64_t seed = 42;
  // Leiden runs from seeds seed, seed + 1, ...; the most modular partition is kept. 0: five on
  // graphs of up to 100,000 accounts (where a run takes milliseconds), one above.
  std::size_t runs = 0;
  std::size_t label_accounts = 3;
  std::size_t label_hashtags = 3;
  std::size_t label_languages = 2;
};

struct LabelledCount {
  std::string name;
  std::int64_t count = 0;
  double score = 0;  // share for languages; distinctiveness for hashtags
};

struct Community {
  std::int64_t id = 0;  // 0 is the largest
  std::int64_t accounts = 0;
  std::vector<std::uint32_t> top_nodes;  // by in-strength inside the community
  std::vector<LabelledCount> hashtags;   // distinctive: used here more than elsewhere
  std::vector<LabelledCount> languages;
  std::int64_t posts = 0;                // posts by members (those `labels_from` counts)
  std::string label;                     // "@a, @b · #x, #y · fr"
};

// Communities of the undirected weighted amplification graph by Leiden optimising modularity
// (igraph), each labelled by its top accounts, distinctive hashtags and languages. Community ids
// are stable for the same input and seed: ordered by size, then by their smallest node key.
class CommunityDetection : public Analysis {
 public:
  // `dataset` gives the hashtags and languages of members' posts (`posts`: which posts count,
  // empty for all); without it communities are labelled by accounts only (imported networks).
  // `started`: Leiden already begun on this graph's edges (made by the forked copy itself, before
  // the graph was built here: Investigation::start_communities), collected by run().
  CommunityDetection(const AccountGraph& graph, const Dataset* dataset, CommunityParameters parameters = {},
                     std::vector<bool> posts = {}, std::unique_ptr<ig::BackgroundLeiden> started = nullptr);
  ~CommunityDetection() override;
  // Begins Leiden on the second core (ig::BackgroundLeiden) so that the caller can do other work
  // meanwhile; run() collects it. Optional: run() alone does it all.
  void start();
  void run() override;

  const std::vector<std::int64_t>& membership() const;  // by node
  const std::vector<Community>& communities() const;    // by id
  double modularity() const;
  bool leiden_in_background() const;  // whether Leiden ran in a forked copy (start() on a large graph)
  // Communities of more than one account (the rest are accounts nobody amplified and who
  // amplified nobody).
  std::size_t non_trivial_count() const;
  // The community of a Dataset account, -1 when it is not in the graph.
  std::int64_t community_of_account(std::uint32_t account) const;

 private:
  void label(const std::vector<double>& in_strength);

  const AccountGraph& graph_;
  const Dataset* dataset_;
  CommunityParameters parameters_;
  std::vector<bool> posts_;
  std::unique_ptr<ig::BackgroundLeiden> leiden_;
  std::vector<std::int64_t> membership_;
  std::vector<Community> communities_;
  double modularity_ = 0;
  bool leiden_in_background_ = false;
};

// Normalised mutual information and adjusted Rand index between found communities and a node
// attribute (a planted split, a Gephi modularity class). Nodes without a value are left out.
struct PartitionAgreement {
  double nmi = 0;
  double ari = 0;
  std::size_t nodes = 0;
};
PartitionAgreement compare_with_attribute(const std::vector<std::int64_t>& membership,
                                          const std::vector<std::string>& attribute);

}  // namespace leaktrace
