// The analyses against simulated scenarios whose ground truth (truth.json) they never see: the
// test reads the truth, the analyses read only the files a researcher would have collected.
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "analysis/bridges.h"
#include "analysis/coordination.h"
#include "analysis/investigation.h"
#include "simulate/simulation.h"
#include "unit/test_files.h"
#include "workspace/dataset_loader.h"
#include "workspace/ingestion.h"

namespace leaktrace {
namespace {

struct Shape {
  const char* name;
  std::uint64_t seed;
  std::uint64_t tweets;
  std::uint64_t accounts;
  std::uint32_t communities;
};

struct Truth {
  std::vector<std::pair<std::string, std::string>> chain;   // (platform, post)
  std::map<std::string, std::int64_t> community;            // twitter account id -> planted community
  struct PlantedBridge {
    std::int64_t community;
    std::string account;
    std::int64_t from_community;  // -1 for the origin community
  };
  std::vector<PlantedBridge> bridges;
  std::map<std::string, std::string> parents;  // share -> the share it came from
  std::set<std::string> coordinated;           // accounts of the coordinated group
};

Truth read_truth(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.load(path);
  Truth truth;
  for (simdjson::dom::element step : doc["origin_chain"].get_array()) {
    truth.chain.emplace_back(std::string(step["platform"].get_string().value()), std::string(step["post"].get_string().value()));
  }
  for (simdjson::dom::element community : doc["communities"].get_array()) {
    std::int64_t id = community["id"].get_int64();
    for (simdjson::dom::element member : community["members"].get_array()) {
      truth.community[std::string(member.get_string().value())] = id;
    }
  }
  for (simdjson::dom::element bridge : doc["bridges"].get_array()) {
    std::int64_t from = -1;
    if (simdjson::dom::element value; bridge["from_community"].get(value) == simdjson::SUCCESS) from = value.get_int64();
    truth.bridges.push_back({bridge["community"].get_int64(), std::string(bridge["account"].get_string().value()), from});
  }
  for (simdjson::dom::element pair : doc["parents"].get_array()) {
    truth.parents[std::string(pair.at(0).get_string().value())] = std::string(pair.at(1).get_string().value());
  }
  for (simdjson::dom::element account : doc["coordinated"]["accounts"].get_array()) {
    truth.coordinated.insert(std::string(account.get_string().value()));
  }
  return truth;
}

// One simulated, ingested and loaded scenario per shape. ctest runs every test in a process of
// its own, so each shape is one test that checks every analysis on it.
struct Scenario {
  testing::TempDir dir;
  std::unique_ptr<Dataset> dataset;
  std::unique_ptr<FollowGraph> follows;
  Truth truth;
  std::string subject;
};

std::shared_ptr<Scenario> make_scenario(const Shape& shape) {
  auto scenario = std::make_shared<Scenario>();
  testing::TempDir& dir_ = scenario->dir;
  {
    simulate::ScenarioParameters parameters;
    parameters.seed = shape.seed;
    parameters.tweets = shape.tweets;
    parameters.accounts = shape.accounts;
    parameters.communities = shape.communities;
    parameters.threads = 2;
    const std::string folder = dir_.file("scenario");
    simulate::Simulation(parameters, folder).run();
    {
      auto workspace = Workspace::open_for_writing(dir_.file("w.db"));
      IngestOptions options;
      options.stream.reader.board = "pol";
      Ingestion ingestion(workspace, {folder + "/tweets.jsonl.zst", folder + "/4chan-thread.json", folder + "/pastes.jsonl"},
                          options);
      ingestion.run();
    }
    auto workspace = Workspace::open_for_reading(dir_.file("w.db"));
    scenario->dataset = std::make_unique<Dataset>(load_dataset(workspace));
    scenario->follows = std::make_unique<FollowGraph>(read_follow_graph(folder + "/follows.tsv.zst", *scenario->dataset).graph);
    scenario->truth = read_truth(folder + "/truth.json");
    scenario->subject = "#" + parameters.subject_tag;
  }
  return scenario;
}

class ScenarioAccuracy : public ::testing::TestWithParam<Shape> {
 protected:
  void SetUp() override {
    scenario_ = make_scenario(GetParam());
    dataset_ = scenario_->dataset.get();
    follows_ = scenario_->follows.get();
    truth_ = &scenario_->truth;
  }

