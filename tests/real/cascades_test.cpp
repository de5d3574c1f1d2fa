// The cascade readers and metrics on the real datasets in ../shared/data: Twitter16 (Ma et al. 2017)
// and the PHEME threads of RumourEval 2017. Expectations come from independent few-line readings
// of the files written here, never from the readers under test.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "unit/test_files.h"
#include <simdjson.h>

#include "analysis/cascade_metrics.h"
#include "graph/cascade_dataset.h"
#include "graph/ma_cascade_reader.h"
#include "graph/pheme_cascade_reader.h"
#include "real/shared_data.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

fs::path data_root() { return testing::shared_data(); }

// What the test computes itself from one tree file.
struct Independent {
  std::size_t size = 0;
  std::uint32_t depth = 0;
  long long span_ms = 0;
};

// The file's quoted fields are the 6 strings between single quotes of each line; a node is a
// (user, tweet, delay) triple other than ROOT; each node's parent is the parent of the first line
// listing it as a child, skipping self-loops and lines into the source.
Independent read_independently(const fs::path& file) {
  using Triple = std::tuple<std::string, std::string, long long>;
  std::ifstream in(file);
  std::string line;
  std::set<Triple> nodes;
  std::map<Triple, Triple> parent;
  Triple root;
  while (std::getline(in, line)) {
    std::vector<std::string> quoted;
    for (std::size_t open = line.find('\''); open != std::string::npos; open = line.find('\'', open + 1)) {
      std::size_t close = line.find('\'', open + 1);
      quoted.push_back(line.substr(open + 1, close - open - 1));
      open = close;
    }
    if (quoted.size() != 6) continue;
    auto ms = [](const std::string& minutes) { return std::llround(std::stod(minutes) * 60000); };
    Triple p{quoted[0], quoted[1], ms(quoted[2])};
    Triple c{quoted[3], quoted[4], ms(quoted[5])};
    if (quoted[0] == "ROOT") {
      root = c;
      nodes.insert(c);
      continue;
    }
    nodes.insert(p);
    nodes.insert(c);
    if (p != c && c != root && !parent.count(c)) parent[c] = p;
  }
  Independent out;
  out.size = nodes.size();
  std::map<Triple, std::uint32_t> depth{{root, 0}};
  std::function<std::uint32_t(const Triple&)> depth_of = [&](const Triple& t) -> std::uint32_t {
    auto it = depth.find(t);
    if (it != depth.end()) return it->second;
    std::uint32_t d = depth_of(parent.at(t)) + 1;
    depth[t] = d;
    return d;
  };
  long long earliest = LLONG_MAX, latest = LLONG_MIN;
  for (const Triple& t : nodes) {
    out.depth = std::max(out.depth, depth_of(t));
    earliest = std::min(earliest, std::get<2>(t));
    latest = std::max(latest, std::get<2>(t));
  }
  out.span_ms = latest - earliest;
  return out;
}

TEST(RealCascades, Twitter16TreesAgreeWithAnIndependentReading) {
  fs::path folder = data_root() / "cascades" / "twitter16";
  if (!fs::exists(folder / "tree")) {
    GTEST_SKIP() << "Twitter16 not found in " << folder << " (set LEAKTRACE_DATA to the shared data folder)";
  }
  EXPECT_EQ(detect_cascade_dataset(folder.string()), CascadeDataset::twitter1516);
  CascadeForest forest = read_cascade_dataset(folder.string());
  EXPECT_TRUE(forest.rejections.empty()) << forest.rejections.front().file << ":" << forest.rejections.front().line
                                         << ": " << forest.rejections.front().reason;
  ASSERT_EQ(forest.trees.size(), 818u);
  std::set<std::string> users;
  for (const CascadeTree& tree : forest.trees) {
    SCOPED_TRACE(tree.id);
    Independent expected = read_independently(folder / "tree" / (tree.id + ".txt"));
    CascadeMetrics metrics = cascade_metrics(tree);
    EXPECT_EQ(metrics.size, expected.size);
    EXPECT_EQ(metrics.depth, expected.depth);
    ASSERT_TRUE(metrics.time_span);
    EXPECT_EQ(*metrics.time_span, expected.span_ms);
    EXPECT_FALSE(tree.label.empty());
    for (const CascadeNode& node : tree.nodes) users.insert(node.user);
  }
  CascadeDatasetSummary summary = summarize_cascades(forest.trees);
  EXPECT_EQ(summary.trees, 818u);
  EXPECT_EQ(summary.users, users.size());
  std::cout << fmt::format(
      "Twitter16 dataset-level table\n"
      "  trees {}\n  users {}\n  posts {}\n  average hours per tree {:.1f}\n  average posts per tree {:.1f}\n"
      "  max posts {}\n  min posts {}\n",
      summary.trees, summary.users, summary.posts, summary.average_hours, summary.average_posts, summary.max_posts,
      summary.min_posts);
  for (const std::string& note : forest.notes) std::cout << "  note: " << note << "\n";
}

