#include "simulate/simulation.h"

#include <map>
#include <memory>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zstd.h>

#include "unit/test_files.h"
#include "workspace/ingestion.h"
#include "workspace/workspace.h"

namespace leaktrace::simulate {
namespace {

using ::testing::ElementsAreArray;

ScenarioParameters small_scenario(std::uint64_t seed) {
  ScenarioParameters parameters;
  parameters.seed = seed;
  parameters.tweets = 12000;
  parameters.accounts = 2500;
  parameters.communities = 4;
  parameters.bots = 30;
  parameters.bursts = 6;
  return parameters;
}

std::map<std::string, std::string> files_of(const std::string& folder) {
  std::map<std::string, std::string> files;
  for (const char* name : {"tweets.jsonl.zst", "tweets.jsonl", "4chan-thread.json", "pastes.jsonl", "truth.json", "follows.tsv.zst"}) {
    std::string path = folder + "/" + name;
    if (std::filesystem::exists(path)) files[name] = testing::read_file(path);
  }
  return files;
}

TEST(Simulation, SameSeedGivesTheSameBytesWhateverTheThreads) {
  testing::TempDir one, two, three;
  ScenarioParameters parameters = small_scenario(7);
  parameters.threads = 1;
  Simulation(parameters, one.file("out")).run();
  parameters.threads = 3;
  Simulation(parameters, two.file("out")).run();
  Simulation(small_scenario(8), three.file("out")).run();
  auto first = files_of(one.file("out"));
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first, files_of(two.file("out")));
  EXPECT_NE(first.at("tweets.jsonl.zst"), files_of(three.file("out")).at("tweets.jsonl.zst"));
}

std::string decompress(const std::string& packed) {
  std::string out;
  std::unique_ptr<ZSTD_DStream, decltype(&ZSTD_freeDStream)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  std::string buffer(ZSTD_DStreamOutSize(), '\0');
  while (in.pos < in.size) {
    ZSTD_outBuffer chunk{buffer.data(), buffer.size(), 0};
    const std::size_t result = ZSTD_decompressStream(stream.get(), &chunk, &in);
    if (ZSTD_isError(result)) return std::string("zstd: ") + ZSTD_getErrorName(result);
    out.append(buffer.data(), chunk.pos);
  }
  return out;
}

// zstd from the renderer's known repeats and zstd searching for them itself decompress to the
// plain file, byte for byte.
TEST(Simulation, EveryCodingOfTheTweetFileHoldsTheSameLines) {
  testing::TempDir folder;
  ScenarioParameters parameters = small_scenario(11);
  Simulation(parameters, folder.file("plain"), TweetFileCoding::plain).run();
  Simulation(parameters, folder.file("known"), TweetFileCoding::zstd_known_repeats).run();
  Simulation(parameters, folder.file("search"), TweetFileCoding::zstd_search).run();
  const std::string plain = testing::read_file(folder.file("plain/tweets.jsonl"));
  const std::string known = testing::read_file(folder.file("known/tweets.jsonl.zst"));
  const std::string search = testing::read_file(folder.file("search/tweets.jsonl.zst"));
  ASSERT_GT(plain.size(), 10'000'000u);
  EXPECT_TRUE(decompress(known) == plain);
  EXPECT_TRUE(decompress(search) == plain);
  EXPECT_LT(known.size(), plain.size() / 6);
  // The files beside it do not depend on the coding.
  EXPECT_EQ(testing::read_file(folder.file("plain/4chan-thread.json")),
            testing::read_file(folder.file("known/4chan-thread.json")));
  EXPECT_EQ(testing::read_file(folder.file("known/truth.json")), testing::read_file(folder.file("search/truth.json")));
}

TEST(Simulation, RefusesParametersOutOfRangeWithTheFix) {
  ScenarioParameters parameters = small_scenario(1);
  parameters.communities = 0;
  EXPECT_THROW(
      {
        try {
          Simulation(parameters, "/tmp/never");
        } catch (const std::invalid_argument& error) {
          EXPECT_THAT(error.what(), ::testing::HasSubstr("give 1 to 64"));
          throw;
        }
      },
      std::invalid_argument);
  parameters = small_scenario(1);
  parameters.bots = 2000;
  EXPECT_THROW(Simulation(parameters, "/tmp/never"), std::invalid_argument);
}

// Ingests a simulated scenario with leaktrace's own readers and checks it against truth.json.
class SimulatedScenario : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new testing::TempDir;
    ScenarioParameters parameters = small_scenario(2017);
    Simulation simulation(parameters, folder_->file("scenario"));
    simulation.run();
    report_ = new SimulationReport(simulation.report());
    truth_text_ = new simdjson::padded_string(testing::read_file(folder_->file("scenario/truth.json")));
    Workspace workspace = Workspace::open_for_writing(folder_->file("ws.db"));
    std::vector<std::string> inputs;
    for (const char* name : {"tweets.jsonl.zst", "4chan-thread.json", "pastes.jsonl"}) {
      inputs.push_back(folder_->file(std::string("scenario/") + name));
    }
    IngestOptions options;
    options.stream.reader.board = "pol";  // the 4chan thread API does not name its board; the collector knows it
    Ingestion ingestion(workspace, inputs, options);
    ingestion.run();
    files_ = new std::vector<IngestedFile>(ingestion.files());
  }
  static void TearDownTestSuite() {
    delete files_;
    delete truth_text_;
    delete report_;
    delete folder_;
  }

  simdjson::dom::element truth() {
    return parser_.parse(*truth_text_).value();
  }
  std::int64_t count(const std::string& sql) {
    Workspace workspace = Workspace::open_for_reading(folder_->file("ws.db"));
    auto statement = workspace.database().prepare(sql);
    EXPECT_TRUE(statement.step()) << sql;
    return statement.column_int(0);
  }
  std::set<std::string> strings(const std::string& sql) {
    Workspace workspace = Workspace::open_for_reading(folder_->file("ws.db"));
    auto statement = workspace.database().prepare(sql);
    std::set<std::string> out;
    while (statement.step()) out.emplace(statement.column_text(0));
    return out;
  }

  static testing::TempDir* folder_;
  static SimulationReport* report_;
  static simdjson::padded_string* truth_text_;
  static std::vector<IngestedFile>* files_;
  simdjson::dom::parser parser_;
};
testing::TempDir* SimulatedScenario::folder_ = nullptr;
SimulationReport* SimulatedScenario::report_ = nullptr;
simdjson::padded_string* SimulatedScenario::truth_text_ = nullptr;
std::vector<IngestedFile>* SimulatedScenario::files_ = nullptr;

