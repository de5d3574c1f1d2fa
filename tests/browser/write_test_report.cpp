// Writes the synthetic reports the browser tests open (tests/browser/report*.test.mjs):
//   report.html, report.md (+ report-timeline.svg, report-bridges.svg, report-map.png)
//       five communities, a paste → 4chan → tweet chain, three days in 10-minute bins, bridges,
//       cascades and an embedded map of a few hundred accounts
//   xss.html, xss.md (+ figures)   every string of the document an XSS payload
//   nomap.html                     the realistic report without its map
// usage: write_test_report OUTDIR
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "render/html_report.h"
#include "render/markdown_report.h"
#include "render/palette.h"
#include "render/static_map.h"
#include "synthetic_maps.h"

namespace leaktrace {
namespace {

constexpr TimeMs minute_ms = 60'000;
constexpr TimeMs paste_time = 1'493'992'800'000;  // 2017-05-05T14:00:00Z
constexpr TimeMs bin_ms = 10 * minute_ms;
constexpr int bins = 3 * 24 * 6;

struct CommunitySketch {
  const char* label;
  const char* hub;
  const char* hashtag;
  const char* language;
  double onset_hours;  // after the paste
  double size;         // posts at its peak bin
};

constexpr CommunitySketch sketches[] = {
    {"@pol_archive, @anon_leaks · #macronleaks · en", "pol_archive", "macronleaks", "en 91%", 0.5, 18},
    {"@jackposobiec, @wikileaks · #macronleaks #maga · en", "jackposobiec", "maga", "en 88%", 4.8, 95},
    {"@fr_patriote, @lesalonbeige · #macronleaks #presidentielle2017 · fr", "fr_patriote", "presidentielle2017", "fr 82%", 6.5, 70},
    {"@wikileaks, @disobedientnews · #macronleaks #leaks · en", "wikileaks", "leaks", "en 76%", 7.6, 120},
    {"@rt_france, @sputnik_fr · #macronleaks #france · fr", "rt_france", "france", "fr 64%", 12, 40},
};
constexpr std::size_t community_count = std::size(sketches);

ReportPost post(std::string platform, std::string id, std::string kind, std::string handle, TimeMs time, std::string url,
                std::string text, std::string provenance) {
  ReportPost p;
  p.platform = std::move(platform);
  p.post = std::move(id);
  p.kind = std::move(kind);
  p.account = p.platform + ":" + handle;
  p.handle = std::move(handle);
  p.time = time;
  p.url = std::move(url);
  p.text = std::move(text);
  p.provenance = std::move(provenance);
  return p;
}

ReportPost tweet(std::string handle, std::int64_t id, TimeMs time, std::string kind, std::string text, int line) {
  const std::string url = fmt::format("https://twitter.com/{}/status/{}", handle, id);
  return post("twitter", fmt::format("{}", id), std::move(kind), std::move(handle), time, url, std::move(text),
              fmt::format("tweets.jsonl.zst:{}", line));
}

// A burst per community: it rises at its onset, decays over a day, and follows the day's rhythm.
ReportTimeline timeline() {
  std::mt19937_64 random(17);
  std::poisson_distribution<int> noise_unit(1.0);
  ReportTimeline t;
  t.start = paste_time - 2 * hour_ms;
  t.bin = bin_ms;
  t.totals.assign(bins, 0);
  for (std::size_t c = 0; c <= community_count; ++c) {
    ReportSeries series;
    const bool other = c == community_count;
    series.name = other ? "other" : sketches[c].label;
    series.community = other ? -1 : static_cast<std::int64_t>(c);
    series.colour = other ? std::string(no_community_colour) : community_colour(c);
    const double onset = other ? 6 : sketches[c].onset_hours;
    const double peak = other ? 12 : sketches[c].size;
    for (int i = 0; i < bins; ++i) {
      const double hours = static_cast<double>(t.start + i * bin_ms - paste_time) / static_cast<double>(hour_ms);
      double rate = 0;
      if (hours >= onset) {
        const double since = hours - onset;
        const double rise = 1 - std::exp(-since / 1.5);
        const double decay = std::exp(-since / 20);
        const double day = 0.65 + 0.35 * std::cos(2 * std::numbers::pi * (hours - 4) / 24);
        rate = peak * rise * decay * day;
      }
      std::poisson_distribution<int> count(std::max(rate, 1e-9));
      const int value = count(random);
      series.counts.push_back(value);
      t.totals[static_cast<std::size_t>(i)] += value;
    }
    t.series.push_back(std::move(series));
  }
  const auto at = [](double hours) { return paste_time + static_cast<TimeMs>(hours * static_cast<double>(hour_ms)); };
  t.milestones = {
      {paste_time, "first-on-platform", "first on Pastebin: the archive's index", "https://pastebin.com/aBcD1234"},
      {at(0.58), "first-on-platform", "first on 4chan: /pol/ thread 124245377", "https://boards.4chan.org/pol/thread/124245377"},
      {at(4.82), "first-on-platform", "first on Twitter: @jackposobiec", "https://twitter.com/jackposobiec/status/860594869540794368"},
      {at(6.6), "first-in-community", "first in community 2 (fr): @fr_patriote", ""},
      {at(7.7), "first-hub", "first hub: @wikileaks (4.2M followers)", "https://twitter.com/wikileaks/status/860616455383564288"},
      {at(10), "event", "En Marche! says it was hacked", "https://en-marche.fr/articles/communiques/communique-presse-piratage"},
      {at(12.1), "first-in-community", "first in community 4 (fr): @rt_france", ""},
      {at(16), "peak", "peak: 412 posts in 10 minutes", ""},
      {at(34), "event", "French election commission asks media not to publish", ""},
  };
  return t;
}

std::vector<ReportAccount> accounts() {
  std::vector<ReportAccount> out;
  const char* handles[] = {"wikileaks", "jackposobiec", "fr_patriote", "disobedientnews", "rt_france", "pol_archive",
                           "lesalonbeige", "sputnik_fr", "anon_leaks", "mike_cernovich", "gatewaypundit", "fdesouche",
                           "infowars", "prisonplanet", "tprincedelamour", "sebgorka", "v_of_europe", "marion_mm",
                           "damienrieu", "ltclhoyle"};
  for (std::size_t i = 0; i < std::size(handles); ++i) {
    ReportAccount a;
    a.id = fmt::format("twitter:{}", 16589206 + i * 7919);
    a.handle = handles[i];
    a.name = fmt::format("{} (display name)", handles[i]);
    a.community = static_cast<std::int64_t>((i * 3 + 1) % community_count);
    a.in_strength = 5200.0 / std::pow(static_cast<double>(i + 1), 0.9);
    a.pagerank = 0.061 / std::pow(static_cast<double>(i + 1), 0.8);
    a.betweenness = 0.12 / static_cast<double>(i + 2);
    a.k_core = 40 - static_cast<std::int64_t>(i);
    a.followers = i == 13 ? -1 : static_cast<std::int64_t>(4'200'000 / (i + 1));
    out.push_back(std::move(a));
  }
  return out;
}

ReportDocument realistic_report() {
  ReportDocument d;
  d.title = "How #MacronLeaks spread (synthetic test report)";
  d.subject = "#MacronLeaks";
  d.summary = {
      "The leak started on Pastebin at 14:00 UTC on 5 May 2017, was posted to 4chan's /pol/ 35 minutes later, and reached "
      "Twitter at 18:49 through @jackposobiec, whose tweet citing the 4chan thread was the first to pass 100 reposts.",
      "Five communities carried it: the English-language alt-right first, French nationalist accounts from 20:30, WikiLeaks' "
      "followers at 21:36, and Russian state media in French from 02:06 the next day.",
      "Amplification was concentrated: the ten most amplified accounts received 42.3% of all reposts, quotes and replies.",
  };
  const ReportPost paste = post("pastebin", "aBcD1234", "original", "anonymous", paste_time, "https://pastebin.com/aBcD1234",
                                "EM leaks — archive index: 9 GB of emails, documents and photos of En Marche! staff",
                                "pastebin_scrape.jsonl:12");
  const ReportPost chan = post("4chan", "124245377", "original", "Anonymous (ID: 9xQ2kP)", paste_time + 35 * minute_ms,
                               "https://boards.4chan.org/pol/thread/124245377",
                               "Macron campaign leaks, torrent and mirrors: https://pastebin.com/aBcD1234", "pol_threads.json:88121");
  const ReportPost first_tweet = tweet("jackposobiec", 860594869540794368, paste_time + 289 * minute_ms, "original",
                                       "Massive doc dump of Macron campaign on 4chan #MacronLeaks https://boards.4chan.org/pol/thread/124245377", 5811);
  const ReportPost hub = tweet("wikileaks", 860616455383564288, paste_time + 462 * minute_ms, "quote",
                               "#MacronLeaks: 9GB of emails, photos, attachments up to April 24, 2017 — we have not verified them", 20734);
  d.chain = {
      {paste, "", "pastebin_scrape.jsonl:12: the earliest post of the subject"},
      {chan, "cites", "pol_threads.json:88121 links https://pastebin.com/aBcD1234"},
      {first_tweet, "cites", "tweets.jsonl.zst:5811 cites https://boards.4chan.org/pol/thread/124245377"},
      {hub, "quotes", "tweets.jsonl.zst:20734 quotes tweet 860594869540794368"},
  };
  d.amplification = ReportAmplification{first_tweet, 1420, 100, paste_time + 331 * minute_ms};
  d.first_by_platform = {{"pastebin", -1, paste}, {"4chan", 0, chan}, {"twitter", 1, first_tweet}};
  const char* sharers[] = {"jackposobiec", "pol_archive", "anon_leaks", "mike_cernovich", "gatewaypundit",
                           "fr_patriote", "lesalonbeige", "wikileaks", "disobedientnews", "rt_france"};
  for (std::size_t i = 0; i < std::size(sharers); ++i) {
    d.first_sharers.push_back(tweet(sharers[i], 860594869540794368 + static_cast<std::int64_t>(i) * 1000,
                                    paste_time + (289 + static_cast<TimeMs>(i * i) * 9) * minute_ms, i ? "repost" : "original",
                                    i ? "RT @jackposobiec: Massive doc dump of Macron campaign on 4chan #MacronLeaks" : first_tweet.text,
                                    static_cast<int>(5811 + i * 97)));
  }
  d.timeline = timeline();
  d.accounts = accounts();
  d.top10_share = 0.423;
  for (std::size_t c = 0; c < community_count; ++c) {
    ReportCommunity community;
    community.id = static_cast<std::int64_t>(c);
    community.label = sketches[c].label;
    community.colour = community_colour(c);
    community.accounts = static_cast<std::int64_t>(9000 / (c + 1));
    community.posts = static_cast<std::int64_t>(sketches[c].size * 180);
    community.top_accounts = {sketches[c].hub, "anon_leaks", "v_of_europe"};
    community.hashtags = {"macronleaks", sketches[c].hashtag};
    community.languages = {sketches[c].language, "de 3%"};
    community.first_share = paste_time + static_cast<TimeMs>(sketches[c].onset_hours * static_cast<double>(hour_ms));
    d.communities.push_back(std::move(community));
  }
  const ReportPost fr = tweet("fr_patriote", 860601231112346000, paste_time + 396 * minute_ms, "repost",
                              "RT @jackposobiec: Massive doc dump of Macron campaign on 4chan #MacronLeaks", 9120);
  const ReportPost rt = tweet("rt_france", 860711231112346000, paste_time + 726 * minute_ms, "quote",
                              "#MacronLeaks : WikiLeaks relaie des milliers de documents", 61022);
  d.bridges = {
      {0, chan, "", std::nullopt, -1},
      {1, first_tweet, "cites", chan, 0},
      {2, fr, "reposts", first_tweet, 1},
      {3, hub, "quotes", first_tweet, 1},
      {4, rt, "quotes", hub, 3},
  };
  ReportCascades& cascades = d.cascades;
  cascades.assumption = "latest-tie";
  cascades.trees = 3214;
  cascades.posts = 41872;
  cascades.mean_size = 13.03;
  cascades.max_size = 5310;
  cascades.mean_depth = 1.84;
  cascades.max_depth = 11;
  cascades.mean_structural_virality = 2.31;
  for (int i = 0; i < 6; ++i) {
    ReportCascadeRow row;
    row.root = i == 0 ? first_tweet : tweet(sharers[i + 3], 860620000000000000 + i, paste_time + (500 + i * 40) * minute_ms, "original",
                                            "Leaked emails show … #MacronLeaks", 30000 + i);
    row.size = 5310 / (i + 1);
    row.accounts = row.size - 40 * i;
    row.depth = 11 - i;
    row.max_breadth = row.size / 3;
    row.structural_virality = 4.8 - 0.5 * i;
    if (i < 4) row.time_to_100 = (18 + 11 * i) * minute_ms;
    cascades.largest.push_back(std::move(row));
  }
  const std::int64_t under_root[] = {5310, 2655, 1770, 120, 80, 40, 12, 0};
  const std::int64_t reconstructed[] = {2980, 1410, 1650, 902, 611, 388, 240, 197};
  const char* spreaders[] = {"jackposobiec", "wikileaks", "fr_patriote", "gatewaypundit", "v_of_europe", "damienrieu",
                             "ltclhoyle", "marion_mm"};
  for (std::size_t i = 0; i < std::size(spreaders); ++i) cascades.spreaders.push_back({spreaders[i], under_root[i], reconstructed[i]});

  ReportCoordination& coordination = d.coordination;
  coordination.ran = true;
  coordination.window = 60 * 1000;
  coordination.pairs = 1767;
  ReportCoordinatedCluster group;
  group.accounts = 60;
  group.coactions = 8971;
  group.young_share = 1;
  group.default_profile_share = 0.95;
  for (int i = 0; i < 12; ++i) {
    group.members.push_back({std::to_string(853016190780935216 + i), "natasha" + std::to_string(46573947 + i), 4.0 + 3 * i, 0.2,
                             i % 7 != 0, 3 + i});
  }
  group.actions.push_back({"repost", "860592493785198592", tweet("rick_eagle", 860592493785198592, paste_time + 95 * minute_ms,
                                                                 "original", "Macron's offshore accounts #MacronLeaks", 40001),
                           paste_time + 215 * minute_ms, paste_time + 216 * minute_ms, 51});
  group.actions.push_back({"link", "https://pastebin.com/CoYyUPqd", tweet("natasha46573947", 860615619753910272,
                                                                          paste_time + 300 * minute_ms, "original",
                                                                          "https://pastebin.com/CoYyUPqd #MacronLeaks", 40002),
                           paste_time + 300 * minute_ms, paste_time + 301 * minute_ms, 49});
  coordination.clusters.push_back(std::move(group));

  Shape shape;
  shape.accounts = 420;
  shape.edges = 1300;
  shape.communities = static_cast<int>(community_count);
  shape.accounts_with_posts = 30;
  shape.seed = 23;
  MapDocument map = planted_map(shape, d.title);
  map.subject = d.subject;
  for (std::size_t c = 0; c < map.communities.size(); ++c) {
    map.communities[c].label = sketches[c].label;
    map.communities[c].colour = community_colour(c);
  }
  d.map = std::move(map);

  ReportMethods& m = d.methods;
  m.files = {
      {"data/tweets.jsonl.zst", "4f1c0e8c5e0b2a8d3c7f9e6b1a2d3c4b5a69788776655443322110ffeeddccbb", "twitter-v1.1", 812'345'678, 2'104'332, 41, "complete"},
      {"data/pol_threads.json", "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", "4chan-thread", 3'221'004, 9'812, 0, "complete"},
      {"data/pastebin_scrape.jsonl", "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", "pastebin-scrape", 88'120, 312, 2, "complete"},
  };
  m.parameters = {{"subject", "#MacronLeaks"}, {"bin", "10m"}, {"amplification-threshold", "100"},
                  {"communities", "leiden, resolution 1.0, seed 1"}, {"cascades", "latest-tie"}, {"map", "backbone: degree >= 2"}};
  m.rejected = {{"truncated JSON", 38}, {"tweet without id_str", 3}, {"paste without a date", 2}};
  m.notes = {"Times are UTC.", "Amplification counts reposts, quotes and replies received.",
             "Communities are Leiden communities of the undirected weighted amplification graph."};
  m.command_line = "leaktrace report data/tweets.jsonl.zst data/pol_threads.json data/pastebin_scrape.jsonl '#MacronLeaks' -o report.html";
  m.version = "0.6.0";
  m.generated_at = 1'700'000'000'000;
  return d;
}

// Every string of the document a payload; URLs from the hostile list and a few good ones.
ReportDocument xss_report() {
  const std::vector<std::string> payloads = xss_payloads();
  const std::vector<std::string> urls = xss_urls();
  std::size_t next = 0;
  const auto p = [&] { return payloads[next++ % payloads.size()]; };
  std::size_t next_url = 0;
  const auto u = [&] { return urls[next_url++ % urls.size()]; };
  const auto hostile_post = [&](TimeMs time) {
    ReportPost post;
    post.platform = p();
    post.post = p();
    post.kind = p();
    post.account = p();
    post.handle = p();
    post.time = time;
    post.url = u();
    post.text = p() + " " + p();
    post.provenance = p();
    return post;
  };
  const std::vector<std::string> colours = {"red;background:url(http://127.0.0.1:9/colour)", "#1f77b4", "javascript:alert(1)",
                                            "#12345g", "\"><script>window.__xss='colour'</script>", "#2ca02c"};

  ReportDocument d;
  d.title = "<script>window.__xss='title'</script> XSS report";
  d.subject = "#<img src=x onerror=\"window.__xss='subject'\">";
  for (int i = 0; i < 4; ++i) d.summary.push_back(p() + " " + p() + " " + p());
  for (int i = 0; i < 5; ++i) d.chain.push_back({hostile_post(story_start + i * hour_ms), p(), p() + " " + u()});
  d.amplification = ReportAmplification{hostile_post(story_start + 2 * hour_ms), 250, 100, story_start + 3 * hour_ms};
  for (int i = 0; i < 4; ++i) d.first_by_platform.push_back({p(), i - 1, hostile_post(story_start + i * hour_ms)});
  for (int i = 0; i < 8; ++i) d.first_sharers.push_back(hostile_post(story_start + i * 600'000));

  d.timeline.start = story_start;
  d.timeline.bin = 600'000;
  d.timeline.totals.assign(144, 0);
  for (std::size_t s = 0; s < colours.size(); ++s) {
    ReportSeries series{p(), static_cast<std::int64_t>(s), colours[s], {}};
    for (int i = 0; i < 144; ++i) {
      const auto count = static_cast<std::int64_t>((i * (s + 3)) % 11);
      series.counts.push_back(count);
      d.timeline.totals[static_cast<std::size_t>(i)] += count + (i % 17 == 0 ? 2 : 0);  // totals above the series: the line
    }
    d.timeline.series.push_back(std::move(series));
  }
  for (int i = 0; i < 8; ++i) d.timeline.milestones.push_back({story_start + i * 2 * hour_ms + 300'000, p(), p(), u()});

  for (int i = 0; i < 12; ++i) {
    ReportAccount a;
    a.id = p();
    a.handle = p();
    a.name = p();
    a.community = i % 7 - 1;
    a.in_strength = 100.0 / (i + 1);
    a.pagerank = 0.01 * (i + 1);
    a.k_core = i;
    a.followers = i * 100 - 1;
    d.accounts.push_back(std::move(a));
  }
  d.top10_share = 0.5;
  for (std::size_t c = 0; c < colours.size(); ++c) {
    d.communities.push_back({static_cast<std::int64_t>(c), p(), colours[c], 10, 20, {p(), p()}, {p(), p()}, {p()},
                             story_start + static_cast<TimeMs>(c) * hour_ms});
  }
  for (int i = 0; i < 7; ++i) {
    ReportBridge bridge;
    bridge.community = i % 8 - 1;
    bridge.post = hostile_post(story_start + i * hour_ms);
    bridge.tie = p();
    if (i % 3 != 0) {
      bridge.from = hostile_post(story_start + i * hour_ms - 600'000);
      bridge.from_community = (i + 3) % 9 - 1;
    }
    d.bridges.push_back(std::move(bridge));
  }
  d.cascades.assumption = p();
  d.cascades.trees = 3;
  d.cascades.posts = 30;
  for (int i = 0; i < 3; ++i) d.cascades.largest.push_back({hostile_post(story_start + i * hour_ms), 10, 9, 2, 4, 1.5, std::nullopt});
  for (int i = 0; i < 5; ++i) d.cascades.spreaders.push_back({p(), i * 3, i * 2});
  d.coordination.ran = true;
  d.coordination.window = 60'000;
  for (int g = 0; g < 2; ++g) {
    ReportCoordinatedCluster group;
    group.accounts = 20;
    group.coactions = 100;
    for (int i = 0; i < 4; ++i) group.members.push_back({p(), p(), 3.0, 0.5, i % 2 == 0, 10});
    for (const char* kind : {"repost", "link", "text"}) {
      group.actions.push_back({kind, p(), hostile_post(story_start + g * hour_ms), story_start, story_start + 60'000, 5});
    }
    d.coordination.clusters.push_back(std::move(group));
  }
  d.map = xss_map();

  for (int i = 0; i < 3; ++i) d.methods.files.push_back({p(), p(), p(), 1024 * (i + 1), 10, 1, p()});
  for (int i = 0; i < 4; ++i) d.methods.parameters.push_back({p(), p()});
  for (int i = 0; i < 3; ++i) d.methods.rejected.push_back({p(), i + 1});
  for (int i = 0; i < 3; ++i) d.methods.notes.push_back(p());
  d.methods.command_line = "leaktrace report '" + p() + "' ```\n" + p() + " -o '</pre><script>window.__xss=\"pre\"</script>'";
  d.methods.version = p();
  d.methods.generated_at = story_start;
  return d;
}

void write_reports(const std::filesystem::path& out, const std::string& name, const ReportDocument& document, bool static_map) {
  write_html_report(document, {}, out / (name + ".html"));
  MarkdownReportOptions markdown;
  if (static_map && document.map) {
    StaticMapOptions figure;
    figure.width = 1600;
    figure.height = 1100;
    figure.dpi = 150;
    render_static_map(*document.map, figure, (out / (name + "-map.png")).string());
    markdown.map_image = name + "-map.png";
  }
  write_markdown_report(document, markdown, out / (name + ".md"));
}

int run(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: write_test_report OUTDIR\n", stderr);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  ReportDocument report = realistic_report();
  write_reports(out, "report", report, true);
  write_reports(out, "xss", xss_report(), false);
  report.map.reset();
  write_html_report(report, {}, out / "nomap.html");
  return 0;
}

}  // namespace
}  // namespace leaktrace

int main(int argc, char** argv) {
  try {
    return leaktrace::run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "write_test_report: error: %s\n", error.what());
    return 2;
  }
}
