#include "graph/ma_cascade_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "graph/delimited_text.h"
#include "graph/file_text.h"
#include "graph/imported_network.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

constexpr TimeMs ms_per_minute = 60'000;
constexpr std::uint32_t unresolved = UINT32_MAX - 1;

struct Triple {
  std::string_view user, post, delay;
};

void skip_spaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
}

// ['a', 'b', 'c'] starting at i.
bool parse_triple(std::string_view text, std::size_t& i, Triple& out) {
  skip_spaces(text, i);
  if (i >= text.size() || text[i] != '[') return false;
  ++i;
  std::string_view* fields[3] = {&out.user, &out.post, &out.delay};
  for (int f = 0; f < 3; ++f) {
    skip_spaces(text, i);
    if (f > 0) {
      if (i >= text.size() || text[i] != ',') return false;
      ++i;
      skip_spaces(text, i);
    }
    if (i >= text.size() || (text[i] != '\'' && text[i] != '"')) return false;
    char quote = text[i++];
    std::size_t close = text.find(quote, i);
    if (close == std::string_view::npos) return false;
    *fields[f] = text.substr(i, close - i);
    i = close + 1;
  }
  skip_spaces(text, i);
  if (i >= text.size() || text[i] != ']') return false;
  ++i;
  return true;
}

// "5.37" minutes -> 322200 ms, exactly for up to three decimals, rounded beyond.
std::optional<TimeMs> delay_ms(std::string_view text) {
  double minutes = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), minutes);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(minutes) ||
      std::fabs(minutes) > 1e12) {
    return std::nullopt;
  }
  return static_cast<TimeMs>(std::llround(minutes * ms_per_minute));
}

struct Line {
  std::uint32_t parent;
  std::uint32_t child;
  std::uint64_t number;
};

}  // namespace

MaTreeCounts& MaTreeCounts::operator+=(const MaTreeCounts& other) {
  lines += other.lines;
  repeated_lines += other.repeated_lines;
  self_loops += other.self_loops;
  lines_into_root += other.lines_into_root;
  extra_parents += other.extra_parents;
  loops_broken += other.loops_broken;
  unattached += other.unattached;
  missing_root_line += other.missing_root_line;
  return *this;
}

CascadeTree read_ma_cascade_tree(std::string_view text, const std::string& path, std::string id,
                                 std::vector<InputRejection>& rejections, MaTreeCounts& counts) {
  CascadeTree tree;
  tree.id = std::move(id);
  tree.relative_times = true;

  std::vector<CascadeNode> nodes;  // in order of first appearance
  std::unordered_map<std::string, std::uint32_t> index;
  auto node_of = [&](const Triple& triple, TimeMs time) {
    std::string key = fmt::format("{}\x1f{}\x1f{}", triple.user, triple.post, time);
    auto [it, inserted] = index.try_emplace(std::move(key), static_cast<std::uint32_t>(nodes.size()));
    if (inserted) nodes.push_back(CascadeNode{std::string(triple.user), std::string(triple.post), time, no_index});
    return it->second;
  };

  std::vector<Line> lines;
  std::optional<std::uint32_t> root;
  DataLines data(text);
  std::string_view line;
  std::uint64_t number = 0;
  while (data.next(line, number)) {
    ++counts.lines;
    std::size_t i = 0;
    Triple parent, child;
    bool parsed = parse_triple(line, i, parent);
    skip_spaces(line, i);
    parsed = parsed && line.substr(i, 2) == "->";
    i += 2;
    parsed = parsed && parse_triple(line, i, child);
    skip_spaces(line, i);
    if (!parsed || i != line.size()) {
      rejections.push_back(InputRejection{path, number, "expected ['user', 'tweet', 'delay']->['user', 'tweet', 'delay']"});
      continue;
    }
    auto child_time = delay_ms(child.delay);
    if (!child_time || child.user == "ROOT") {
      rejections.push_back(InputRejection{path, number, fmt::format("the child's delay '{}' is not a number of minutes", child.delay)});
      continue;
    }
    if (parent.user == "ROOT") {
      std::uint32_t source = node_of(child, *child_time);
      if (!root) root = source;
      else if (*root != source) rejections.push_back(InputRejection{path, number, "a second ROOT line (the first kept)"});
      continue;
    }
    auto parent_time = delay_ms(parent.delay);
    if (!parent_time) {
      rejections.push_back(InputRejection{path, number, fmt::format("the parent's delay '{}' is not a number of minutes", parent.delay)});
      continue;
    }
    std::uint32_t p = node_of(parent, *parent_time);
    std::uint32_t c = node_of(child, *child_time);
    lines.push_back(Line{p, c, number});
  }
  if (nodes.empty()) return tree;
  if (!root) {
    ++counts.missing_root_line;
    root = lines.empty() ? 0 : lines.front().parent;
  }

  // Candidate parents of each node in file order, without self-loops, lines into the root and
  // repeated lines.
  const std::uint32_t n = static_cast<std::uint32_t>(nodes.size());
  std::vector<std::vector<std::uint32_t>> candidates(n);
  std::vector<std::uint64_t> first_line(n, UINT64_MAX);
  std::unordered_set<std::uint64_t> seen_pairs;
  for (const Line& l : lines) {
    if (l.parent == l.child) {
      ++counts.self_loops;
      continue;
    }
    if (l.child == *root) {
      ++counts.lines_into_root;
      continue;
    }
    if (!seen_pairs.insert((std::uint64_t{l.parent} << 32) | l.child).second) {
      ++counts.repeated_lines;
      continue;
    }
    if (candidates[l.child].empty()) first_line[l.child] = l.number;
    candidates[l.child].push_back(l.parent);
  }

  // First-listed parents; then the nodes whose chain of them does not reach the root.
  std::vector<std::uint32_t> parent(n, unresolved);
  parent[*root] = no_index;
  enum State : std::uint8_t { unknown, visiting, reaches, fails };
  std::vector<State> state(n, unknown);
  state[*root] = reaches;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (candidates[v].size() > 1) ++counts.extra_parents;
    std::vector<std::uint32_t> chain;
    std::uint32_t x = v;
    while (state[x] == unknown) {
      state[x] = visiting;
      chain.push_back(x);
      if (candidates[x].empty()) break;
      x = candidates[x].front();
    }
    State outcome = state[x] == reaches ? reaches : fails;
    for (std::uint32_t y : chain) {
      state[y] = outcome;
      if (outcome == reaches) parent[y] = candidates[y].front();
    }
  }
  std::vector<std::uint32_t> failing;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (state[v] == fails) failing.push_back(v);
  }
  bool changed = true;
  while (changed && !failing.empty()) {
    changed = false;
    for (std::uint32_t v : failing) {
      if (state[v] == reaches) continue;
      for (std::uint32_t candidate : candidates[v]) {
        if (state[candidate] == reaches) {
          parent[v] = candidate;
          state[v] = reaches;
          ++counts.loops_broken;
          changed = true;
          break;
        }
      }
    }
  }
  for (std::uint32_t v : failing) {
    if (state[v] != reaches) {
      parent[v] = *root;
      ++counts.unattached;
    }
  }

  // Breadth-first from the root, children in the order of the lines that attach them.
  std::vector<std::vector<std::uint32_t>> children(n);
  std::vector<std::uint32_t> by_line;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (v != *root) by_line.push_back(v);
  }
  std::stable_sort(by_line.begin(), by_line.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return first_line[a] < first_line[b]; });
  for (std::uint32_t v : by_line) children[parent[v]].push_back(v);
  std::vector<std::uint32_t> position(n, no_index);
  std::vector<std::uint32_t> order{*root};
  position[*root] = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::uint32_t child : children[order[i]]) {
      position[child] = static_cast<std::uint32_t>(order.size());
      order.push_back(child);
    }
  }
  tree.nodes.reserve(order.size());
  for (std::uint32_t v : order) {
    CascadeNode node = std::move(nodes[v]);
    node.parent = v == *root ? no_index : position[parent[v]];
    tree.nodes.push_back(std::move(node));
  }
  return tree;
}