TEST_F(SimulatedScenario, EveryLineIsAcceptedButThePlantedMalformedOnes) {
  ASSERT_EQ(files_->size(), 3u);
  for (const IngestedFile& file : *files_) {
    EXPECT_TRUE(file.complete) << file.path;
    EXPECT_EQ(file.error, "") << file.path;
  }
  const IngestedFile& tweets = files_->at(0);
  EXPECT_EQ(tweets.format, "twitter-v1");
  EXPECT_EQ(files_->at(1).format, "4chan");
  EXPECT_EQ(files_->at(2).format, "pastebin");
  EXPECT_EQ(files_->at(1).counts.rejected + files_->at(2).counts.rejected, 0u);

  std::vector<std::int64_t> planted;
  for (std::int64_t line : truth()["noise"]["malformed_lines"].get_array()) planted.push_back(line);
  ASSERT_EQ(planted.size(), 5u);
  EXPECT_EQ(static_cast<std::int64_t>(tweets.counts.rejected), truth()["noise"]["malformed"].get_int64().value());
  std::vector<std::int64_t> rejected_lines;
  Workspace workspace = Workspace::open_for_reading(folder_->file("ws.db"));
  auto statement = workspace.database().prepare("SELECT line FROM rejected ORDER BY line");
  while (statement.step()) rejected_lines.push_back(statement.column_int(0));
  EXPECT_THAT(rejected_lines, ElementsAreArray(planted));
  EXPECT_EQ(static_cast<std::int64_t>(tweets.lines), truth()["counts"]["lines"].get_int64().value());
}

