#include "render/report_outline.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "model/account.h"
#include "model/version.h"
#include "render/palette.h"
#include "render/report_format.h"

namespace leaktrace {
namespace {

constexpr std::size_t step_text_code_points = 280;
constexpr std::size_t cell_text_code_points = 140;

using Kind = ReportSpan::Kind;

ReportSpan make_span(Kind kind, std::string value, bool from_document) {
  ReportSpan span;
  span.kind = kind;
  span.text = std::move(value);
  span.data = from_document;
  return span;
}

ReportSpan text(std::string value) { return make_span(Kind::text, std::move(value), false); }
ReportSpan data(std::string value) { return make_span(Kind::text, std::move(value), true); }

ReportSpan strong(std::string value, bool from_document = false) {
  return make_span(Kind::strong, std::move(value), from_document);
}

ReportSpan code(std::string value) { return make_span(Kind::code, std::move(value), true); }

ReportSpan link(std::string shown, std::string url) {
  ReportSpan span = make_span(Kind::link, std::move(shown), true);
  span.url = std::move(url);
  return span;
}

ReportSpan time_span(TimeMs time, bool with_zone = true) {
  ReportSpan span = make_span(Kind::time, with_zone ? report_time(time) : report_time_short(time), false);
  span.time = time;
  return span;
}

ReportSpan swatch(std::string_view colour) {
  ReportSpan span = make_span(Kind::swatch, "", false);
  span.colour = report_colour(colour);
  return span;
}

ReportInline cell(std::string value) { return {text(std::move(value))}; }
ReportInline data_cell(std::string value) { return {data(std::move(value))}; }
ReportInline number_cell(std::int64_t value) { return cell(report_count(value)); }
ReportInline time_cell(TimeMs time) { return {time_span(time, false)}; }

std::string account_name(std::string_view handle, std::string_view account) {
  if (!handle.empty()) return handle_for_reading(handle);
  if (!account.empty()) return std::string(account);
  return "an unknown account";
}

std::string account_name(const ReportPost& post) { return account_name(post.handle, post.account); }

// The post's own id, linked to it on its platform.
ReportSpan post_link(const ReportPost& post) {
  return link(post.post.empty() ? std::string("post") : post.post, post.url);
}

ReportInline excerpt(std::string_view value, std::size_t code_points) {
  if (value.empty()) return {};
  return {data(truncate_text(value, code_points))};
}

const ReportCommunity* find_community(const ReportDocument& document, std::int64_t id) {
  for (const ReportCommunity& community : document.communities) {
    if (community.id == id) return &community;
  }
  return nullptr;
}

constexpr std::size_t compact_label_code_points = 36;

// A community as the tables show it: its swatch, its number and its label, cut short outside the
// table of communities.
ReportInline community_cell(const ReportDocument& document, std::int64_t id, bool full_label = false) {
  if (id < 0) return {swatch(no_community_colour), text("none")};
  const ReportCommunity* community = find_community(document, id);
  if (!community) return {swatch(no_community_colour), text(fmt::format("{}", id))};
  ReportInline out{swatch(community->colour), text(fmt::format("{}", id))};
  if (!community->label.empty()) {
    out.push_back(text(" · "));
    out.push_back(data(full_label ? community->label : truncate_text(community->label, compact_label_code_points)));
  }
  return out;
}

ReportTable table(std::vector<std::string> header, std::vector<bool> numeric) {
  ReportTable out;
  out.header = std::move(header);
  out.numeric = std::move(numeric);
  out.numeric.resize(out.header.size(), false);
  return out;
}

std::string subject_words(const ReportDocument& document) {
  return document.subject.empty() ? std::string("the whole dataset") : document.subject;
}

std::string kind_words(std::string_view kind) {
  if (kind == "original") return "posted";
  if (kind == "repost") return "reposted";
  if (kind == "quote") return "quoted";
  if (kind == "reply") return "replied";
  return std::string(kind);
}

// "a post", "a repost": the kind as a noun, for sentences.
std::string kind_noun(std::string_view kind) {
  if (kind == "original" || kind.empty()) return "post";
  if (kind == "reply") return "reply";
  return std::string(kind);
}

void add_paragraph(ReportSection& section, ReportInline text) { section.blocks.push_back(ReportParagraph{std::move(text)}); }

ReportSection summary_section(const ReportDocument& document) {
  ReportSection section{"summary", "Summary", {}};
  for (const std::string& paragraph : document.summary) add_paragraph(section, {data(paragraph)});
  if (document.summary.empty()) add_paragraph(section, {text("No summary was written for this report.")});

  ReportList glance;
  glance.items.push_back({text("Subject: "), data(subject_words(document))});
  if (!document.chain.empty()) {
    const ReportPost& first = document.chain.front().post;
    glance.items.push_back({text("Earliest source: "), time_span(first.time), text(" on " + report_platform(first.platform) + ", "),
                            data(account_name(first))});
  }
  if (document.amplification) {
    const ReportAmplification& a = *document.amplification;
    glance.items.push_back({text("First large amplification: "), data(account_name(a.post)),
                            text(fmt::format(", {} shares by ", report_count(a.shares))), time_span(a.reached)});
  }
  const std::int64_t posts = std::accumulate(document.timeline.totals.begin(), document.timeline.totals.end(), std::int64_t{0});
  if (!document.timeline.totals.empty()) {
    glance.items.push_back({text(fmt::format("Posts in the timeline: {}", report_count(posts)))});
  }
  if (!document.communities.empty()) {
    const auto reached = std::count_if(document.communities.begin(), document.communities.end(),
                                       [](const ReportCommunity& c) { return c.first_share != unknown_time; });
    glance.items.push_back({text(fmt::format("Communities: {}, of which the subject reached {}", document.communities.size(), reached))});
  }
  if (!document.accounts.empty()) {
    glance.items.push_back({text("Share of all amplification received by the ten most amplified accounts: "),
                            strong(report_percent(document.top10_share))});
  }
  section.blocks.push_back(ReportSubheading{"summary-glance", "At a glance"});
  section.blocks.push_back(std::move(glance));
  return section;
}

ReportInline chain_step_item(const ReportChainStep& step, std::size_t index) {
  const ReportPost& post = step.post;
  ReportInline item{time_span(post.time), text(" — " + report_platform(post.platform) + " — "), strong(account_name(post), true)};
  if (index == 0 || step.tie.empty()) {
    item.push_back(text(" " + kind_words(post.kind)));
  } else if (step.tie == "cites") {
    item.push_back(text(" " + kind_words(post.kind) + ", citing the step before"));
  } else if (step.tie == "follows") {
    item.push_back(text(" " + kind_words(post.kind) + ", following the author of the step before"));
  } else if (step.tie == "tied-to") {
    item.push_back(text(" " + kind_words(post.kind) + ", tied to the author of the step before"));
  } else {
    item.push_back(text(" "));
    item.push_back(data(step.tie));
    item.push_back(text(" the step before"));
  }
  if (!post.text.empty()) {
    item.push_back(text(": “"));
    item.push_back(data(truncate_text(post.text, step_text_code_points)));
    item.push_back(text("”"));
  }
  item.push_back(text(" · "));
  item.push_back(post_link(post));
  return item;
}

ReportSection origin_section(const ReportDocument& document) {
  ReportSection section{"origin", "Origin", {}};

  section.blocks.push_back(ReportSubheading{"origin-chain", "Chain from the earliest source"});
  if (document.chain.empty()) {
    add_paragraph(section, {text("No chain of posts leads to the subject in this data.")});
  } else {
    add_paragraph(section, {text(fmt::format(
                                "{} steps, each post tied to the one before it (it cites, reposts, quotes or answers it), "
                                "from the earliest source to the first large amplification.",
                                document.chain.size()))});
    ReportList steps{true, {}};
    for (std::size_t i = 0; i < document.chain.size(); ++i) steps.items.push_back(chain_step_item(document.chain[i], i));
    section.blocks.push_back(std::move(steps));

    ReportTable chain = table({"#", "Time (UTC)", "Platform", "Account", "Kind", "Tie", "Post", "Evidence", "Record"},
                              {true});
    for (std::size_t i = 0; i < document.chain.size(); ++i) {
      const ReportChainStep& step = document.chain[i];
      chain.rows.push_back({number_cell(static_cast<std::int64_t>(i + 1)), time_cell(step.post.time),
                            data_cell(report_platform(step.post.platform)), data_cell(account_name(step.post)),
                            data_cell(step.post.kind), data_cell(step.tie.empty() ? "first" : step.tie), {post_link(step.post)},
                            data_cell(step.evidence), step.post.provenance.empty() ? ReportInline{} : ReportInline{code(step.post.provenance)}});
    }
    section.blocks.push_back(std::move(chain));
  }

  section.blocks.push_back(ReportSubheading{"origin-amplification", "First large amplification"});
  if (document.amplification) {
    const ReportAmplification& a = *document.amplification;
    add_paragraph(section, {text("The first post to reach "), strong(report_count(a.threshold)),
                            text(" shares was a " + kind_noun(a.post.kind) + " by "), strong(account_name(a.post), true),
                            text(" on " + report_platform(a.post.platform) + ", at "), time_span(a.post.time),
                            text(fmt::format(". It had {} shares by ", report_count(a.shares))), time_span(a.reached),
                            text(", "), text(report_duration(a.reached == unknown_time || a.post.time == unknown_time
                                                                 ? unknown_time
                                                                 : a.reached - a.post.time)),
                            text(" after it was posted. "), post_link(a.post)});
    if (!a.post.text.empty()) {
      add_paragraph(section, {text("“"), data(truncate_text(a.post.text, step_text_code_points)), text("”")});
    }
  } else {
    add_paragraph(section, {text("No post reached the amplification threshold.")});
  }

  section.blocks.push_back(ReportSubheading{"origin-platforms", "First on each platform"});
  if (document.first_by_platform.empty()) {
    add_paragraph(section, {text("No platform has a post of the subject.")});
  } else {
    ReportTable platforms = table({"Platform", "Time (UTC)", "Account", "Kind", "Post", "Text"}, {});
    for (const ReportFirstAppearance& first : document.first_by_platform) {
      platforms.rows.push_back({data_cell(report_platform(first.where.empty() ? first.post.platform : first.where)),
                                time_cell(first.post.time), data_cell(account_name(first.post)), data_cell(first.post.kind),
                                {post_link(first.post)}, excerpt(first.post.text, cell_text_code_points)});
    }
    section.blocks.push_back(std::move(platforms));
  }

  section.blocks.push_back(ReportSubheading{"origin-first-sharers", "First sharers"});
  if (document.first_sharers.empty()) {
    add_paragraph(section, {text("Nobody shared the subject.")});
  } else {
    ReportTable sharers = table({"#", "Time (UTC)", "Platform", "Account", "Kind", "Post", "Text"}, {true});
    for (std::size_t i = 0; i < document.first_sharers.size(); ++i) {
      const ReportPost& post = document.first_sharers[i];
      sharers.rows.push_back({number_cell(static_cast<std::int64_t>(i + 1)), time_cell(post.time),
                              data_cell(report_platform(post.platform)), data_cell(account_name(post)), data_cell(post.kind),
                              {post_link(post)}, excerpt(post.text, cell_text_code_points)});
    }
    section.blocks.push_back(std::move(sharers));
  }
  return section;
}

ReportSection timeline_section(const ReportDocument& document) {
  const ReportTimeline& timeline = document.timeline;
  ReportSection section{"timeline", "Timeline", {}};
  std::size_t bins = timeline.totals.size();
  for (const ReportSeries& series : timeline.series) bins = std::max(bins, series.counts.size());
  if (bins == 0 || timeline.bin <= 0) {
    add_paragraph(section, {text("The timeline has no posts.")});
    return section;
  }
  const TimeMs end = timeline.start + static_cast<TimeMs>(bins) * timeline.bin;
  ReportInline about{text(fmt::format("Posts per {}, by community, from ", report_bin_width(timeline.bin))),
                     time_span(timeline.start), text(" to "),
                     time_span(end)};
  if (!timeline.totals.empty()) {
    const auto peak = std::max_element(timeline.totals.begin(), timeline.totals.end());
    const std::int64_t posts = std::accumulate(timeline.totals.begin(), timeline.totals.end(), std::int64_t{0});
    about.push_back(text(fmt::format(": {} posts in all; at most {} in the {} from ", report_count(posts), report_count(*peak),
                                     report_bin_width(timeline.bin))));
    about.push_back(time_span(timeline.start + static_cast<TimeMs>(peak - timeline.totals.begin()) * timeline.bin));
  }
  about.push_back(text("."));
  add_paragraph(section, std::move(about));
  section.blocks.push_back(ReportFigure{ReportFigureKind::timeline, "timeline-chart",
                                        fmt::format("Posts per {} by community; the numbered markers are the milestones below.",
                                                    report_bin_width(timeline.bin))});

  if (!timeline.series.empty()) {
    ReportTable series = table({"Series", "Posts", "Peak"}, {false, true, true});
    for (const ReportSeries& s : timeline.series) {
      const std::int64_t sum = std::accumulate(s.counts.begin(), s.counts.end(), std::int64_t{0});
      const std::int64_t peak = s.counts.empty() ? 0 : *std::max_element(s.counts.begin(), s.counts.end());
      series.rows.push_back({{swatch(s.colour), data(s.name)}, number_cell(sum), number_cell(peak)});
    }
    section.blocks.push_back(std::move(series));
  }

  section.blocks.push_back(ReportSubheading{"timeline-milestones", "Milestones"});
  if (timeline.milestones.empty()) {
    add_paragraph(section, {text("No milestones.")});
    return section;
  }
  ReportTable milestones = table({"#", "Time (UTC)", "Kind", "Milestone"}, {true});
  for (std::size_t i = 0; i < timeline.milestones.size(); ++i) {
    const ReportMilestone& m = timeline.milestones[i];
    ReportInline label = m.url.empty() ? data_cell(m.label) : ReportInline{link(m.label.empty() ? m.url : m.label, m.url)};
    milestones.rows.push_back({number_cell(static_cast<std::int64_t>(i + 1)), time_cell(m.time), data_cell(m.kind), std::move(label)});
  }
  section.blocks.push_back(std::move(milestones));
  return section;
}

ReportSection accounts_section(const ReportDocument& document) {
  ReportSection section{"accounts", "Accounts", {}};
  if (document.accounts.empty()) {
    add_paragraph(section, {text("No account was amplified.")});
    return section;
  }
  add_paragraph(section, {text("The most amplified accounts (amplification is the reposts, quotes and replies an account "
                               "received). The ten most amplified received "),
                          strong(report_percent(document.top10_share)), text(" of all amplification.")});
  ReportTable accounts = table({"#", "Account", "Name", "Community", "Amplification", "PageRank", "Betweenness", "k-core", "Followers"},
                               {true, false, false, false, true, true, true, true, true});
  for (std::size_t i = 0; i < document.accounts.size(); ++i) {
    const ReportAccount& a = document.accounts[i];
    accounts.rows.push_back({number_cell(static_cast<std::int64_t>(i + 1)), data_cell(account_name(a.handle, a.id)),
                             data_cell(a.name), community_cell(document, a.community), cell(report_decimal(a.in_strength, 4)),
                             cell(report_decimal(a.pagerank, 3)), cell(report_decimal(a.betweenness, 3)), number_cell(a.k_core),
                             number_cell(a.followers)});
  }
  section.blocks.push_back(std::move(accounts));
  return section;
}

ReportInline joined(const std::vector<std::string>& values, std::string_view prefix) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += ", ";
    out += prefix;
    out += value;
  }
  return data_cell(std::move(out));
}

