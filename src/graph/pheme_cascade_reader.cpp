#include "graph/pheme_cascade_reader.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <simdjson.h>

#include "graph/file_text.h"
#include "graph/imported_network.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

struct Counts {
  std::uint64_t missing_tweets = 0;
  std::uint64_t unparsable_tweets = 0;
  std::uint64_t detached = 0;
  std::uint64_t repeated_ids = 0;
};

struct Pending {
  std::string id;
  simdjson::dom::element children;
  std::uint32_t parent;
};

// user.id_str and created_at of one tweet file, if the thread has it.
void read_tweet(const fs::path& thread, const std::string& id, CascadeNode& node, simdjson::dom::parser& parser,
                Counts& counts, std::vector<InputRejection>& rejections) {
  for (const char* sub : {"source-tweet", "replies"}) {
    fs::path file = thread / sub / (id + ".json");
    std::error_code error;
    if (!fs::is_regular_file(file, error)) continue;
    FileText text = read_file_text(file.string());
    simdjson::dom::element tweet;
    if (parser.parse(text.text).get(tweet) != simdjson::SUCCESS) {
      ++counts.unparsable_tweets;
      rejections.push_back(InputRejection{file.string(), 0, "not a JSON document: the tweet's author and time are unknown"});
      return;
    }
    std::string_view user;
    if (tweet["user"]["id_str"].get(user) == simdjson::SUCCESS) node.user = std::string(user);
    std::string_view created_at;
    if (tweet["created_at"].get(created_at) == simdjson::SUCCESS) {
      if (auto time = parse_twitter_v1_time(created_at)) node.time = *time;
    }
    return;
  }
  ++counts.missing_tweets;
}

std::optional<CascadeTree> read_thread(const fs::path& structure, simdjson::dom::parser& parser,
                                       simdjson::dom::parser& tweet_parser, Counts& counts,
                                       std::vector<InputRejection>& rejections) {
  FileText text = read_file_text(structure.string());
  simdjson::dom::element root;
  simdjson::dom::object top;
  if (parser.parse(text.text).get(root) != simdjson::SUCCESS || root.get(top) != simdjson::SUCCESS) {
    rejections.push_back(InputRejection{structure.string(), 0, "not a JSON object of tweet ids: the thread is skipped"});
    return std::nullopt;
  }
  fs::path thread = structure.parent_path();
  std::string source = thread.filename().string();
  std::vector<std::pair<std::string, simdjson::dom::element>> entries;
  for (auto [key, value] : top) entries.emplace_back(std::string(key), value);
  if (entries.empty()) {
    rejections.push_back(InputRejection{structure.string(), 0, "an empty structure: the thread is skipped"});
    return std::nullopt;
  }
  auto source_entry = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == source; });
  if (source_entry == entries.end()) source_entry = entries.begin();
  std::rotate(entries.begin(), source_entry, source_entry + 1);

  CascadeTree tree;
  tree.id = entries.front().first;
  std::unordered_set<std::string> seen;
  std::vector<Pending> queue{{entries.front().first, entries.front().second, no_index}};
  for (std::size_t i = 1; i < entries.size(); ++i) {
    queue.push_back(Pending{entries[i].first, entries[i].second, 0});
    ++counts.detached;
  }
  // Breadth-first: the source, the detached replies under it, then each level in file order.
  for (std::size_t next = 0; next < queue.size(); ++next) {
    Pending item = std::move(queue[next]);
    if (!seen.insert(item.id).second) {
      ++counts.repeated_ids;
      continue;
    }
    CascadeNode node;
    node.post = item.id;
    node.parent = item.parent;
    read_tweet(thread, item.id, node, tweet_parser, counts, rejections);
    auto index = static_cast<std::uint32_t>(tree.nodes.size());
    tree.nodes.push_back(std::move(node));
    simdjson::dom::object children;
    if (item.children.get(children) == simdjson::SUCCESS) {
      for (auto [key, value] : children) queue.push_back(Pending{std::string(key), value, index});
    } else {
      simdjson::dom::array leaf;
      if (item.children.get(leaf) != simdjson::SUCCESS || leaf.size() != 0) {
        rejections.push_back(InputRejection{
            structure.string(), 0, fmt::format("the replies of {} are neither an object nor []: not read", item.id)});
      }
    }
  }
  return tree;
}

}  // namespace

CascadeForest read_pheme_cascades(const std::string& folder, const std::string& labels) {
  std::vector<fs::path> structures;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(folder, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file() && it->path().filename() == "structure.json") structures.push_back(it->path());
  }
  if (error) throw NetworkReadError(fmt::format("{}: {}", folder, error.message()));
  std::sort(structures.begin(), structures.end());
  if (structures.empty()) {
    throw NetworkReadError(fmt::format(
        "{}: no structure.json; a PHEME dataset has one folder per thread with structure.json, source-tweet/ and "
        "replies/",
        folder));
  }
  CascadeForest forest;
  std::unordered_map<std::string, std::string> label_of;
  simdjson::dom::parser parser;
  if (!labels.empty()) {
    FileText text = read_file_text(labels);
    simdjson::dom::object object;
    if (parser.parse(text.text).get(object) != simdjson::SUCCESS) {
      forest.rejections.push_back(InputRejection{labels, 0, "not a JSON object of id -> label: no labels read"});
    } else {
      for (auto [key, value] : object) {
        std::string_view label;
        if (value.get(label) == simdjson::SUCCESS) label_of.emplace(std::string(key), std::string(label));
      }
    }
  }
  Counts counts;
  simdjson::dom::parser tweet_parser;
  for (const fs::path& structure : structures) {
    auto tree = read_thread(structure, parser, tweet_parser, counts, forest.rejections);
    if (!tree) continue;
    if (auto it = label_of.find(tree->id); it != label_of.end()) tree->label = it->second;
    forest.trees.push_back(std::move(*tree));
  }
  auto note = [&](std::uint64_t count, std::string_view text) {
    if (count > 0) forest.notes.push_back(fmt::format("{} {}", count, text));
  };
  note(counts.missing_tweets, "tweets of the structures are not in the threads' folders (author and time unknown)");
  note(counts.detached, "replies whose parent was not collected were put under the source");
  note(counts.repeated_ids, "tweet ids met twice in one structure (the first place kept)");
  return forest;
}

}  // namespace leaktrace