TEST_F(SimulatedScenario, CountsInTruthMatchTheWorkspace) {
  auto counts = truth()["counts"];
  EXPECT_EQ(count("SELECT count(*) FROM posts WHERE platform = 'twitter'"), counts["tweets"].get_int64().value());
  for (const char* kind : {"original", "repost", "quote", "reply"}) {
    EXPECT_EQ(count(std::string("SELECT count(*) FROM posts WHERE platform = 'twitter' AND kind = '") + kind + "'"),
              counts["by_kind"][kind].get_int64().value())
        << kind;
  }
  EXPECT_EQ(count("SELECT count(*) FROM accounts WHERE platform = 'twitter' AND authored = 1"),
            counts["accounts"].get_int64().value());
  EXPECT_EQ(count("SELECT count(*) FROM posts WHERE platform = '4chan'"), counts["thread_posts"].get_int64().value());
  EXPECT_EQ(count("SELECT count(*) FROM posts WHERE platform = 'pastebin'"), counts["pastes"].get_int64().value());
  auto noise = truth()["noise"];
  EXPECT_EQ(count("SELECT count(*) FROM notices WHERE kind = 'deletion'"), noise["deletions"].get_int64().value());
  EXPECT_EQ(count("SELECT count(*) FROM notices WHERE kind = 'limit'"), noise["limits"].get_int64().value());
  EXPECT_EQ(static_cast<std::uint64_t>(counts["tweets"].get_int64().value()), report_->tweets);
}