CascadeForest read_ma_cascades(const std::string& folder) {
  fs::path tree_folder = fs::path(folder) / "tree";
  std::error_code error;
  if (!fs::is_directory(tree_folder, error)) {
    throw NetworkReadError(fmt::format(
        "{}: no tree/ folder; a Twitter15/16 dataset is a folder with tree/<id>.txt files and label.txt", folder));
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(tree_folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw NetworkReadError(fmt::format("{}: no tree file (*.txt) in tree/", folder));

  CascadeForest forest;
  std::unordered_map<std::string, std::string> labels;
  fs::path label_file = fs::path(folder) / "label.txt";
  if (fs::exists(label_file)) {
    FileText text = read_file_text(label_file.string());
    DataLines data(text.text);
    std::string_view line;
    std::uint64_t number = 0;
    while (data.next(line, number)) {
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0 || colon + 1 >= line.size()) {
        forest.rejections.push_back(InputRejection{label_file.string(), number, "expected label:id"});
        continue;
      }
      std::string_view id = line.substr(colon + 1);
      while (!id.empty() && (id.back() == ' ' || id.back() == '\t')) id.remove_suffix(1);
      labels.emplace(std::string(id), std::string(line.substr(0, colon)));
    }
  } else {
    forest.notes.push_back("no label.txt: the trees have no labels");
  }

  MaTreeCounts counts;
  std::size_t unlabelled = 0;
  for (const fs::path& file : files) {
    FileText text = read_file_text(file.string());
    if (text.damage) forest.rejections.push_back(InputRejection{file.string(), 0, *text.damage});
    CascadeTree tree = read_ma_cascade_tree(text.text, file.string(), file.stem().string(), forest.rejections, counts);
    if (tree.nodes.empty()) {
      forest.rejections.push_back(InputRejection{file.string(), 0, "no node could be read: the tree is skipped"});
      continue;
    }
    if (auto it = labels.find(tree.id); it != labels.end()) tree.label = it->second;
    else ++unlabelled;
    forest.trees.push_back(std::move(tree));
  }
  auto note = [&](std::uint64_t count, std::string_view text) {
    if (count > 0) forest.notes.push_back(fmt::format("{} {}", count, text));
  };
  note(counts.repeated_lines, "repeated lines skipped");
  note(counts.self_loops, "lines from a node to itself skipped");
  note(counts.lines_into_root, "lines listing the source post as a child skipped");
  note(counts.extra_parents, "nodes listed under more than one parent (the first listed kept)");
  note(counts.loops_broken, "nodes whose first-listed parents loop took a later listed parent");
  note(counts.unattached, "nodes none of whose parents reaches the source were put under it");
  note(counts.missing_root_line, "trees without a ROOT line (the first line's parent taken as the source)");
  note(unlabelled, "trees without a label in label.txt");
  return forest;
}

}  // namespace leaktrace
