#include "ingest/format_sniffer.h"

#include <array>

namespace leaktrace {
namespace {

bool has_key(std::string_view head, std::string_view key) {
  // `"key":` or `"key" :`
  std::size_t from = 0;
  while ((from = head.find(key, from)) != std::string_view::npos) {
    std::size_t end = from + key.size();
    bool quoted_before = from > 0 && head[from - 1] == '"' && (from < 2 || head[from - 2] != '\\');
    if (quoted_before && end < head.size() && head[end] == '"') {
      std::size_t colon = end + 1;
      while (colon < head.size() && (head[colon] == ' ' || head[colon] == '\t' || head[colon] == '\n' || head[colon] == '\r')) {
        ++colon;
      }
      if (colon < head.size() && head[colon] == ':') return true;
    }
    from = end;
  }
  return false;
}

template <std::size_t N>
bool has_any_key(std::string_view head, const std::array<std::string_view, N>& keys) {
  for (std::string_view key : keys) {
    if (has_key(head, key)) return true;
  }
  return false;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n";
  std::size_t begin = text.find_first_not_of(blanks);
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(blanks);
  return text.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<Format> sniff_format(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::string_view start = trim(head.substr(0, 1));
  if (start != "{" && start != "[") {
    std::string_view trimmed = trim(head);
    if (trimmed.empty() || (trimmed[0] != '{' && trimmed[0] != '[')) return std::nullopt;
  }
  if (has_any_key(head, std::array<std::string_view, 2>{"scrape_url", "full_url"})) return Format::pastebin;
  if (has_any_key(head, std::array<std::string_view, 4>{"resto", "thread_num", "semantic_url", "poster_hash"})) {
    return Format::fourchan;
  }
  if (has_key(head, "posts") && has_key(head, "no")) return Format::fourchan;
  if (has_any_key(head, std::array<std::string_view, 6>{"__twarc", "edit_history_tweet_ids", "includes",
                                                         "referenced_tweets", "public_metrics", "author_id"})) {
    return Format::twitter_v2;
  }
  if (has_any_key(head, std::array<std::string_view, 7>{"id_str", "statuses", "screen_name", "in_reply_to_status_id",
                                                         "retweeted_status", "delete", "limit"})) {
    return Format::twitter_v1;
  }
  if (has_key(head, "data") && (has_key(head, "meta") || has_key(head, "errors"))) return Format::twitter_v2;
  return std::nullopt;
}

Layout sniff_layout(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  // The first two non-blank lines decide: a damaged first line of a JSONL file must not turn the
  // whole file into one unreadable document.
  std::array<std::string_view, 2> lines{};
  std::size_t found = 0;
  std::size_t line_begin = 0;
  while (line_begin < head.size() && found < lines.size()) {
    std::size_t line_end = head.find('\n', line_begin);
    bool complete_line = line_end != std::string_view::npos;
    std::string_view line = trim(head.substr(line_begin, complete_line ? line_end - line_begin : std::string_view::npos));
    if (!line.empty() && (complete_line || found == 0)) lines[found++] = line;
    if (!complete_line) break;
    line_begin = line_end + 1;
  }
  auto whole_value = [](std::string_view line) {
    return !line.empty() && ((line.front() == '{' && line.back() == '}') || (line.front() == '[' && line.back() == ']'));
  };
  if (found == 0 || whole_value(lines[0])) return Layout::lines;
  if (found == 2 && lines[1].front() == '{' && lines[1].back() == '}' && lines[0].size() > 1) return Layout::lines;
  return Layout::document;
}

}  // namespace leaktrace
