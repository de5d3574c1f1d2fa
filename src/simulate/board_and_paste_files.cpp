#include "simulate/board_and_paste_files.h"

#include <iterator>

#include <fmt/format.h>

#include "simulate/tweet_json.h"

namespace leaktrace::simulate {
namespace {

constexpr TimeMs new_york_summer_offset = -4 * 3600000LL;  // 4chan's `now` is in US Eastern time
constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string fourchan_now(TimeMs time) {
  CivilTime c = civil_time(time + new_york_summer_offset);
  return fmt::format("{:02}/{:02}/{:02}({}){:02}:{:02}:{:02}", c.month, c.day, c.year % 100, weekdays[c.weekday], c.hour,
                     c.minute, c.second);
}

void append_string(std::string& out, std::string_view text) {
  out.push_back('"');
  append_twitter_json_string(out, text);
  out.push_back('"');
}

}  // namespace

std::string fourchan_thread_json(const Story& story, const TweetTextComposer& composer) {
  std::string out = "{\"posts\":[";
  auto o = std::back_inserter(out);
  for (std::size_t i = 0; i < story.thread.size(); ++i) {
    const ChanPost& post = story.thread[i];
    if (i) out.push_back(',');
    const std::uint64_t op = story.thread.front().number;
    fmt::format_to(o, R"({{"no":{},"now":"{}","name":"Anonymous",)", post.number, fourchan_now(post.time));
    if (i == 0) out += R"("sub":"EM LEAKS - Macron campaign dump",)";
    out += R"("com":)";
    append_string(out, composer.chan_text(static_cast<std::uint32_t>(i)));
    fmt::format_to(o, R"(,"id":"{}","country":"{}","country_name":"{}","time":{},"resto":{})", post.poster_id,
                   post.country, post.country, post.time / 1000, i == 0 ? 0 : op);
    if (i == 0) {
      fmt::format_to(o, R"(,"bumplimit":0,"imagelimit":0,"semantic_url":"em-leaks-macron-campaign-dump","replies":{},)"
                        R"("images":0,"unique_ips":{})",
                     story.thread.size() - 1, story.thread.size() / 3);
    }
    out.push_back('}');
  }
  out += "]}\n";
  return out;
}

std::string paste_records_jsonl(const Story& story, const TweetTextComposer& composer) {
  std::string out;
  auto o = std::back_inserter(out);
  for (std::size_t i = 0; i < story.pastes.size(); ++i) {
    const Paste& paste = story.pastes[i];
    const bool fetched = paste.origin || paste.cites_thread || i % 4 == 0;
    std::string content = composer.paste_content(static_cast<std::uint32_t>(i));
    fmt::format_to(o,
                   R"({{"scrape_url":"https://scrape.pastebin.com/api_scrape_item.php?i={0}","full_url":"https://pastebin.com/{0}",)"
                   R"("date":"{1}","key":"{0}","size":"{2}","expire":"0","title":)",
                   paste.key, paste.time / 1000, content.size());
    append_string(out, paste.title);
    out += R"(,"syntax":"text","user":)";
    append_string(out, paste.user);
    fmt::format_to(o, R"(,"hits":"{}")", 3 + (i * 7919) % 400);
    if (fetched) {
      out += R"(,"content":)";
      append_string(out, content);
    }
    out += "}\n";
  }
  return out;
}

}  // namespace leaktrace::simulate
