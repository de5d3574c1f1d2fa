#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/subject.h"
#include "workspace/dataset.h"

namespace leaktrace {

struct CoordinationParameters {
  TimeMs window = 60 * 1000;  // two actions on the same thing this close are a co-action
  // A pair is coordinated when it co-acted at least this often, and in at least this share of the
  // actions of each of the two (a fan who reposts a hub's posts within the minute, among much else
  // the hub's other fans repost too, fails the second).
  std::int64_t min_coactions = 3;
  double min_share = 0.5;
  // And their co-actions must be unlikely by chance: -ln of the Poisson probability of as many,
  // given the things both acted on, each of which makes two of its sharers co-act with the share
  // of its pairs of sharers less than an hour apart, spread over that hour (a viral post crowded
  // for hours makes coincidences likely). Identical texts coincide by chance at most once in a
  // hundred.
  double min_surprise = 10;
  std::size_t min_accounts = 3;  // clusters smaller than this are not reported
  // A share with more than this many earlier shares of the same thing within the window (a hub's
  // post in its first minute) is paired with none of them: this bounds the work per share, and
  // misses a group only when more than this many of it act within one window.
  std::size_t max_crowd = 1000;
  bool reposts = true;           // reposting the same post
  bool links = true;             // sharing the same URL
  bool texts = true;             // posting the same text (URLs, mentions, emoji, case and punctuation aside)
};

// What an account of a cluster looks like: signals, not verdicts.
struct AccountSignals {
  std::uint32_t account = no_index;
  double age_days = -1;        // account age at its first post in the data; -1 when unknown
  double posts_per_hour = 0;   // over the span of its posts in the data
  std::int64_t posts = 0;
  std::optional<bool> default_profile;
  std::int64_t followers = -1;
  std::int64_t following = -1;
};

// One thing a cluster did together.
struct CoordinatedAction {
  enum class Kind { repost, link, text } kind = Kind::repost;
  std::string what;             // the post's id, the URL, or the normalised text
  std::uint32_t example = no_index;  // the reposted post, or the cluster's first post sharing the URL or text
  TimeMs first = unknown_time;
  TimeMs last = unknown_time;
  std::int64_t accounts = 0;    // members of the cluster that took part
};

struct CoordinatedCluster {
  std::vector<AccountSignals> accounts;
  std::vector<CoordinatedAction> actions;  // most shared first
  std::int64_t coactions = 0;              // pairs' co-actions inside the cluster
};

std::string_view coordinated_action_kind_name(CoordinatedAction::Kind kind);

// Accounts that repost the same post, share the same URL or post the same text within a short
// window, repeatedly, for most of what they do, and more often than chance: the co-action network
// of coordinated link sharing studies (Giglietto et al. 2020), its pairs filtered by repetition,
// share and surprise, its connected components reported with the actions that tie them and each
// account's signals (age, rate, default profile).
class CoordinationDetection : public Analysis {
 public:
  // Texts are compared only when the dataset holds them.
  CoordinationDetection(const Dataset& dataset, const SubjectMatch& subject, CoordinationParameters parameters = {});
  void run() override;
  const std::vector<CoordinatedCluster>& clusters() const;  // largest first
  std::size_t pairs() const;  // coordinated pairs found

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  CoordinationParameters parameters_;
  std::vector<CoordinatedCluster> clusters_;
  std::size_t pairs_ = 0;
};

// "офшоры макрона молчат" from "‼️ Офшоры Макрона молчат! https://t.co/x @a 🚨": letters and digits
// of the text, lower case, one space between words; URLs and @mentions left out.
std::string normalised_text(std::string_view text);

}  // namespace leaktrace
