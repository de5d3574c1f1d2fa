#include "analysis/communities.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/igraph_adapter.h"

namespace leaktrace {

CommunityDetection::CommunityDetection(const AccountGraph& graph, const Dataset* dataset,
                                       CommunityParameters parameters, std::vector<bool> posts,
                                       std::unique_ptr<ig::BackgroundLeiden> started)
    : graph_(graph), dataset_(dataset), parameters_(parameters), posts_(std::move(posts)), leiden_(std::move(started)) {
  if (parameters_.resolution <= 0) throw std::invalid_argument("--resolution must be positive, e.g. 1.0");
  if (parameters_.types.empty()) throw std::invalid_argument("find communities on at least one edge type");
  if (dataset_ && !posts_.empty() && posts_.size() != dataset_->post_count()) {
    throw std::invalid_argument("the posts that label communities need one entry per post of the dataset");
  }
}

CommunityDetection::~CommunityDetection() = default;

void CommunityDetection::start() {
  if (leiden_ || finished()) return;
  leiden_ = std::make_unique<ig::BackgroundLeiden>([this] { return graph_.undirected(parameters_.types); },
                                                   graph_.edges().size(), parameters_.resolution, parameters_.seed,
                                                   parameters_.runs);
}

void CommunityDetection::run() {
  const std::uint32_t n = graph_.node_count();
  start();
  leiden_in_background_ = leiden_->in_background();
  ig::Partition partition = leiden_->partition();
  leiden_.reset();
  if (partition.membership.size() != n) {
    throw std::runtime_error(fmt::format("Leiden gave {} memberships for a graph of {} nodes", partition.membership.size(), n));
  }
  modularity_ = partition.modularity;

  // Stable ids: by size, then by the smallest node key in the community.
  std::vector<std::int64_t> sizes(static_cast<std::size_t>(partition.count), 0);
  std::vector<std::uint32_t> smallest(static_cast<std::size_t>(partition.count), no_index);
  for (std::uint32_t node = 0; node < n; ++node) {
    auto c = static_cast<std::size_t>(partition.membership[node]);
    ++sizes[c];
    if (smallest[c] == no_index || graph_.node(node).key < graph_.node(smallest[c]).key) smallest[c] = node;
  }
  std::vector<std::int64_t> order(sizes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    if (sizes[a] != sizes[b]) return sizes[a] > sizes[b];
    return graph_.node(smallest[a]).key < graph_.node(smallest[b]).key;
  });
  std::vector<std::int64_t> new_id(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) new_id[order[i]] = static_cast<std::int64_t>(i);
  membership_.resize(n);
  for (std::uint32_t node = 0; node < n; ++node) membership_[node] = new_id[partition.membership[node]];
  communities_.assign(order.size(), Community{});
  for (std::size_t i = 0; i < order.size(); ++i) {
    communities_[i].id = static_cast<std::int64_t>(i);
    communities_[i].accounts = sizes[order[i]];
  }

  std::vector<double> in_strength(n, 0.0);
  for (const GraphEdge& e : graph_.edges()) {
    if (parameters_.types.contains(e.type)) in_strength[e.target] += e.weight;
  }
  label(in_strength);
  mark_finished();
}

