#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/confusable_skeleton.h"
#include "analysis/domain_line.h"
#include "analysis/domain_watch.h"
#include "analysis/lookalike_detector.h"
#include "analysis/lookalike_generator.h"
#include "analysis/lookalike_word_lists.h"
#include "analysis/registrable_domain.h"
#include "cli/command.h"
#include "cli/diagnostics.h"
#include "cli/progress_bar.h"
#include "render/json_writer.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

constexpr std::size_t default_posts_shown = 5;

// "1 post", "2 posts".
std::string counted(std::int64_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + csv_field(fields[i]);
  return row + "\n";
}

void write_steps_json(JsonWriter& json, const std::vector<LookalikeStep>& steps) {
  json.key("rules").begin_array();
  for (const LookalikeStep& step : steps) json.value(lookalike_rule_name(step.rule));
  json.end_array();
  json.key("steps").begin_array();
  for (const LookalikeStep& step : steps) {
    json.begin_object().key("rule").value(lookalike_rule_name(step.rule)).key("detail").value(step.detail).end_object();
  }
  json.end_array();
}

// --watch and --allow take domains or files of them, in any order: a value naming a readable file
// is read as a domain list (one a line, URLs and comments allowed), any other is a domain.
std::vector<std::string> domains_from(const std::vector<std::string>& values) {
  std::vector<std::string> domains;
  std::vector<std::string_view> hosts;
  for (const std::string& value : values) {
    if (!std::filesystem::is_regular_file(value)) {
      std::string_view host = host_of_token(value);
      domains.emplace_back(host.empty() ? std::string_view(value) : host);
      continue;
    }
    std::string text = [&] {
      std::vector<std::string> words = load_word_list(value);  // reads the file, drops comments
      std::string joined;
      for (const std::string& word : words) joined += word + "\n";
      return joined;
    }();
    for (std::string_view rest = text; !rest.empty();) {
      std::size_t end = rest.find('\n');
      hosts_in_line(rest.substr(0, end), hosts);
      for (std::string_view host : hosts) domains.emplace_back(host);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
  }
  return domains;
}

std::vector<std::string> affixes_from(const std::string& path) {
  return path.empty() ? bundled_affixes() : load_word_list(path);
}

class DomainsCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  leaktrace domains generate en-marche.fr\n"
        "  leaktrace domains check --watch en-marche.fr --allow en-marche.org certstream.txt leaktrace.db");

    generate_ = app.add_subcommand("generate", "Lookalike candidates of domains, with the rules that made each");
    generate_->add_option("domains", domains_, "Domains to imitate (e.g. en-marche.fr)")->required();
    generate_->add_option("--max-rules", max_rules_, "1: single rules; 2: also two-rule combinations")
        ->default_val(2)
        ->check(CLI::Range(1, 2));
    generate_->add_option("--rules", rules_, "Only these rules (" + rule_names() + ")")
        ->allow_extra_args(false)
        ->delimiter(',');
    generate_->add_option("--layouts", layouts_, "Keyboard layouts for typos (qwerty,azerty,qwertz)")
        ->allow_extra_args(false)
        ->delimiter(',')
        ->default_str("qwerty,azerty,qwertz");
    generate_->add_option("--tlds", tlds_file_, "TLD swap targets, one a line (default: the bundled list)")
        ->check(CLI::ExistingFile);
    add_common(*generate_);

    check_ = app.add_subcommand("check", "Report the domains of lists, URL lists, CT or zone dumps, or a workspace's "
                                         "posts, that imitate watched domains");
    check_->add_option("--watch", watch_, "Watched domains, or files of them (one a line)")
        ->required()
        ->allow_extra_args(false)
        ->delimiter(',');
    check_->add_option("--allow", allow_, "The brand's own domains, or files of them: never flagged")
        ->allow_extra_args(false)
        ->delimiter(',');
    check_->add_option("inputs", inputs_,
                       "Domain or URL lists (plain, .gz, .zst; - or none reads stdin), CT-log or zone dumps, or "
                       "workspaces");
    check_->add_option("--min-score", min_score_, "Report only findings scoring at least this (0 to 1)")
        ->default_val(0.0)
        ->check(CLI::Range(0.0, 1.0));
    check_->add_flag("-q,--quiet", quiet_, "No progress bar and no summary note, only errors");
    check_->add_option("--posts", posts_shown_, "Posts listed per flagged domain in the table (all with --json/--csv)")
        ->default_val(default_posts_shown);
    add_common(*check_);
  }

  int run() override {
    PublicSuffixList suffixes = PublicSuffixList::load(suffix_list_);
    ConfusableSkeleton skeletons;
    if (generate_->parsed()) return run_generate(suffixes, skeletons);
    return run_check(suffixes, skeletons);
  }

 private:
  static std::string rule_names() {
    std::string names;
    for (LookalikeRule rule : all_lookalike_rules) names += (names.empty() ? "" : ",") + std::string(lookalike_rule_name(rule));
    return names;
  }

  void add_common(CLI::App& sub) {
    sub.add_flag("--json", json_, "Print JSON");
    sub.add_flag("--csv", csv_, "Print CSV");
    sub.add_option("--affixes", affixes_file_, "Affix words, one a line (default: the bundled list)")
        ->check(CLI::ExistingFile);
    sub.add_option("--public-suffix-list", suffix_list_, "The Public Suffix List")
        ->default_val(std::string(default_public_suffix_list_path));
  }

  int run_generate(const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons) {
    LookalikeGeneratorParameters parameters;
    parameters.max_rules = max_rules_;
    parameters.affixes = affixes_from(affixes_file_);
    if (!tlds_file_.empty()) parameters.tlds = load_word_list(tlds_file_);
    for (const std::string& name : rules_) {
      std::optional<LookalikeRule> rule = parse_lookalike_rule(name);
      if (!rule) throw std::invalid_argument(fmt::format("unknown rule '{}'; --rules takes {}", name, rule_names()));
      parameters.rules.push_back(*rule);
    }
    if (!layouts_.empty()) {
      parameters.layouts.clear();
      for (const std::string& name : layouts_) {
        std::optional<KeyboardLayout> layout = parse_keyboard_layout(name);
        if (!layout) throw std::invalid_argument(fmt::format("unknown layout '{}'; --layouts takes qwerty,azerty,qwertz", name));
        parameters.layouts.push_back(*layout);
      }
    }
    std::vector<LookalikeGenerator> generators;
    for (const std::string& domain : domains_) {
      generators.emplace_back(domain, parameters, suffixes, skeletons);
      generators.back().run();
    }
    if (json_) {
      JsonWriter json;
      json.begin_array();
      for (const LookalikeGenerator& g : generators) {
        json.begin_object().key("domain").value(g.domain()).key("candidates").begin_array();
        for (const LookalikeCandidate& c : g.candidates()) {
          json.begin_object().key("domain").value(c.domain).key("unicode").value(c.unicode);
          write_steps_json(json, c.steps);
          json.end_object();
        }
        json.end_array().end_object();
      }
      json.end_array();
      fmt::print("{}\n", json.str());
    } else if (csv_) {
      std::string out = csv_row({"imitates", "domain", "unicode", "rules", "explanation"});
      for (const LookalikeGenerator& g : generators) {
        for (const LookalikeCandidate& c : g.candidates()) {
          out += csv_row({g.domain(), c.domain, c.unicode, join_rule_names(c.steps), describe_steps(c.steps)});
        }
      }
      fmt::print("{}", out);
    } else {
      for (const LookalikeGenerator& g : generators) {
        TextTable table({"domain", "unicode", "rules", "explanation"});
        for (const LookalikeCandidate& c : g.candidates()) {
          table.add_row({c.domain, c.unicode == c.domain ? "" : c.unicode, join_rule_names(c.steps),
                         describe_steps(c.steps)});
        }
        fmt::print("{} lookalikes of {}\n{}", g.candidates().size(), g.domain(), table.render());
      }
    }
    return exit_success;
  }

  int run_check(const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons) {
    LookalikeParameters parameters;
    parameters.affixes = affixes_from(affixes_file_);
    parameters.allowed = domains_from(allow_);
    LookalikeDetector detector(domains_from(watch_), parameters, suffixes, skeletons);
    if (inputs_.empty()) {
      if (isatty(STDIN_FILENO) != 0) {
        throw std::invalid_argument(
            "nothing to check: give domain lists, URL lists or a workspace, or pipe names on standard input");
      }
      inputs_.push_back("-");
    }
    DomainWatch watch(detector, inputs_);
    ProgressBar bar(stderr_is_terminal() && !quiet_);
    auto started = std::chrono::steady_clock::now();
    watch.set_progress_handler([&](const DomainWatchProgress& progress) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      bar.update(std::filesystem::path(*progress.path).filename().string(), progress.bytes_read, progress.total_bytes,
                 static_cast<std::uint64_t>(progress.hosts_checked), seconds);
    });
    watch.run();
    bar.clear();
    std::vector<const DomainFinding*> findings;
    for (const DomainFinding& f : watch.findings()) {
      if (f.match.score >= min_score_) findings.push_back(&f);
    }
    if (json_) {
      print_check_json(detector, watch, findings);
    } else if (csv_) {
      print_check_csv(detector, findings);
    } else {
      print_check_table(detector, findings);
    }
    if (!quiet_) report_note(fmt::format("{} checked against {}: {} flagged{}", counted(watch.hosts_checked(), "host name"),
                            counted(static_cast<std::int64_t>(detector.watched().size()), "watched domain"),
                            findings.size(),
                            watch.lines_without_host() > 0
                                ? fmt::format(" ({} named no host)", counted(watch.lines_without_host(), "line"))
                                : ""));
    return findings.empty() ? exit_partial : exit_success;
  }

  static std::string seen_text(const DomainFinding& f) {
    if (f.posts.empty()) {
      return f.occurrences > 1 ? fmt::format("{} ({} times)", f.first_seen, f.occurrences) : f.first_seen;
    }
    return fmt::format("{} by {}", counted(static_cast<std::int64_t>(f.posts.size()), "post"), counted(f.accounts, "account"));
  }

  static std::string post_time(const LinkingPost& post) {
    return post.created_at == unknown_time ? "" : format_iso8601_time(post.created_at);
  }

  void print_check_table(const LookalikeDetector& detector, const std::vector<const DomainFinding*>& findings) const {
    if (findings.empty()) return;  // the note on stderr says so
    TextTable table({"domain", "imitates", "brand", "edits", "score", "rules", "explanation", "seen"});
    bool any_posts = false;
    for (const DomainFinding* f : findings) {
      std::string domain = f->match.unicode == f->match.domain ? f->match.domain
                                                               : fmt::format("{} ({})", f->match.domain, f->match.unicode);
      table.add_row({domain, detector.watched()[f->match.watched].unicode, f->match.brand,
                     std::to_string(f->match.distance), fmt::format("{:.2f}", f->match.score),
                     join_rule_names(f->match.steps), describe_steps(f->match.steps), seen_text(*f)});
      any_posts = any_posts || !f->posts.empty();
    }
    std::string out = table.render();
    if (any_posts) {
      TextTable posts({"domain", "time", "post", "account", "url"});
      for (const DomainFinding* f : findings) {
        std::size_t shown = 0;
        for (const LinkingPost& post : f->posts) {
          if (shown++ == posts_shown_) {
            posts.add_row({f->match.domain, fmt::format("... {} more", f->posts.size() - posts_shown_)});
            break;
          }
          posts.add_row({f->match.domain, post_time(post), fmt::format("{}:{}", post.platform, post.native_id),
                         post.handle.empty() ? fmt::format("{}:{}", post.account_platform, post.account_native_id)
                                             : "@" + post.handle,
                         post.url});
        }
      }
      out += "\nposts linking them\n" + posts.render();
    }
    fmt::print("{}", out);
  }

  void print_check_json(const LookalikeDetector& detector, const DomainWatch& watch,
                        const std::vector<const DomainFinding*>& findings) const {
    JsonWriter json;
    json.begin_object().key("watched").begin_array();
    for (const WatchedDomain& w : detector.watched()) json.value(w.domain);
    json.end_array();
    json.key("hosts_checked").value(watch.hosts_checked());
    json.key("lines_without_host").value(watch.lines_without_host());
    json.key("findings").begin_array();
    for (const DomainFinding* f : findings) {
      const WatchedDomain& w = detector.watched()[f->match.watched];
      json.begin_object()
          .key("domain").value(f->match.domain)
          .key("unicode").value(f->match.unicode)
          .key("imitates").value(w.domain)
          .key("brand").value(f->match.brand)
          .key("score").value(f->match.score)
          .key("distance").value(static_cast<std::int64_t>(f->match.distance));
      write_steps_json(json, f->match.steps);
      json.key("explanation").value(describe_steps(f->match.steps));
      json.key("first_seen").value(f->first_seen).key("occurrences").value(f->occurrences);
      json.key("accounts").value(f->accounts).key("posts").begin_array();
      for (const LinkingPost& post : f->posts) {
        json.begin_object().key("platform").value(post.platform).key("native_id").value(post.native_id);
        if (post.created_at == unknown_time) {
          json.key("created_at").null();
        } else {
          json.key("created_at").value(format_iso8601_time(post.created_at));
        }
        json.key("account").begin_object()
            .key("platform").value(post.account_platform)
            .key("native_id").value(post.account_native_id)
            .key("handle").value(post.handle)
            .end_object();
        json.key("url").value(post.url).end_object();
      }
      json.end_array().end_object();
    }
    json.end_array().end_object();
    fmt::print("{}\n", json.str());
  }

  static void print_check_csv(const LookalikeDetector& detector, const std::vector<const DomainFinding*>& findings) {
    std::string out = csv_row({"domain", "unicode", "imitates", "brand", "score", "distance", "rules", "explanation",
                               "first_seen", "occurrences", "post_platform", "post_id", "post_time", "account_platform",
                               "account_id", "handle", "url"});
    for (const DomainFinding* f : findings) {
      std::vector<std::string> row{f->match.domain,
                                   f->match.unicode,
                                   detector.watched()[f->match.watched].domain,
                                   f->match.brand,
                                   fmt::format("{:.2f}", f->match.score),
                                   std::to_string(f->match.distance),
                                   join_rule_names(f->match.steps),
                                   describe_steps(f->match.steps),
                                   f->first_seen,
                                   std::to_string(f->occurrences)};
      if (f->posts.empty()) {
        row.resize(17);
        out += csv_row(row);
      }
      for (const LinkingPost& post : f->posts) {
        std::vector<std::string> full = row;
        for (std::string field : {post.platform, post.native_id, post_time(post), post.account_platform,
                                  post.account_native_id, post.handle, post.url}) {
          full.push_back(std::move(field));
        }
        out += csv_row(full);
      }
    }
    fmt::print("{}", out);
  }

  CLI::App* generate_ = nullptr;
  CLI::App* check_ = nullptr;
  std::vector<std::string> domains_;
  int max_rules_ = 2;
  std::vector<std::string> rules_;
  std::vector<std::string> layouts_;
  std::string tlds_file_;
  std::vector<std::string> watch_;
  std::vector<std::string> allow_;
  std::vector<std::string> inputs_;
  double min_score_ = 0;
  std::size_t posts_shown_ = default_posts_shown;
  bool json_ = false;
  bool csv_ = false;
  bool quiet_ = false;
  std::string affixes_file_;
  std::string suffix_list_ = default_public_suffix_list_path;
};

}  // namespace

std::unique_ptr<Command> make_domains_command() { return std::make_unique<DomainsCommand>(); }

}  // namespace leaktrace
