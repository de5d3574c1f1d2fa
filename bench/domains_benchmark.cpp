// `domains check` against a watchlist of 100 domains (tests/fixtures/domains/watch-100.txt) on a
// large list of candidate domains, beside two baselines run in the same process on the same
// names: a bare pass that only lower-cases, splits at the public suffix and takes the skeleton
// (the floor of any check), and the naive check that compares every candidate with every watched
// brand (edit distance of the skeletons) on a slice. One core each, timed in the thread's CPU
// time (on a shared machine wall time also counts the others). Correctness is checked before
// anything is timed: every planted lookalike is flagged, and every pair the all-pairs comparison
// finds on the slice is flagged by the index too.
//
// The list: the 40,000 names of ../shared/data/domains/legit-domains.txt when present (or
// generated names when not), repeated with deterministic variations (a syllable added, another
// TLD, a digit) up to LEAKTRACE_BENCH_DOMAINS names (default 1,000,000), with one generated
// lookalike of a watched domain planted every 1,000 names.
#include <sys/resource.h>

#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "analysis/confusable_skeleton.h"
#include "analysis/label_edit_script.h"
#include "analysis/lookalike_detector.h"
#include "analysis/lookalike_generator.h"
#include "analysis/lookalike_word_lists.h"
#include "analysis/registrable_domain.h"

namespace {

using namespace leaktrace;

constexpr std::size_t default_domains = 1000000;
constexpr std::size_t plant_every = 1000;
constexpr std::size_t naive_slice = 20000;
constexpr std::uint64_t seed = 20170505;
constexpr std::array<std::string_view, 12> syllables{"net", "shop", "ma", "ri", "on", "tek", "lo", "vi", "go", "sa", "du", "ker"};
constexpr std::array<std::string_view, 10> tlds{"com", "net", "org", "fr", "de", "ru", "info", "co.uk", "com.br", "io"};

// xorshift64*: fixed seed, same list on every run.
struct Random {
  std::uint64_t state = seed;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

std::filesystem::path shared_data() {
  const char* env = std::getenv("LEAKTRACE_DATA");
  return env != nullptr && *env != '\0' ? std::filesystem::path(env) : std::filesystem::path(LEAKTRACE_SHARED_DATA);
}

struct Corpus {
  PublicSuffixList suffixes = PublicSuffixList::load();
  ConfusableSkeleton skeletons;
  std::vector<std::string> watched;
  std::vector<std::string> names;
  std::vector<std::pair<std::size_t, std::size_t>> planted;  // name index, watched index
  std::string source;
  std::unique_ptr<LookalikeDetector> detector;
};

void build(Corpus& c) {
  {
    c.watched = read_lines(LEAKTRACE_WATCH_100);
    LookalikeParameters parameters;
    parameters.affixes = bundled_affixes();
    c.detector = std::make_unique<LookalikeDetector>(c.watched, parameters, c.suffixes, c.skeletons);
    std::vector<std::string> base = read_lines(shared_data() / "domains/legit-domains.txt");
    c.source = base.empty() ? "generated names" : "legit-domains.txt, varied";
    Random random;
    if (base.empty()) {
      for (std::size_t i = 0; i < 40000; ++i) {
        std::string label;
        for (std::size_t k = 0, n = 2 + random.below(3); k < n; ++k) label += syllables[random.below(syllables.size())];
        base.push_back(label + "." + std::string(tlds[random.below(tlds.size())]));
      }
    }
    // Single-rule lookalikes of each watched domain, to plant; of the brands of five letters or
    // more, since typos and glued words of shorter ones are not flagged by design (caf.fr, ups.com).
    std::vector<std::size_t> plantable;
    for (std::size_t w = 0; w < c.detector->watched().size(); ++w) {
      if (c.detector->watched()[w].max_edits > 0) plantable.push_back(w);
    }
    std::vector<std::vector<std::string>> lookalikes;
    LookalikeGeneratorParameters single;
    single.max_rules = 1;
    for (const std::string& domain : c.watched) {
      LookalikeGenerator generator(domain, single, c.suffixes, c.skeletons);
      generator.run();
      std::vector<std::string> made;
      for (const LookalikeCandidate& candidate : generator.candidates()) made.push_back(candidate.domain);
      lookalikes.push_back(std::move(made));
    }
    const char* env = std::getenv("LEAKTRACE_BENCH_DOMAINS");
    std::size_t total = env ? std::strtoull(env, nullptr, 10) : default_domains;
    c.names.reserve(total);
    for (std::size_t i = 0; c.names.size() < total; ++i) {
      if (i % plant_every == plant_every - 1) {
        std::size_t w = plantable[random.below(plantable.size())];
        c.planted.emplace_back(c.names.size(), w);
        c.names.push_back(lookalikes[w][random.below(lookalikes[w].size())]);
        continue;
      }
      std::string name = base[i % base.size()];
      if (i >= base.size()) {
        // Vary the copies so that the detector never sees the same name twice in a row.
        std::size_t dot = name.find('.');
        switch (random.below(3)) {
          case 0: name.insert(dot, syllables[random.below(syllables.size())]); break;
          case 1: name = name.substr(0, dot) + "." + std::string(tlds[random.below(tlds.size())]); break;
          default: name.insert(dot, std::to_string(random.below(100))); break;
        }
      }
      c.names.push_back(std::move(name));
    }
  }
}

Corpus& corpus() {
  static Corpus c;
  static const bool built = (build(c), true);
  (void)built;
  return c;
}

// The all-pairs check: every candidate's label skeleton against every watched brand's.
std::size_t naive_all_pairs(const Corpus& c, std::size_t count, std::vector<std::size_t>* found) {
  std::size_t hits = 0;
  std::string skeleton;
  for (std::size_t i = 0; i < count; ++i) {
    RegistrableDomain parts = c.suffixes.split(c.names[i]);
    if (parts.label.empty()) continue;
    c.skeletons.skeleton(parts.label, skeleton);
    for (const WatchedDomain& w : c.detector->watched()) {
      if (bounded_edit_distance(skeleton, w.skeleton, w.max_edits) <= w.max_edits &&
          parts.registrable(c.names[i]) != std::string_view(w.unicode)) {
        ++hits;
        if (found) found->push_back(i);
        break;
      }
    }
  }
  return hits;
}

bool checked_before_timing() {
  Corpus& c = corpus();
  std::size_t missed = 0;
  for (const auto& [index, w] : c.planted) {
    std::optional<LookalikeMatch> match = c.detector->check(c.names[index]);
    // The best match may be another watched domain (a lookalike of one brand can be closer to
    // another): flagged is what counts.
    if (!match) {
      ++missed;
      fmt::print(stderr, "not flagged: {} (a lookalike of {})\n", c.names[index], c.watched[w]);
    }
  }
  std::vector<std::size_t> pairs;
  naive_all_pairs(c, std::min(naive_slice, c.names.size()), &pairs);
  std::size_t index_missed = 0;
  for (std::size_t i : pairs) {
    if (!c.detector->check(c.names[i])) {
      ++index_missed;
      fmt::print(stderr, "all-pairs finds {} but the index does not\n", c.names[i]);
    }
  }
  fmt::print("checked: {} planted lookalikes, {} not flagged; {} all-pairs hits on the first {} names, {} missed by the index\n",
             c.planted.size(), missed, pairs.size(), std::min(naive_slice, c.names.size()), index_missed);
  return missed == 0 && index_missed == 0;
}

std::map<std::string, double> names_per_second;

double thread_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

void record(const char* name, std::size_t names, double seconds) {
  double rate = static_cast<double>(names) / seconds;
  names_per_second[name] = std::max(names_per_second[name], rate);
}

double seconds_since(double start) { return thread_seconds() - start; }

void BM_check_indexed(benchmark::State& state) {
  Corpus& c = corpus();
  for (auto _ : state) {
    double start = thread_seconds();
    std::size_t flagged = 0;
    for (const std::string& name : c.names) flagged += c.detector->check(name).has_value();
    benchmark::DoNotOptimize(flagged);
    record("check", c.names.size(), seconds_since(start));
    state.counters["flagged"] = static_cast<double>(flagged);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.names.size()));
}

void BM_baseline_bare_pass(benchmark::State& state) {
  Corpus& c = corpus();
  std::string lower;
  std::string skeleton;
  for (auto _ : state) {
    double start = thread_seconds();
    std::size_t bytes = 0;
    for (const std::string& name : c.names) {
      lower.assign(name);
      for (char& ch : lower) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      RegistrableDomain parts = c.suffixes.split(lower);
      c.skeletons.skeleton(parts.label, skeleton);
      bytes += skeleton.size();
    }
    benchmark::DoNotOptimize(bytes);
    record("bare", c.names.size(), seconds_since(start));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.names.size()));
}

