#include "analysis/domain_watch.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/domain_line.h"
#include "ingest/input_source.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

constexpr std::size_t read_block = std::size_t{1} << 20;
constexpr std::size_t hosts_per_statement = 200;  // well under SQLite's 32766 bound parameters
constexpr char sqlite_header[] = "SQLite format 3";  // and its NUL: 16 bytes

}  // namespace

bool is_sqlite_file(const std::string& path) {
  if (path == "-") return false;
  std::ifstream in(path, std::ios::binary);
  char header[sizeof sqlite_header] = {};
  if (!in.read(header, sizeof header)) return false;
  return std::memcmp(header, sqlite_header, sizeof header) == 0;
}

DomainWatch::DomainWatch(const LookalikeDetector& detector, std::vector<std::string> inputs)
    : detector_(detector), inputs_(std::move(inputs)) {
  if (inputs_.empty()) {
    throw std::invalid_argument("nothing to check: give domain lists, URL lists or a workspace (\"-\" reads stdin)");
  }
}

DomainFinding* DomainWatch::record(std::string_view host, const std::string& where) {
  ++hosts_checked_;
  std::optional<LookalikeMatch> match = detector_.check(host);
  if (!match) return nullptr;
  auto [it, added] = by_domain_.try_emplace(match->domain, findings_.size());
  if (!added) {
    ++findings_[it->second].occurrences;
    return &findings_[it->second];
  }
  DomainFinding finding;
  finding.match = std::move(*match);
  finding.first_seen = where;
  finding.occurrences = 1;
  findings_.push_back(std::move(finding));
  return &findings_.back();
}

void DomainWatch::read_list(const std::string& path) {
  InputSource source(path);
  std::string buffer(read_block, '\0');
  std::string carry;
  std::vector<std::string_view> hosts;
  std::uint64_t line_number = 0;
  auto handle_line = [&](std::string_view line) {
    ++line_number;
    ++lines_read_;
    hosts_in_line(line, hosts);
    if (hosts.empty()) {
      std::size_t first = line.find_first_not_of(" \t\r");
      bool blank_or_comment = first == std::string_view::npos || line[first] == '#' || line[first] == ';' ||
                              line.substr(first).starts_with("//");
      if (!blank_or_comment) ++lines_without_host_;
      return;
    }
    for (std::string_view host : hosts) {
      if (DomainFinding* finding = record(host, ""); finding && finding->first_seen.empty()) {
        finding->first_seen = fmt::format("{}:{}", path, line_number);
      }
    }
  };
  while (std::size_t got = source.read(buffer.data(), buffer.size())) {
    std::string_view block(buffer.data(), got);
    std::size_t start = 0;
    for (std::size_t newline = block.find('\n'); newline != std::string_view::npos;
         newline = block.find('\n', start)) {
      if (carry.empty()) {
        handle_line(block.substr(start, newline - start));
      } else {
        carry.append(block.substr(start, newline - start));
        handle_line(carry);
        carry.clear();
      }
      start = newline + 1;
    }
    carry.append(block.substr(start));
    if (progress_) progress_({&path, source.raw_bytes_read(), source.raw_size().value_or(0), hosts_checked_});
  }
  if (!carry.empty()) handle_line(carry);
  if (source.damage()) throw std::runtime_error(fmt::format("{}: {}", path, *source.damage()));
}

void DomainWatch::read_workspace(const std::string& path) {
  Workspace workspace = Workspace::open_for_reading(path);
  SqliteDatabase& db = workspace.database();
  std::vector<std::pair<std::string, std::size_t>> flagged;  // host, finding
  {
    auto hosts = db.prepare("SELECT host, count(*) FROM urls WHERE host IS NOT NULL AND host != '' GROUP BY host");
    while (hosts.step()) {
      ++workspace_hosts_;
      std::string host(hosts.column_text(0));
      DomainFinding* finding = record(host, path);
      if (!finding) continue;
      finding->occurrences += hosts.column_int(1) - 1;  // one per URL
      flagged.emplace_back(std::move(host), static_cast<std::size_t>(finding - findings_.data()));
    }
  }
  if (progress_) progress_({&path, 0, 0, hosts_checked_});
  // The posts of the flagged hosts, a batch of hosts per statement: urls.host has no index (the
  // ingest does not pay for one), so each statement is one scan of the URLs.
  std::unordered_map<std::string_view, std::size_t> finding_of_host;
  for (const auto& [host, index] : flagged) finding_of_host.emplace(host, index);
  for (std::size_t first = 0; first < flagged.size(); first += hosts_per_statement) {
    std::size_t count = std::min(hosts_per_statement, flagged.size() - first);
    std::string placeholders;
    for (std::size_t k = 0; k < count; ++k) placeholders += k == 0 ? "?" : ",?";
    auto posts = db.prepare(fmt::format(
        "SELECT u.host, p.platform, p.native_id, p.created_at, a.platform, a.native_id, coalesce(a.handle, ''), "
        "u.expanded FROM urls u JOIN post_urls pu ON pu.url_id = u.id JOIN posts p ON p.id = pu.post_id "
        "JOIN accounts a ON a.id = p.account_id WHERE u.host IN ({}) ORDER BY p.created_at, p.id",
        placeholders));
    for (std::size_t k = 0; k < count; ++k) posts.bind(static_cast<int>(k + 1), std::string_view(flagged[first + k].first));
    while (posts.step()) {
      auto it = finding_of_host.find(posts.column_text(0));
      if (it == finding_of_host.end()) continue;
      LinkingPost post;
      post.platform = std::string(posts.column_text(1));
      post.native_id = std::string(posts.column_text(2));
      post.created_at = posts.column_is_null(3) ? unknown_time : posts.column_int(3);
      post.account_platform = std::string(posts.column_text(4));
      post.account_native_id = std::string(posts.column_text(5));
      post.handle = std::string(posts.column_text(6));
      post.url = std::string(posts.column_text(7));
      findings_[it->second].posts.push_back(std::move(post));
    }
  }
  for (const auto& [host, index] : flagged) {
    DomainFinding& finding = findings_[index];
    std::stable_sort(finding.posts.begin(), finding.posts.end(),
                     [](const LinkingPost& a, const LinkingPost& b) { return a.created_at < b.created_at; });
    std::set<std::pair<std::string, std::string>> accounts;
    for (const LinkingPost& post : finding.posts) accounts.emplace(post.account_platform, post.account_native_id);
    finding.accounts = static_cast<std::int64_t>(accounts.size());
  }
}

void DomainWatch::run() {
  for (const std::string& input : inputs_) {
    if (is_sqlite_file(input)) {
      read_workspace(input);
    } else {
      read_list(input);
    }
  }
  std::sort(findings_.begin(), findings_.end(), [](const DomainFinding& a, const DomainFinding& b) {
    if (a.match.score != b.match.score) return a.match.score > b.match.score;
    return a.match.domain < b.match.domain;
  });
  by_domain_.clear();
  finished_ = true;
}

void DomainWatch::assure_finished() const {
  if (!finished_) throw std::logic_error("DomainWatch: call run() before asking for findings");
}

const std::vector<DomainFinding>& DomainWatch::findings() const { assure_finished(); return findings_; }
std::int64_t DomainWatch::hosts_checked() const { assure_finished(); return hosts_checked_; }
std::int64_t DomainWatch::lines_read() const { assure_finished(); return lines_read_; }
std::int64_t DomainWatch::lines_without_host() const { assure_finished(); return lines_without_host_; }
std::int64_t DomainWatch::workspace_hosts() const { assure_finished(); return workspace_hosts_; }

}  // namespace leaktrace