ReportSection communities_section(const ReportDocument& document) {
  ReportSection section{"communities", "Communities", {}};
  if (document.communities.empty()) {
    add_paragraph(section, {text("No communities were found.")});
    return section;
  }
  add_paragraph(section, {text("Communities of the amplification graph, each labelled by its top accounts, distinctive "
                               "hashtags and languages, with the first time one of its accounts shared the subject.")});
  ReportTable communities = table({"Community", "Accounts", "Posts", "Top accounts", "Hashtags", "Languages", "First share (UTC)"},
                                  {false, true, true});
  for (const ReportCommunity& c : document.communities) {
    communities.rows.push_back({community_cell(document, c.id, true), number_cell(c.accounts), number_cell(c.posts),
                                joined(c.top_accounts, "@"), joined(c.hashtags, "#"), joined(c.languages, ""),
                                time_cell(c.first_share)});
  }
  section.blocks.push_back(std::move(communities));
  return section;
}

ReportSection bridges_section(const ReportDocument& document) {
  ReportSection section{"bridges", "Bridges", {}};
  if (document.bridges.empty()) {
    add_paragraph(section, {text("The subject did not move between communities.")});
    return section;
  }
  add_paragraph(section, {text("For each community, the first of its accounts to share the subject and where it got it "
                               "from: the jumps between communities, in time order.")});
  section.blocks.push_back(ReportFigure{ReportFigureKind::bridges, "bridges-chart",
                                        "Community to community, in time order: each arrow goes from the account "
                                        "a community's first sharer got the subject from to that first sharer."});
  ReportTable bridges = table({"#", "Time (UTC)", "Community", "First sharer", "Post", "Tie", "From", "From community", "From post"},
                              {true});
  for (std::size_t i = 0; i < document.bridges.size(); ++i) {
    const ReportBridge& b = document.bridges[i];
    std::vector<ReportInline> row{number_cell(static_cast<std::int64_t>(i + 1)), time_cell(b.post.time),
                                  community_cell(document, b.community), data_cell(account_name(b.post)), {post_link(b.post)},
                                  data_cell(b.tie.empty() ? "nothing leads to it" : b.tie)};
    if (b.from) {
      row.push_back(data_cell(account_name(*b.from)));
      row.push_back(community_cell(document, b.from_community));
      row.push_back({time_span(b.from->time, false), text(" "), post_link(*b.from)});
    } else {
      row.push_back(cell("unknown"));
      row.push_back({});
      row.push_back({});
    }
    bridges.rows.push_back(std::move(row));
  }
  section.blocks.push_back(std::move(bridges));
  return section;
}

