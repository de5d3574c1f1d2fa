#include <filesystem>
#include <numeric>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/cascades.h"
#include "analysis/post_link.h"
#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "cli/diagnostics.h"
#include "graph/cascade_dataset.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

constexpr std::size_t thresholds[] = {10, 100, 1000};

void write_summary(JsonWriter& json, const CascadeDatasetSummary& s) {
  json.key("summary").begin_object();
  json.key("trees").value(static_cast<std::int64_t>(s.trees));
  json.key("users").value(static_cast<std::int64_t>(s.users));
  json.key("posts").value(static_cast<std::int64_t>(s.posts));
  json.key("average_hours").value(s.average_hours);
  json.key("average_posts").value(s.average_posts);
  json.key("max_posts").value(static_cast<std::int64_t>(s.max_posts));
  json.key("min_posts").value(static_cast<std::int64_t>(s.min_posts));
  json.end_object();
}

void write_metrics(JsonWriter& json, const CascadeMetrics& m) {
  json.key("size").value(static_cast<std::int64_t>(m.size));
  json.key("accounts").value(static_cast<std::int64_t>(m.accounts));
  json.key("depth").value(static_cast<std::int64_t>(m.depth));
  json.key("max_breadth").value(static_cast<std::int64_t>(m.max_breadth));
  json.key("structural_virality").value(m.structural_virality);
  json.key("time_span_ms");
  if (m.time_span) {
    json.value(static_cast<std::int64_t>(*m.time_span));
  } else {
    json.null();
  }
  json.key("time_to_accounts_ms").begin_object();
  for (const TimeToAccounts& t : m.time_to_accounts) {
    json.key(std::to_string(t.accounts));
    if (t.time) {
      json.value(static_cast<std::int64_t>(*t.time));
    } else {
      json.null();
    }
  }
  json.end_object();
}

std::string summary_text(const CascadeDatasetSummary& s) {
  TextTable table({"trees", "users", "posts", "avg hours/tree", "avg posts/tree", "max posts", "min posts"});
  table.add_row({std::to_string(s.trees), std::to_string(s.users), std::to_string(s.posts),
                 fmt::format("{:.1f}", s.average_hours), fmt::format("{:.1f}", s.average_posts),
                 std::to_string(s.max_posts), std::to_string(s.min_posts)});
  return table.render();
}

std::string hours_text(const std::optional<TimeMs>& ms) {
  return ms ? fmt::format("{:.2f}", static_cast<double>(*ms) / 3.6e6) : "-";
}

class CascadesCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    app.add_option("-n,--top", top_, "How many cascades and spreaders to list (all of a dataset with --json)")
        ->capture_default_str();
    app.footer(
        "Reposts reconstructed into diffusion trees (--parent root|latest-tie|follow-graph with --follow-graph "
        "FILE): size, depth, largest breadth, structural virality, time to 10/100/1000 accounts, and how the top "
        "spreaders change from the root assumption to the chosen one. Also reads cascade datasets: a Twitter15/16 "
        "folder (tree/*.txt) or PHEME threads (structure.json).");
  }

  int run() override {
    if (options_.arguments.size() == 1 && std::filesystem::is_directory(options_.arguments[0]) &&
        detect_cascade_dataset(options_.arguments[0])) {
      return run_on_dataset(options_.arguments[0]);
    }
    AnalysisSession session(options_);
    const Dataset& d = session.dataset();
    const SubjectMatch& match = session.subject_match();
    DiffusionParents root_parents(d, match, ParentAssumption::root);
    root_parents.run();
    const SpreaderList under_root = spreaders_under(d, match, root_parents);  // its trees are not shown
    CascadeReconstruction reconstructed(d, match, session.parents(), {std::begin(thresholds), std::end(thresholds)});
    reconstructed.run();
    std::vector<SpreaderChange> changes = compare_spreaders(under_root, reconstructed.spreaders(), top_);
    const std::size_t shown = std::min(top_, reconstructed.tree_count());
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(session.subject().text()).key("parent").value(options_.parent);
      json.key("rewired_reposts").value(static_cast<std::int64_t>(session.parents().rewired()));
      write_summary(json, reconstructed.summary());
      json.key("cascades").begin_array();
      for (std::size_t i = 0; i < shown; ++i) {
        json.begin_object().key("root").begin_object();
        write_post_fields(json, d, reconstructed.roots()[i]);
        json.end_object();
        write_metrics(json, reconstructed.metrics()[i]);
        json.end_object();
      }
      json.end_array().key("spreaders").begin_array();
      for (const SpreaderChange& c : changes) {
        json.begin_object().key("account").value(d.account_native_id(c.account));
        json.key("handle").value(d.account_handle(c.account));
        json.key("under_root").value(c.first).key("reconstructed").value(c.second);
        json.key("rank_under_root").value(c.first_rank).key("rank_reconstructed").value(c.second_rank).end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return reconstructed.tree_count() == 0 ? exit_partial : exit_success;
    }
    fmt::print("{} cascades of {} under --parent {} ({} reposts given another parent than the root)\n{}",
               reconstructed.tree_count(), session.subject().whole_dataset() ? "all posts" : session.subject().text(),
               options_.parent, session.parents().rewired(), summary_text(reconstructed.summary()));
    TextTable largest({"#", "root", "size", "accounts", "depth", "breadth", "virality", "h to 100", "post"});
    for (std::size_t i = 0; i < shown; ++i) {
      const CascadeMetrics& m = reconstructed.metrics()[i];
      std::uint32_t root = reconstructed.roots()[i];
      largest.add_row({std::to_string(i + 1), one_line(account_text(d, d.post_author(root)), 24), std::to_string(m.size),
                       std::to_string(m.accounts), std::to_string(m.depth), std::to_string(m.max_breadth),
                       fmt::format("{:.2f}", m.structural_virality), hours_text(m.time_to_accounts[1].time),
                       post_url(d, root)});
    }
    fmt::print("\nlargest cascades\n{}", largest.render());
    TextTable spreaders({"account", "shares from it (root)", "rank", fmt::format("shares from it ({})", options_.parent), "rank"});
    auto rank = [](std::int64_t r) { return r < 0 ? std::string("-") : std::to_string(r + 1); };
    for (const SpreaderChange& c : changes) {
      spreaders.add_row({one_line(account_text(d, c.account), 28), std::to_string(c.first), rank(c.first_rank),
                         std::to_string(c.second), rank(c.second_rank)});
    }
    fmt::print("\ntop spreaders, root vs {}\n{}", options_.parent, spreaders.render());
    return reconstructed.tree_count() == 0 ? exit_partial : exit_success;
  }

 private:
  int run_on_dataset(const std::string& folder) {
    CascadeForest forest = read_cascade_dataset(folder);
    for (const std::string& note : forest.notes) report_note(note);
    if (!forest.rejections.empty()) {
      report_warning(fmt::format("{} lines could not be read; the first: {}:{}: {}", forest.rejections.size(),
                                 forest.rejections.front().file, forest.rejections.front().line,
                                 forest.rejections.front().reason));
    }
    CascadeDatasetSummary summary = summarize_cascades(forest.trees);
    std::vector<CascadeMetrics> metrics;
    metrics.reserve(forest.trees.size());
    for (const CascadeTree& tree : forest.trees) metrics.push_back(cascade_metrics(tree, thresholds));
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("dataset").value(cascade_dataset_name(*detect_cascade_dataset(folder)));
      write_summary(json, summary);
      json.key("rejected").value(static_cast<std::int64_t>(forest.rejections.size()));
      json.key("cascades").begin_array();
      for (std::size_t i = 0; i < forest.trees.size(); ++i) {
        json.begin_object().key("id").value(forest.trees[i].id).key("label").value(forest.trees[i].label);
        write_metrics(json, metrics[i]);
        json.end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return forest.trees.empty() ? exit_partial : exit_success;
    }
    fmt::print("{} cascades read from {}\n{}", forest.trees.size(), folder, summary_text(summary));
    std::vector<std::size_t> order(forest.trees.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return metrics[a].size > metrics[b].size; });
    TextTable largest({"#", "id", "label", "size", "accounts", "depth", "breadth", "virality", "hours"});
    for (std::size_t i = 0; i < std::min(top_, order.size()); ++i) {
      const CascadeMetrics& m = metrics[order[i]];
      largest.add_row({std::to_string(i + 1), forest.trees[order[i]].id, forest.trees[order[i]].label,
                       std::to_string(m.size), std::to_string(m.accounts), std::to_string(m.depth),
                       std::to_string(m.max_breadth), fmt::format("{:.2f}", m.structural_virality), hours_text(m.time_span)});
    }
    fmt::print("\nlargest cascades\n{}", largest.render());
    return forest.trees.empty() ? exit_partial : exit_success;
  }

  AnalysisOptions options_;
  std::size_t top_ = 10;
};

}  // namespace

std::unique_ptr<Command> make_cascades_command() { return std::make_unique<CascadesCommand>(); }

}  // namespace leaktrace
