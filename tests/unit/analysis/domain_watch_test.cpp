#include "analysis/domain_watch.h"

#include <gtest/gtest.h>

#include "analysis/lookalike_word_lists.h"
#include "unit/analysis/analysis_test_support.h"
#include "unit/test_files.h"
#include "workspace/ingestion.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::string fixture(const std::string& name) { return std::string(LEAKTRACE_TEST_FIXTURES) + "/domains/" + name; }

LookalikeDetector en_marche_detector() {
  LookalikeParameters parameters;
  parameters.affixes = bundled_affixes();
  return LookalikeDetector({"en-marche.fr"}, parameters, testing::public_suffixes(), testing::skeletons());
}

const DomainFinding* find(const DomainWatch& watch, std::string_view domain) {
  for (const DomainFinding& f : watch.findings()) {
    if (f.match.domain == domain) return &f;
  }
  return nullptr;
}

// tests/fixtures/domains/suspects.txt: 7 lookalikes in list, URL, CT and zone shapes, the
// watched domain, one of its subdomains, a newspaper, a comment and a line naming no host.
TEST(DomainWatch, ReadsListsInTheirShapes) {
  LookalikeDetector detector = en_marche_detector();
  DomainWatch watch(detector, {fixture("suspects.txt")});
  EXPECT_THROW(watch.findings(), std::logic_error);
  watch.run();
  EXPECT_EQ(watch.lines_read(), 12);
  EXPECT_EQ(watch.lines_without_host(), 1);
  EXPECT_EQ(watch.hosts_checked(), 11);
  std::vector<std::string> flagged;
  for (const DomainFinding& f : watch.findings()) flagged.push_back(f.match.domain);
  EXPECT_EQ(flagged, (std::vector<std::string>{"xn--n-marche-b8g.fr", "en-rnarche.fr", "en-marche.co", "en-nnarche.com",
                                               "en-marche-fr.com", "mail-en-marche.fr", "onedrive-en-marche.fr",
                                               "www.en-marche-fr.com"}))
      << "by score, then name";
  const DomainFinding* co = find(watch, "en-marche.co");
  ASSERT_NE(co, nullptr);
  EXPECT_EQ(co->first_seen, fixture("suspects.txt") + ":5");
  EXPECT_EQ(co->occurrences, 1);
  EXPECT_TRUE(co->posts.empty());
}

// tests/fixtures/domains/lookalike-tweets.jsonl: relay_one and relay_two link en-nnarche.com,
// relay_one onedrive-en-marche.fr, relay_two a Cyrillic homograph; others link the real site
// and a newspaper.
TEST(DomainWatch, ReportsThePostsAndAccountsOfAWorkspace) {
  TempDir dir;
  {
    auto workspace = Workspace::open_for_writing(dir.file("w.db"));
    Ingestion(workspace, {fixture("lookalike-tweets.jsonl")}, IngestOptions{}).run();
  }
  ASSERT_TRUE(is_sqlite_file(dir.file("w.db")));
  EXPECT_FALSE(is_sqlite_file(fixture("suspects.txt")));
  LookalikeDetector detector = en_marche_detector();
  DomainWatch watch(detector, {dir.file("w.db")});
  watch.run();
  EXPECT_EQ(watch.workspace_hosts(), 5);
  ASSERT_EQ(watch.findings().size(), 3u);
  const DomainFinding* nn = find(watch, "en-nnarche.com");
  ASSERT_NE(nn, nullptr);
  EXPECT_EQ(nn->occurrences, 2);
  EXPECT_EQ(nn->accounts, 2);
  ASSERT_EQ(nn->posts.size(), 2u);
  EXPECT_EQ(nn->posts[0].handle, "relay_one");
  EXPECT_EQ(nn->posts[0].native_id, "870000000000000001");
  EXPECT_EQ(nn->posts[0].url, "https://en-nnarche.com/connexion");
  EXPECT_EQ(format_iso8601_time(nn->posts[0].created_at), "2017-04-26T09:00:00.000Z");
  EXPECT_EQ(nn->posts[1].handle, "relay_two");
  const DomainFinding* homograph = find(watch, "xn--n-marche-b8g.fr");
  ASSERT_NE(homograph, nullptr);
  EXPECT_EQ(homograph->posts.at(0).handle, "relay_two");
  EXPECT_NE(find(watch, "onedrive-en-marche.fr"), nullptr);
}

TEST(DomainWatch, NeedsInputsAndReadableFiles) {
  LookalikeDetector detector = en_marche_detector();
  EXPECT_THROW(DomainWatch(detector, {}), std::invalid_argument);
  DomainWatch missing(detector, {"/nonexistent/list.txt"});
  EXPECT_THROW(missing.run(), std::exception);
}

}  // namespace
}  // namespace leaktrace
