// Conformance of the 4chan reader on the public thread samples in ../shared/data/4chan (or
// $LEAKTRACE_DATA/4chan). Expected values come from simdjson's DOM API and a few regular
// expressions over the raw comment HTML, not from the reader's code.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/fourchan_reader.h"

namespace leaktrace {
namespace {

std::filesystem::path data_root() {
  if (const char* env = std::getenv("LEAKTRACE_DATA"); env != nullptr && *env != '\0') return env;
#ifdef LEAKTRACE_SHARED_DATA
  return LEAKTRACE_SHARED_DATA;
#else
  return "../shared/data";
#endif
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Line (1-based) of the '{' that opens the post numbered `no`.
std::uint64_t line_of_post(const std::string& text, std::int64_t no) {
  std::regex key("\"no\"\\s*:\\s*" + std::to_string(no) + "\\b");
  std::smatch match;
  if (!std::regex_search(text, match, key)) return 0;
  std::size_t open = text.rfind('{', static_cast<std::size_t>(match.position(0)));
  return 1 + static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(open), '\n'));
}

struct Expected {
  std::string kind;
  std::string parent;
  std::vector<std::string> urls;
};

// >>N quote links (as 4chan writes them: &gt;&gt;N, not &gt;&gt;&gt;/board/) and absolute hrefs.
Expected expected_links(std::string_view com, std::int64_t no, std::int64_t resto) {
  Expected expected;
  std::string html(com);
  std::regex quote("(^|[^;])&gt;&gt;(\\d+)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), quote); it != std::sregex_iterator(); ++it) {
    if ((*it)[2].str() != std::to_string(no)) {
      expected.parent = (*it)[2].str();
      break;
    }
  }
  std::regex href("href=\"((https?:)?//[^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
    std::string url = (*it)[1].str();
    expected.urls.push_back(url.rfind("//", 0) == 0 ? "https:" + url : url);
  }
  if (!expected.parent.empty()) {
    expected.kind = "reply";
  } else if (resto == 0) {
    expected.kind = "original";
  } else {
    expected.kind = "reply";
    expected.parent = std::to_string(resto);
  }
  return expected;
}

TEST(FourchanRealData, EveryPostOfEverySample) {
  std::filesystem::path folder = data_root() / "4chan";
  if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "shared data not found at " << folder;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    std::string text = slurp(entry.path());

    simdjson::dom::parser dom;
    simdjson::dom::element root = dom.parse(text);
    simdjson::dom::array posts = root["posts"].get_array();

    std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, ' ');
    FourchanReader reader(ReaderOptions{"wsg"});
    RecordBatch batch;
    reader.read(std::string_view(padded.data(), text.size()), 1, batch);
    EXPECT_TRUE(batch.rejections.empty()) << batch.rejections.front().reason;
    ASSERT_EQ(batch.posts.size(), posts.size());
    ASSERT_EQ(batch.accounts.size(), posts.size());

    std::size_t i = 0;
    for (simdjson::dom::object post : posts) {
      const Post& got = batch.posts[i];
      const Account& account = batch.accounts[i];
      ++i;
      std::int64_t no = post["no"].get_int64();
      std::int64_t resto = post["resto"].get_int64();
      std::int64_t time = post["time"].get_int64();
      std::string_view com;
      if (post["com"].get(com) != simdjson::SUCCESS) com = {};
      SCOPED_TRACE("post " + std::to_string(no));
      Expected expected = expected_links(com, no, resto);

      EXPECT_EQ(got.platform, Platform::fourchan);
      // Post numbers count per board, so ids carry the board given to the reader.
      const std::string board = "wsg/";
      EXPECT_EQ(got.id, board + std::to_string(no));
      EXPECT_EQ(got.created_at, time * 1000);
      EXPECT_EQ(got.conversation_id, board + std::to_string(resto == 0 ? no : resto));
      EXPECT_EQ(got.channel, "wsg");
      EXPECT_EQ(post_kind_name(got.kind), expected.kind);
      std::string parent = expected.parent.empty() ? std::string{} : board + expected.parent;
      EXPECT_EQ(got.parent_id, parent);
      EXPECT_EQ(got.reply_to_id, parent);
      EXPECT_EQ(got.provenance.line, line_of_post(text, no));

      std::vector<std::string> urls;
      for (const PostUrl& url : got.urls) urls.push_back(url.expanded);
      EXPECT_EQ(urls, expected.urls);

      std::string_view trip;
      std::string_view poster_id;
      bool has_trip = post["trip"].get(trip) == simdjson::SUCCESS;
      bool has_id = post["id"].get(poster_id) == simdjson::SUCCESS;
      std::string thread = board + std::to_string(resto == 0 ? no : resto);
      std::string author = has_trip ? std::string(trip)
                           : has_id ? thread + ":" + std::string(poster_id)
                                    : "thread:" + thread;
      EXPECT_EQ(got.author_id, author);
      EXPECT_EQ(account.id, author);
      EXPECT_EQ(account.platform, Platform::fourchan);
      std::string_view name;
      if (post["name"].get(name) == simdjson::SUCCESS) EXPECT_EQ(account.display_name, name);

      // The text is plain: no markup, no character references, and the subject comes first.
      EXPECT_EQ(got.text.find("<br>"), std::string::npos);
      EXPECT_EQ(got.text.find("&gt;"), std::string::npos);
      EXPECT_EQ(got.text.find("&#039;"), std::string::npos);
      std::string_view subject;
      if (post["sub"].get(subject) == simdjson::SUCCESS) EXPECT_EQ(got.text.rfind(subject, 0), 0u);
      if (com.empty() && subject.empty()) EXPECT_EQ(got.text, "");
    }
  }
  EXPECT_GT(files, 0u) << "no .json thread in " << folder;
}

}  // namespace
}  // namespace leaktrace