  Investigation investigate(ParentAssumption parent, bool with_follows) {
    InvestigationOptions options;
    options.parent = parent;
    options.follows = with_follows ? follows_ : nullptr;
    return Investigation(*dataset_, Subject::parse(scenario_->subject), options);
  }

  // NMI between found and planted communities over every account of the data.
  double nmi(Investigation& investigation) {
    const Dataset& d = *dataset_;
    std::vector<std::int64_t> found;
    std::vector<std::string> planted;
    for (std::uint32_t a = 0; a < d.account_count(); ++a) {
      auto it = truth_->community.find(std::string(d.account_native_id(a)));
      if (d.account_platform(a) != Platform::twitter || it == truth_->community.end()) continue;
      found.push_back(investigation.communities().community_of_account(a));
      planted.push_back(std::to_string(it->second));
    }
    return compare_with_attribute(found, planted).nmi;
  }

  // Share of reposts whose reconstructed parent is the true one.
  double parent_accuracy(Investigation& investigation) {
    const Dataset& d = *dataset_;
    std::size_t right = 0, total = 0;
    for (std::uint32_t p : investigation.subject_match().posts()) {
      if (d.post_kind(p) != PostKind::repost || d.post_platform(p) != Platform::twitter) continue;
      auto it = truth_->parents.find(std::string(d.post_native_id(p)));
      if (it == truth_->parents.end()) continue;
      ++total;
      std::uint32_t parent = investigation.parents().parent(p);
      right += parent != no_index && d.post_native_id(parent) == it->second;
    }
    return total == 0 ? 0 : static_cast<double>(right) / static_cast<double>(total);
  }

  void check_origin_chain();
  void check_communities();
  void check_bridges();
  void check_parents();
  void check_coordination();

