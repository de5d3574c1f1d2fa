#pragma once

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/report_document.h"

namespace leaktrace::testing {

constexpr TimeMs report_start = 1'493'992'800'000;  // 2017-05-05T14:00:00Z
constexpr TimeMs report_hour = 3'600'000;

inline ReportPost report_post(std::string platform, std::string id, std::string kind, std::string handle, TimeMs time,
                              std::string url, std::string text) {
  ReportPost post;
  post.platform = std::move(platform);
  post.post = std::move(id);
  post.kind = std::move(kind);
  post.account = post.platform + ":" + handle;
  post.handle = std::move(handle);
  post.time = time;
  post.url = std::move(url);
  post.text = std::move(text);
  post.provenance = "input.jsonl:" + post.post;
  return post;
}

// A small report: a paste cited on 4chan cited by a tweet; two communities and one without;
// twelve hourly bins; two milestones; two bridges (the first with no source).
inline ReportDocument sample_report() {
  ReportDocument d;
  d.title = "Sample report";
  d.subject = "#MacronLeaks";
  d.summary = {"It started on Pastebin.", "Two communities carried it."};
  const ReportPost paste = report_post("pastebin", "aBcD", "original", "anon", report_start, "https://pastebin.com/aBcD", "the archive");
  const ReportPost chan = report_post("4chan", "124", "original", "Anonymous", report_start + report_hour,
                                      "https://boards.4chan.org/pol/thread/124", "leaks here https://pastebin.com/aBcD");
  const ReportPost tweet = report_post("twitter", "860", "original", "jackposobiec", report_start + 3 * report_hour,
                                       "https://twitter.com/jackposobiec/status/860", "dump #MacronLeaks");
  d.chain = {{paste, "", "input.jsonl:1"}, {chan, "cites", "pol.json:2 links the paste"}, {tweet, "cites", "tweets:3 cites the thread"}};
  d.amplification = ReportAmplification{tweet, 240, 100, report_start + 4 * report_hour};
  d.first_by_platform = {{"pastebin", -1, paste}, {"4chan", 0, chan}, {"twitter", 1, tweet}};
  d.first_sharers = {tweet, chan};
  d.timeline.start = report_start;
  d.timeline.bin = report_hour;
  d.timeline.series = {{"@anon · #leaks · en", 0, "#0067a5", {1, 2, 3, 4, 5, 4, 3, 2, 1, 0, 0, 0}},
                       {"@jackposobiec · #maga · en", 1, "#f38400", {0, 0, 0, 5, 10, 20, 15, 10, 5, 2, 1, 1}},
                       {"other", -1, "#9a9a9a", {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}}};
  for (std::size_t i = 0; i < 12; ++i) {
    std::int64_t total = 0;
    for (const ReportSeries& s : d.timeline.series) total += s.counts[i];
    d.timeline.totals.push_back(total);
  }
  d.timeline.milestones = {{report_start + report_hour, "first-on-platform", "first on 4chan", "https://boards.4chan.org/pol/thread/124"},
                           {report_start + 5 * report_hour, "peak", "peak: 25 posts", ""}};
  d.accounts = {{"twitter:1", "jackposobiec", "Jack", 1, 240, 0.2, 0.1, 5, 100000},
                {"twitter:2", "anon", "Anon", 0, 12.5, 0.05, 0.01, 2, -1}};
  d.top10_share = 0.875;
  d.communities = {{0, "@anon · #leaks · en", "#0067a5", 40, 25, {"anon"}, {"leaks"}, {"en 90%"}, report_start + report_hour},
                   {1, "@jackposobiec · #maga · en", "#f38400", 60, 69, {"jackposobiec"}, {"maga"}, {"en 80%"}, report_start + 3 * report_hour}};
  d.bridges = {{0, chan, "", std::nullopt, -1}, {1, tweet, "cites", chan, 0}};
  d.cascades.assumption = "latest-tie";
  d.cascades.trees = 4;
  d.cascades.posts = 90;
  d.cascades.mean_size = 22.5;
  d.cascades.max_size = 60;
  d.cascades.largest = {{tweet, 60, 58, 4, 20, 2.5, 45 * 60'000}};
  d.cascades.spreaders = {{"jackposobiec", 60, 41}, {"relay", 0, 19}};
  d.coordination.ran = true;
  d.coordination.window = 60'000;
  d.coordination.pairs = 3;
  d.coordination.clusters = {{3, 12, 2.0 / 3, 1.0, {{"7", "bot1", 4, 0.25, true, 3}, {"8", "bot2", -1, 0.5, std::nullopt, -1}},
                              {{"repost", "860", tweet, report_start + 2 * report_hour, report_start + 2 * report_hour + 10'000, 3},
                               {"link", "https://pastebin.com/K", chan, report_start, report_start + 30'000, 3},
                               {"text", "office leaks are real", tweet, report_start, report_start + 5'000, 2}}}};
  d.methods.files = {{"data/tweets.jsonl", "ab12", "twitter-v1.1", 2048, 10, 1, "complete"}};
  d.methods.parameters = {{"bin", "1h"}};
  d.methods.rejected = {{"truncated JSON", 1}};
  d.methods.notes = {"Times are UTC."};
  d.methods.command_line = "leaktrace report data/tweets.jsonl '#MacronLeaks' -o report.html";
  d.methods.version = "0.6.0";
  d.methods.generated_at = report_start + 100 * report_hour;
  return d;
}

inline MapDocument sample_map() {
  MapDocument map;
  map.title = "Sample map";
  map.communities = {{"@anon", "#0067a5", 1}, {"@jackposobiec", "#f38400", 1}};
  MapNode a;
  a.id = "twitter:1";
  a.label = "jackposobiec";
  a.community = 1;
  MapNode b;
  b.id = "twitter:2";
  b.label = "anon";
  b.community = 0;
  b.x = 1;
  map.nodes = {a, b};
  map.edges = {{1, 0, 1, MapEdgeType::repost, report_start}};
  return map;
}

inline const std::vector<std::string>& payloads() {
  static const std::vector<std::string> all = {
      "<script>alert('s')</script>",
      "\"><img src=x onerror=alert('i')>",
      "' onmouseover='alert(1)' x='",
      "</textarea></pre></svg><svg onload=alert(2)>",
      "[click](javascript:alert(3)) ![x](http://127.0.0.1:9/x.png) *em* _em_ `code` | cell | # heading",
      "line one\nline two\r\n- list\n# heading\n<b>x</b>",
      "&lt;script&gt;alert(4)&lt;/script&gt;",
      "\xE2\x80\xAEtxt.exe",
      "1. ordered",
      "-- dash",
  };
  return all;
}

// Every string of the sample a payload, URLs hostile, colours not colours.
inline ReportDocument hostile_report() {
  ReportDocument d = sample_report();
  std::size_t next = 0;
  const auto p = [&] { return payloads()[next++ % payloads().size()]; };
  const std::vector<std::string> urls = {"javascript:alert('u')", "data:text/html,<script>alert(1)</script>",
                                         " https://example.org/", "https://example.org/\"onclick=\"alert(1)",
                                         "https://example.org/<script>"};
  std::size_t next_url = 0;
  const auto u = [&] { return urls[next_url++ % urls.size()]; };
  const auto post = [&](ReportPost& post) {
    post.platform = p(), post.post = p(), post.kind = p(), post.account = p(), post.handle = p();
    post.url = u(), post.text = p(), post.provenance = p();
  };
  d.title = p();
  d.subject = p();
  for (std::string& s : d.summary) s = p();
  for (ReportChainStep& step : d.chain) post(step.post), step.tie = p(), step.evidence = p();
  post(d.amplification->post);
  for (ReportFirstAppearance& f : d.first_by_platform) f.where = p(), post(f.post);
  for (ReportPost& s : d.first_sharers) post(s);
  for (ReportSeries& s : d.timeline.series) s.name = p(), s.colour = "red;background:url(http://127.0.0.1:9/)";
  for (ReportMilestone& m : d.timeline.milestones) m.kind = p(), m.label = p(), m.url = u();
  for (ReportAccount& a : d.accounts) a.id = p(), a.handle = p(), a.name = p();
  for (ReportCommunity& c : d.communities) {
    c.label = p(), c.colour = "\"><script>alert(1)</script>";
    c.top_accounts = {p()}, c.hashtags = {p()}, c.languages = {p()};
  }
  for (ReportBridge& b : d.bridges) {
    post(b.post), b.tie = p();
    if (b.from) post(*b.from);
  }
  d.cascades.assumption = p();
  for (ReportCascadeRow& r : d.cascades.largest) post(r.root);
  for (ReportSpreader& s : d.cascades.spreaders) s.handle = p();
  for (ReportCoordinatedCluster& c : d.coordination.clusters) {
    for (ReportCoordinatedAccount& a : c.members) a.account = p(), a.handle = p();
    for (ReportCoordinatedAction& a : c.actions) a.kind = p(), a.what = p(), post(a.example);
  }
  for (ReportInputFile& f : d.methods.files) f.path = p(), f.sha256 = p(), f.format = p(), f.status = p();
  for (auto& [name, value] : d.methods.parameters) name = p(), value = p();
  for (auto& [reason, count] : d.methods.rejected) reason = p();
  for (std::string& note : d.methods.notes) note = p();
  d.methods.command_line = "leaktrace report '```\n" + p() + "' </code></pre><script>alert(9)</script>";
  d.methods.version = p();
  return d;
}

// An element of a parsed page: its name, its attributes, its text content.
struct ParsedElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
};

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

inline void collect_elements(xmlNode* node, std::vector<ParsedElement>& out) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) {
      ParsedElement element;
      element.name = reinterpret_cast<const char*>(node->name);
      for (xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
        xmlChar* value = xmlNodeListGetString(node->doc, attribute->children, 1);
        element.attributes[reinterpret_cast<const char*>(attribute->name)] = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
      }
      xmlChar* text = xmlNodeGetContent(node);
      element.text = text ? reinterpret_cast<const char*>(text) : "";
      xmlFree(text);
      out.push_back(std::move(element));
    }
    collect_elements(node->children, out);
  }
}

// The elements of an XML document (an SVG figure) in document order; nothing when it is not
// well-formed, with libxml2's message in `error`.
inline std::vector<ParsedElement> parse_xml(std::string_view text, std::string* error = nullptr) {
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "figure.svg", "UTF-8",
                                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  std::vector<ParsedElement> out;
  if (!doc) {
    const xmlError* last = xmlGetLastError();
    if (error) *error = last && last->message ? last->message : "not well-formed";
    return out;
  }
  collect_elements(xmlDocGetRootElement(doc.get()), out);
  return out;
}

// parse_xml() that fails the calling test when the figure is not well-formed.
inline std::vector<ParsedElement> parse_figure(std::string_view svg) {
  std::string error;
  std::vector<ParsedElement> elements = parse_xml(svg, &error);
  EXPECT_FALSE(elements.empty()) << "not well-formed: " << error;
  return elements;
}

// The elements of an HTML page as libxml2's HTML parser sees it.
inline std::vector<ParsedElement> parse_html(std::string_view text) {
  std::unique_ptr<xmlDoc, XmlDocFree> doc(htmlReadMemory(text.data(), static_cast<int>(text.size()), "report.html", "UTF-8",
                                                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  std::vector<ParsedElement> out;
  if (doc) collect_elements(xmlDocGetRootElement(doc.get()), out);
  return out;
}

}  // namespace leaktrace::testing
