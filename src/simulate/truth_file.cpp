#include "simulate/truth_file.h"

#include <array>
#include <cstdio>
#include <iterator>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "model/version.h"
#include "simulate/tweet_json.h"

namespace leaktrace::simulate {
namespace {

constexpr std::size_t flush_at = 1 << 24;

// Buffers JSON text and writes it out in large pieces: the parents list of a large scenario runs
// to hundreds of megabytes.
class TruthOutput {
 public:
  explicit TruthOutput(const std::filesystem::path& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw std::runtime_error(fmt::format("cannot write {}: check that the folder is writable", path.string()));
  }
  ~TruthOutput() {
    if (file_) std::fclose(file_);
  }
  std::string& text() { return buffer_; }
  auto out() { return std::back_inserter(buffer_); }
  void string(std::string_view value) {
    buffer_.push_back('"');
    append_twitter_json_string(buffer_, value);
    buffer_.push_back('"');
  }
  void maybe_flush() {
    if (buffer_.size() >= flush_at) flush();
  }
  void close() {
    flush();
    if (std::fclose(file_) != 0) throw std::runtime_error(fmt::format("cannot finish writing {}", path_.string()));
    file_ = nullptr;
  }

 private:
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      throw std::runtime_error(fmt::format("cannot write {}: the disk may be full", path_.string()));
    }
    buffer_.clear();
  }
  std::filesystem::path path_;
  std::FILE* file_;
  std::string buffer_;
};

}  // namespace

std::vector<BridgeFact> community_entries(const Story& story, const Population& population) {
  const std::size_t communities = population.communities().size();
  std::vector<BridgeFact> entries;
  std::vector<bool> reached(communities, false);
  for (std::uint32_t i = 0; i < story.posts.size() && entries.size() < communities; ++i) {
    const SimPost& post = story.posts[i];
    if (post.topic != 0) continue;
    const std::uint32_t community = population.account(post.account).community;
    if (reached[community]) continue;
    reached[community] = true;
    entries.push_back({community, i, post.exposure});
  }
  return entries;
}

