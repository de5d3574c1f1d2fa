#include <csignal>

#include <atomic>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/diagnostics.h"
#include "cli/progress_bar.h"
#include "ingest/input_files.h"
#include "render/json_writer.h"
#include "workspace/ingestion.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) {
  stop_requested.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C stops at once; the workspace stays consistent
}

std::string counts_json(const Ingestion& ingestion, const std::string& workspace) {
  JsonWriter json;
  AppendCounts totals = ingestion.totals();
  json.begin_object()
      .key("workspace").value(workspace)
      .key("posts_read").value(static_cast<std::int64_t>(totals.posts_read))
      .key("posts_new").value(static_cast<std::int64_t>(totals.posts_new))
      .key("rejected").value(static_cast<std::int64_t>(totals.rejected))
      .key("notices").value(static_cast<std::int64_t>(totals.notices))
      .key("seconds").value(ingestion.seconds())
      .key("interrupted").value(ingestion.interrupted())
      .key("files").begin_array();
  for (const IngestedFile& file : ingestion.files()) {
    json.begin_object()
        .key("path").value(file.path)
        .key("format").value(file.format)
        .key("compression").value(file.compression)
        .key("sha256").value(file.sha256)
        .key("skipped").value(file.skipped)
        .key("complete").value(file.complete)
        .key("lines").value(static_cast<std::int64_t>(file.lines))
        .key("bytes").value(static_cast<std::int64_t>(file.raw_bytes))
        .key("posts_read").value(static_cast<std::int64_t>(file.counts.posts_read))
        .key("posts_new").value(static_cast<std::int64_t>(file.counts.posts_new))
        .key("rejected").value(static_cast<std::int64_t>(file.counts.rejected))
        .key("error").value(file.error)
        .end_object();
  }
  json.end_array().end_object();
  return json.str();
}

class IngestCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("-w,--workspace", workspace_, "Workspace file (created when missing)")
        ->default_val(default_workspace_path);
    app.add_option("files", files_, "Input files (plain, .gz or .zst) or folders of them; - reads standard input")
        ->required();
    app.add_option("--format", format_,
                   fmt::format("Read every file as this format instead of detecting it: {}", format_names_for_help()));
    app.add_option("--board", board_, "4chan board of threads whose export does not name it (e.g. pol)");
    app.add_flag("--force", force_, "Re-read files already ingested completely (nothing is added twice)");
    app.add_option("--commit-every", commit_every_, "Posts per transaction (smaller: less lost to a crash, slower)")
        ->default_val(WorkspaceWriter::default_posts_per_transaction)
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", quiet_, "No progress bar and no warnings, only errors and the summary");
    app.add_flag("--json", json_, "Print the summary as JSON on stdout");
    app.footer(
        "Each file's format is recognised from its content. A malformed record is counted, kept in the workspace "
        "(table `rejected`, with its line) and the rest is read. Re-running an interrupted ingest completes it "
        "without duplicates.");
  }

  int run() override {
    IngestOptions options;
    if (!format_.empty()) {
      options.stream.format = format_from_name(format_);
      if (!options.stream.format) {
        throw std::invalid_argument(
            fmt::format("unknown format '{}'; --format takes one of {}", format_, format_names_for_help()));
      }
    }
    options.stream.reader.board = board_;
    options.force = force_;
    options.posts_per_transaction = commit_every_;

    std::vector<InputFile> inputs = expand_input_paths(files_);
    std::vector<std::string> paths;
    for (const InputFile& input : inputs) paths.push_back(input.path);
    if (paths.empty()) throw std::invalid_argument("the folders given hold no files to ingest");

    Workspace workspace = Workspace::open_for_writing(workspace_);
    Ingestion ingestion(workspace, paths, options);
    ProgressBar bar(stderr_is_terminal() && !quiet_);
    ingestion.set_progress_handler([&](const IngestProgress& progress) {
      std::string label = paths.size() > 1 ? fmt::format("[{}/{}] {}", progress.file_index + 1, progress.file_count,
                                                          std::filesystem::path(progress.file->path).filename().string())
                                            : std::filesystem::path(progress.file->path).filename().string();
      bar.update(label, progress.raw_bytes_read, progress.raw_size, progress.posts_read, progress.seconds);
    });
    stop_requested.store(false);
    ingestion.set_stop_flag(&stop_requested);
    auto previous = std::signal(SIGINT, request_stop);
    ingestion.run();
    std::signal(SIGINT, previous);
    bar.clear();

    std::size_t readable = 0;
    std::size_t unrecognised_in_folders = 0;
    std::string first_unrecognised;
    for (std::size_t i = 0; i < ingestion.files().size(); ++i) {
      const IngestedFile& file = ingestion.files()[i];
      if (file.format.empty()) {
        // A folder holds what a collection left beside the data (annotations, READMEs): counted, not errors.
        if (inputs[i].found_in_directory) {
          if (unrecognised_in_folders++ == 0) first_unrecognised = file.path;
        } else {
          report_error(fmt::format("{}", file.error));
        }
        continue;
      }
      bool read_something = file.skipped || file.counts.posts_read > 0 || file.counts.notices > 0;
      if (read_something) {
        ++readable;
      } else {
        report_error(fmt::format("{}: nothing could be read{}", file.path, file.error.empty() ? "" : ": " + file.error));
      }
      if (file.skipped && !quiet_) {
        report_note(fmt::format("{}: already ingested (same path, size and time); --force reads it again", file.path));
      }
      if (!file.error.empty()) report_warning(fmt::format("{}: {}", file.path, file.error));  // even when quiet
      if (!quiet_) {
        for (const Rejection& rejection : file.first_rejections) {
          report_warning(fmt::format("{}:{}: {}", file.path, rejection.line, rejection.reason));
        }
        if (file.counts.rejected > file.first_rejections.size()) {
          report_warning(fmt::format("{}: {} more rejected records; `leaktrace info -w {}` lists them by reason",
                                     file.path, file.counts.rejected - file.first_rejections.size(), workspace_));
        }
      }
    }
    if (unrecognised_in_folders > 0 && !quiet_) {
      report_note(fmt::format("{} files in the folders given are of no format leaktrace reads and were left out (the "
                              "first: {}); name a file on its own to see why",
                              unrecognised_in_folders, first_unrecognised));
    }
    if (ingestion.interrupted()) {
      report_warning("interrupted: what was read is saved; run the same command again to finish");
    }

    AppendCounts totals = ingestion.totals();
    if (json_) {
      fmt::print("{}\n", counts_json(ingestion, workspace_));
    } else {
      double seconds = ingestion.seconds();
      fmt::print("ingested {} of {} files into {}: {} posts read, {} new, {} rejected, {} notices, in {:.2f} s ({} "
                 "posts/s)\n",
                 readable, paths.size(), workspace_, human_count(totals.posts_read), human_count(totals.posts_new),
                 human_count(totals.rejected), human_count(totals.notices), seconds,
                 human_count(seconds > 0 ? static_cast<std::uint64_t>(static_cast<double>(totals.posts_read) / seconds)
                                         : 0));
    }
    if (readable == 0) return exit_fatal;
    return ingestion.interrupted() ? exit_partial : exit_success;
  }

 private:
  std::string workspace_;
  std::vector<std::string> files_;
  std::string format_;
  std::string board_;
  bool force_ = false;
  std::uint64_t commit_every_ = WorkspaceWriter::default_posts_per_transaction;
  bool quiet_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_ingest_command() { return std::make_unique<IngestCommand>(); }

}  // namespace leaktrace