// `leaktrace cascades --json` on the folder: the same per-tree size, depth and time span as the
// independent reading, and the dataset-level table.
TEST(RealCascades, Twitter16ThroughTheCommandLine) {
  fs::path folder = data_root() / "cascades" / "twitter16";
  if (!fs::exists(folder / "tree")) {
    GTEST_SKIP() << "Twitter16 not found in " << folder << " (set LEAKTRACE_DATA to the shared data folder)";
  }
  testing::TempDir dir;
  std::string out = dir.file("cascades.json");
  std::string command = std::string(LEAKTRACE_BINARY) + " cascades " + folder.string() + " --json > " + out + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.load(out);
  simdjson::dom::element summary = root["summary"];
  EXPECT_EQ(summary["trees"].get_int64().value(), 818);
  for (const char* key : {"users", "posts", "average_hours", "average_posts", "max_posts", "min_posts"}) {
    EXPECT_FALSE(summary[key].error()) << key;
  }
  std::size_t trees = 0;
  for (simdjson::dom::element tree : root["cascades"].get_array()) {
    std::string id(tree["id"].get_string().value());
    SCOPED_TRACE(id);
    Independent expected = read_independently(folder / "tree" / (id + ".txt"));
    EXPECT_EQ(static_cast<std::size_t>(tree["size"].get_int64().value()), expected.size);
    EXPECT_EQ(static_cast<std::uint32_t>(tree["depth"].get_int64().value()), expected.depth);
    EXPECT_EQ(tree["time_span_ms"].get_int64().value(), expected.span_ms);
    ++trees;
  }
  EXPECT_EQ(trees, 818u);
}

// Distinct ids and depth of a structure.json, read with simdjson's DOM.
void walk(simdjson::dom::element children, std::uint32_t depth, std::set<std::string>& ids, std::uint32_t& max_depth) {
  simdjson::dom::object object;
  if (children.get(object) != simdjson::SUCCESS) return;
  for (auto [key, value] : object) {
    if (!ids.insert(std::string(key)).second) continue;
    max_depth = std::max(max_depth, depth);
    walk(value, depth + 1, ids, max_depth);
  }
}

TEST(RealCascades, PhemeThreadsAgreeWithTheirStructure) {
  fs::path folder = data_root() / "twitter-v1" / "rumoureval2017";
  if (!fs::exists(folder)) {
    GTEST_SKIP() << "RumourEval 2017 not found in " << folder << " (set LEAKTRACE_DATA to the shared data folder)";
  }
  CascadeForest forest = read_pheme_cascades(folder.string(), (folder / "train-annotations" / "subtaskB.json").string());
  EXPECT_TRUE(forest.rejections.empty());
  std::map<std::string, fs::path> structures;  // by thread folder name
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().filename() == "structure.json") {
      structures.emplace(entry.path().parent_path().filename().string(), entry.path());
    }
  }
  ASSERT_EQ(forest.trees.size(), structures.size());
  simdjson::dom::parser parser;
  std::size_t labelled = 0, timed = 0;
  for (const CascadeTree& tree : forest.trees) {
    SCOPED_TRACE(tree.id);
    ASSERT_TRUE(structures.count(tree.id));
    fs::path structure = structures[tree.id];
    std::set<std::string> ids;
    std::uint32_t depth = 0;
    simdjson::dom::element root = parser.load(structure.string());
    simdjson::dom::object top = root.get_object();
    // The source's subtree; other top-level entries hang under the source, one level down.
    for (auto [key, value] : top) {
      if (key == tree.id) {
        ids.insert(std::string(key));
        walk(value, 1, ids, depth);
      }
    }
    for (auto [key, value] : top) {
      if (key != tree.id && ids.insert(std::string(key)).second) {
        depth = std::max(depth, 1u);
        walk(value, 2, ids, depth);
      }
    }
    CascadeMetrics metrics = cascade_metrics(tree);
    EXPECT_EQ(metrics.size, ids.size());
    EXPECT_EQ(metrics.depth, depth);
    EXPECT_FALSE(tree.nodes[0].user.empty());  // every thread has its source tweet
    labelled += tree.label.empty() ? 0 : 1;
    for (const CascadeNode& node : tree.nodes) timed += node.time != unknown_time;
  }
  EXPECT_GT(labelled, 0u);
  CascadeDatasetSummary summary = summarize_cascades(forest.trees);
  std::cout << fmt::format("PHEME (RumourEval 2017 train + dev): {} trees, {} users, {} posts ({} with a time), "
                           "{:.1f} hours and {:.1f} posts per tree on average, {} labelled from train\n",
                           summary.trees, summary.users, summary.posts, timed, summary.average_hours,
                           summary.average_posts, labelled);
}

}  // namespace
}  // namespace leaktrace
