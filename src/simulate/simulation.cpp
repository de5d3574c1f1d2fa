#include "simulate/simulation.h"

#include <chrono>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "simulate/board_and_paste_files.h"
#include "simulate/follow_file.h"
#include "simulate/population.h"
#include "simulate/story_generator.h"
#include "simulate/truth_file.h"
#include "simulate/tweet_json.h"
#include "simulate/tweet_stream_writer.h"

namespace leaktrace::simulate {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error(fmt::format("cannot write {}: check that the folder is writable", path.string()));
}

}  // namespace

Simulation::Simulation(ScenarioParameters parameters, std::filesystem::path directory,
                       std::optional<TweetFileCoding> coding)
    : parameters_(std::move(parameters)),
      directory_(std::move(directory)),
      coding_(coding.value_or(default_coding(parameters_.compress))) {
  parameters_.validate();
  if (parameters_.threads <= 0) parameters_.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void Simulation::run() {
  const auto start = std::chrono::steady_clock::now();
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) {
    throw std::runtime_error(fmt::format("cannot create {}: {}; give --out a folder you can write", directory_.string(),
                                         error.message()));
  }
  Random random = Random::derived(parameters_.seed, 0);
  Population population(parameters_, random);
  StoryGenerator generator(parameters_, population);
  generator.run();
  const Story story = generator.take_story();
  StreamPlan plan(parameters_, story);
  plan.run();
  report_.seconds_story = seconds_since(start);

  const auto tweets_start = std::chrono::steady_clock::now();
  ScenarioFileNames names{coding_ == TweetFileCoding::plain ? "tweets.jsonl" : "tweets.jsonl.zst", thread_file,
                          pastes_file};
  // The small files, truth.json and the follower graph are written beside the tweet file rather
  // than after it: the truth of a large scenario takes seconds (its parents list), and they need
  // none of the tweets.
  TweetTextComposer composer(parameters_, population, story);
  const std::string follows_name = parameters_.compress ? "follows.tsv.zst" : "follows.tsv";
  std::string thread, pastes;
  std::uint64_t follows_bytes = 0;
  std::exception_ptr side_failure;
  std::thread side([&] {
    try {
      thread = fourchan_thread_json(story, composer);
      pastes = paste_records_jsonl(story, composer);
      write_text_file(directory_ / names.thread, thread);
      write_text_file(directory_ / names.pastes, pastes);
      write_truth_file(directory_ / truth_file, parameters_, population, story, plan.noise(), names, composer);
      follows_bytes =
          write_follow_file(directory_ / follows_name, population, story, parameters_.compress, report_.follows);
    } catch (...) {
      side_failure = std::current_exception();
    }
  });
  TweetJsonWriter tweets(parameters_, population, story);
  TweetStreamWriter stream(tweets, plan, directory_ / names.tweets, coding_, parameters_.threads);
  try {
    stream.run();
  } catch (...) {
    side.join();
    throw;
  }
  report_.seconds_tweets = seconds_since(tweets_start);
  side.join();
  if (side_failure) std::rethrow_exception(side_failure);

  report_.files = {{names.tweets, stream.file_bytes()},
                   {names.thread, thread.size()},
                   {names.pastes, pastes.size()},
                   {truth_file, std::filesystem::file_size(directory_ / truth_file)},
                   {follows_name, follows_bytes}};
  report_.tweets = story.posts.size();
  report_.lines = plan.lines().size();
  report_.json_bytes = stream.json_bytes();
  report_.noise = plan.noise();
  report_.seconds_total = seconds_since(start);
  finished_ = true;
}

const SimulationReport& Simulation::report() const {
  if (!finished_) throw std::logic_error("nothing simulated yet: call Simulation::run() first");
  return report_;
}

}  // namespace leaktrace::simulate