  std::shared_ptr<Scenario> scenario_;
  const Dataset* dataset_ = nullptr;
  const FollowGraph* follows_ = nullptr;
  const Truth* truth_ = nullptr;
};

void ScenarioAccuracy::check_origin_chain() {
  Investigation investigation = investigate(ParentAssumption::latest_tie, false);
  const auto& chain = investigation.origin().chain();
  ASSERT_EQ(chain.size(), truth_->chain.size());
  for (std::size_t i = 0; i < chain.size(); ++i) {
    EXPECT_EQ(platform_name(dataset_->post_platform(chain[i].post)), truth_->chain[i].first) << "step " << i;
    EXPECT_EQ(dataset_->post_native_id(chain[i].post), truth_->chain[i].second) << "step " << i;
  }
}

void ScenarioAccuracy::check_communities() {
  Investigation with_follows = investigate(ParentAssumption::follow_graph, true);
  double found = nmi(with_follows);
  RecordProperty("nmi_with_follower_graph", std::to_string(found));
  EXPECT_GE(found, 0.9);
  Investigation without = investigate(ParentAssumption::latest_tie, false);
  RecordProperty("nmi_interactions_only", std::to_string(nmi(without)));
  std::printf("%s: NMI %.3f with the follower graph, %.3f on interactions only\n", GetParam().name, found, nmi(without));
}

void ScenarioAccuracy::check_bridges() {
  Investigation investigation = investigate(ParentAssumption::follow_graph, true);
  const CommunityDetection& communities = investigation.communities();
  BridgeDetection bridges(*dataset_, investigation.subject_match(), communities, investigation.parents(),
                          follows_, nullptr);
  bridges.run();
  // The planted community of each found community: where most of its accounts come from.
  std::map<std::int64_t, std::map<std::int64_t, std::size_t>> votes;
  for (std::uint32_t a = 0; a < dataset_->account_count(); ++a) {
    auto it = truth_->community.find(std::string(dataset_->account_native_id(a)));
    std::int64_t c = communities.community_of_account(a);
    if (it != truth_->community.end() && c >= 0) ++votes[c][it->second];
  }
  auto planted_of = [&](std::int64_t found) -> std::int64_t {
    if (found < 0 || !votes.contains(found)) return -2;
    return std::max_element(votes[found].begin(), votes[found].end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  };
  std::size_t right = 0;
  for (const Truth::PlantedBridge& planted : truth_->bridges) {
    bool source_right = false;
    for (const Bridge& found : bridges.bridges()) {
      if (dataset_->account_native_id(dataset_->post_author(found.post)) != planted.account) continue;
      source_right = planted.from_community < 0
                         ? planted_of(found.community) == planted.community
                         : found.from_post != no_index && planted_of(found.from_community) == planted.from_community;
      break;
    }
    right += source_right;
    if (!source_right) {
      std::printf("  missed: planted bridge %s into community %ld from %ld\n", planted.account.c_str(),
                  static_cast<long>(planted.community), static_cast<long>(planted.from_community));
      for (const Bridge& found : bridges.bridges()) {
        if (planted_of(found.community) != planted.community) continue;
        std::printf("    found %s (%s) from %s in planted %ld, at %s\n",
                    std::string(dataset_->account_native_id(dataset_->post_author(found.post))).c_str(),
                    std::string(origin_tie_name(found.tie)).c_str(),
                    found.from_post == no_index ? "-" : std::string(dataset_->post_native_id(found.from_post)).c_str(),
                    static_cast<long>(planted_of(found.from_community)), format_iso8601_time(dataset_->post_time(found.post)).c_str());
      }
    }
  }
  std::printf("%s: %zu of %zu planted bridges found with their source community\n", GetParam().name, right,
              truth_->bridges.size());
  EXPECT_GE(static_cast<double>(right), 0.9 * static_cast<double>(truth_->bridges.size()));
}

void ScenarioAccuracy::check_parents() {
  Investigation root = investigate(ParentAssumption::root, false);
  Investigation latest_tie = investigate(ParentAssumption::latest_tie, false);
  Investigation follow_graph = investigate(ParentAssumption::follow_graph, true);
  double at_root = parent_accuracy(root);
  double at_tie = parent_accuracy(latest_tie);
  double at_follows = parent_accuracy(follow_graph);
  std::printf("%s: true parents found: root %.3f, latest-tie %.3f, follow-graph %.3f\n", GetParam().name, at_root,
              at_tie, at_follows);
  EXPECT_GT(at_tie, at_root);
  EXPECT_GT(at_follows, at_tie);

  // Once the community graph has searched the parents of every post, the subject's are read off
  // them: the same as searched again for the subject alone.
  for (ParentAssumption assumption : {ParentAssumption::latest_tie, ParentAssumption::follow_graph}) {
    const bool with_follows = assumption == ParentAssumption::follow_graph;
    Investigation investigation = investigate(assumption, with_follows);
    investigation.community_graph();
    DiffusionParents searched(*dataset_, investigation.subject_match(), assumption, &investigation.whole_graph(),
                              with_follows ? follows_ : nullptr);
    searched.run();
    EXPECT_EQ(investigation.parents().parents(), searched.parents()) << parent_assumption_name(assumption);
    EXPECT_EQ(investigation.parents().rewired(), searched.rewired());
    EXPECT_GT(searched.rewired(), 0u);
  }
}

void ScenarioAccuracy::check_coordination() {
  Investigation investigation = investigate(ParentAssumption::root, false);
  CoordinationDetection detection(*dataset_, investigation.subject_match());
  detection.run();
  std::set<std::string> found;
  for (const CoordinatedCluster& cluster : detection.clusters()) {
    for (const AccountSignals& s : cluster.accounts) found.insert(std::string(dataset_->account_native_id(s.account)));
  }
  std::size_t right = 0;
  for (const std::string& account : found) right += truth_->coordinated.contains(account);
  std::printf("%s: coordinated accounts: %zu found in %zu clusters, %zu of them of the %zu planted\n", GetParam().name,
              found.size(), detection.clusters().size(), right, truth_->coordinated.size());
  EXPECT_GE(static_cast<double>(right), 0.9 * static_cast<double>(truth_->coordinated.size()));
  EXPECT_GE(static_cast<double>(right), 0.9 * static_cast<double>(found.size()));
}

TEST_P(ScenarioAccuracy, AnalysesRecoverTheGroundTruth) {
  {
    SCOPED_TRACE("origin chain is the planted one");
    check_origin_chain();
  }
  {
    SCOPED_TRACE("communities match the planted ones");
    check_communities();
  }
  {
    SCOPED_TRACE("bridges come from the right community");
    check_bridges();
  }
  {
    SCOPED_TRACE("latest-tie parents beat the root, the follower graph beats both");
    check_parents();
  }
  {
    SCOPED_TRACE("the coordinated group is found, and little else");
    check_coordination();
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, ScenarioAccuracy,
                         ::testing::Values(Shape{"demo-like", 2017, 60000, 12000, 5},
                                           Shape{"three-communities", 11, 40000, 8000, 3},
                                           Shape{"seven-communities", 5, 80000, 16000, 7}),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace leaktrace
