// Twitter API v1.1 parsing and ingest of a simulated stream, side by side with a bare simdjson
// On-Demand pass that touches the same fields and a bare SQLite pass. Each case checks its result
// before it is timed; the summary at the end gives the ratios the ingest issue asks for. Corpus:
// LEAKTRACE_BENCH_CORPUS (below), size LEAKTRACE_BENCH_TWEETS (default 200000); the full ingest
// runs LEAKTRACE_BENCH_BINARY when set (another build, to compare), else this build's leaktrace.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <chrono>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/input_source.h"
#include "ingest/record_stream.h"
#include "ingest/twitter_v1_reader.h"
#include "simulate/simulation.h"
#include "tweet_corpus.h"
#include "workspace/sqlite.h"
#include "workspace/workspace.h"
#include "workspace/workspace_writer.h"

namespace {

using leaktrace::RecordBatch;

// The corpus every case reads. "simulated" (the default): a v1.1 stream written by the simulator
// (retweets embed their root original as the API did, so many share one; accounts repeat with
// heavy-tailed activity; notices, duplicates and a few malformed lines). "unique": every retweet
// embeds a brand-new original (two new posts per line, the writer's worst case). "shared": the
// older hand-made corpus with shared originals. LEAKTRACE_BENCH_CORPUS picks one.
struct Corpus {
  std::string name;
  std::string text;
  std::size_t tweets = 0;        // tweet lines in the stream
  std::size_t rejections = 0;    // malformed lines planted on purpose
  std::filesystem::path folder;  // scratch folder, removed at exit
  std::string path;              // the same text on disk, for the end-to-end ingest
};

std::string read_file(const std::filesystem::path& path) {
  std::string text(std::filesystem::file_size(path), '\0');
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file || std::fread(text.data(), 1, text.size(), file) != text.size()) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::fclose(file);
  return text;
}

const Corpus& corpus() {
  static const Corpus instance = [] {
    Corpus c;
    const char* env = std::getenv("LEAKTRACE_BENCH_TWEETS");
    std::size_t tweets = env ? std::strtoull(env, nullptr, 10) : 200000;
    const char* name = std::getenv("LEAKTRACE_BENCH_CORPUS");
    c.name = name ? name : "simulated";
    c.folder = std::filesystem::temp_directory_path() / fmt::format("leaktrace-bench-{}", getpid());
    std::filesystem::create_directories(c.folder);
    if (c.name == "simulated") {
      leaktrace::simulate::ScenarioParameters parameters;
      parameters.tweets = tweets;
      parameters.accounts = std::max<std::uint64_t>(2000, tweets / 5);
      parameters.compress = false;
      leaktrace::simulate::Simulation simulation(parameters, c.folder / "scenario");
      simulation.run();
      c.tweets = simulation.report().tweets;
      c.rejections = simulation.report().noise.malformed;
      c.path = (c.folder / "scenario" / "tweets.jsonl").string();
      c.text = read_file(c.path);
    } else if (c.name == "unique" || c.name == "shared") {
      leaktrace::bench::TweetCorpus(42, c.name == "shared" ? leaktrace::bench::TweetCorpus::Originals::shared
                                                           : leaktrace::bench::TweetCorpus::Originals::unique)
          .generate(tweets, c.text);
      c.tweets = tweets;
      c.path = (c.folder / "tweets.jsonl").string();
      std::FILE* file = std::fopen(c.path.c_str(), "wb");
      std::fwrite(c.text.data(), 1, c.text.size(), file);
      std::fclose(file);
    } else {
      throw std::invalid_argument("LEAKTRACE_BENCH_CORPUS must be simulated, unique or shared");
    }
    c.text.reserve(c.text.size() + simdjson::SIMDJSON_PADDING);
    // The corpus was just written: its pages would still be going to disk while the ingest runs,
    // and the kernel then throttles the workspace's writes (the ingest took 3x longer).
    sync();
    return c;
  }();
  return instance;
}