void BM_baseline_all_pairs(benchmark::State& state) {
  Corpus& c = corpus();
  std::size_t slice = std::min(naive_slice, c.names.size());
  for (auto _ : state) {
    double start = thread_seconds();
    benchmark::DoNotOptimize(naive_all_pairs(c, slice, nullptr));
    record("all-pairs", slice, seconds_since(start));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * slice));
}

BENCHMARK(BM_check_indexed)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_baseline_bare_pass)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_baseline_all_pairs)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!checked_before_timing()) {
    fmt::print(stderr, "domains_benchmark: the detector misses lookalikes; not timing it\n");
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  Corpus& c = corpus();
  fmt::print("\ncorpus: {} candidate names ({}), {} planted lookalikes, {} watched domains, {} index keys\n",
             c.names.size(), c.source, c.planted.size(), c.watched.size(), c.detector->index_keys());
  for (const char* name : {"check", "bare", "all-pairs"}) {
    if (names_per_second[name] > 0) fmt::print("{:<10} {:>12.0f} candidates/s on one core\n", name, names_per_second[name]);
  }
  if (names_per_second["check"] > 0) {
    fmt::print("check: {:.0f} candidates/s per core (target >= 1,000,000)\n", names_per_second["check"]);
    if (names_per_second["all-pairs"] > 0) {
      fmt::print("index / all-pairs: {:.1f}x faster\n", names_per_second["check"] / names_per_second["all-pairs"]);
    }
    if (names_per_second["bare"] > 0) {
      fmt::print("check / bare pass (lower case, public suffix, skeleton): {:.2f} of its speed\n",
                 names_per_second["check"] / names_per_second["bare"]);
    }
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("peak RSS {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  benchmark::Shutdown();
  return 0;
}
