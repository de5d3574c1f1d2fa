#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/time.h"
#include "render/map_document.h"

namespace leaktrace {

// What the one-command report shows, every number computed and every sentence written before it
// reaches the renderer (the HTML report, its Markdown twin). Every string in it may carry
// attacker-controlled text (handles, names, post texts, hashtags, URLs, file names) and is escaped,
// or set as text, by whoever draws it; links are drawn only for http and https URLs.

struct ReportPost {
  std::string platform;    // "twitter", "4chan", "pastebin"
  std::string post;        // native id
  std::string kind;        // original, repost, quote, reply
  std::string account;     // native id of the author
  std::string handle;
  TimeMs time = unknown_time;
  std::string url;         // the post on its platform
  std::string text;        // may be empty when texts were not loaded
  std::string provenance;  // "tweets.jsonl.zst:5811"
};

struct ReportChainStep {
  ReportPost post;
  std::string tie;       // how it links to the step before: "cites", "reposts", "quotes", "answers"; "" first
  std::string evidence;  // "tweets.jsonl.zst:5811 cites https://boards.4chan.org/pol/thread/124245377"
};

struct ReportAmplification {
  ReportPost post;
  std::int64_t shares = 0;
  std::int64_t threshold = 0;
  TimeMs reached = unknown_time;
};

struct ReportFirstAppearance {
  std::string where;  // a platform name, or a community label
  std::int64_t community = -1;
  ReportPost post;
};

struct ReportSeries {
  std::string name;    // platform or community label
  std::int64_t community = -1;
  std::string colour;  // "#rrggbb"
  std::vector<std::int64_t> counts;  // per bin
};

struct ReportMilestone {
  TimeMs time = unknown_time;
  std::string kind;   // first-on-platform, first-in-community, first-hub, peak, event
  std::string label;
  std::string url;
};

struct ReportTimeline {
  TimeMs start = unknown_time;
  TimeMs bin = 0;
  std::vector<std::int64_t> totals;
  std::vector<ReportSeries> series;  // by community (the chart), at most a dozen; "other" last
  std::vector<ReportMilestone> milestones;
};

struct ReportAccount {
  std::string id;  // "twitter:25073877"
  std::string handle;
  std::string name;
  std::int64_t community = -1;
  double in_strength = 0;
  double pagerank = 0;
  double betweenness = 0;
  std::int64_t k_core = 0;
  std::int64_t followers = -1;
};

struct ReportCommunity {
  std::int64_t id = 0;
  std::string label;
  std::string colour;
  std::int64_t accounts = 0;
  std::int64_t posts = 0;  // of the subject
  std::vector<std::string> top_accounts;  // handles
  std::vector<std::string> hashtags;      // without '#'
  std::vector<std::string> languages;     // "fr 82%"
  TimeMs first_share = unknown_time;
};

// One jump of the subject: the first account of a community to share it, and where it got it.
struct ReportBridge {
  std::int64_t community = -1;
  ReportPost post;
  std::string tie;  // reposts, quotes, answers, follows, tied-to, cites; "" when nothing leads to it
  std::optional<ReportPost> from;
  std::int64_t from_community = -1;
};

struct ReportCascadeRow {
  ReportPost root;
  std::int64_t size = 0;
  std::int64_t accounts = 0;
  std::int64_t depth = 0;
  std::int64_t max_breadth = 0;
  double structural_virality = 0;
  std::optional<TimeMs> time_to_100;  // from the root
};

struct ReportSpreader {
  std::string handle;
  std::int64_t under_root = 0;     // reposts attributed to it when every repost comes from the root
  std::int64_t reconstructed = 0;  // under the reconstructed parents
};

struct ReportCascades {
  std::string assumption;  // "latest-tie", "follow-graph"
  std::int64_t trees = 0;
  std::int64_t posts = 0;
  double mean_size = 0;
  std::int64_t max_size = 0;
  double mean_depth = 0;
  std::int64_t max_depth = 0;
  double mean_structural_virality = 0;
  std::vector<ReportCascadeRow> largest;  // the biggest trees
  std::vector<ReportSpreader> spreaders;  // how the top spreaders change between assumptions
};

// A group of accounts that acted in concert (CoordinationDetection): signals, not verdicts.
struct ReportCoordinatedAccount {
  std::string account;  // native id
  std::string handle;
  double age_days = -1;  // at its first post in the data; -1 unknown
  double posts_per_hour = 0;
  std::optional<bool> default_profile;
  std::int64_t followers = -1;
};

struct ReportCoordinatedAction {
  std::string kind;  // repost, link, text
  std::string what;  // the post's id, the URL, the normalised text
  ReportPost example;
  TimeMs first = unknown_time;
  TimeMs last = unknown_time;
  std::int64_t accounts = 0;  // of the cluster
};

struct ReportCoordinatedCluster {
  std::int64_t accounts = 0;
  std::int64_t coactions = 0;
  double young_share = 0;            // of its accounts made less than 90 days before their first post
  double default_profile_share = 0;  // of its accounts with a default profile
  std::vector<ReportCoordinatedAccount> members;  // the first few
  std::vector<ReportCoordinatedAction> actions;   // the most shared few
};

struct ReportCoordination {
  bool ran = false;
  TimeMs window = 0;
  std::int64_t pairs = 0;
  std::vector<ReportCoordinatedCluster> clusters;  // largest first
};

struct ReportInputFile {
  std::string path;
  std::string sha256;
  std::string format;
  std::int64_t size = 0;
  std::int64_t lines = 0;
  std::int64_t rejected = 0;
  std::string status;
};

struct ReportMethods {
  std::vector<ReportInputFile> files;
  std::vector<std::pair<std::string, std::string>> parameters;   // name, value
  std::vector<std::pair<std::string, std::int64_t>> rejected;    // reason, records
  std::vector<std::string> notes;    // how things were computed, in sentences
  std::string command_line;          // the exact command that reproduces the report
  std::string version;               // of leaktrace
  TimeMs generated_at = unknown_time;
};

struct ReportDocument {
  std::string title;
  std::string subject;  // as given; empty for the whole dataset
  std::vector<std::string> summary;  // plain-language paragraphs, already written
  std::vector<ReportChainStep> chain;
  std::optional<ReportAmplification> amplification;
  std::vector<ReportFirstAppearance> first_by_platform;
  std::vector<ReportPost> first_sharers;
  ReportTimeline timeline;
  std::vector<ReportAccount> accounts;  // top accounts
  double top10_share = 0;  // share of all amplification received by the ten most amplified accounts
  std::vector<ReportCommunity> communities;
  std::vector<ReportBridge> bridges;  // in time order
  ReportCascades cascades;
  ReportCoordination coordination;
  std::optional<MapDocument> map;
  ReportMethods methods;
};

}  // namespace leaktrace
