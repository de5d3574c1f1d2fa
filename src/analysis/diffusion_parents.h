#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/follow_graph.h"
#include "analysis/subject.h"
#include "graph/account_graph.h"
#include "workspace/dataset.h"

namespace leaktrace {

// How to guess whom a repost really came from. Twitter API v1.1 names only the root of a
// retweet chain, so the diffusion tree must be reconstructed.
enum class ParentAssumption {
  root,          // every repost comes from the root (what the API says)
  latest_tie,    // from the earlier sharer of the same post the account is most tied to (its
                 // interactions with them, either way, anywhere in the data but this repost; equal
                 // ties: the latest), unless it is tied to the root's author as much; else the root
  follow_graph,  // from the latest earlier sharer the account follows (a follower graph); else the root
};
std::string_view parent_assumption_name(ParentAssumption assumption);
ParentAssumption parent_assumption_from_name(std::string_view name);  // throws std::invalid_argument

// The diffusion parent of every share of the subject: for a repost, the post it most likely came
// from under the chosen assumption; for a quote or a reply, the post it names. no_index for posts
// that derive from nothing in the data.
class DiffusionParents : public Analysis {
 public:
  // `ties` (for latest_tie): an account graph of the whole data; `follows` for follow_graph.
  DiffusionParents(const Dataset& dataset, const SubjectMatch& subject, ParentAssumption assumption,
                   const AccountGraph* ties = nullptr, const FollowGraph* follows = nullptr);
  // The same parents read off `of_every_post`, the parents of every post of the dataset under the
  // assumption wanted, instead of searched again: a repost of a share is a share, so a repost's
  // candidates (the earlier reposts of its root) are the same. run() throws std::invalid_argument
  // when `of_every_post` is not of every post.
  DiffusionParents(const Dataset& dataset, const SubjectMatch& subject, const DiffusionParents& of_every_post);
  void run() override;

  std::uint32_t parent(std::uint32_t post) const;  // for posts that share the subject
  const std::vector<std::uint32_t>& parents() const;  // by post index; no_index elsewhere
  ParentAssumption assumption() const { return assumption_; }
  // Reposts whose parent is not the root (the assumption found someone in between).
  std::size_t rewired() const;

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  ParentAssumption assumption_;
  const AccountGraph* ties_;
  const FollowGraph* follows_;
  const DiffusionParents* of_every_post_ = nullptr;
  std::vector<std::uint32_t> parents_;
  std::size_t rewired_ = 0;
};

}  // namespace leaktrace
