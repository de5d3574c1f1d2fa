#include "render/html_map.h"

#include <algorithm>
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/html_map_viewer.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view payload = R"(</script><script>alert(1)</script><!--"><img src=x onerror=alert(2)>)";

//   0 (@alice, community 0) --repost--> 1 (@bob, no community)
MapDocument two_accounts() {
  MapDocument document;
  document.title = "Test map";
  document.subject = "#test";
  document.start = 1000;
  document.end = 5000;
  document.communities.push_back({"@alice · #test", "#1f77b4", 10});
  MapNode alice;
  alice.id = "twitter:1";
  alice.label = "alice";
  alice.name = "Alice";
  alice.community = 0;
  alice.x = 1.5;
  alice.y = -2;
  alice.size = 3;
  alice.pagerank = 0.25;
  alice.followers = 120;
  alice.first_share = 2000;
  alice.first_share_post = {"https://twitter.com/alice/status/5", "first!", 2000, 4};
  MapNode bob;
  bob.id = "twitter:2";
  bob.label = "bob";
  bob.community = -1;
  bob.backbone = false;
  document.nodes = {alice, bob};
  document.edges.push_back({1, 0, 2, MapEdgeType::mention, 3000});
  return document;
}

TEST(HtmlMapJson, WritesTheDocumentedColumns) {
  const std::string json = html_map_json(two_accounts());
  EXPECT_THAT(json, HasSubstr(R"({"format":"leaktrace-map","version":1,"title":"Test map","subject":"#test","start":1000,"end":5000,)"));
  EXPECT_THAT(json, HasSubstr(R"("communities":[{"label":"@alice · #test","colour":"#1f77b4","accounts":10}],"sampling":null,)"));
  EXPECT_THAT(json, HasSubstr(R"("edge_types":["repost","quote","reply","mention","citation"])"));
  EXPECT_THAT(json, HasSubstr(R"("id":["twitter:1","twitter:2"],"label":["alice","bob"],"name":["Alice",""],"community":[0,-1],)"));
  EXPECT_THAT(json, HasSubstr(R"("x":[1.5,0],"y":[-2,0],"size":[3,1],"pagerank":[0.25,0],"followers":[120,null],)"));
  EXPECT_THAT(json, HasSubstr(R"("first_share":[2000,null],"backbone":[1,0]})"));
  EXPECT_THAT(json, HasSubstr(
      R"("posts":[{"first":{"url":"https://twitter.com/alice/status/5","text":"first!","time":2000,"reposts":4},"top":[]},null])"));
  EXPECT_THAT(json, HasSubstr(R"("edges":{"source":[1],"target":[0],"weight":[2],"type":[3],"time":[3000]}})"));
}

TEST(HtmlMapJson, SamplingIsWrittenOnlyWhenTheMapShowsLessThanTheGraph) {
  MapDocument document = two_accounts();
  document.sampling = {100, 2, 50, 1, "backbone plus 10% of the rest"};
  EXPECT_THAT(html_map_json(document),
              HasSubstr(R"("sampling":{"accounts_total":100,"accounts_shown":2,"edges_total":50,"edges_shown":1,"how":"backbone plus 10% of the rest"})"));
  document.sampling = {2, 2, 1, 1, "everything"};
  EXPECT_THAT(html_map_json(document), HasSubstr(R"("sampling":null)"));
}

TEST(HtmlMapJson, LeavesOutEdgesToMissingNodesAndUnknownCommunities) {
  MapDocument document = two_accounts();
  document.edges.push_back({0, 7, 1, MapEdgeType::repost, unknown_time});
  document.nodes[0].community = 3;
  const std::string json = html_map_json(document);
  EXPECT_THAT(json, HasSubstr(R"("source":[1],"target":[0])"));
  EXPECT_THAT(json, HasSubstr(R"("community":[-1,-1])"));
}

TEST(HtmlMapJson, AttackerTextCannotEndTheDataBlock) {
  MapDocument document = two_accounts();
  document.title = payload;
  document.nodes[0].label = payload;
  document.nodes[0].first_share_post.text = payload;
  document.communities[0].label = payload;
  const std::string json = html_map_json(document);
  EXPECT_EQ(json.find('<'), std::string::npos);
  EXPECT_EQ(json.find('>'), std::string::npos);
}

TEST(HtmlMapPage, HasAPolicyThatForbidsRequestsAndAllowsTheViewerByHash) {
  const std::string page = html_map_page(two_accounts());
  const std::string policy = html_map_content_security_policy();
  EXPECT_THAT(policy, HasSubstr("default-src 'none'"));
  EXPECT_THAT(policy, HasSubstr("connect-src 'none'"));
  EXPECT_THAT(policy, HasSubstr("script-src 'sha256-" + std::string(html_map_viewer_script_sha256()) + "'"));
  EXPECT_THAT(policy, Not(HasSubstr("unsafe-eval")));
  EXPECT_THAT(page, HasSubstr("<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"));
  // The policy comes before anything that could load or run.
  EXPECT_LT(page.find("Content-Security-Policy"), page.find("<script"));
  EXPECT_THAT(page, HasSubstr("<title>Test map</title>"));
  EXPECT_THAT(page, HasSubstr(R"(<div class="lt-map" id="lt-map" data-lt-map="lt-map-data" style="height:100vh"></div>)"));
  EXPECT_THAT(page, HasSubstr(R"(<script type="application/json" id="lt-map-data">{"format":"leaktrace-map")"));
  EXPECT_THAT(page, HasSubstr("<script>" + std::string(html_map_viewer_script()) + "</script>"));
}

TEST(HtmlMapPage, EscapesTheTitle) {
  MapDocument document = two_accounts();
  document.title = payload;
  const std::string page = html_map_page(document);
  EXPECT_THAT(page, HasSubstr("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</title>"));
  // Our own elements only: one data block, one viewer script.
  std::size_t scripts = 0;
  for (std::size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u);
}

TEST(HtmlMapViewer, ScriptIsEmbeddedAndSafeInsideAScriptElement) {
  const std::string_view script = html_map_viewer_script();
  EXPECT_GT(script.size(), 10000u);
  std::string lower(script);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(lower.find("</script"), std::string::npos);
  EXPECT_EQ(lower.find("<!--"), std::string::npos);
  EXPECT_EQ(html_map_viewer_script_sha256().size(), 44u);  // base64 of 32 bytes
}

TEST(HtmlMapFragment, IsTheContainerAndDataWithoutTheScript) {
  HtmlMapOptions options;
  options.element_id = "report-map";
  const std::string fragment = html_map_fragment(two_accounts(), options);
  EXPECT_THAT(fragment, HasSubstr(R"(<div class="lt-map" id="report-map" data-lt-map="report-map-data" style="height:640px"></div>)"));
  EXPECT_THAT(fragment, HasSubstr(R"(<script type="application/json" id="report-map-data">)"));
  EXPECT_THAT(fragment, Not(HasSubstr("<script>")));
  EXPECT_THAT(html_map_viewer_script_element(), HasSubstr("<script>"));
}

TEST(HtmlMapFragment, RefusesAnElementIdThatCouldBreakTheMarkup) {
  HtmlMapOptions options;
  for (const char* id : {"", "1map", "a\"b", "a b", "a<b"}) {
    options.element_id = id;
    EXPECT_THROW(html_map_fragment(two_accounts(), options), std::invalid_argument) << id;
  }
}

}  // namespace
}  // namespace leaktrace
