// The simulator's speed, phase by phase, side by side with its baseline: zstd level 1 compressing
// the same JSON bytes (the frames the writer makes, one core). Each case checks its output before
// it is timed. Wall time is the best of the iterations; CPU time (user + system, all threads) is
// reported beside it because the machine may be shared.
// Scenario size: LEAKTRACE_BENCH_TWEETS (default 200000), accounts a fifth of it.
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_compressSequences
#include <zstd.h>

#include "simulate/simulation.h"
#include "simulate/story_generator.h"
#include "simulate/stream_plan.h"
#include "simulate/stream_text.h"
#include "simulate/tweet_json.h"
#include "simulate/tweet_stream_writer.h"

namespace {

using namespace leaktrace::simulate;

// Every tweet line rendered once, in the writer's frames, with the repeats the renderer knew.
struct Frames {
  std::vector<std::string> texts;
  std::vector<std::vector<ZSTD_Sequence>> sequences;
  std::size_t bytes = 0;
};

struct Scenario {
  ScenarioParameters parameters;
  std::unique_ptr<Population> population;
  std::unique_ptr<Story> story;
  std::unique_ptr<StreamPlan> plan;
  Frames frames;
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

double cpu_seconds() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Pass {
  double seconds = 0;  // best wall time
  double cpu = 0;      // CPU time of that pass
  double bytes = 0;    // JSON bytes
  double coded = 0;    // bytes written, when compressed
};
std::map<std::string, Pass> passes;

// Times one pass of `body`, which returns the JSON bytes and the coded bytes it produced. Not
// inlined, so that a profiler can count the timed work alone (callgrind --toggle-collect='*timed*').
template <typename Body>
[[gnu::noinline]] void timed(const char* name, benchmark::State& state, Body body) {
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    auto [bytes, coded] = body();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    Pass& pass = passes[name];
    if (pass.seconds == 0 || seconds < pass.seconds) pass = {seconds, cpu, static_cast<double>(bytes), static_cast<double>(coded)};
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * scenario().parameters.tweets));
}

void render_frames(const Scenario& s, Frames& frames) {
  frames.bytes = 0;
  TweetJsonWriter writer(s.parameters, *s.population, *s.story);
  RenderCache cache;
  StreamText frame(StreamText::Mode::frame);
  std::size_t count = 0;
  auto finish_frame = [&] {
    // Kept from one pass to the next, so that a pass copies into buffers that already exist.
    if (frames.texts.size() <= count) frames.texts.emplace_back();
    if (frames.sequences.size() <= count) frames.sequences.emplace_back();
    frames.texts[count].assign(frame.text());
    frames.bytes += frame.size();
    std::vector<ZSTD_Sequence>& sequences = frames.sequences[count++];
    sequences.clear();
    frame.finish_repeats();
    for (const KnownRepeat& repeat : frame.repeats()) sequences.push_back({repeat.distance, repeat.literals, repeat.length, 0});
    frame.clear();
  };
  std::size_t in_frame = 0;
  for (const StreamLine& line : s.plan->lines()) {
    if (line.kind != StreamLineKind::tweet && line.kind != StreamLineKind::duplicate) continue;
    writer.append_tweet(frame, static_cast<std::uint32_t>(line.value), cache);
    if (++in_frame == TweetStreamWriter::lines_per_chunk) {
      finish_frame();
      in_frame = 0;
    }
  }
  if (in_frame > 0) finish_frame();
  frames.texts.resize(count);
  frames.sequences.resize(count);
}

void BM_story(benchmark::State& state) {
  Scenario& s = scenario();
  timed("story", state, [&] {
    Random random = Random::derived(s.parameters.seed, 0);
    Population population(s.parameters, random);
    StoryGenerator generator(s.parameters, population);
    generator.run();
    if (generator.story().posts.size() != s.parameters.tweets) state.SkipWithError("wrong number of tweets");
    return std::pair{0.0, 0.0};
  });
}

void BM_render_one_core(benchmark::State& state) {
  Scenario& s = scenario();
  Frames frames;
  render_frames(s, frames);
  std::size_t lines = 0;
  for (const std::string& text : frames.texts) lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (lines != s.parameters.tweets + s.plan->noise().duplicates) {
    state.SkipWithError("a tweet is missing");
    return;
  }
  timed("render", state, [&] {
    render_frames(s, frames);
    return std::pair{static_cast<double>(frames.bytes), 0.0};
  });
  s.frames = std::move(frames);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.frames.bytes));
}

using Context = std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)>;

// Compresses every frame with `compress`, after checking once that each decompresses to its text.
template <typename Compress>
void compress_frames(const char* name, benchmark::State& state, ZSTD_CCtx* context, Compress compress) {
  Scenario& s = scenario();
  if (s.frames.texts.empty()) render_frames(s, s.frames);
  const std::size_t count = s.frames.texts.size();
  std::size_t largest = 0;
  for (const std::string& text : s.frames.texts) largest = std::max(largest, text.size());
  std::unique_ptr<char[]> packed(new char[ZSTD_compressBound(largest)]);
  std::string unpacked(largest, '\0');
  for (std::size_t k = 0; k < count; ++k) {
    const std::string_view text = s.frames.texts[k];
    const std::size_t size = compress(context, packed.get(), ZSTD_compressBound(largest), k, text);
    const std::size_t back = ZSTD_decompress(unpacked.data(), unpacked.size(), packed.get(), size);
    if (ZSTD_isError(size) || ZSTD_isError(back) || std::string_view(unpacked.data(), back) != text) {
      state.SkipWithError("a frame does not decompress to its text");
      return;
    }
  }
  timed(name, state, [&] {
    std::size_t total = 0;
    for (std::size_t k = 0; k < count; ++k) {
      total += compress(context, packed.get(), ZSTD_compressBound(largest), k, s.frames.texts[k]);
    }
    return std::pair{static_cast<double>(s.frames.bytes), static_cast<double>(total)};
  });
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.frames.bytes));
}