void write_truth_file(const std::filesystem::path& path, const ScenarioParameters& parameters,
                      const Population& population, const Story& story, const NoiseCounts& noise,
                      const ScenarioFileNames& files, const TweetTextComposer& composer) {
  TruthOutput json(path);
  auto o = json.out();
  std::string& text = json.text();
  const auto& posts = story.posts;
  auto account_id = [&](std::uint32_t post) { return population.account(posts[post].account).id; };
  auto handle = [&](std::uint32_t post) -> const std::string& { return population.account(posts[post].account).handle; };

  text += "{\n";
  fmt::format_to(o, R"("generator":"leaktrace simulate {}",)" "\n", version);
  fmt::format_to(o,
                 R"("parameters":{{"seed":{},"posts":{},"accounts":{},"communities":{},"hubs":{},"bridges":{},"bots":{},)"
                 R"("bursts":{},"background":{},"cross_community":{},"tag":)",
                 parameters.seed, parameters.tweets, parameters.accounts, parameters.communities, parameters.hubs,
                 parameters.bridges, parameters.bots, parameters.bursts, parameters.background_share,
                 parameters.cross_community_share);
  json.string(parameters.subject_tag);
  fmt::format_to(o, R"(,"start":"{}","end":"{}"}},)" "\n", format_iso8601_time(parameters.start),
                 format_iso8601_time(parameters.start + parameters.duration));
  text += R"("files":{"tweets":)";
  json.string(files.tweets);
  text += R"(,"thread":)";
  json.string(files.thread);
  text += R"(,"pastes":)";
  json.string(files.pastes);
  text += "},\n";

  // The chain: the dump, the thread that took it, the first tweet that linked the thread.
  const Paste& paste = story.pastes[story.origin_paste];
  const ChanPost& opening = story.thread.front();
  const std::uint32_t first = story.first_tweet;
  fmt::format_to(o,
                 R"("origin_chain":[)" "\n"
                 R"( {{"platform":"pastebin","post":"{0}","time":"{1}","url":"https://pastebin.com/{0}"}},)" "\n"
                 R"( {{"platform":"4chan","post":"{2}/{3}","time":"{4}","url":"https://boards.4chan.org/{2}/thread/{3}","cites":"pastebin:{0}"}},)" "\n"
                 R"( {{"platform":"twitter","post":"{5}","account":"{6}","handle":"{7}","time":"{8}","url":"{9}","cites":"4chan:{2}/{3}"}}],)" "\n",
                 paste.key, format_iso8601_time(paste.time), story.board, opening.number,
                 format_iso8601_time(opening.time), posts[first].id, account_id(first), handle(first),
                 format_iso8601_time(posts[first].time), composer.status_url(first));

  std::vector<bool> posted(population.accounts().size(), false);
  for (const SimPost& post : posts) posted[post.account] = true;
  std::uint64_t posting_accounts = 0;
  for (bool p : posted) posting_accounts += p;

  text += R"("communities":[)";
  for (std::uint32_t c = 0; c < population.communities().size(); ++c) {
    const SimCommunity& community = population.community(c);
    if (c) text += ",";
    fmt::format_to(o, "\n" R"( {{"id":{},"label":)", c);
    json.string(community.profile.label);
    fmt::format_to(o, R"(,"language":"{}","utc_offset_hours":{},"members":[)", community.profile.language,
                   community.profile.utc_offset_hours);
    // Members that appear in the files: an account that never posted is in no collection.
    bool first_member = true;
    auto member = [&](std::uint32_t account) {
      if (!posted[account]) return;
      fmt::format_to(o, R"({}"{}")", first_member ? "" : ",", population.account(account).id);
      first_member = false;
      json.maybe_flush();
    };
    for (std::uint32_t account : community.members) member(account);
    if (c == population.bot_community()) {
      for (std::uint32_t bot : population.bots()) member(bot);
    }
    text += "]}";
  }
  text += "],\n";

  text += R"("hubs":[)";
  for (std::size_t h = 0; h < story.hub_posts.size(); ++h) {
    std::uint32_t post = story.hub_posts[h];
    const SimAccount& hub = population.account(posts[post].account);
    fmt::format_to(o, R"({}{{"account":"{}","handle":"{}","community":{},"followers":{},"first_post":"{}","time":"{}"}})",
                   h ? "," : "", hub.id, hub.handle, hub.community, hub.followers, posts[post].id,
                   format_iso8601_time(posts[post].time));
  }
  text += "],\n";

  text += R"("bridges":[)";
  bool first_bridge = true;
  for (const BridgeFact& entry : community_entries(story, population)) {
    const SimAccount& account = population.account(posts[entry.post].account);
    fmt::format_to(o, R"({}{{"community":{},"account":"{}","handle":"{}","post":"{}","time":"{}","designated":{})",
                   first_bridge ? "\n " : ",\n ", entry.community, account.id, account.handle, posts[entry.post].id,
                   format_iso8601_time(posts[entry.post].time), account.role == Role::bridge);
    first_bridge = false;
    if (entry.from_post != no_post) {
      const SimAccount& from = population.account(posts[entry.from_post].account);
      fmt::format_to(o, R"(,"from_account":"{}","from_handle":"{}","from_community":{},"from_post":"{}")", from.id,
                     from.handle, from.community, posts[entry.from_post].id);
    }
    text += "}";
  }
  text += "],\n";

  fmt::format_to(o, R"("coordinated":{{"community":{},"accounts":[)", population.bot_community());
  for (std::size_t b = 0; b < population.bots().size(); ++b) {
    fmt::format_to(o, R"({}"{}")", b ? "," : "", population.account(population.bots()[b]).id);
  }
  text += R"(],"bursts":[)";
  for (std::size_t b = 0; b < story.bursts.size(); ++b) {
    const Burst& burst = story.bursts[b];
    fmt::format_to(o, R"({}{{"time":"{}","kind":"{}","target_post":"{}","target_account":"{}","posts":[)",
                   b ? ",\n " : "\n ", format_iso8601_time(burst.time), burst.copypasta ? "copypasta" : "repost",
                   posts[burst.target].id, account_id(burst.target));
    for (std::size_t k = 0; k < burst.posts.size(); ++k) fmt::format_to(o, R"({}"{}")", k ? "," : "", posts[burst.posts[k]].id);
    text += R"(],"accounts":[)";
    for (std::size_t k = 0; k < burst.posts.size(); ++k) fmt::format_to(o, R"({}"{}")", k ? "," : "", account_id(burst.posts[k]));
    text += "]}";
  }
  text += "]},\n";

  // True diffusion parents: for every subject post that got the subject from another post.
  std::array<std::uint64_t, 4> subject_by_kind{};
  std::array<std::uint64_t, 4> all_by_kind{};
  std::uint64_t subject_posts = 0;
  text += R"("parents":[)";
  bool first_parent = true;
  for (std::uint32_t i = 0; i < posts.size(); ++i) {
    const SimPost& post = posts[i];
    ++all_by_kind[static_cast<std::size_t>(post.kind)];
    if (post.topic != 0) continue;
    ++subject_posts;
    ++subject_by_kind[static_cast<std::size_t>(post.kind)];
    if (post.exposure == no_post) continue;
    fmt::format_to(o, R"({}["{}","{}"])", first_parent ? "\n " : ",\n ", post.id, posts[post.exposure].id);
    first_parent = false;
    json.maybe_flush();
  }
  text += "],\n";

  fmt::format_to(o,
                 R"("noise":{{"deletions":{},"limits":{},"duplicates":{},"malformed":{},"malformed_lines":[)",
                 noise.deletions, noise.limits, noise.duplicates, noise.malformed);
  for (std::size_t i = 0; i < noise.malformed_lines.size(); ++i) fmt::format_to(o, "{}{}", i ? "," : "", noise.malformed_lines[i]);
  fmt::format_to(o, R"(],"background_tweets":{}}},)" "\n", posts.size() - subject_posts);
  fmt::format_to(o,
                 R"("counts":{{"tweets":{},"lines":{},"subject_tweets":{},"subject_by_kind":{{"original":{},"repost":{},)"
                 R"("quote":{},"reply":{}}},"by_kind":{{"original":{},"repost":{},"quote":{},"reply":{}}},)"
                 R"("accounts":{},"thread_posts":{},"pastes":{}}}}})" "\n",
                 posts.size(), posts.size() + noise.deletions + noise.limits + noise.duplicates + noise.malformed,
                 subject_posts, subject_by_kind[0], subject_by_kind[1], subject_by_kind[2], subject_by_kind[3],
                 all_by_kind[0], all_by_kind[1], all_by_kind[2], all_by_kind[3], posting_accounts,
                 story.thread.size(), story.pastes.size());
  json.close();
}

}  // namespace leaktrace::simulate