void CommunityDetection::label(const std::vector<double>& in_strength) {
  const std::uint32_t n = graph_.node_count();
  // Top accounts: the most amplified members, only for communities worth a label.
  std::vector<std::vector<std::uint32_t>> members(communities_.size());
  for (std::uint32_t node = 0; node < n; ++node) members[static_cast<std::size_t>(membership_[node])].push_back(node);
  for (Community& community : communities_) {
    auto& m = members[static_cast<std::size_t>(community.id)];
    std::size_t keep = std::min(parameters_.label_accounts, m.size());
    std::partial_sort(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(keep), m.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                        if (in_strength[a] != in_strength[b]) return in_strength[a] > in_strength[b];
                        return graph_.node(a).key < graph_.node(b).key;
                      });
    community.top_nodes.assign(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(keep));
  }

  if (dataset_) {
    const Dataset& d = *dataset_;
    const std::size_t k = communities_.size();
    std::vector<std::unordered_map<std::uint32_t, std::int64_t>> tags(k);
    std::vector<std::map<std::uint16_t, std::int64_t>> languages(k);
    std::unordered_map<std::uint32_t, std::int64_t> all_tags;
    std::int64_t all_posts = 0;
    for (std::uint32_t post = 0; post < d.post_count(); ++post) {
      if (!posts_.empty() && !posts_[post]) continue;
      std::uint32_t node = graph_.node_of_account(d.post_author(post));
      if (node == no_index) continue;
      auto c = static_cast<std::size_t>(membership_[node]);
      ++communities_[c].posts;
      ++all_posts;
      if (d.post_language_id(post) != 0) ++languages[c][d.post_language_id(post)];
      for (std::uint32_t h : d.post_hashtags(post)) {
        ++tags[c][h];
        ++all_tags[h];
      }
    }
    for (std::size_t c = 0; c < k; ++c) {
      Community& community = communities_[c];
      if (community.posts == 0) continue;
      // Distinctiveness: how much more often members use the tag than everyone, weighted by use.
      std::vector<LabelledCount> scored;
      for (const auto& [h, count] : tags[c]) {
        double here = static_cast<double>(count) / static_cast<double>(community.posts);
        double everywhere = static_cast<double>(all_tags[h]) / static_cast<double>(all_posts);
        scored.push_back({std::string(d.hashtag(h)), count, static_cast<double>(count) * std::log(here / everywhere)});
      }
      std::sort(scored.begin(), scored.end(), [](const LabelledCount& a, const LabelledCount& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.name < b.name;
      });
      std::erase_if(scored, [](const LabelledCount& t) { return t.score <= 0; });
      if (scored.size() > parameters_.label_hashtags) scored.resize(parameters_.label_hashtags);
      community.hashtags = std::move(scored);

      std::int64_t with_language = 0;
      for (const auto& [language, count] : languages[c]) with_language += count;
      std::vector<LabelledCount> shares;
      for (const auto& [language, count] : languages[c]) {
        shares.push_back({std::string(d.language(language)), count,
                          static_cast<double>(count) / static_cast<double>(with_language)});
      }
      std::sort(shares.begin(), shares.end(), [](const LabelledCount& a, const LabelledCount& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.name < b.name;
      });
      if (shares.size() > parameters_.label_languages) shares.resize(parameters_.label_languages);
      community.languages = std::move(shares);
    }
  }

  for (Community& community : communities_) {
    std::string accounts;
    for (std::uint32_t node : community.top_nodes) {
      accounts += (accounts.empty() ? "" : ", ") + ("@" + graph_.node(node).label);
    }
    std::string tags;
    for (const LabelledCount& t : community.hashtags) tags += (tags.empty() ? "#" : ", #") + t.name;
    std::string languages;
    for (const LabelledCount& l : community.languages) languages += (languages.empty() ? "" : ", ") + l.name;
    std::string label = accounts;
    for (const std::string* part : {&tags, &languages}) {
      if (!part->empty()) label += (label.empty() ? "" : " · ") + *part;
    }
    community.label = std::move(label);
  }
}

const std::vector<std::int64_t>& CommunityDetection::membership() const {
  assure_finished("CommunityDetection");
  return membership_;
}
const std::vector<Community>& CommunityDetection::communities() const {
  assure_finished("CommunityDetection");
  return communities_;
}
bool CommunityDetection::leiden_in_background() const {
  assure_finished("CommunityDetection");
  return leiden_in_background_;
}
double CommunityDetection::modularity() const {
  assure_finished("CommunityDetection");
  return modularity_;
}
std::size_t CommunityDetection::non_trivial_count() const {
  assure_finished("CommunityDetection");
  return static_cast<std::size_t>(std::count_if(communities_.begin(), communities_.end(),
                                                [](const Community& c) { return c.accounts > 1; }));
}
std::int64_t CommunityDetection::community_of_account(std::uint32_t account) const {
  assure_finished("CommunityDetection");
  std::uint32_t node = graph_.node_of_account(account);
  return node == no_index ? -1 : membership_[node];
}

PartitionAgreement compare_with_attribute(const std::vector<std::int64_t>& membership,
                                          const std::vector<std::string>& attribute) {
  if (membership.size() != attribute.size()) {
    throw std::invalid_argument("the attribute to compare with needs one value per node");
  }
  std::vector<std::int64_t> found;
  std::vector<std::int64_t> given;
  std::unordered_map<std::string, std::int64_t> ids;
  for (std::size_t node = 0; node < membership.size(); ++node) {
    if (attribute[node].empty()) continue;
    found.push_back(membership[node]);
    given.push_back(ids.emplace(attribute[node], static_cast<std::int64_t>(ids.size())).first->second);
  }
  PartitionAgreement agreement;
  agreement.nodes = found.size();
  if (found.empty()) return agreement;
  // igraph wants ids 0..k-1 on both sides.
  std::unordered_map<std::int64_t, std::int64_t> dense;
  for (std::int64_t& c : found) c = dense.emplace(c, static_cast<std::int64_t>(dense.size())).first->second;
  agreement.nmi = ig::compare_partitions(found, given, ig::PartitionComparison::nmi);
  agreement.ari = ig::compare_partitions(found, given, ig::PartitionComparison::adjusted_rand);
  return agreement;
}

}  // namespace leaktrace