void BM_baseline_zstd_one_core(benchmark::State& state) {
  Context context(ZSTD_createCCtx(), ZSTD_freeCCtx);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, 1);
  compress_frames("zstd", state, context.get(),
                  [](ZSTD_CCtx* c, char* out, std::size_t capacity, std::size_t, std::string_view text) {
                    return ZSTD_compress2(c, out, capacity, text.data(), text.size());
                  });
}

void BM_zstd_known_repeats_one_core(benchmark::State& state) {
  Context context(ZSTD_createCCtx(), ZSTD_freeCCtx);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, 1);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_windowLog, 23);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_minMatch, static_cast<int>(StreamText::min_repeat));
  const Scenario& s = scenario();
  compress_frames("known-repeats", state, context.get(),
                  [&s](ZSTD_CCtx* c, char* out, std::size_t capacity, std::size_t k, std::string_view text) {
                    const auto& sequences = s.frames.sequences[k];
                    return ZSTD_compressSequences(c, out, capacity, sequences.data(), sequences.size(), text.data(),
                                                  text.size());
                  });
}

// The tweet file alone, rendered and coded on one thread, written to /dev/null.
void write_one_core(benchmark::State& state, const char* name, TweetFileCoding coding) {
  Scenario& s = scenario();
  const TweetJsonWriter tweets(s.parameters, *s.population, *s.story);
  timed(name, state, [&] {
    TweetStreamWriter writer(tweets, *s.plan, "/dev/null", coding, 1);
    writer.run();
    return std::pair{static_cast<double>(writer.json_bytes()), static_cast<double>(writer.file_bytes())};
  });
}
void BM_write_zstd_one_core(benchmark::State& state) {
  write_one_core(state, "write", TweetFileCoding::zstd_known_repeats);
}
void BM_write_zstd_search_one_core(benchmark::State& state) {
  write_one_core(state, "write-search", TweetFileCoding::zstd_search);
}

void simulate_end_to_end(benchmark::State& state, const char* name, TweetFileCoding coding) {
  Scenario& s = scenario();
  ScenarioParameters parameters = s.parameters;
  parameters.threads = 0;
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "leaktrace-bench-simulate";
  timed(name, state, [&] {
    Simulation simulation(parameters, folder, coding);
    simulation.run();
    const SimulationReport& report = simulation.report();
    if (report.tweets != parameters.tweets) state.SkipWithError("wrong number of tweets");
    return std::pair{static_cast<double>(report.json_bytes), static_cast<double>(report.files.at(0).bytes)};
  });
  std::filesystem::remove_all(folder);
}

void BM_simulate_zstd(benchmark::State& state) {
  simulate_end_to_end(state, "simulate", TweetFileCoding::zstd_known_repeats);
}
void BM_simulate_zstd_search(benchmark::State& state) {
  simulate_end_to_end(state, "simulate-search", TweetFileCoding::zstd_search);
}
void BM_simulate_plain(benchmark::State& state) { simulate_end_to_end(state, "simulate-plain", TweetFileCoding::plain); }

BENCHMARK(BM_story)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_render_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_baseline_zstd_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_zstd_known_repeats_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_write_zstd_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_write_zstd_search_one_core)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_simulate_zstd)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_simulate_zstd_search)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_simulate_plain)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  const double tweets = static_cast<double>(scenario().parameters.tweets);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  fmt::print("\nscenario: {} tweets, {:.0f} bytes of JSON per tweet, on {} cores, load average {:.2f}\n", tweets,
             passes["write"].bytes > 0 ? passes["write"].bytes / tweets : static_cast<double>(scenario().frames.bytes) / tweets, std::thread::hardware_concurrency(), load[0]);
  fmt::print("{:<16} {:>10} {:>9} {:>13} {:>7} {:>7}\n", "case", "tweets/s", "MB/s", "CPU s/Mtweet", "CPU/wall", "ratio");
  for (const char* name : {"story", "render", "zstd", "known-repeats", "write", "write-search", "simulate", "simulate-search", "simulate-plain"}) {
    const Pass& pass = passes[name];
    if (pass.seconds == 0) continue;
    fmt::print("{:<16} {:>10.0f} {:>9.1f} {:>13.2f} {:>8.2f} {:>7}\n", name, tweets / pass.seconds,
               pass.bytes / pass.seconds / 1e6, pass.cpu / tweets * 1e6, pass.cpu / pass.seconds,
               pass.coded > 0 ? fmt::format("{:.2f}", pass.bytes / pass.coded) : std::string("-"));
  }
  const Pass& render = passes["render"];
  const Pass& zstd = passes["zstd"];
  const Pass& known = passes["known-repeats"];
  if (render.seconds > 0 && zstd.seconds > 0) {
    fmt::print("zstd level 1 / render on the same bytes (one core each): {:.2f}\n", zstd.seconds / render.seconds);
  }
  if (known.seconds > 0 && zstd.seconds > 0) {
    fmt::print("zstd level 1 / zstd from known repeats: {:.2f}x the time, {:.2f}x the ratio\n",
               zstd.seconds / known.seconds, (known.bytes / known.coded) / (zstd.bytes / zstd.coded));
  }
  const Pass& simulate = passes["simulate"];
  if (simulate.seconds > 0) {
    fmt::print("simulate, zstd, all cores: {:.0f} tweets/s (target >= 300,000); {:.2f}x the time of zstd level 1 "
               "alone on one core\n",
               tweets / simulate.seconds, simulate.seconds / zstd.seconds);
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("peak RSS {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  benchmark::Shutdown();
  return 0;
}
