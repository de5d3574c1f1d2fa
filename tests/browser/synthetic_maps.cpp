#include "synthetic_maps.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include <fmt/format.h>

namespace leaktrace {

MapDocument planted_map(const Shape& shape, std::string title) {
  std::mt19937_64 random(shape.seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::normal_distribution<double> normal(0, 1);
  std::exponential_distribution<double> delay(1.0 / 3.0);  // hours

  MapDocument document;
  document.title = std::move(title);
  document.subject = "#MacronLeaks";
  document.start = story_start;
  std::vector<std::vector<std::uint32_t>> members(static_cast<std::size_t>(shape.communities));
  for (int c = 0; c < shape.communities; ++c) {
    document.communities.push_back({fmt::format("@hub{0} · #topic{0} · {1}", c, c % 2 ? "fr" : "en"),
                                    test_palette[c % std::size(test_palette)], 0});
  }
  const double ring = 1000;
  for (int i = 0; i < shape.accounts; ++i) {
    const int c = static_cast<int>(std::pow(uniform(random), 1.4) * shape.communities);
    const double angle = 2 * std::numbers::pi * c / shape.communities;
    const double spread = 160 + 40 * (c % 3);
    MapNode node;
    node.id = fmt::format("twitter:{}", 100000 + i);
    node.label = fmt::format("user{}_{}", i, c);
    node.name = fmt::format("User {} of community {}", i, c);
    node.community = c;
    node.x = ring * std::cos(angle) + spread * normal(random);
    node.y = ring * std::sin(angle) + spread * normal(random);
    node.followers = static_cast<std::int64_t>(std::exp(4 + 2 * std::abs(normal(random))));
    node.first_share = story_start + static_cast<TimeMs>((c * 5 + delay(random) * (1 + c % 4)) * hour_ms);
    node.backbone = uniform(random) < 0.7;
    members[static_cast<std::size_t>(c)].push_back(static_cast<std::uint32_t>(i));
    document.communities[static_cast<std::size_t>(c)].accounts += 1;
    document.nodes.push_back(std::move(node));
  }
  // Reposts go to the first members of a community most often (a Zipf-like pick).
  const auto pick_in = [&](int c) {
    const auto& group = members[static_cast<std::size_t>(c)];
    return group[static_cast<std::size_t>(std::pow(uniform(random), 3) * group.size())];
  };
  std::vector<double> in_strength(document.nodes.size(), 0);
  for (int attempt = 0; document.edges.size() < static_cast<std::size_t>(shape.edges) && attempt < 4 * shape.edges; ++attempt) {
    const auto source = static_cast<std::uint32_t>(uniform(random) * shape.accounts);
    const int own = document.nodes[source].community;
    const int c = uniform(random) < shape.inside_share ? own : static_cast<int>(uniform(random) * shape.communities);
    if (members[static_cast<std::size_t>(c)].empty()) continue;
    const std::uint32_t target = pick_in(c);
    if (target == source) continue;
    MapEdge edge;
    edge.source = source;
    edge.target = target;
    edge.weight = static_cast<float>(1 + std::floor(std::pow(uniform(random), 6) * 12));
    edge.type = uniform(random) < 0.8 ? MapEdgeType::repost : (uniform(random) < 0.5 ? MapEdgeType::quote : MapEdgeType::mention);
    edge.time = std::max(document.nodes[source].first_share, document.nodes[target].first_share) +
                static_cast<TimeMs>(delay(random) * hour_ms / 4);
    in_strength[target] += edge.weight;
    document.end = std::max(document.end, edge.time);
    document.edges.push_back(edge);
  }
  double total = 0;
  for (double s : in_strength) total += s + 1;
  for (std::size_t i = 0; i < document.nodes.size(); ++i) {
    document.nodes[i].pagerank = (in_strength[i] + 1) / total;
    document.nodes[i].size = 1 + std::sqrt(in_strength[i]);
  }
  std::vector<std::size_t> order(document.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return in_strength[a] > in_strength[b]; });
  for (int k = 0; k < std::min<int>(shape.accounts_with_posts, shape.accounts); ++k) {
    MapNode& node = document.nodes[order[static_cast<std::size_t>(k)]];
    node.first_share_post = {fmt::format("https://twitter.com/{}/status/{}", node.label, 860000000000000000 + k),
                             fmt::format("Massive leak of documents, see #MacronLeaks (post {})", k), node.first_share, 0};
    for (int p = 0; p < 3; ++p) {
      node.top_posts.push_back({fmt::format("https://twitter.com/{}/status/{}", node.label, 861000000000000000 + k * 10 + p),
                                fmt::format("Top post {} of @{}: the documents are real #MacronLeaks", p + 1, node.label),
                                node.first_share + p * hour_ms, static_cast<std::int64_t>(in_strength[order[static_cast<std::size_t>(k)]]) / (p + 1)});
    }
  }
  return document;
}

std::vector<std::string> xss_payloads() {
  return {
      "<script>window.__xss='script'</script>",
      "\"><img src=x onerror=\"window.__xss='img'\">",
      "'><svg onload=window.__xss='svg'>",
      "</script><script>window.__xss='close-script'</script>",
      "<!--<script>window.__xss='comment'</script>-->",
      "<iframe src=\"javascript:top.__xss='iframe'\"></iframe>",
      "<a href=\"javascript:window.__xss='anchor'\">click me</a>",
      "<b onmouseover=\"window.__xss='hover'\">hover me</b>",
      "<details open ontoggle=\"window.__xss='toggle'\">",
      "<img src=\"http://127.0.0.1:9/beacon.png\">",
      "<link rel=stylesheet href=\"http://127.0.0.1:9/x.css\">",
      "<style>@import 'http://127.0.0.1:9/y.css';</style>",
      "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/refresh\">",
      "<base href=\"http://127.0.0.1:9/\">",
      "<object data=\"http://127.0.0.1:9/obj\"></object>",
      "{{constructor.constructor('window.__xss=\"template\"')()}}",
      "${alert('template-literal')}",
      "&lt;script&gt;window.__xss='entity'&lt;/script&gt;",
      "%3Cscript%3Ewindow.__xss='percent'%3C/script%3E",
      "\xC0\xBCscript\xC0\xBEwindow.__xss='overlong'",  // overlong UTF-8 for '<' and '>'
      "\xE2\x80\xAEtxt.exe\xE2\x80\xAC right-to-left override",
      "w\xE2\x80\x8Bikileaks zero\xE2\x80\x8Dwidth \xD1\xA1ikileaks",
      "line\xE2\x80\xA8separator\xE2\x80\xA9paragraph",
      "__proto__",
      "constructor",
      "#<img src=x onerror=alert('hashtag')> #MacronLeaks",
      "@<svg/onload=alert('mention')>",
      "\" onfocus=\"window.__xss='attr'\" autofocus=\"",
      "' onfocus='window.__xss=\"attr2\"' autofocus='",
      "javascript:window.__xss='label-url'",
  };
}

std::vector<std::string> xss_urls() {
  return {
      "javascript:window.__xss='url'",
      "JaVaScRiPt:window.__xss='url-case'",
      " javascript:window.__xss='url-space'",
      "java\tscript:window.__xss='url-tab'",
      "\njavascript:window.__xss='url-newline'",
      "data:text/html,<script>window.__xss='data'</script>",
      "vbscript:msgbox('x')",
      "//127.0.0.1:9/protocol-relative",
      "https://127.0.0.1:9/\"onmouseover=\"window.__xss='href-quote'",
      "https://example.org/?q=<script>window.__xss='query'</script>",
      "http://127.0.0.1:9/plain-http-ok-as-a-link-but-never-requested",
  };
}

MapDocument xss_map() {
  const std::vector<std::string> payloads = xss_payloads();
  const std::vector<std::string> urls = xss_urls();
  MapDocument document;
  document.title = "<script>window.__xss='title'</script> XSS corpus";
  document.subject = "#<img src=x onerror=\"window.__xss='subject'\">";
  document.start = story_start;
  document.end = story_start + 48 * hour_ms;
  document.sampling = {1000, 60, 5000, 120, "<img src=x onerror=\"window.__xss='sampling'\">"};
  for (int c = 0; c < 4; ++c) {
    document.communities.push_back({payloads[static_cast<std::size_t>(c * 7) % payloads.size()],
                                    c == 3 ? "red;background:url(http://127.0.0.1:9/colour)" : test_palette[c], 15});
  }
  const std::size_t count = payloads.size() * 2;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& payload = payloads[i % payloads.size()];
    MapNode node;
    // Ids carry payloads too (they go into the URL hash); the second half repeats them with a suffix.
    node.id = i < payloads.size() ? payload : payload + fmt::format("#{}", i);
    node.label = payload;
    node.name = payloads[(i + 3) % payloads.size()];
    node.community = static_cast<int>(i % 5) - 1;  // -1 too
    const double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(count);
    node.x = 100 * std::cos(angle) + 40 * (node.community + 1);
    node.y = 100 * std::sin(angle);
    node.size = 1 + static_cast<double>(i % 7);
    node.pagerank = 1.0 / static_cast<double>(i + 2);
    node.followers = static_cast<std::int64_t>(i * 10);
    node.first_share = story_start + static_cast<TimeMs>(i) * hour_ms / 2;
    node.first_share_post = {urls[i % urls.size()], payloads[(i + 5) % payloads.size()] + " #<script>alert(1)</script>",
                             node.first_share, static_cast<std::int64_t>(i)};
    for (std::size_t p = 0; p < 3; ++p) {
      node.top_posts.push_back({urls[(i + p + 1) % urls.size()], payloads[(i + p + 9) % payloads.size()],
                                node.first_share + static_cast<TimeMs>(p) * hour_ms, static_cast<std::int64_t>(p)});
    }
    document.nodes.push_back(std::move(node));
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto next = static_cast<std::uint32_t>((i + 1) % count);
    const auto across = static_cast<std::uint32_t>((i * 7 + 3) % count);
    document.edges.push_back({i, next, 1, MapEdgeType::repost, document.nodes[i].first_share + hour_ms});
    document.edges.push_back({i, across, 3, MapEdgeType::citation, unknown_time});
  }
  return document;
}

}  // namespace leaktrace