TEST_F(SimulatedScenario, EveryIdInTruthExistsInTheFiles) {
  std::set<std::string> tweets = strings("SELECT native_id FROM posts WHERE platform = 'twitter'");
  std::set<std::string> accounts = strings("SELECT native_id FROM accounts WHERE platform = 'twitter' AND authored = 1");
  auto chain = truth()["origin_chain"].get_array().value();
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(std::string_view(chain.at(0)["platform"].get_string().value()), "pastebin");
  EXPECT_EQ(strings("SELECT native_id FROM posts WHERE platform = 'pastebin'").count(
                std::string(chain.at(0)["post"].get_string().value())),
            1u);
  EXPECT_EQ(strings("SELECT native_id FROM posts WHERE platform = '4chan'").count(
                std::string(chain.at(1)["post"].get_string().value())),
            1u);
  EXPECT_EQ(tweets.count(std::string(chain.at(2)["post"].get_string().value())), 1u);
  EXPECT_EQ(accounts.count(std::string(chain.at(2)["account"].get_string().value())), 1u);

  std::size_t members = 0;
  for (auto community : truth()["communities"].get_array()) {
    for (auto member : community["members"].get_array()) {
      ++members;
      EXPECT_EQ(accounts.count(std::string(member.get_string().value())), 1u);
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(members), truth()["counts"]["accounts"].get_int64().value());
  for (auto hub : truth()["hubs"].get_array()) {
    EXPECT_EQ(accounts.count(std::string(hub["account"].get_string().value())), 1u);
    EXPECT_EQ(tweets.count(std::string(hub["first_post"].get_string().value())), 1u);
  }
  for (auto bridge : truth()["bridges"].get_array()) {
    EXPECT_EQ(tweets.count(std::string(bridge["post"].get_string().value())), 1u);
    if (bridge["from_post"].error() == simdjson::SUCCESS) {
      EXPECT_EQ(tweets.count(std::string(bridge["from_post"].get_string().value())), 1u);
      EXPECT_EQ(accounts.count(std::string(bridge["from_account"].get_string().value())), 1u);
    }
  }
  for (auto burst : truth()["coordinated"]["bursts"].get_array()) {
    EXPECT_EQ(tweets.count(std::string(burst["target_post"].get_string().value())), 1u);
    for (auto post : burst["posts"].get_array()) EXPECT_EQ(tweets.count(std::string(post.get_string().value())), 1u);
  }
  std::size_t parents = 0;
  for (auto pair : truth()["parents"].get_array()) {
    ++parents;
    EXPECT_EQ(tweets.count(std::string(pair.at(0).get_string().value())), 1u);
    EXPECT_EQ(tweets.count(std::string(pair.at(1).get_string().value())), 1u);
  }
  EXPECT_GT(parents, 1000u);
}

TEST_F(SimulatedScenario, TheOriginChainIsLinkedByCitations) {
  auto chain = truth()["origin_chain"].get_array().value();
  std::string paste(chain.at(0)["post"].get_string().value());
  std::string thread(chain.at(1)["post"].get_string().value());
  std::string tweet(chain.at(2)["post"].get_string().value());
  EXPECT_EQ(count("SELECT count(*) FROM citations c JOIN posts p ON p.id = c.post_id WHERE p.platform = '4chan' AND "
                  "p.native_id = '" + thread + "' AND c.cited_platform = 'pastebin' AND c.cited_native_id = '" + paste +
                  "'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM citations c JOIN posts p ON p.id = c.post_id WHERE p.platform = 'twitter' AND "
                  "p.native_id = '" + tweet + "' AND c.cited_platform = '4chan' AND c.cited_native_id = '" + thread +
                  "'"),
            1);
  // The first tweet is the earliest tweet with the subject's tag.
  EXPECT_EQ(strings("SELECT p.native_id FROM posts p JOIN post_hashtags ph ON ph.post_id = p.id JOIN hashtags h ON "
                    "h.id = ph.hashtag_id WHERE h.tag = 'macronleaks' ORDER BY p.created_at, p.native_id LIMIT 1"),
            std::set<std::string>{tweet});
}

TEST_F(SimulatedScenario, RetweetsNameTheRootAsTheApiDoes) {
  // A retweet's parent is never itself a retweet, and its text starts "RT @author: ".
  EXPECT_EQ(count("SELECT count(*) FROM posts r JOIN posts p ON p.platform = r.platform AND p.native_id = "
                  "r.parent_native_id WHERE r.kind = 'repost' AND p.kind = 'repost'"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM posts r JOIN posts p ON p.platform = r.platform AND p.native_id = "
                  "r.parent_native_id JOIN accounts a ON a.id = p.account_id WHERE r.kind = 'repost' AND "
                  "substr(r.text, 1, length(a.handle) + 5) <> 'RT @' || a.handle || ':'"),
            0);
  EXPECT_GT(count("SELECT count(*) FROM posts WHERE kind = 'repost'"), 3000);
  // Every parent named by a repost, quote or reply is in the stream.
  EXPECT_EQ(count("SELECT count(*) FROM posts r LEFT JOIN posts p ON p.platform = r.platform AND p.native_id = "
                  "r.parent_native_id WHERE r.platform = 'twitter' AND r.kind <> 'original' AND p.id IS NULL"),
            0);
}

TEST_F(SimulatedScenario, TextsAreMultilingualWithEmojiOutsideTheBmp) {
  std::set<std::string> languages = strings("SELECT DISTINCT language FROM posts WHERE platform = 'twitter'");
  EXPECT_THAT(languages, ::testing::IsSupersetOf({"en", "fr", "ru", "de"}));
  EXPECT_GT(count("SELECT count(*) FROM posts WHERE instr(text, '𝕏') > 0 OR instr(text, '🔥') > 0"), 10);
}

}  // namespace
}  // namespace leaktrace::simulate
