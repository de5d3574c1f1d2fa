#include "ingest/url_canonicalizer.h"

#include <array>

namespace leaktrace {
namespace {

constexpr std::string_view twitter_status_prefix = "https://twitter.com/i/status/";
constexpr std::string_view fourchan_prefix = "https://boards.4chan.org/";
constexpr std::string_view pastebin_prefix = "https://pastebin.com/";
constexpr std::size_t max_board_length = 16;
constexpr std::size_t max_paste_key_length = 16;
constexpr std::size_t max_post_number_length = 20;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_unreserved(char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && equals_ignoring_case(text.substr(0, lower.size()), lower);
}

bool all_digits(std::string_view text, std::size_t max_length = max_post_number_length) {
  if (text.empty() || text.size() > max_length) return false;
  for (char c : text) {
    if (!is_ascii_digit(c)) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 section 6.2.2 normalisation of a path or query: percent-encoded unreserved characters
// are decoded, other escapes get upper-case hex digits, spaces, control characters and stray '%'
// are encoded (as a browser does), everything else is kept.
void append_normalized_escapes(std::string_view part, std::string& out) {
  constexpr std::string_view hex_digits = "0123456789ABCDEF";
  for (std::size_t i = 0; i < part.size(); ++i) {
    char c = part[i];
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      out.push_back('%');
      out.push_back(hex_digits[byte >> 4]);
      out.push_back(hex_digits[byte & 0xF]);
      continue;
    }
    if (c == '%' && i + 2 < part.size() && hex_value(part[i + 1]) >= 0 && hex_value(part[i + 2]) >= 0) {
      auto decoded = static_cast<char>(hex_value(part[i + 1]) * 16 + hex_value(part[i + 2]));
      if (is_unreserved(decoded)) {
        out.push_back(decoded);
      } else {
        out.push_back('%');
        out.push_back(hex_digits[static_cast<unsigned char>(decoded) >> 4]);
        out.push_back(hex_digits[static_cast<unsigned char>(decoded) & 0xF]);
      }
      i += 2;
      continue;
    }
    if (c == '%') {
      out.append("%25");  // a stray '%': encoded, so that decoding a later escape cannot form a new one
      continue;
    }
    out.push_back(c);
  }
}

// Query parameters that only say where a click came from.
constexpr std::array<std::string_view, 20> tracking_parameters{
    "fbclid", "gclid",   "gclsrc", "dclid", "gbraid",  "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "igsh",   "mc_cid",  "mc_eid", "ref_src", "ref_url", "_hsenc", "_hsmi",  "mkt_tok", "si",   "feature",
};

bool is_tracking_parameter(std::string_view name, bool on_twitter) {
  if (starts_with_ignoring_case(name, "utm_")) return true;
  for (std::string_view tracking : tracking_parameters) {
    if (equals_ignoring_case(name, tracking)) return true;
  }
  // Twitter's share sheet adds ?s=20&t=... (client and share id); they change nothing shown.
  return on_twitter && (equals_ignoring_case(name, "s") || equals_ignoring_case(name, "t") ||
                        equals_ignoring_case(name, "cxt") || equals_ignoring_case(name, "ref"));
}

void append_query(std::string_view query, bool on_twitter, std::string& out) {
  bool first = true;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view parameter = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (parameter.empty()) continue;
    std::string_view name = parameter.substr(0, parameter.find('='));
    if (is_tracking_parameter(name, on_twitter)) continue;
    out.push_back(first ? '?' : '&');
    first = false;
    append_normalized_escapes(parameter, out);
  }
}

// Path segment `index` (0 = the first after the leading '/'), empty when there are fewer.
std::string_view path_segment(std::string_view path, std::size_t index) {
  std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  for (std::size_t i = 0; i < index; ++i) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) return {};
    start = slash + 1;
  }
  if (start > path.size()) return {};
  std::size_t end = path.find('/', start);
  return path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::size_t path_segment_count(std::string_view path) {
  std::size_t count = 0;
  while (!path_segment(path, count).empty()) ++count;
  return count;
}

// Pastebin pages that are not pastes.
constexpr std::array<std::string_view, 22> pastebin_reserved{
    "archive", "trends", "login", "signup", "faq", "tools", "languages", "contact", "settings", "messages",
    "pro", "api", "doc_api", "doc_faq", "night_mode", "dmca", "alerts", "search", "u", "site", "report", "index",
};

bool is_paste_key(std::string_view key) {
  if (key.empty() || key.size() > max_paste_key_length) return false;
  for (char c : key) {
    if (!is_ascii_alnum(c)) return false;
  }
  for (std::string_view reserved : pastebin_reserved) {
    if (equals_ignoring_case(key, reserved)) return false;
  }
  return true;
}

bool is_board(std::string_view board) {
  if (board.empty() || board.size() > max_board_length) return false;
  for (char c : board) {
    if (!is_ascii_alnum(c)) return false;
  }
  return true;
}

struct ParsedUrl {
  bool https = false;
  std::string_view userinfo;  // without '@'
  std::string_view host;      // as written
  std::string_view port;      // without ':'
  std::string_view path;
  std::string_view query;     // without '?'
  std::string_view fragment;  // without '#'
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool parse(std::string_view url, ParsedUrl& parsed) {
  std::size_t rest_start = 0;
  if (starts_with_ignoring_case(url, "https://")) {
    parsed.https = true;
    rest_start = 8;
  } else if (starts_with_ignoring_case(url, "http://")) {
    rest_start = 7;
  } else {
    return false;
  }
  std::string_view rest = url.substr(rest_start);
  std::size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view after = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    parsed.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  if (!authority.empty() && authority.front() == '[') {  // IPv6 literal: [::1]:8080
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    if (!rest.empty()) parsed.port = rest.substr(1);
    parsed.host = authority.substr(0, close + 1);
  } else {
    std::size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      parsed.port = authority.substr(colon + 1);
      authority = authority.substr(0, colon);
    }
    parsed.host = authority;
  }
  // "a::80" has no clear port: leave such text alone rather than guess.
  if (parsed.host.empty() || parsed.port.find_first_of(":[]") != std::string_view::npos) return false;

