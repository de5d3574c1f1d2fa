#include "cli/analysis_output.h"

#include <fmt/format.h>

#include "analysis/post_link.h"
#include "model/account.h"

namespace leaktrace {

void write_post_fields(JsonWriter& json, const Dataset& d, std::uint32_t post) {
  std::uint32_t author = d.post_author(post);
  json.key("platform").value(platform_name(d.post_platform(post)));
  json.key("post").value(d.post_native_id(post));
  json.key("kind").value(post_kind_name(d.post_kind(post)));
  json.key("account").value(d.account_native_id(author));
  json.key("handle").value(d.account_handle(author));
  if (d.post_time(post) == unknown_time) {
    json.key("time").null();
  } else {
    json.key("time").value(format_iso8601_time(d.post_time(post)));
  }
  json.key("url").value(post_url(d, post));
  json.key("provenance").value(post_provenance(d, post));
}

std::string time_text(TimeMs time) {
  if (time == unknown_time) return "?";
  std::string iso = format_iso8601_time(time);  // 2017-05-05T18:49:00.000Z
  if (iso.size() == 24 && iso.ends_with(".000Z")) iso = iso.substr(0, 19) + "Z";
  return iso;
}

std::string account_text(const Dataset& d, std::uint32_t account) {
  std::string_view handle = d.account_handle(account);
  return handle.empty() ? d.account_key(account) : handle_for_reading(handle);
}

std::string community_text(const CommunityDetection& communities, std::int64_t community) {
  if (community < 0) return "-";
  const Community& c = communities.communities()[static_cast<std::size_t>(community)];
  return c.label.empty() ? fmt::format("{}", community) : fmt::format("{} ({})", community, c.label);
}

std::string one_line(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (points == width) {
        out += "…";
        break;
      }
      ++points;
    }
    // Control characters (a terminal escape in a handle) never reach the terminal.
    out.push_back(c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c));
  }
  return out;
}

}  // namespace leaktrace