std::map<std::string, double> seconds_per_pass;

double load_average() {
  double load[1] = {0};
  getloadavg(load, 1);
  return load[0];
}  // best time of each case, for the ratios

// A bare On-Demand pass over the fields the reader uses: one walk per object, values as views.
struct BarePass {
  simdjson::ondemand::parser parser;
  std::size_t tweets = 0;
  std::size_t checksum = 0;

  void tweet(simdjson::ondemand::object object) {
    ++tweets;
    for (auto field : object) {
      std::string_view key = field.unescaped_key().value_unsafe();
      auto value = field.value();
      if (key == "id_str" || key == "created_at" || key == "text" || key == "full_text" || key == "lang" ||
          key == "in_reply_to_status_id_str" || key == "quoted_status_id_str") {
        std::string_view s;
        if (value.get_string().get(s) == simdjson::SUCCESS) checksum += s.size();
      } else if (key == "user") {
        user(value.get_object().value_unsafe());
      } else if (key == "retweeted_status" || key == "quoted_status") {
        tweet(value.get_object().value_unsafe());
      } else if (key == "entities") {
        entities(value.get_object().value_unsafe());
      } else if (key == "extended_tweet") {
        for (auto inner : value.get_object().value_unsafe()) {
          std::string_view inner_key = inner.unescaped_key().value_unsafe();
          if (inner_key == "full_text") {
            checksum += std::string_view(inner.value().get_string().value_unsafe()).size();
          } else if (inner_key == "entities") {
            entities(inner.value().get_object().value_unsafe());
          }
        }
      }
    }
  }
  void user(simdjson::ondemand::object object) {
    for (auto field : object) {
      std::string_view key = field.unescaped_key().value_unsafe();
      auto value = field.value();
      if (key == "id_str" || key == "screen_name" || key == "name" || key == "created_at" || key == "description") {
        std::string_view s;
        if (value.get_string().get(s) == simdjson::SUCCESS) checksum += s.size();
      } else if (key == "followers_count" || key == "friends_count" || key == "statuses_count") {
        std::int64_t n = 0;
        if (value.get_int64().get(n) == simdjson::SUCCESS) checksum += static_cast<std::size_t>(n);
      } else if (key == "verified" || key == "default_profile") {
        bool b = false;
        if (value.get_bool().get(b) == simdjson::SUCCESS) checksum += b;
      }
    }
  }
  void entities(simdjson::ondemand::object object) {
    for (auto field : object) {
      std::string_view key = field.unescaped_key().value_unsafe();
      if (key != "hashtags" && key != "urls" && key != "user_mentions") continue;
      for (auto item : field.value().get_array().value_unsafe()) {
        for (auto inner : item.get_object().value_unsafe()) {
          std::string_view inner_key = inner.unescaped_key().value_unsafe();
          if (inner_key == "text" || inner_key == "expanded_url" || inner_key == "id_str" || inner_key == "screen_name") {
            std::string_view s;
            if (inner.value().get_string().get(s) == simdjson::SUCCESS) checksum += s.size();
          }
        }
      }
    }
  }
  void line(std::string_view text) {
    auto document = parser.iterate(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::object object;
    if (document.get_object().get(object) != simdjson::SUCCESS) return;
    // Notices (delete, limit) are not tweets; a tweet has created_at first.
    auto first = object.begin();
    if (first == object.end()) return;
    std::string_view key = (*first).unescaped_key().value_unsafe();
    if (key != "created_at") return;
    object.reset();
    tweet(object);
  }
};

template <typename PerLine>
void for_each_line(const std::string& text, PerLine&& per_line) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    per_line(std::string_view(text.data() + begin, end - begin), begin);
    begin = end + 1;
  }
}