std::string assumption_words(std::string_view assumption) {
  if (assumption == "latest-tie") {
    return "each repost's parent is the latest earlier sharer that the account is tied to (it reposted, quoted, answered "
           "or mentioned it before), or the root when there is none";
  }
  if (assumption == "follow-graph") return "each repost's parent is the latest earlier sharer that the account follows, or the root";
  return std::string(assumption);
}

ReportSection cascades_section(const ReportDocument& document) {
  const ReportCascades& cascades = document.cascades;
  ReportSection section{"cascades", "Cascades", {}};
  if (cascades.trees == 0 && cascades.largest.empty()) {
    add_paragraph(section, {text("No diffusion trees: nothing of the subject was reposted.")});
    return section;
  }
  if (cascades.assumption == "root") {
    add_paragraph(section, {text("The diffusion trees below take every repost as coming from the original post, as the "
                                 "platforms record it.")});
  } else {
    add_paragraph(section, {text("Platforms record a repost as a repost of the original post, not of the account it came "
                                 "through. The diffusion trees below are reconstructed: "),
                            data(assumption_words(cascades.assumption)), text(".")});
  }
  ReportTable statistics = table({"Measure", "Value"}, {false, true});
  statistics.rows = {
      {cell("Trees"), number_cell(cascades.trees)},
      {cell("Posts in trees"), number_cell(cascades.posts)},
      {cell("Mean size (posts)"), cell(report_decimal(cascades.mean_size))},
      {cell("Largest size"), number_cell(cascades.max_size)},
      {cell("Mean depth"), cell(report_decimal(cascades.mean_depth))},
      {cell("Deepest"), number_cell(cascades.max_depth)},
      {cell("Mean structural virality"), cell(report_decimal(cascades.mean_structural_virality))},
      {cell("Assumption"), {code(cascades.assumption)}},
  };
  section.blocks.push_back(std::move(statistics));

  section.blocks.push_back(ReportSubheading{"cascades-largest", "Largest trees"});
  if (cascades.largest.empty()) {
    add_paragraph(section, {text("No trees to list.")});
  } else {
    ReportTable largest = table({"Root", "Platform", "Time (UTC)", "Post", "Size", "Accounts", "Depth", "Max breadth",
                                 "Structural virality", "Time to 100 accounts"},
                                {false, false, false, false, true, true, true, true, true, true});
    for (const ReportCascadeRow& row : cascades.largest) {
      largest.rows.push_back({data_cell(account_name(row.root)), data_cell(report_platform(row.root.platform)),
                              time_cell(row.root.time), {post_link(row.root)}, number_cell(row.size), number_cell(row.accounts),
                              number_cell(row.depth), number_cell(row.max_breadth), cell(report_decimal(row.structural_virality)),
                              cell(row.time_to_100 ? report_duration(*row.time_to_100) : "not reached")});
    }
    section.blocks.push_back(std::move(largest));
  }

  section.blocks.push_back(ReportSubheading{"cascades-spreaders", "Spreaders: root or reconstructed"});
  if (cascades.spreaders.empty()) {
    add_paragraph(section, {text("No spreaders to compare.")});
  } else {
    add_paragraph(section, {text("Reposts credited to each account when every repost comes from the root, and under the "
                                 "reconstructed parents: accounts that relay a story gain, the original posters lose.")});
    ReportTable spreaders = table({"Account", "Reposts under the root", "Reposts reconstructed", "Change"}, {false, true, true, true});
    for (const ReportSpreader& s : cascades.spreaders) {
      const std::int64_t change = s.reconstructed - s.under_root;
      spreaders.rows.push_back({data_cell(account_name(s.handle, "")), number_cell(s.under_root), number_cell(s.reconstructed),
                                cell(change > 0 ? "+" + report_count(change) : change < 0 ? "−" + report_count(-change) : "0")});
    }
    section.blocks.push_back(std::move(spreaders));
  }
  return section;
}

