// The simulator's speed, phase by phase, side by side with its floor: zstd compressing the same
// JSON bytes (level 1, 1 MB frames, one core). Each case checks its output before it is timed.
// Scenario size: LEAKTRACE_BENCH_TWEETS (default 200000).
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <zstd.h>

#include "simulate/simulation.h"
#include "simulate/story_generator.h"
#include "simulate/stream_plan.h"
#include "simulate/tweet_json.h"

namespace {

using namespace leaktrace::simulate;

struct Scenario {
  ScenarioParameters parameters;
  std::unique_ptr<Population> population;
  std::unique_ptr<Story> story;
  std::unique_ptr<StreamPlan> plan;
  std::string json;  // every line rendered once, for the compression baseline
};

Scenario& scenario() {
  static Scenario instance = [] {
    Scenario s;
    const char* env = std::getenv("LEAKTRACE_BENCH_TWEETS");
    s.parameters.tweets = env ? std::strtoull(env, nullptr, 10) : 200000;
    s.parameters.accounts = std::max<std::uint64_t>(2000, s.parameters.tweets / 5);
    Random random = Random::derived(s.parameters.seed, 0);
    s.population = std::make_unique<Population>(s.parameters, random);
    StoryGenerator generator(s.parameters, *s.population);
    generator.run();
    s.story = std::make_unique<Story>(generator.take_story());
    s.plan = std::make_unique<StreamPlan>(s.parameters, *s.story);
    s.plan->run();
    return s;
  }();
  return instance;
}

std::map<std::string, double> seconds_per_pass;
std::map<std::string, double> bytes_per_pass;

void record(const char* name, benchmark::State& state, double seconds, double bytes) {
  if (seconds_per_pass[name] == 0 || seconds < seconds_per_pass[name]) seconds_per_pass[name] = seconds;
  bytes_per_pass[name] = bytes;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * scenario().parameters.tweets));
}

void render_all(const Scenario& s, std::string& out) {
  TweetJsonWriter writer(s.parameters, *s.population, *s.story);
  RenderCache cache;
  for (const StreamLine& line : s.plan->lines()) {
    if (line.kind == StreamLineKind::tweet || line.kind == StreamLineKind::duplicate) {
      writer.append_tweet(out, static_cast<std::uint32_t>(line.value), cache);
    }
  }
}

void BM_story(benchmark::State& state) {
  Scenario& s = scenario();
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    Random random = Random::derived(s.parameters.seed, 0);
    Population population(s.parameters, random);
    StoryGenerator generator(s.parameters, population);
    generator.run();
    if (generator.story().posts.size() != s.parameters.tweets) state.SkipWithError("wrong number of tweets");
    record("story", state, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0);
  }
}

void BM_render_one_core(benchmark::State& state) {
  Scenario& s = scenario();
  std::string out;
  for (auto _ : state) {
    out.clear();
    auto start = std::chrono::steady_clock::now();
    render_all(s, out);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t lines = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
    if (lines != s.parameters.tweets + s.plan->noise().duplicates) state.SkipWithError("a tweet is missing");
    record("render", state, seconds, static_cast<double>(out.size()));
  }
  s.json = std::move(out);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.json.size()));
}

void BM_baseline_zstd_one_core(benchmark::State& state) {
  Scenario& s = scenario();
  if (s.json.empty()) render_all(s, s.json);
  constexpr std::size_t frame = 1 << 20;
  std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
  std::unique_ptr<char[]> packed(new char[ZSTD_compressBound(frame)]);
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    std::size_t total = 0;
    for (std::size_t offset = 0; offset < s.json.size(); offset += frame) {
      std::size_t size = std::min(frame, s.json.size() - offset);
      std::size_t written =
          ZSTD_compressCCtx(context.get(), packed.get(), ZSTD_compressBound(frame), s.json.data() + offset, size, 1);
      if (ZSTD_isError(written)) state.SkipWithError("zstd failed");
      total += written;
    }
    record("zstd", state, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
           static_cast<double>(s.json.size()));
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.json.size()));
}

void simulate_end_to_end(benchmark::State& state, const char* name, bool compress) {
  Scenario& s = scenario();
  ScenarioParameters parameters = s.parameters;
  parameters.compress = compress;
  parameters.threads = 0;
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "leaktrace-bench-simulate";
  for (auto _ : state) {
    Simulation simulation(parameters, folder);
    simulation.run();
    if (simulation.report().tweets != parameters.tweets) state.SkipWithError("wrong number of tweets");
    record(name, state, simulation.report().seconds_total, static_cast<double>(simulation.report().json_bytes));
  }
  std::filesystem::remove_all(folder);
}

void BM_simulate_zstd(benchmark::State& state) { simulate_end_to_end(state, "simulate", true); }
void BM_simulate_plain(benchmark::State& state) { simulate_end_to_end(state, "simulate-plain", false); }

BENCHMARK(BM_story)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_render_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_baseline_zstd_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_simulate_zstd)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_simulate_plain)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  const double tweets = static_cast<double>(scenario().parameters.tweets);
  fmt::print("\nscenario: {} tweets, {:.0f} bytes of JSON per tweet, on {} cores\n", tweets,
             static_cast<double>(scenario().json.size()) / tweets, std::thread::hardware_concurrency());
  for (const char* name : {"story", "render", "zstd", "simulate", "simulate-plain"}) {
    double seconds = seconds_per_pass[name];
    if (seconds == 0) continue;
    fmt::print("{:<15} {:>9.0f} tweets/s  {:>7.1f} MB/s of JSON\n", name, tweets / seconds,
               bytes_per_pass[name] / seconds / 1e6);
  }
  if (seconds_per_pass["render"] > 0 && seconds_per_pass["zstd"] > 0) {
    fmt::print("render / zstd level 1 on the same bytes (one core each): {:.2f}\n",
               seconds_per_pass["zstd"] / seconds_per_pass["render"]);
  }
  if (seconds_per_pass["simulate"] > 0) {
    fmt::print("simulate, zstd, all cores: {:.0f} tweets/s (target >= 300,000)\n", tweets / seconds_per_pass["simulate"]);
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("peak RSS {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  benchmark::Shutdown();
  return 0;
}