void record(benchmark::State& state, const std::string& name, double seconds) {
  auto& best = seconds_per_pass[name];
  if (best == 0 || seconds < best) best = seconds;
  state.counters["tweets/s"] = static_cast<double>(corpus().tweets) / best;
  state.counters["MB/s"] = static_cast<double>(corpus().text.size()) / 1e6 / best;
}

void BM_bare_simdjson_ondemand(benchmark::State& state) {
  const Corpus& c = corpus();
  BarePass pass;
  for_each_line(c.text, [&](std::string_view line, std::size_t) { pass.line(line); });
  // Embedded originals and quotes are tweets too: the pass must see every tweet the corpus holds.
  if (pass.tweets < c.tweets) throw std::runtime_error("bare pass missed tweets");
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    BarePass timed;
    for_each_line(c.text, [&](std::string_view line, std::size_t) { timed.line(line); });
    benchmark::DoNotOptimize(timed.checksum);
    record(state, "bare", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
}

void BM_twitter_v1_reader(benchmark::State& state) {
  const Corpus& c = corpus();
  BarePass count;
  for_each_line(c.text, [&](std::string_view line, std::size_t) { count.line(line); });
  {
    leaktrace::TwitterV1Reader reader;
    RecordBatch batch;
    std::size_t posts = 0;
    std::size_t rejected = 0;
    std::uint64_t line_number = 0;
    for_each_line(c.text, [&](std::string_view line, std::size_t) {
      reader.read(line, ++line_number, batch);
      posts += batch.posts.size();
      rejected += batch.rejections.size();
      batch.clear();
    });
    if (posts < c.tweets || rejected != c.rejections) {
      throw std::runtime_error(fmt::format("reader gave {} posts and {} rejections for {} tweets", posts, rejected,
                                           count.tweets));
    }
  }
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    leaktrace::TwitterV1Reader reader;
    RecordBatch batch;
    std::uint64_t line_number = 0;
    std::size_t posts = 0;
    for_each_line(c.text, [&](std::string_view line, std::size_t) {
      reader.read(line, ++line_number, batch);
      if (batch.posts.size() >= 16384) {
        posts += batch.posts.size();
        batch.clear();
      }
    });
    benchmark::DoNotOptimize(posts);
    record(state, "reader", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
}

std::uintmax_t workspace_bytes = 0;
long ingest_peak_rss_kib = 0;
double ingest_cpu_seconds = 0;  // user + system of the best run
std::uint64_t ingest_posts = 0;

double cpu_seconds(const rusage& usage) {
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long vm_hwm_kib(pid_t pid) {
  std::FILE* status = std::fopen(fmt::format("/proc/{}/status", pid).c_str(), "r");
  if (!status) return 0;
  char line[256];
  long kib = 0;
  while (std::fgets(line, sizeof line, status)) {
    if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
  }
  std::fclose(status);
  return kib;
}

// CPU seconds of each thread of `pid` by name (the ingest names its parsing and hashing
// threads; the writing one is the main thread), read from /proc while it runs: a thread that
// has ended keeps the last value seen.
void sample_thread_cpu(pid_t pid, std::map<std::string, double>& seconds) {
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator(fmt::format("/proc/{}/task", pid), error)) {
    std::FILE* stat = std::fopen((task.path() / "stat").c_str(), "r");
    if (!stat) continue;
    char line[1024];
    std::size_t n = std::fread(line, 1, sizeof line - 1, stat);
    std::fclose(stat);
    line[n] = '\0';
    // pid (comm) state ... utime stime are the 14th and 15th fields; comm may hold spaces.
    char* open = std::strchr(line, '(');
    char* close = std::strrchr(line, ')');
    if (!open || !close) continue;
    std::string name(open + 1, close);
    unsigned long utime = 0, stime = 0;
    if (std::sscanf(close + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) continue;
    if (name != "lt-parse" && name != "lt-sha256") name = "write";
    double cpu = static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    // Several unnamed threads (SQLite has none; the main thread writes) would add up here.
    auto& kept = seconds[name + ":" + task.path().filename().string()];
    kept = std::max(kept, cpu);
  }
}

std::map<std::string, double> by_role(const std::map<std::string, double>& per_thread) {
  std::map<std::string, double> out;
  for (const auto& [key, cpu] : per_thread) out[key.substr(0, key.find(':'))] += cpu;
  return out;
}

std::map<std::string, double> ingest_thread_cpu;  // of the best run, by role

void remove_workspace(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

// `leaktrace ingest` itself, in a child process: what a user runs, with its own peak memory and CPU
// time (the machine is shared, so CPU time is the steadier figure).
void BM_full_ingest(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string path = (c.folder / "ingest.db").string();
  for (auto _ : state) {
    remove_workspace(path);
    auto start = std::chrono::steady_clock::now();
    // posix_spawn returns once the child has exec'd, so every sample below is of leaktrace itself.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    // LEAKTRACE_BENCH_BINARY runs another build of leaktrace (an earlier one, side by side).
    const char* other = std::getenv("LEAKTRACE_BENCH_BINARY");
    std::string binary = other ? other : LEAKTRACE_BINARY;
    std::vector<std::string> args{binary, "ingest", "-q", "-w", path, c.path};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start " + binary);
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    long peak_kib = 0;
    std::map<std::string, double> thread_cpu;
    // The child's own high-water mark: its rusage would also count the pages it shared with this
    // process (the corpus in memory) before exec.
    while (wait4(pid, &status, WNOHANG, &usage) == 0) {
      peak_kib = std::max(peak_kib, vm_hwm_kib(pid));
      sample_thread_cpu(pid, thread_cpu);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("leaktrace ingest failed");
    {
      leaktrace::SqliteDatabase db(path, leaktrace::SqliteDatabase::Mode::read_only);
      auto posts = db.prepare("SELECT count(*), (SELECT count(*) FROM rejected) FROM posts");
      posts.step();
      ingest_posts = static_cast<std::uint64_t>(posts.column_int(0));
      if (ingest_posts < c.tweets || static_cast<std::size_t>(posts.column_int(1)) != c.rejections) {
        throw std::runtime_error(fmt::format("ingest stored {} posts and {} rejections", ingest_posts,
                                             posts.column_int(1)));
      }
    }
    bool best = seconds_per_pass["ingest"] == 0 || seconds < seconds_per_pass["ingest"];
    record(state, "ingest", seconds);
    state.counters["CPU s"] = cpu_seconds(usage);
    if (best) {
      ingest_cpu_seconds = cpu_seconds(usage);
      ingest_thread_cpu = by_role(thread_cpu);
    }
    ingest_peak_rss_kib = std::max(ingest_peak_rss_kib, peak_kib);
    workspace_bytes = 0;
    for (const char* suffix : {"", "-wal", "-journal"}) {
      if (std::filesystem::exists(path + suffix)) workspace_bytes += std::filesystem::file_size(path + suffix);
    }
    remove_workspace(path);
  }
}

// The parsing thread's floor: reading the file and its SHA-256, nothing parsed.
void BM_read_and_sha256(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<char> buffer(leaktrace::RecordStreamOptions{}.chunk_bytes);
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    leaktrace::InputSource source(c.path);
    std::size_t bytes = 0;
    while (std::size_t n = source.read(buffer.data(), buffer.size())) bytes += n;
    if (bytes != c.text.size() || source.sha256_hex().size() != 64) throw std::runtime_error("short read");
    record(state, "read+sha", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
}

// The corpus parsed into the batches the ingest hands its writing thread. Not kept between cases,
// so that it does not weigh on the peak memory the full ingest reports.
std::vector<RecordBatch> parse_corpus() {
  std::vector<RecordBatch> batches;
  leaktrace::RecordStream stream(corpus().path, {});
  RecordBatch batch;
  while (stream.next(batch)) batches.push_back(batch);
  return batches;
}

// The writing thread alone, on batches parsed beforehand.
void BM_workspace_writer(benchmark::State& state) {
  const Corpus& c = corpus();
  const std::vector<RecordBatch> batches = parse_corpus();
  for (auto _ : state) {
    std::string path = c.path + ".writer.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto start = std::chrono::steady_clock::now();
    std::uint64_t posts = 0;
    {
      auto workspace = leaktrace::Workspace::open_for_writing(path);
      leaktrace::WorkspaceWriter writer(workspace);
      std::int64_t file = writer.begin_file({c.path, std::nullopt, 0, "twitter-v1", "none"});
      for (const RecordBatch& batch : batches) posts += writer.append(batch, file).posts_new;
      writer.finish_file(file, "bench", 0, "complete");
    }
    if (posts < c.tweets) throw std::runtime_error("writer stored fewer posts than tweets");
    record(state, "writer", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
}

// The parsing thread alone: file reading, SHA-256, line splitting, the reader, URL canonicalisation,
// hashtag folding and per-batch account merging, as the ingest runs them beside the writer.
void BM_record_stream(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    leaktrace::RecordStream stream(c.path, {});
    RecordBatch batch;
    std::size_t posts = 0;
    while (stream.next(batch)) posts += batch.posts.size();
    if (posts < c.tweets) throw std::runtime_error("record stream gave fewer posts than tweets");
    record(state, "stream", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
}

// SQLite's own floor: only the post rows, each distinct post once, through one prepared statement
// into a table of the workspace's shape with its unique index, in large transactions, with the
// workspace's settings. The writer also stores accounts, URLs, hashtags, mentions and citations,
// so it cannot be faster than this.
void BM_bare_sqlite_posts(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<RecordBatch> batches = parse_corpus();
  std::unordered_set<std::string> seen;
  for (RecordBatch& batch : batches) {
    std::erase_if(batch.posts, [&](const leaktrace::Post& post) { return !seen.insert(post.id).second; });
  }
  for (auto _ : state) {
    std::string path = c.path + ".bare.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto start = std::chrono::steady_clock::now();
    std::int64_t rows = 0;
    {
      leaktrace::SqliteDatabase db(path, leaktrace::SqliteDatabase::Mode::read_write_create);
      db.execute("PRAGMA page_size=16384; PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; "
                 "PRAGMA cache_size=-262144");
      db.execute(
          "CREATE TABLE posts(id INTEGER PRIMARY KEY, platform TEXT NOT NULL, native_id TEXT NOT NULL, account_id "
          "INTEGER NOT NULL, created_at INTEGER, kind TEXT NOT NULL, parent_native_id TEXT, reply_to_native_id TEXT, "
          "conversation_id TEXT, channel TEXT, text TEXT, language TEXT, embedded INTEGER NOT NULL, file_id INTEGER, "
          "line INTEGER, UNIQUE (platform, native_id))");
      auto insert = db.prepare(
          "INSERT INTO posts(platform, native_id, account_id, created_at, kind, parent_native_id, "
          "reply_to_native_id, conversation_id, channel, text, language, embedded, file_id, line) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
      db.execute("BEGIN");
      std::int64_t since_commit = 0;
      for (const RecordBatch& batch : batches) {
        for (const leaktrace::Post& post : batch.posts) {
          insert.bind(1, leaktrace::platform_name(post.platform))
              .bind(2, post.id)
              .bind(3, std::int64_t{1})
              .bind(4, post.created_at)
              .bind(5, leaktrace::post_kind_name(post.kind))
              .bind_text_or_null(6, post.parent_id)
              .bind_text_or_null(7, post.reply_to_id)
              .bind_text_or_null(8, post.conversation_id)
              .bind_text_or_null(9, post.channel)
              .bind(10, std::string_view(post.text))
              .bind_text_or_null(11, post.language)
              .bind(12, std::int64_t{post.embedded ? 1 : 0})
              .bind(13, std::int64_t{1})
              .bind(14, static_cast<std::int64_t>(post.provenance.line))
              .run();
          rows += db.changes();
          if (++since_commit == static_cast<std::int64_t>(leaktrace::WorkspaceWriter::default_posts_per_transaction)) {
            db.execute("COMMIT; BEGIN");
            since_commit = 0;
          }
        }
      }
      db.execute("COMMIT");
    }
    if (rows < static_cast<std::int64_t>(c.tweets)) throw std::runtime_error("bare SQLite pass stored too few posts");
    record(state, "sqlite", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
}

BENCHMARK(BM_bare_simdjson_ondemand)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
BENCHMARK(BM_twitter_v1_reader)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
BENCHMARK(BM_read_and_sha256)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_record_stream)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_bare_sqlite_posts)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_workspace_writer)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_full_ingest)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  const Corpus& c = corpus();
  double megabytes = static_cast<double>(c.text.size()) / 1e6;
  auto rate = [&](const char* name) {
    double s = seconds_per_pass[name];
    return s > 0 ? static_cast<double>(c.tweets) / s : 0.0;
  };
  fmt::print("\ncorpus: {} ({} tweet lines, {:.1f} MB, {:.0f} bytes per line), load average {:.2f}\n", c.name,
             c.tweets, megabytes, static_cast<double>(c.text.size()) / static_cast<double>(c.tweets), load_average());
  for (const char* name : {"bare", "reader", "read+sha", "stream", "sqlite", "writer", "ingest"}) {
    double s = seconds_per_pass[name];
    if (s == 0) continue;
    fmt::print("{:<8} {:>9.0f} tweets/s  {:>7.1f} MB/s\n", name, rate(name), megabytes / s);
  }
  if (rate("bare") > 0 && rate("reader") > 0) {
    fmt::print("reader / bare simdjson On-Demand: {:.1f} % (target >= 50 %)\n", 100 * rate("reader") / rate("bare"));
  }
  if (rate("sqlite") > 0 && rate("writer") > 0) {
    fmt::print("writer / bare SQLite posts-only pass: {:.1f} %\n", 100 * rate("writer") / rate("sqlite"));
  }
  if (rate("ingest") > 0) {
    fmt::print("full ingest on {} cores: {:.0f} tweets/s (target >= 200,000), {:.0f} posts/s, {:.1f} CPU s "
               "({:.0f} tweets per CPU second), workspace {:.0f} bytes/tweet, peak RSS {:.0f} MiB\n",
               std::thread::hardware_concurrency(), rate("ingest"),
               static_cast<double>(ingest_posts) / seconds_per_pass["ingest"], ingest_cpu_seconds,
               static_cast<double>(c.tweets) / ingest_cpu_seconds,
               static_cast<double>(workspace_bytes) / static_cast<double>(c.tweets), ingest_peak_rss_kib / 1024.0);
    if (!ingest_thread_cpu.empty()) {
      // The last 5 ms of each thread can escape the samples: the roles add up to a little less.
      fmt::print("full ingest CPU by thread (best run): parse {:.2f} s, sha256 {:.2f} s, write {:.2f} s\n",
                 ingest_thread_cpu["lt-parse"], ingest_thread_cpu["lt-sha256"], ingest_thread_cpu["write"]);
    }
    if (rate("bare") > 0) fmt::print("full ingest / bare simdjson On-Demand: {:.1f} %\n", 100 * rate("ingest") / rate("bare"));
    if (rate("sqlite") > 0) fmt::print("full ingest / bare SQLite posts-only pass: {:.1f} %\n", 100 * rate("ingest") / rate("sqlite"));
  }
  std::filesystem::remove_all(c.folder);
  benchmark::Shutdown();
  return 0;
}