  std::size_t hash = after.find('#');
  if (hash != std::string_view::npos) {
    parsed.fragment = after.substr(hash + 1);
    after = after.substr(0, hash);
  }
  std::size_t question = after.find('?');
  if (question != std::string_view::npos) {
    parsed.query = after.substr(question + 1);
    after = after.substr(0, question);
  }
  parsed.path = after;
  return true;
}

// Lower-case host without a trailing dot and without the "www.", "m." and "mobile." prefixes that
// name the same site (kept when nothing with a dot would remain: "m.me").
void append_host(std::string_view host, std::string& out) {
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view prefix : {std::string_view("www."), std::string_view("m."), std::string_view("mobile.")}) {
      if (starts_with_ignoring_case(host, prefix) && host.find('.', prefix.size()) != std::string_view::npos) {
        host.remove_prefix(prefix.size());
        stripped = true;
      }
    }
  }
  for (char c : host) out.push_back(ascii_lower(c));
}

bool is_twitter_host(std::string_view host) {
  return host == "twitter.com" || host == "x.com" || host == "fxtwitter.com" || host == "vxtwitter.com" ||
         host == "fixupx.com" || host == "fixvx.com";
}

bool is_fourchan_host(std::string_view host) {
  return host == "boards.4chan.org" || host == "boards.4channel.org" || host == "4chan.org" ||
         host == "4channel.org";
}

// ID of a status path: /USER/status/ID[/photo/1], /USER/statuses/ID, /i/web/status/ID, /i/status/ID.
std::string_view twitter_status_id(std::string_view path) {
  std::string_view first = path_segment(path, 0);
  std::string_view second = path_segment(path, 1);
  std::string_view third = path_segment(path, 2);
  if (second == "status" || second == "statuses") return all_digits(third) ? third : std::string_view{};
  if (first == "i" && second == "web" && path_segment(path, 2) == "status") {
    std::string_view id = path_segment(path, 3);
    return all_digits(id) ? id : std::string_view{};
  }
  return {};
}

// Post number a 4chan fragment names: "p123" (the post) or "q123" (its quote link).
std::string_view fourchan_fragment_post(std::string_view fragment) {
  if (fragment.size() < 2 || (fragment[0] != 'p' && fragment[0] != 'q')) return {};
  std::string_view number = fragment.substr(1);
  return all_digits(number) ? number : std::string_view{};
}

bool append_fourchan_post_url(const ParsedUrl& parsed, std::string& out) {
  std::string_view board = path_segment(parsed.path, 0);
  std::string_view kind = path_segment(parsed.path, 1);
  std::string_view number = path_segment(parsed.path, 2);
  if (!is_board(board)) return false;
  if (kind == "res" && number.size() > 5 && number.substr(number.size() - 5) == ".html") {
    number.remove_suffix(5);  // the pre-2013 form /BOARD/res/NO.html
    kind = "thread";
  }
  if ((kind != "thread" && kind != "post" && kind != "res") || !all_digits(number)) return false;
  out.assign(fourchan_prefix);
  for (char c : board) out.push_back(ascii_lower(c));
  out.append(kind == "post" ? "/post/" : "/thread/");
  out.append(number);
  std::string_view post = fourchan_fragment_post(parsed.fragment);
  if (kind != "post" && !post.empty() && post != number) {
    out.append("#p");
    out.append(post);
  }
  return true;
}

bool append_pastebin_url(const ParsedUrl& parsed, std::string& out) {
  std::string_view key;
  std::string_view first = path_segment(parsed.path, 0);
  std::size_t segments = path_segment_count(parsed.path);
  if (first == "raw.php") {
    for (std::string_view query = parsed.query; !query.empty();) {
      std::size_t amp = query.find('&');
      std::string_view parameter = query.substr(0, amp);
      if (parameter.substr(0, 2) == "i=") key = parameter.substr(2);
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
  } else if (segments == 1) {
    key = first;
  } else if (segments == 2 && (first == "raw" || first == "dl" || first == "embed" ||
                               first == "embed_iframe" || first == "print" || first == "embed_js")) {
    key = path_segment(parsed.path, 1);
  }
  if (!is_paste_key(key)) return false;
  out.assign(pastebin_prefix);
  out.append(key);
  return true;
}

}  // namespace

