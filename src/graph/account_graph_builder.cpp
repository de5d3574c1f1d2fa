#include "graph/account_graph_builder.h"

#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

namespace leaktrace {

AccountNodeKey account_node_key(const Dataset& dataset, std::uint32_t account) {
  std::string_view id = dataset.account_native_id(account);
  if (dataset.account_platform(account) == Platform::fourchan) {
    std::string_view thread;
    if (id.starts_with("thread:")) {
      thread = id.substr(7);
    } else if (std::size_t colon = id.find(':'); colon != std::string_view::npos) {
      thread = id.substr(0, colon);  // "pol/THREAD:POSTER_ID"
    }
    if (!thread.empty()) {
      std::size_t slash = thread.find('/');
      std::string label = slash == std::string_view::npos
                              ? fmt::format("4chan thread {}", thread)
                              : fmt::format("/{}/ thread {}", thread.substr(0, slash), thread.substr(slash + 1));
      return {fmt::format("4chan:thread:{}", thread), std::move(label), true};
    }
  }
  std::string_view handle = dataset.account_handle(account);
  return {dataset.account_key(account), std::string(handle.empty() ? id : handle), false};
}

AccountGraph build_account_graph(const Dataset& dataset, const AccountGraphOptions& options) {
  const bool all_posts = options.posts.empty();
  if (!options.repost_parents.empty() && options.repost_parents.size() != dataset.post_count()) {
    throw std::invalid_argument("AccountGraphOptions::repost_parents must have one entry per post of the dataset");
  }
  if (!all_posts && options.posts.size() != dataset.post_count()) {
    throw std::invalid_argument("AccountGraphOptions::posts must have one entry per post of the dataset");
  }
  // Reserved for the most there can be: pages never touched cost nothing, while growing by
  // doubling copied and faulted in a gigabyte of edges again and again on a large dataset.
  std::vector<GraphNode> nodes;
  nodes.reserve(dataset.account_count());
  std::vector<std::uint32_t> account_node(dataset.account_count(), no_index);
  std::unordered_map<std::string, std::uint32_t> thread_nodes;
  auto node_of = [&](std::uint32_t account) {
    if (account_node[account] != no_index) return account_node[account];
    AccountNodeKey key = account_node_key(dataset, account);
    std::uint32_t node;
    if (key.is_thread) {
      auto [it, added] = thread_nodes.emplace(key.key, static_cast<std::uint32_t>(nodes.size()));
      if (added) nodes.push_back({std::move(key.key), std::move(key.label), no_index});
      node = it->second;
    } else {
      node = static_cast<std::uint32_t>(nodes.size());
      nodes.push_back({std::move(key.key), std::move(key.label), account});
    }
    account_node[account] = node;
    return node;
  };

  std::vector<GraphEdge> edges;
  edges.reserve(dataset.post_count() + dataset.mention_count() + dataset.citation_count() +
                (options.types.contains(InteractionType::follow) ? options.follows.size() : 0));
  auto add = [&](std::uint32_t source, std::uint32_t target_account, InteractionType type, TimeMs time) {
    if (!options.types.contains(type)) return;
    std::uint32_t target = node_of(target_account);
    if (target != source) edges.push_back({source, target, type, 1.0f, time, time});
  };
  for (std::uint32_t post = 0; post < dataset.post_count(); ++post) {
    if (!all_posts && !options.posts[post]) continue;
    const TimeMs time = dataset.post_time(post);
    const std::uint32_t source = node_of(dataset.post_author(post));
    std::uint32_t parent = dataset.post_parent(post);
    if (!options.repost_parents.empty() && dataset.post_kind(post) == PostKind::repost &&
        options.repost_parents[post] != no_index) {
      parent = options.repost_parents[post];
    }
    std::uint32_t parent_author = no_index;
    std::uint32_t root_author = no_index;
    if (parent != no_index) {
      parent_author = dataset.post_author(parent);
      // A retweet's "RT @root" mention names the root's author, who is not counted again either.
      if (dataset.post_parent(post) != no_index) root_author = dataset.post_author(dataset.post_parent(post));
      switch (dataset.post_kind(post)) {
        case PostKind::repost: add(source, parent_author, InteractionType::repost, time); break;
        case PostKind::quote: add(source, parent_author, InteractionType::quote, time); break;
        case PostKind::reply: add(source, parent_author, InteractionType::reply, time); break;
        case PostKind::original: break;
      }
    }
    for (std::uint32_t mentioned : dataset.post_mentions(post)) {
      if (mentioned != parent_author && mentioned != root_author) add(source, mentioned, InteractionType::mention, time);
    }
    for (std::uint32_t cited : dataset.post_citations(post)) {
      add(source, dataset.post_author(cited), InteractionType::citation, time);
    }
  }
  if (options.types.contains(InteractionType::follow)) {
    for (const auto& [follower, followee] : options.follows) add(node_of(follower), followee, InteractionType::follow, unknown_time);
  }
  if (!all_posts && options.include_authors) {
    for (std::uint32_t post = 0; post < dataset.post_count(); ++post) {
      if (options.posts[post]) node_of(dataset.post_author(post));
    }
  }
  return AccountGraph::assemble(std::move(nodes), std::move(edges), {}, std::move(account_node));
}

}  // namespace leaktrace
