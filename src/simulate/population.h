#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/time.h"
#include "simulate/random.h"
#include "simulate/scenario.h"

namespace leaktrace::simulate {

enum class Role : unsigned char { regular, first_spreader, hub, bridge, bot };

struct SimAccount {
  std::uint64_t id = 0;  // Twitter user id
  std::string handle;
  std::string name;
  std::uint32_t community = 0;
  std::uint32_t tie_community = 0;  // a bridge's other community; its own for everyone else
  Role role = Role::regular;
  std::uint32_t followers = 0;
  std::uint32_t friends = 0;
  std::uint32_t statuses = 0;
  TimeMs created_at = 0;
  bool verified = false;
  bool default_profile = false;
};

struct SimCommunity {
  CommunityProfile profile;
  std::vector<std::uint32_t> members;  // account indexes, bots excluded
  std::vector<std::uint32_t> bridges;  // members with a tie to another community
  AliasTable activity;                 // draws a member (its account index) by how much it posts
};

// The accounts of a scenario: heavy-tailed followers and activity, grouped in communities, with
// the roles of the story (first spreader, hubs, bridges, a coordinated group of bots).
class Population {
 public:
  Population(const ScenarioParameters& parameters, Random& random);

  const std::vector<SimAccount>& accounts() const { return accounts_; }
  const SimAccount& account(std::uint32_t index) const { return accounts_[index]; }
  const std::vector<SimCommunity>& communities() const { return communities_; }
  const SimCommunity& community(std::uint32_t index) const { return communities_[index]; }
  std::uint32_t first_spreader() const { return first_spreader_; }
  const std::vector<std::uint32_t>& hubs() const { return hubs_; }
  const std::vector<std::uint32_t>& bots() const { return bots_; }
  std::uint32_t bot_community() const { return bot_community_; }
  // An account anywhere, drawn by activity (bots excluded).
  std::uint32_t draw_active(Random& random) const;
  // A member of `community` drawn by activity.
  std::uint32_t draw_member(std::uint32_t community, Random& random) const;

  // Who follows whom inside the population (what the API's friends/ids would return for each
  // account, restricted to the collection): mostly inside one's community and towards popular
  // accounts; bridges follow their other community too.
  std::span<const std::uint32_t> followees(std::uint32_t account) const {
    return {followee_targets_.data() + followee_offsets_[account],
            followee_targets_.data() + followee_offsets_[account + 1]};
  }
  std::size_t follow_count() const { return followee_targets_.size(); }
  // A follower of `account` drawn by how active followers are (who is online to see a post);
  // no_follower when nobody follows it.
  static constexpr std::uint32_t no_follower = UINT32_MAX;
  std::uint32_t draw_follower(std::uint32_t account, Random& random) const;

 private:
  std::vector<SimAccount> accounts_;
  std::vector<SimCommunity> communities_;
  std::vector<std::uint32_t> hubs_;
  std::vector<std::uint32_t> bots_;
  std::uint32_t first_spreader_ = 0;
  std::uint32_t bot_community_ = 0;
  AliasTable community_by_activity_;
  std::vector<std::uint32_t> followee_offsets_;
  std::vector<std::uint32_t> followee_targets_;
  std::vector<std::uint32_t> follower_offsets_;
  std::vector<std::uint32_t> follower_sources_;
  std::vector<float> follower_cumulative_activity_;

  void build_follow_graph(const ScenarioParameters& parameters, const std::vector<double>& activity, Random& random);
};

}  // namespace leaktrace::simulate
