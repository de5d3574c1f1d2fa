#include "cli/report_building.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/bridges.h"
#include "analysis/cascades.h"
#include "analysis/coordination.h"
#include "analysis/post_link.h"
#include "analysis/timeline.h"
#include "cli/analysis_output.h"
#include "cli/progress_bar.h"
#include "model/account.h"
#include "model/version.h"
#include "render/palette.h"
#include "workspace/workspace_summary.h"

namespace leaktrace {
namespace {

constexpr std::size_t chart_communities = 8;
constexpr std::size_t text_preview = 280;

std::string shell_quote(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@+") ==
                           std::string::npos) {
    return word;
  }
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A bin that gives the chart about a hundred and fifty bars.
TimeMs pick_bin(TimeMs span) {
  constexpr TimeMs minute = 60 * 1000;
  for (TimeMs bin : {minute, 5 * minute, 10 * minute, 30 * minute, 60 * minute, 180 * minute, 360 * minute,
                     720 * minute, 1440 * minute}) {
    if (span / bin <= 150) return bin;
  }
  return 7 * 1440 * minute;
}

std::string when(TimeMs time) {
  if (time == unknown_time) return "at an unknown time";
  CivilTime t = civil_time(time);
  static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {} at {:02}:{:02} UTC", t.day, months[t.month - 1], t.year, t.hour, t.minute);
}

std::string place(const Dataset& d, std::uint32_t post) {
  switch (d.post_platform(post)) {
    case Platform::pastebin: return "a paste on Pastebin";
    case Platform::fourchan: {
      std::string_view id = d.post_native_id(thread_opening_post(d, post));
      std::size_t slash = id.find('/');
      return slash == std::string_view::npos ? "a 4chan thread"
                                             : fmt::format("a 4chan /{}/ thread", id.substr(0, slash));
    }
    case Platform::twitter: return fmt::format("{} on Twitter", account_text(d, d.post_author(post)));
  }
  return "a post";
}

std::string thousands(std::int64_t n) { return human_count(static_cast<std::uint64_t>(std::max<std::int64_t>(n, 0))); }

}  // namespace

std::string this_command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start < all.size()) {
    std::size_t end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    std::string word = all.substr(start, end - start);
    if (first) word = std::filesystem::path(word).filename().string();
    out += (first ? "" : " ") + shell_quote(word);
    first = false;
    start = end + 1;
  }
  return out;
}

