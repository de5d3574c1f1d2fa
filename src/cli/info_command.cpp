#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/progress_bar.h"
#include "render/json_writer.h"
#include "render/text_table.h"
#include "workspace/workspace.h"
#include "workspace/workspace_summary.h"

namespace leaktrace {
namespace {

constexpr std::size_t files_to_show = 20;
constexpr std::array<std::string_view, 4> kind_order{"original", "repost", "quote", "reply"};

std::string summary_json(const WorkspaceSummary& s, const std::string& path) {
  JsonWriter json;
  json.begin_object().key("workspace").value(path);
  json.key("posts").value(s.posts());
  json.key("accounts").value(s.accounts());
  json.key("mentioned_only_accounts").value(s.mentioned_only_accounts());
  json.key("platforms").begin_object();
  for (const auto& [platform, count] : s.platforms()) json.key(platform).value(count);
  json.end_object();
  json.key("kinds").begin_object();
  for (std::string_view kind : kind_order) {
    auto it = s.kinds().find(std::string(kind));
    json.key(kind).value(it == s.kinds().end() ? std::int64_t{0} : it->second);
  }
  json.end_object();
  json.key("kinds_by_platform").begin_object();
  for (const auto& [platform, kinds] : s.kinds_by_platform()) {
    json.key(platform).begin_object();
    for (const auto& [kind, count] : kinds) json.key(kind).value(count);
    json.end_object();
  }
  json.end_object();
  if (s.first() == unknown_time) {
    json.key("first").null().key("last").null();
  } else {
    json.key("first").value(format_iso8601_time(s.first())).key("last").value(format_iso8601_time(s.last()));
  }
  json.key("rejected").value(s.rejected());
  json.key("rejected_by_reason").begin_object();
  for (const auto& [reason, count] : s.rejected_by_reason()) json.key(reason).value(count);
  json.end_object();
  json.key("citations").value(s.citations());
  json.key("resolved_citations").value(s.resolved_citations());
  json.key("deletions").value(s.deletions());
  json.key("top_hashtags").begin_array();
  for (const auto& [tag, count] : s.top_hashtags()) json.begin_object().key("tag").value(tag).key("posts").value(count).end_object();
  json.end_array();
  json.key("top_domains").begin_array();
  for (const auto& [host, count] : s.top_domains()) json.begin_object().key("domain").value(host).key("posts").value(count).end_object();
  json.end_array();
  json.key("collection_gaps").begin_array();
  for (const CollectionGap& gap : s.collection_gaps()) {
    json.begin_object().key("file").value(gap.file).key("line").value(static_cast<std::int64_t>(gap.line));
    if (gap.time == unknown_time) {
      json.key("time").null();
    } else {
      json.key("time").value(format_iso8601_time(gap.time));
    }
    json.key("undelivered").value(gap.undelivered).end_object();
  }
  json.end_array();
  json.key("undelivered_posts").value(s.undelivered_posts());
  json.key("files").begin_array();
  for (const SummarisedFile& f : s.files()) {
    json.begin_object()
        .key("path").value(f.path)
        .key("format").value(f.format)
        .key("compression").value(f.compression)
        .key("size").value(f.size)
        .key("sha256").value(f.sha256)
        .key("status").value(f.status)
        .key("posts_new").value(f.posts_new)
        .key("rejected").value(f.rejected)
        .end_object();
  }
  json.end_array().end_object();
  return json.str();
}

std::string summary_text(const WorkspaceSummary& s, const std::string& path) {
  std::string out = fmt::format("workspace {}\n", path);
  out += fmt::format("{} posts by {} accounts ({} more accounts known only from mentions)\n", human_count(s.posts()),
                     human_count(s.accounts()), human_count(s.mentioned_only_accounts()));
  if (s.first() != unknown_time) {
    out += fmt::format("from {} to {}\n", format_iso8601_time(s.first()), format_iso8601_time(s.last()));
  }
  out += fmt::format("{} citations between posts ({} resolved in this workspace), {} deletion notices\n\n",
                     human_count(s.citations()), human_count(s.resolved_citations()), human_count(s.deletions()));

  TextTable kinds({"platform", "posts", "original", "repost", "quote", "reply"});
  for (const auto& [platform, by_kind] : s.kinds_by_platform()) {
    std::vector<std::string> row{platform, human_count(s.platforms().at(platform))};
    for (std::string_view kind : kind_order) {
      auto it = by_kind.find(std::string(kind));
      row.push_back(human_count(it == by_kind.end() ? 0 : it->second));
    }
    kinds.add_row(std::move(row));
  }
  out += kinds.render();

  auto ranked = [&](std::string_view title, std::string_view column,
                    const std::vector<std::pair<std::string, std::int64_t>>& rows, std::string_view counted = "posts") {
    if (rows.empty()) return;
    TextTable table({std::string(column), std::string(counted)});
    for (const auto& [name, count] : rows) table.add_row({name, human_count(count)});
    out += fmt::format("\n{}\n{}", title, table.render());
  };
  ranked("top hashtags", "hashtag", s.top_hashtags());
  ranked("top domains", "domain", s.top_domains());
  if (!s.collection_gaps().empty()) {
    out += fmt::format("\ncollection gaps: {} limit notices, {} posts not delivered by the stream\n",
                       s.collection_gaps().size(), human_count(s.undelivered_posts()));
  }
  if (s.rejected() > 0) {
    ranked(fmt::format("rejected records: {}", human_count(s.rejected())), "reason", s.rejected_by_reason(), "records");
  } else {
    out += "\nno rejected records\n";
  }
  TextTable files({"file", "format", "status", "new posts", "rejected"});
  std::size_t shown = 0;
  for (const SummarisedFile& f : s.files()) {
    if (++shown > files_to_show) break;
    files.add_row({f.path, f.format + (f.compression == "none" ? "" : "+" + f.compression), f.status,
                   human_count(f.posts_new), human_count(f.rejected)});
  }
  out += fmt::format("\ninput files: {}\n", human_count(s.files().size())) + files.render();
  if (s.files().size() > files_to_show) {
    out += fmt::format("... and {} more (`leaktrace info --json` lists them all)\n", s.files().size() - files_to_show);
  }
  return out;
}

class InfoCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("-w,--workspace", workspace_, "Workspace file")->default_val(default_workspace_path);
    app.add_flag("--json", json_, "Print the summary as JSON");
    app.add_flag("--rejected", rejected_, "List every rejected record as FILE:LINE: REASON instead (JSON with --json)");
  }