ReportSection coordination_section(const ReportDocument& document) {
  const ReportCoordination& coordination = document.coordination;
  ReportSection section{"coordination", "Coordination", {}};
  const std::string window = report_duration(coordination.window);
  if (coordination.clusters.empty()) {
    add_paragraph(section, {text("No group of accounts reposted the same posts or shared the same links within " + window +
                                 " of each other again and again, for most of what each of them did.")});
    return section;
  }
  add_paragraph(section, {text("Accounts that reposted the same posts or shared the same links within " + window +
                               " of each other, again and again, for most of what each of them did, and more often than "
                               "the crowd around those posts makes likely. Their age, rate and profile are signals to look "
                               "into, not verdicts.")});
  for (std::size_t i = 0; i < coordination.clusters.size(); ++i) {
    const ReportCoordinatedCluster& c = coordination.clusters[i];
    const std::string number = std::to_string(i + 1);
    section.blocks.push_back(ReportSubheading{"coordination-" + number, "Group " + number + ": " + report_count(c.accounts) + " accounts"});
    add_paragraph(section, {text(report_count(c.coactions) + " co-actions between pairs of its accounts; " +
                                 report_percent(c.young_share) + " of them made less than 90 days before their first post, " +
                                 report_percent(c.default_profile_share) + " with a default profile.")});
    ReportTable actions = table({"What they did", "Accounts", "First (UTC)", "Last (UTC)", "Post"}, {false, true});
    for (const ReportCoordinatedAction& a : c.actions) {
      ReportInline what;
      if (a.kind == "repost") {
        what = {text("reposted "), data(account_name(a.example)), text("'s post")};
      } else if (a.kind == "link") {
        what = {text("shared "), data(a.what)};
      } else {
        what = {text("posted the text “"), data(a.what), text("”")};
      }
      actions.rows.push_back({what, number_cell(a.accounts), time_cell(a.first), time_cell(a.last), {post_link(a.example)}});
    }
    section.blocks.push_back(std::move(actions));
    ReportTable members = table({"Account", "Age (days)", "Posts per hour", "Default profile", "Followers"},
                                {false, true, true, false, true});
    for (const ReportCoordinatedAccount& m : c.members) {
      members.rows.push_back({data_cell(account_name(m.handle, m.account)),
                              cell(m.age_days < 0 ? "unknown" : report_count(static_cast<std::int64_t>(m.age_days))),
                              cell(report_decimal(m.posts_per_hour, 2)),
                              cell(!m.default_profile ? "unknown" : *m.default_profile ? "yes" : "no"),
                              cell(m.followers < 0 ? "unknown" : report_count(m.followers))});
    }
    section.blocks.push_back(std::move(members));
    if (c.accounts > static_cast<std::int64_t>(c.members.size())) {
      add_paragraph(section, {text("… and " + report_count(c.accounts - static_cast<std::int64_t>(c.members.size())) +
                                   " more accounts (leaktrace coordination --json lists them all).")});
    }
  }
  return section;
}

