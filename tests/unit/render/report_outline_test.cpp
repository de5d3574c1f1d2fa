#include "render/report_outline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> section_ids(const ReportOutline& outline) {
  std::vector<std::string> ids;
  for (const ReportSection& section : outline.sections) ids.push_back(section.id);
  return ids;
}

const ReportSection& section(const ReportOutline& outline, std::string_view id) {
  for (const ReportSection& s : outline.sections) {
    if (s.id == id) return s;
  }
  throw std::runtime_error("no section " + std::string(id));
}

template <typename Block>
std::vector<const Block*> blocks(const ReportSection& section) {
  std::vector<const Block*> out;
  for (const ReportBlock& block : section.blocks) {
    if (const auto* b = std::get_if<Block>(&block)) out.push_back(b);
  }
  return out;
}

std::string plain(const ReportInline& spans) {
  std::string out;
  for (const ReportSpan& span : spans) out += span.text;
  return out;
}

TEST(ReportOutline, SectionsInReadingOrderTheMapOnlyWhenThereIsOne) {
  ReportDocument document = testing::sample_report();
  EXPECT_THAT(section_ids(report_outline(document)),
              ElementsAre("summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "methods"));
  document.map = testing::sample_map();
  EXPECT_THAT(section_ids(report_outline(document)),
              ElementsAre("summary", "origin", "timeline", "accounts", "communities", "bridges", "cascades", "coordination", "map", "methods"));
}

TEST(ReportOutline, TheChainAsStepsAndAsATable) {
  const ReportOutline outline = report_outline(testing::sample_report());
  const ReportSection& origin = section(outline, "origin");
  const auto lists = blocks<ReportList>(origin);
  ASSERT_EQ(lists.size(), 1u);
  ASSERT_EQ(lists[0]->items.size(), 3u);
  EXPECT_EQ(plain(lists[0]->items[0]), "2017-05-05 14:00:00 UTC — Pastebin — @anon posted: “the archive” · aBcD");
  EXPECT_THAT(plain(lists[0]->items[1]), HasSubstr("@Anonymous posted, citing the step before"));
  const auto tables = blocks<ReportTable>(origin);
  ASSERT_EQ(tables.size(), 3u);  // the chain, first per platform, first sharers
  EXPECT_EQ(tables[0]->rows.size(), 3u);
  EXPECT_EQ(tables[1]->rows.size(), 3u);
  EXPECT_EQ(tables[2]->rows.size(), 2u);
  EXPECT_THAT(plain(blocks<ReportParagraph>(origin)[1]->text),
              HasSubstr("The first post to reach 100 shares was a post by @jackposobiec on Twitter, at 2017-05-05 17:00:00 UTC. "
                        "It had 240 shares by 2017-05-05 18:00:00 UTC, 1 h 00 min after it was posted."));
}

TEST(ReportOutline, LinksCarryTheirUrlForTheRendererToCheck) {
  ReportDocument document = testing::sample_report();
  document.chain[0].post.url = "javascript:alert(1)";
  const ReportOutline outline = report_outline(document);
  const ReportSection& origin = section(outline, "origin");
  const ReportSpan& link = blocks<ReportList>(origin)[0]->items[0].back();
  EXPECT_EQ(link.kind, ReportSpan::Kind::link);
  EXPECT_EQ(link.url, "javascript:alert(1)");
  EXPECT_TRUE(link.data);
}

TEST(ReportOutline, DocumentTextIsMarkedAsData) {
  const ReportOutline outline = report_outline(testing::sample_report());
  const auto paragraphs = blocks<ReportParagraph>(section(outline, "summary"));
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_TRUE(paragraphs[0]->text[0].data);
  EXPECT_EQ(paragraphs[0]->text[0].text, "It started on Pastebin.");
}

TEST(ReportOutline, SwatchesCarryCheckedColours) {
  ReportDocument document = testing::sample_report();
  document.communities[0].colour = "red;background:url(x)";
  const ReportOutline outline = report_outline(document);
  const ReportSection& communities = section(outline, "communities");
  const ReportTable& table = *blocks<ReportTable>(communities)[0];
  EXPECT_EQ(table.rows[0][0][0].kind, ReportSpan::Kind::swatch);
  EXPECT_EQ(table.rows[0][0][0].colour, "#9a9a9a");
  EXPECT_EQ(table.rows[1][0][0].colour, "#f38400");
}

TEST(ReportOutline, TheTimelineIsDescribedAndItsMilestonesNumbered) {
  const ReportOutline outline = report_outline(testing::sample_report());
  const ReportSection& timeline = section(outline, "timeline");
  EXPECT_EQ(plain(blocks<ReportParagraph>(timeline)[0]->text),
            "Posts per hour, by community, from 2017-05-05 14:00:00 UTC to 2017-05-06 02:00:00 UTC: 100 posts in all; at most "
            "25 in the hour from 2017-05-05 19:00:00 UTC.");
  ASSERT_EQ(blocks<ReportFigure>(timeline).size(), 1u);
  EXPECT_EQ(blocks<ReportFigure>(timeline)[0]->kind, ReportFigureKind::timeline);
  const ReportTable& milestones = *blocks<ReportTable>(timeline).back();
  EXPECT_EQ(plain(milestones.rows[0][0]), "1");
  EXPECT_EQ(plain(milestones.rows[1][3]), "peak: 25 posts");
}

TEST(ReportOutline, SpreadersShowTheChangeBetweenAssumptions) {
  const ReportOutline outline = report_outline(testing::sample_report());
  const ReportSection& cascades = section(outline, "cascades");
  const ReportTable& spreaders = *blocks<ReportTable>(cascades).back();
  EXPECT_EQ(plain(spreaders.rows[0][3]), "−19");
  EXPECT_EQ(plain(spreaders.rows[1][3]), "+19");
}

TEST(ReportOutline, TheCascadesSayWhichAssumptionMadeTheTrees) {
  ReportDocument document = testing::sample_report();
  const ReportOutline latest = report_outline(document);
  EXPECT_THAT(plain(blocks<ReportParagraph>(section(latest, "cascades"))[0]->text), HasSubstr("the latest earlier sharer"));
  document.cascades.assumption = "root";
  const ReportOutline root = report_outline(document);
  EXPECT_EQ(plain(blocks<ReportParagraph>(section(root, "cascades"))[0]->text),
            "The diffusion trees below take every repost as coming from the original post, as the platforms record it.");
}

TEST(ReportOutline, EachTieOfTheChainInWords) {
  ReportDocument document = testing::sample_report();
  document.chain[1].tie = "reposts";
  document.chain[2].tie = "follows";
  const ReportOutline outline = report_outline(document);
  const ReportList& steps = *blocks<ReportList>(section(outline, "origin"))[0];
  EXPECT_THAT(plain(steps.items[1]), HasSubstr("@Anonymous reposts the step before"));
  EXPECT_THAT(plain(steps.items[2]), HasSubstr("@jackposobiec posted, following the author of the step before"));
}

TEST(ReportOutline, CoordinatedGroupsWithWhatTheyDidAndTheirSignals) {
  ReportDocument document = testing::sample_report();
  const ReportOutline outline = report_outline(document);
  const ReportSection& coordination = section(outline, "coordination");
  EXPECT_THAT(plain(blocks<ReportParagraph>(coordination)[0]->text), HasSubstr("within 1 min of each other"));
  ASSERT_EQ(blocks<ReportSubheading>(coordination).size(), 1u);
  EXPECT_EQ(blocks<ReportSubheading>(coordination)[0]->text, "Group 1: 3 accounts");
  EXPECT_EQ(plain(blocks<ReportParagraph>(coordination)[1]->text),
            "12 co-actions between pairs of its accounts; 66.7% of them made less than 90 days before their first post, "
            "100.0% with a default profile.");
  const auto tables = blocks<ReportTable>(coordination);
  ASSERT_EQ(tables.size(), 2u);
  ASSERT_EQ(tables[0]->rows.size(), 3u);
  EXPECT_EQ(plain(tables[0]->rows[0][0]), "reposted @jackposobiec's post");
  EXPECT_EQ(plain(tables[0]->rows[1][0]), "shared https://pastebin.com/K");
  EXPECT_EQ(plain(tables[0]->rows[2][0]), "posted the text “office leaks are real”");
  EXPECT_EQ(plain(tables[0]->rows[0][1]), "3");
  ASSERT_EQ(tables[1]->rows.size(), 2u);
  EXPECT_EQ(plain(tables[1]->rows[0][0]), "@bot1");
  EXPECT_EQ(plain(tables[1]->rows[0][3]), "yes");
  EXPECT_EQ(plain(tables[1]->rows[1][1]), "unknown");
  EXPECT_EQ(plain(tables[1]->rows[1][3]), "unknown");
  EXPECT_EQ(plain(tables[1]->rows[1][4]), "unknown");
  EXPECT_EQ(plain(blocks<ReportParagraph>(coordination).back()->text), "… and 1 more accounts (leaktrace coordination --json lists them all).");

  document.coordination.clusters.clear();
  EXPECT_THAT(plain(blocks<ReportParagraph>(section(report_outline(document), "coordination"))[0]->text),
              HasSubstr("No group of accounts"));
}

TEST(ReportOutline, MethodsEndWithTheCommandAndTheVersion) {
  const ReportOutline outline = report_outline(testing::sample_report());
  const ReportSection& methods = section(outline, "methods");
  const auto code = blocks<ReportCode>(methods);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "leaktrace report data/tweets.jsonl '#MacronLeaks' -o report.html");
  EXPECT_EQ(plain(blocks<ReportParagraph>(methods).back()->text), "Written by leaktrace 0.6.0 at 2017-05-09 18:00:00 UTC.");
}

TEST(ReportOutline, AnEmptyDocumentStillReads) {
  const ReportOutline outline = report_outline(ReportDocument{});
  EXPECT_EQ(outline.title, "leaktrace report");
  EXPECT_EQ(plain(outline.subtitle), "Subject: the whole dataset");
  EXPECT_EQ(plain(blocks<ReportParagraph>(section(outline, "timeline"))[0]->text), "The timeline has no posts.");
  EXPECT_EQ(plain(blocks<ReportParagraph>(section(outline, "bridges"))[0]->text), "The subject did not move between communities.");
}

}  // namespace
}  // namespace leaktrace