  int run() override {
    Workspace workspace = Workspace::open_for_reading(workspace_);
    if (rejected_) return print_rejected(workspace);
    WorkspaceSummary summary(workspace);
    summary.run();
    if (json_) {
      fmt::print("{}\n", summary_json(summary, workspace_));
    } else {
      fmt::print("{}", summary_text(summary, workspace_));
    }
    return summary.posts() > 0 ? exit_success : exit_partial;
  }

  int print_rejected(Workspace& workspace) const {
    std::vector<RejectedRecord> records = list_rejected_records(workspace);
    if (json_) {
      JsonWriter json;
      json.begin_array();
      for (const RejectedRecord& r : records) {
        json.begin_object()
            .key("file").value(r.file)
            .key("line").value(static_cast<std::int64_t>(r.line))
            .key("reason").value(r.reason)
            .end_object();
      }
      json.end_array();
      fmt::print("{}\n", json.str());
    } else {
      for (const RejectedRecord& r : records) fmt::print("{}:{}: {}\n", r.file, r.line, r.reason);
    }
    return records.empty() ? exit_partial : exit_success;
  }

 private:
  std::string workspace_;
  bool json_ = false;
  bool rejected_ = false;
};

}  // namespace

std::unique_ptr<Command> make_info_command() { return std::make_unique<InfoCommand>(); }

}  // namespace leaktrace