ReportDocument build_report_document(AnalysisSession& session, const ReportBuildOptions& options) {
  auto tick = std::chrono::steady_clock::now();
  auto mark = [&](std::string_view step) {
    const auto now = std::chrono::steady_clock::now();
    if (options.timings) fmt::print(stderr, "leaktrace: {:<44} {:8.2f} s\n", step, std::chrono::duration<double>(now - tick).count());
    tick = now;
  };
  const Dataset& d = session.dataset();
  mark("workspace loaded");
  Investigation& inv = session.investigation();
  const SubjectMatch& match = inv.subject_match();
  mark("subject matched");
  ReportDocument doc;
  doc.subject = session.subject().text();
  doc.title = !options.title.empty() ? options.title
              : doc.subject.empty()  ? "How the posts spread"
                                     : "How " + doc.subject + " spread";

  auto text_of = [&](std::uint32_t post) -> std::string {
    return one_line(session.post_text(post), text_preview);
  };
  auto report_post = [&](std::uint32_t post) {
    std::uint32_t author = d.post_author(post);
    return ReportPost{std::string(platform_name(d.post_platform(post))), std::string(d.post_native_id(post)),
                      std::string(post_kind_name(d.post_kind(post))), std::string(d.account_native_id(author)),
                      std::string(d.account_handle(author)), d.post_time(post), post_url(d, post), text_of(post),
                      post_provenance(d, post)};
  };

  // What does not need the communities is computed while Leiden runs on the second core.
  inv.start_communities();
  mark("graphs (subject's too), Leiden started");
  const AccountGraph& graph = inv.subject_graph();  // built meanwhile, on the second thread
  const AccountRanking& ranking = inv.ranking();
  mark("accounts ranked");
  inv.parents();
  mark("diffusion parents");
  // Cascades, and how the top spreaders change from the root assumption.
  DiffusionParents root_parents(d, match, ParentAssumption::root);
  root_parents.run();
  const SpreaderList under_root = spreaders_under(d, match, root_parents);  // its trees are not shown
  CascadeReconstruction reconstructed(d, match, inv.parents());
  reconstructed.run();
  doc.cascades.assumption = std::string(parent_assumption_name(inv.options().parent));
  doc.cascades.trees = static_cast<std::int64_t>(reconstructed.tree_count());
  double sum_size = 0, sum_depth = 0, sum_virality = 0;
  for (const CascadeMetrics& m : reconstructed.metrics()) {
    sum_size += static_cast<double>(m.size);
    sum_depth += m.depth;
    sum_virality += m.structural_virality;
    doc.cascades.posts += static_cast<std::int64_t>(m.size);
    doc.cascades.max_size = std::max<std::int64_t>(doc.cascades.max_size, static_cast<std::int64_t>(m.size));
    doc.cascades.max_depth = std::max<std::int64_t>(doc.cascades.max_depth, m.depth);
  }
  if (doc.cascades.trees > 0) {
    double trees = static_cast<double>(doc.cascades.trees);
    doc.cascades.mean_size = sum_size / trees;
    doc.cascades.mean_depth = sum_depth / trees;
    doc.cascades.mean_structural_virality = sum_virality / trees;
  }
  for (std::size_t i = 0; i < std::min(options.top_cascades, reconstructed.tree_count()); ++i) {
    const CascadeMetrics& m = reconstructed.metrics()[i];
    ReportCascadeRow row;
    row.root = report_post(reconstructed.roots()[i]);
    row.size = static_cast<std::int64_t>(m.size);
    row.accounts = static_cast<std::int64_t>(m.accounts);
    row.depth = m.depth;
    row.max_breadth = static_cast<std::int64_t>(m.max_breadth);
    row.structural_virality = m.structural_virality;
    for (const TimeToAccounts& t : m.time_to_accounts) {
      if (t.accounts == 100) row.time_to_100 = t.time;
    }
    doc.cascades.largest.push_back(std::move(row));
  }
  for (const SpreaderChange& c : compare_spreaders(under_root, reconstructed.spreaders(), 10)) {
    doc.cascades.spreaders.push_back({std::string(d.account_handle(c.account)), c.first, c.second});
  }

  mark("cascades (two assumptions)");
  // Coordination.
  {
    CoordinationDetection detection(d, match);
    detection.run();
    doc.coordination.ran = true;
    doc.coordination.window = CoordinationParameters{}.window;
    doc.coordination.pairs = static_cast<std::int64_t>(detection.pairs());
    for (std::size_t i = 0; i < std::min<std::size_t>(options.coordinated_groups, detection.clusters().size()); ++i) {
      const CoordinatedCluster& c = detection.clusters()[i];
      ReportCoordinatedCluster group;
      group.accounts = static_cast<std::int64_t>(c.accounts.size());
      group.coactions = c.coactions;
      std::size_t young = 0, default_profile = 0;
      for (const AccountSignals& a : c.accounts) {
        young += a.age_days >= 0 && a.age_days < 90;
        default_profile += a.default_profile.value_or(false);
        if (group.members.size() < options.coordinated_members) {
          group.members.push_back({std::string(d.account_native_id(a.account)), std::string(d.account_handle(a.account)),
                                   a.age_days, a.posts_per_hour, a.default_profile, a.followers});
        }
      }
      group.young_share = static_cast<double>(young) / static_cast<double>(c.accounts.size());
      group.default_profile_share = static_cast<double>(default_profile) / static_cast<double>(c.accounts.size());
      for (std::size_t k = 0; k < std::min<std::size_t>(options.coordinated_actions, c.actions.size()); ++k) {
        const CoordinatedAction& a = c.actions[k];
        group.actions.push_back({std::string(coordinated_action_kind_name(a.kind)), a.what, report_post(a.example), a.first,
                                 a.last, a.accounts});
      }
      doc.coordination.clusters.push_back(std::move(group));
    }
  }

  mark("coordination");

  const CommunityDetection& communities = inv.communities();
  mark("communities (Leiden collected, labels)");
  const OriginTrace& origin = inv.origin();
  mark("origin chain");
  const std::vector<std::int64_t> node_community = inv.communities_of(graph);

  // Origin.
  const auto& chain = origin.chain();
  for (std::size_t i = 0; i < chain.size(); ++i) {
    std::string evidence = post_provenance(d, chain[i].post);
    if (i > 0 && chain[i].tie != OriginStep::Tie::none) {
      evidence += fmt::format(" {} {}", origin_tie_name(chain[i].tie), post_url(d, chain[i - 1].post));
    }
    doc.chain.push_back({report_post(chain[i].post), std::string(origin_tie_name(chain[i].tie)), evidence});
  }
  if (const auto& a = origin.amplification()) {
    doc.amplification = ReportAmplification{report_post(a->post), a->shares, inv.options().origin.amplification_shares,
                                            a->reached};
  }
  for (const auto& [platform, post] : origin.first_by_platform()) {
    doc.first_by_platform.push_back({std::string(platform_name(platform)), -1, report_post(post)});
  }
  for (std::uint32_t post : origin.first_sharers()) {
    if (doc.first_sharers.size() >= options.first_sharers) break;
    doc.first_sharers.push_back(report_post(post));
  }

  // Communities worth a row: more than one account, and the subject reached them.
  std::map<std::int64_t, TimeMs> first_in;
  for (const auto& [community, post] : origin.first_by_community()) first_in[community] = d.post_time(post);
  std::vector<std::int64_t> reached;
  for (const Community& c : communities.communities()) {
    if (c.accounts < 2 || c.posts == 0) continue;
    reached.push_back(c.id);
    ReportCommunity row;
    row.id = c.id;
    row.label = c.label;
    row.colour = community_colour(static_cast<std::size_t>(c.id));
    row.accounts = c.accounts;
    row.posts = c.posts;
    for (std::uint32_t node : c.top_nodes) row.top_accounts.push_back(inv.community_graph().node(node).label);
    for (const LabelledCount& tag : c.hashtags) row.hashtags.push_back(tag.name);
    for (const LabelledCount& language : c.languages) {
      row.languages.push_back(fmt::format("{} {:.0f}%", language.name, 100 * language.score));
    }
    if (auto it = first_in.find(c.id); it != first_in.end()) row.first_share = it->second;
    doc.communities.push_back(std::move(row));
  }

  mark("community rows");
  // Timeline by community.
  TimelineParameters timeline_parameters;
  timeline_parameters.by = TimelineParameters::By::community;
  timeline_parameters.hubs = inv.hubs(10);
  timeline_parameters.max_communities = chart_communities;  // the rest is charted as "other" anyway
  if (!match.posts().empty()) {
    TimeMs span = d.post_time(match.posts().back()) - d.post_time(match.posts().front());
    timeline_parameters.bin = options.bin > 0 ? options.bin : pick_bin(span);
  }
  Timeline timeline(d, match, &communities, timeline_parameters);
  timeline.run();
  doc.timeline.start = timeline.bin_count() ? timeline.start() : unknown_time;
  doc.timeline.bin = timeline_parameters.bin;
  doc.timeline.totals = timeline.totals();
  std::vector<std::int64_t> other(timeline.bin_count(), 0);
  bool any_other = false;
  for (const TimelineSeries& s : timeline.series()) {
    bool charted = s.community >= 0 && static_cast<std::size_t>(s.community) < chart_communities &&
                   std::find(reached.begin(), reached.end(), s.community) != reached.end();
    if (charted) {
      doc.timeline.series.push_back({communities.communities()[static_cast<std::size_t>(s.community)].label, s.community,
                                     community_colour(static_cast<std::size_t>(s.community)), s.counts});
    } else {
      for (std::size_t b = 0; b < s.counts.size(); ++b) other[b] += s.counts[b];
      any_other = true;
    }
  }
  if (any_other) doc.timeline.series.push_back({"other", -1, std::string(no_community_colour), other});
  for (const Milestone& m : timeline.milestones()) {
    std::string label = m.label;
    if (m.kind == "first-in-community") {
      std::int64_t c = std::stoll(m.label);
      if (std::find(reached.begin(), reached.end(), c) == reached.end() || c >= static_cast<std::int64_t>(chart_communities)) {
        continue;
      }
      label = fmt::format("community {}", c);
    }
    doc.timeline.milestones.push_back({m.time, m.kind, label, m.post == no_index ? "" : post_url(d, m.post)});
  }

  mark("timeline");
  // Accounts.
  std::vector<std::uint32_t> order = ranking.by_pagerank(options.top_accounts);
  double amplification_total = 0;
  for (double s : ranking.in_strength()) amplification_total += s;
  std::vector<double> strengths = ranking.in_strength();
  const std::size_t top_count = std::min<std::size_t>(10, strengths.size());
  std::partial_sort(strengths.begin(), strengths.begin() + static_cast<std::ptrdiff_t>(top_count), strengths.end(), std::greater<>());
  double top10 = 0;
  for (std::size_t i = 0; i < top_count; ++i) top10 += strengths[i];
  doc.top10_share = amplification_total > 0 ? top10 / amplification_total : 0;
  for (std::size_t i = 0; i < std::min(options.top_accounts, order.size()); ++i) {
    std::uint32_t node = order[i];
    const GraphNode& n = graph.node(node);
    ReportAccount account;
    account.id = n.key;
    account.handle = n.label;
    account.community = node_community[node];
    account.in_strength = ranking.in_strength()[node];
    account.pagerank = ranking.pagerank()[node];
    account.betweenness = ranking.betweenness()[node];
    account.k_core = ranking.coreness()[node];
    if (n.account != no_index) {
      account.name = std::string(d.account_name(n.account));
      account.followers = d.account_followers(n.account);
    }
    doc.accounts.push_back(std::move(account));
  }

  mark("top accounts");
  // Bridges.
  BridgeDetection bridges(d, match, communities, inv.parents(), inv.options().follows, &inv.whole_graph());
  bridges.run();
  for (const Bridge& b : bridges.bridges()) {
    if (std::find(reached.begin(), reached.end(), b.community) == reached.end()) continue;
    ReportBridge row;
    row.community = b.community;
    row.post = report_post(b.post);
    row.tie = std::string(origin_tie_name(b.tie));
    if (b.from_post != no_index) row.from = report_post(b.from_post);
    row.from_community = b.from_community;
    doc.bridges.push_back(std::move(row));
  }

  mark("bridges");
  // Map.
  if (options.map) {
    MapBuildOptions map_options = options.map_options;
    if (map_options.title.empty()) map_options.title = doc.title;
    doc.map = build_map_document(session, map_options);
  }

  mark("map (layout)");
  // Methods.
  for (const DatasetFile& f : d.files()) {
    doc.methods.files.push_back({f.path, f.sha256, f.format, f.size, f.lines, f.rejected, f.status});
  }
  {
    Workspace workspace = Workspace::open_for_reading(session.workspace_path());
    doc.methods.rejected = rejected_by_reason(workspace);
  }
  const AnalysisOptions& o = session.options();
  doc.methods.parameters = {
      {"subject", doc.subject.empty() ? "(the whole dataset)" : doc.subject},
      {"community edges", o.community_edges + (o.follow_graph.empty() ? "" : ",follow")},
      {"Leiden resolution", fmt::format("{}", o.resolution)},
      {"seed", std::to_string(o.seed)},
      {"diffusion parent of reposts", o.parent},
      {"follower graph", o.follow_graph.empty() ? "(none)" : o.follow_graph},
      {"amplification threshold", std::to_string(inv.options().origin.amplification_shares) + " reposts and quotes"},
      {"timeline bin", fmt::format("{} min", timeline_parameters.bin / 60000)},
      {"map backbone", doc.map ? doc.map->sampling.how : "(no map)"},
  };
  doc.methods.notes = {
      "Shares of the subject are the posts that match it and the reposts and quotes of a share.",
      "The origin chain follows citations (links to posts on any platform) and parents back from the first share on "
      "the main platform to the earliest source, even through posts that do not match the subject.",
      "Communities: Leiden (igraph, optimising modularity) on everything the accounts did, reposts rewired to their "
      "reconstructed diffusion parent" +
          std::string(o.follow_graph.empty() ? "" : ", with the follows of the follower graph") +
          "; each labelled by its most amplified accounts, the hashtags it uses more than others and its languages.",
      "Twitter API v1.1 names only the root of a retweet chain: cascades and bridges use the reconstructed parent "
      "named in the parameters.",
      "Betweenness is estimated from up to 256 sampled sources (Brandes & Pich 2007) on larger graphs, 64 or more "
      "on the largest.",
  };
  doc.methods.command_line = options.command_line;
  doc.methods.version = std::string(version);
  doc.methods.generated_at = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();

  mark("methods");
  // The summary, in plain language.
  if (match.posts().empty()) {
    doc.summary.push_back("Nothing in the data shares the subject.");
    return doc;
  }
  std::vector<std::string>& s = doc.summary;
  if (!chain.empty()) {
    std::string start = fmt::format("It started with {} {}", place(d, chain.front().post), when(d.post_time(chain.front().post)));
    for (std::size_t i = 1; i < chain.size(); ++i) {
      start += fmt::format("; {} {} it {}", place(d, chain[i].post),
                           chain[i].tie == OriginStep::Tie::cites ? "linked" : std::string(origin_tie_name(chain[i].tie)),
                           when(d.post_time(chain[i].post)));
    }
    s.push_back(start + ".");
  }
  std::size_t sharers = 0;
  {
    std::vector<bool> seen(d.account_count(), false);
    for (std::uint32_t p : match.posts()) {
      if (!seen[d.post_author(p)]) {
        seen[d.post_author(p)] = true;
        ++sharers;
      }
    }
  }
  std::string carried = fmt::format("{} posts by {} accounts shared it from {} to {}.", thousands(static_cast<std::int64_t>(match.count())),
                                    thousands(static_cast<std::int64_t>(sharers)), when(d.post_time(match.posts().front())),
                                    when(d.post_time(match.posts().back())));
  if (const auto& a = origin.amplification()) {
    carried += fmt::format(" The first large amplification came when {}'s post reached {} reposts and quotes, {}.",
                           account_text(d, d.post_author(a->post)), inv.options().origin.amplification_shares,
                           when(a->reached));
  }
  s.push_back(carried);
  if (!doc.accounts.empty()) {
    std::string who = "The most amplified accounts were ";
    for (std::size_t i = 0; i < std::min<std::size_t>(3, doc.accounts.size()); ++i) {
      who += fmt::format("{}{} ({} reposts, quotes, replies, mentions and links)", i == 0 ? "" : i == 2 || doc.accounts.size() == 2 ? " and " : ", ",
                         handle_for_reading(doc.accounts[i].handle), thousands(static_cast<std::int64_t>(doc.accounts[i].in_strength)));
    }
    who += fmt::format(". The ten most amplified accounts received {:.0f}% of all amplification: {}.", 100 * doc.top10_share,
                       doc.top10_share > 0.5   ? "a few hubs carried most of it"
                       : doc.top10_share > 0.2 ? "a few hubs carried much of it"
                                               : "it was spread widely");
    s.push_back(who);
  }
  if (!doc.communities.empty()) {
    std::vector<const ReportCommunity*> by_time;
    for (const ReportCommunity& c : doc.communities) {
      if (c.first_share != unknown_time && c.accounts >= 10) by_time.push_back(&c);
    }
    std::sort(by_time.begin(), by_time.end(), [](auto* a, auto* b) { return a->first_share < b->first_share; });
    if (!by_time.empty()) {
      std::string reach = fmt::format("It reached {} communities of ten accounts or more: ", by_time.size());
      for (std::size_t i = 0; i < std::min<std::size_t>(6, by_time.size()); ++i) {
        reach += fmt::format("{}community {} ({}) {}", i == 0 ? "" : "; ", by_time[i]->id, by_time[i]->label,
                             when(by_time[i]->first_share));
      }
      if (by_time.size() > 6) reach += fmt::format("; and {} more", by_time.size() - 6);
      s.push_back(reach + ".");
    }
  }
  std::size_t jumps = 0;
  std::string through;
  for (const ReportBridge& b : doc.bridges) {
    if (!b.from || b.from_community == b.community || b.from_community < 0) continue;
    if (++jumps <= 4) {
      through += fmt::format("{}{} into community {} from {} (community {})", through.empty() ? "" : ", ",
                             handle_for_reading(b.post.handle), b.community, handle_for_reading(b.from->handle), b.from_community);
    }
  }
  if (jumps > 0) s.push_back(fmt::format("It crossed between communities {} times, first through {}.", jumps, through));
  if (doc.cascades.trees > 0) {
    s.push_back(fmt::format("Reconstructed under the {} assumption, its {} cascades have {:.1f} posts on average; the "
                            "largest has {} posts and a depth of {}.",
                            doc.cascades.assumption, thousands(doc.cascades.trees), doc.cascades.mean_size,
                            thousands(doc.cascades.max_size), doc.cascades.largest.empty() ? 0 : doc.cascades.largest.front().depth));
  }
  if (!doc.coordination.clusters.empty()) {
    const ReportCoordinatedCluster& g = doc.coordination.clusters.front();
    std::string groups = doc.coordination.clusters.size() == 1
                             ? std::string("One group")
                             : fmt::format("{} groups", doc.coordination.clusters.size());
    s.push_back(fmt::format("{} of accounts acted in concert, reposting or linking the same things within a minute of "
                            "each other again and again; the largest has {} accounts, {:.0f}% of them less than 90 "
                            "days old and {:.0f}% with a default profile.",
                            groups, thousands(g.accounts), 100 * g.young_share, 100 * g.default_profile_share));
  }
  return doc;
}

}  // namespace leaktrace