ReportSection map_section(const MapDocument& map) {
  ReportSection section{"map", "Map", {}};
  const MapSampling& sampling = map.sampling;
  const auto counted = [](std::size_t count, std::string_view word) {
    return fmt::format("{} {}{}", report_count(static_cast<std::int64_t>(count)), word, count == 1 ? "" : "s");
  };
  ReportInline about{text(fmt::format("The accounts that shared the subject and the ties between them, {} and {}, coloured "
                                      "by community and sized by PageRank.",
                                      counted(map.nodes.size(), "account"), counted(map.edges.size(), "tie")))};
  if (sampling.accounts_shown < sampling.accounts_total || sampling.edges_shown < sampling.edges_total) {
    about.push_back(text(fmt::format(" It shows {} of {} accounts and {} of {} ties: ", report_count(sampling.accounts_shown),
                                     report_count(sampling.accounts_total), report_count(sampling.edges_shown),
                                     report_count(sampling.edges_total))));
    about.push_back(data(sampling.how));
    about.push_back(text("."));
  }
  add_paragraph(section, std::move(about));
  section.blocks.push_back(ReportFigure{ReportFigureKind::map, "map-figure", "The propagation map."});
  return section;
}

ReportSection methods_section(const ReportDocument& document) {
  const ReportMethods& methods = document.methods;
  ReportSection section{"methods", "Methods", {}};
  section.blocks.push_back(ReportSubheading{"methods-inputs", "Inputs"});
  if (methods.files.empty()) {
    add_paragraph(section, {text("No input files are recorded.")});
  } else {
    ReportTable files = table({"File", "Format", "Size", "Lines", "Rejected", "Status", "SHA-256"},
                              {false, false, true, true, true});
    for (const ReportInputFile& f : methods.files) {
      files.rows.push_back({{code(f.path)}, data_cell(f.format), cell(report_bytes(f.size)), number_cell(f.lines),
                            number_cell(f.rejected), data_cell(f.status), {code(f.sha256)}});
    }
    section.blocks.push_back(std::move(files));
  }

  section.blocks.push_back(ReportSubheading{"methods-parameters", "Parameters"});
  if (methods.parameters.empty()) {
    add_paragraph(section, {text("No parameters are recorded.")});
  } else {
    ReportTable parameters = table({"Parameter", "Value"}, {});
    for (const auto& [name, value] : methods.parameters) parameters.rows.push_back({{code(name)}, {code(value)}});
    section.blocks.push_back(std::move(parameters));
  }

  section.blocks.push_back(ReportSubheading{"methods-rejected", "Rejected records"});
  if (methods.rejected.empty()) {
    add_paragraph(section, {text("No record was rejected.")});
  } else {
    ReportTable rejected = table({"Reason", "Records"}, {false, true});
    for (const auto& [reason, count] : methods.rejected) rejected.rows.push_back({data_cell(reason), number_cell(count)});
    section.blocks.push_back(std::move(rejected));
  }

  if (!methods.notes.empty()) {
    section.blocks.push_back(ReportSubheading{"methods-notes", "Notes"});
    ReportList notes;
    for (const std::string& note : methods.notes) notes.items.push_back({data(note)});
    section.blocks.push_back(std::move(notes));
  }

  section.blocks.push_back(ReportSubheading{"methods-command", "Reproduce"});
  if (methods.command_line.empty()) {
    add_paragraph(section, {text("The command line is not recorded.")});
  } else {
    add_paragraph(section, {text("This command, run on the same inputs, writes this report again:")});
    section.blocks.push_back(ReportCode{methods.command_line});
  }
  add_paragraph(section, {text("Written by leaktrace "), data(methods.version.empty() ? std::string(version) : methods.version),
                          text(" at "), time_span(methods.generated_at), text(".")});
  return section;
}

}  // namespace

ReportOutline report_outline(const ReportDocument& document) {
  ReportOutline outline;
  outline.title = document.title.empty() ? std::string("leaktrace report") : document.title;
  outline.subtitle = {text("Subject: "), strong(subject_words(document), !document.subject.empty())};
  if (document.methods.generated_at != unknown_time) {
    outline.subtitle.push_back(text(" · written "));
    outline.subtitle.push_back(time_span(document.methods.generated_at));
  }
  outline.sections.push_back(summary_section(document));
  outline.sections.push_back(origin_section(document));
  outline.sections.push_back(timeline_section(document));
  outline.sections.push_back(accounts_section(document));
  outline.sections.push_back(communities_section(document));
  outline.sections.push_back(bridges_section(document));
  outline.sections.push_back(cascades_section(document));
  if (document.coordination.ran) outline.sections.push_back(coordination_section(document));
  if (document.map) outline.sections.push_back(map_section(*document.map));
  outline.sections.push_back(methods_section(document));
  return outline;
}

}  // namespace leaktrace
