#pragma once

#include <span>
#include <utility>
#include <vector>

#include "graph/account_graph.h"
#include "workspace/dataset.h"

namespace leaktrace {

struct AccountGraphOptions {
  InteractionTypes types = InteractionTypes::all();
  // Only the interactions made by these posts (a subject's shares), by post index; empty: all posts.
  std::vector<bool> posts;
  // Also a node for every author of one of `posts` that interacted with nobody (an original
  // nobody reposted is still a share of the subject).
  bool include_authors = true;
  // Whom each repost came from, by post index (a reconstructed diffusion parent), instead of the
  // root the data names; empty: the data's parent. no_index entries keep the data's parent.
  std::vector<std::uint32_t> repost_parents;
  // Who follows whom (follower, followee), by Dataset account: edges of type follow when the
  // types include follow.
  std::span<const std::pair<std::uint32_t, std::uint32_t>> follows;
};

// The node an account's posts belong to in graphs: itself, except that the anonymous posters of a
// 4chan thread are one node, the thread ("4chan:thread:pol/124245377"); anonymous pastes are
// already one account each ("pastebin:paste:KEY").
struct AccountNodeKey {
  std::string key;
  std::string label;
  bool is_thread = false;
};
AccountNodeKey account_node_key(const Dataset& dataset, std::uint32_t account);

// The account graph of a Dataset: u -> v when a post of u reposts, quotes or answers a post of v,
// mentions v, or cites (links to) a post of v on any platform. A repost's mention of the reposted
// author is the repost itself and is not counted again.
AccountGraph build_account_graph(const Dataset& dataset, const AccountGraphOptions& options = {});

}  // namespace leaktrace