namespace {

std::string canonicalize_url_once(std::string_view url) {
  url = trim(url);
  ParsedUrl parsed;
  if (!parse(url, parsed)) return std::string(url);

  std::string out;
  out.reserve(url.size() + 8);
  out.append(parsed.https ? "https://" : "http://");
  std::size_t host_start = out.size();
  append_host(parsed.host, out);
  std::string_view host(out.data() + host_start, out.size() - host_start);

  if (is_twitter_host(host)) {
    std::string_view path = parsed.path;
    // The pre-2012 hashbang form: https://twitter.com/#!/user/status/123
    if ((path.empty() || path == "/") && parsed.fragment.substr(0, 2) == "!/") path = parsed.fragment.substr(1);
    if (std::string_view id = twitter_status_id(path); !id.empty()) {
      std::string canonical(twitter_status_prefix);
      canonical.append(id);
      return canonical;
    }
    if (host == "x.com") {
      out.assign("https://twitter.com");
      host_start = 8;
    }
  } else if (is_fourchan_host(host)) {
    std::string canonical;
    if (append_fourchan_post_url(parsed, canonical)) return canonical;
    if (host == "boards.4channel.org") out.replace(host_start, host.size(), "boards.4chan.org");
  } else if (host == "pastebin.com") {
    std::string canonical;
    if (append_pastebin_url(parsed, canonical)) return canonical;
  }
  bool on_twitter = out.size() - host_start == 11 && std::string_view(out).substr(host_start) == "twitter.com";

  bool default_port = parsed.port.empty() || (parsed.https && parsed.port == "443") || (!parsed.https && parsed.port == "80");
  if (!default_port) {
    out.push_back(':');
    out.append(parsed.port);
  }
  if (!parsed.userinfo.empty()) {
    // Kept, because "https://bank.example@evil.example/" must not look like the bank's URL.
    std::string host_and_port = out.substr(host_start);
    out.resize(host_start);
    out.append(parsed.userinfo);
    out.push_back('@');
    out.append(host_and_port);
  }
  if (parsed.path.empty()) {
    out.push_back('/');
  } else {
    append_normalized_escapes(parsed.path, out);
  }
  append_query(parsed.query, on_twitter, out);
  return out;
}

}  // namespace

// The platform rules read the path as written; a second pass lets them see it with its escapes
// normalised ("pastebin.com:8080/a%4f" is the paste "aO"), so that the result is a fixed point.
std::string canonicalize_url(std::string_view url) {
  std::string once = canonicalize_url_once(url);
  if (once == trim(url)) return once;
  return canonicalize_url_once(once);
}

std::string_view url_host(std::string_view canonical_url) {
  std::size_t scheme_end = canonical_url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view rest = canonical_url.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    std::size_t close = authority.find(']');
    return close == std::string_view::npos ? authority : authority.substr(0, close + 1);
  }
  return authority.substr(0, authority.find(':'));
}

std::optional<CitedPost> cited_post(std::string_view canonical_url) {
  if (canonical_url.substr(0, twitter_status_prefix.size()) == twitter_status_prefix) {
    std::string_view id = canonical_url.substr(twitter_status_prefix.size());
    if (!all_digits(id)) return std::nullopt;
    return CitedPost{Platform::twitter, std::string(id), {}};
  }
  if (canonical_url.substr(0, fourchan_prefix.size()) == fourchan_prefix) {
    std::string_view rest = canonical_url.substr(fourchan_prefix.size());
    std::string_view fragment;
    if (std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
      fragment = rest.substr(hash + 1);
      rest = rest.substr(0, hash);
    }
    std::string_view board = path_segment(rest, 0);
    std::string_view kind = path_segment(rest, 1);
    std::string_view number = path_segment(rest, 2);
    if (!is_board(board) || (kind != "thread" && kind != "post") || !all_digits(number) ||
        path_segment_count(rest) != 3 || rest.back() == '/') {
      return std::nullopt;
    }
    if (!fragment.empty()) {
      std::string_view post = fourchan_fragment_post(fragment);
      if (post.empty() || kind != "thread") return std::nullopt;
      number = post;
    }
    return CitedPost{Platform::fourchan, std::string(board) + "/" + std::string(number), std::string(board)};
  }
  if (canonical_url.substr(0, pastebin_prefix.size()) == pastebin_prefix) {
    std::string_view key = canonical_url.substr(pastebin_prefix.size());
    if (!is_paste_key(key)) return std::nullopt;
    return CitedPost{Platform::pastebin, std::string(key), {}};
  }
  return std::nullopt;
}

}  // namespace leaktrace
