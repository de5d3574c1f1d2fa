#include "ingest/fourchan_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "ingest/html_text.h"
#include "ingest/json_location.h"
#include "ingest/url_extraction.h"

namespace leaktrace {

namespace ondemand = simdjson::ondemand;

namespace {

constexpr std::string_view fourchan_origin = "https://boards.4chan.org";
constexpr std::int64_t ms_per_second = 1000;
// A FoolFuuka answer nests posts at most this deep: {"THREAD": {"posts": {"NO": {...}}}}.
constexpr int max_container_depth = 2;

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t')) {
    token.remove_suffix(1);
  }
  return token;
}

// One post as the export wrote it; views point into the parser's buffers and live until the next
// document.
struct RawPost {
  std::uint64_t line = 0;
  bool official = false;              // has "no" (4chan API); else FoolFuuka ("num")
  std::string_view number;            // no / num
  std::string_view subnumber;         // FoolFuuka ghost posts ("1" for 123,1)
  std::string_view thread;            // resto / thread_num; "0" for an OP on the 4chan API
  std::optional<bool> op;             // FoolFuuka "op"
  std::optional<std::int64_t> time;   // seconds
  std::string_view name;
  std::string_view trip;
  std::string_view poster_id;         // id / poster_hash
  std::string_view subject;           // sub / title
  std::string_view comment_html;      // com / comment_processed
  std::string_view comment_plain;     // FoolFuuka comment
  bool has_comment_plain = false;
  std::string_view board;             // FoolFuuka board.shortname
};

// Text of a string or number field: FoolFuuka writes numbers as strings, some mirrors the reverse.
simdjson::error_code read_text(ondemand::value value, std::string_view& out) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  out = {};
  switch (type) {
    case ondemand::json_type::string: return value.get_string().get(out);
    case ondemand::json_type::number: out = trim_token(value.raw_json_token()); return simdjson::SUCCESS;
    case ondemand::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return error;
      out = flag ? "1" : "0";
      return simdjson::SUCCESS;
    }
    default: return simdjson::SUCCESS;  // null, object, array: no text
  }
}

std::optional<std::int64_t> to_integer(std::string_view text) {
  std::int64_t value = 0;
  // A float ("1534967426.5") keeps its integer part.
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

// A number written without sign, leading zeros or fraction, as a native id wants it.
std::string_view normalized_number(std::string_view text) {
  if (!all_digits(text)) return {};
  while (text.size() > 1 && text.front() == '0') text.remove_prefix(1);
  return text;
}

simdjson::error_code read_board(ondemand::value value, std::string_view& board) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  if (type == ondemand::json_type::string) return value.get_string().get(board);
  if (type != ondemand::json_type::object) return simdjson::SUCCESS;
  ondemand::object object;
  if (auto error = value.get_object().get(object)) return error;
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (key == "shortname") return read_text(field.value(), board);
  }
  return simdjson::SUCCESS;
}

simdjson::error_code read_raw_post(ondemand::object object, RawPost& post) {
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    ondemand::value value;
    if (auto error = field.value().get(value)) return error;
    std::string_view text;
    simdjson::error_code error = simdjson::SUCCESS;
    if (key == "no") {
      post.official = true;
      error = read_text(value, post.number);
    } else if (key == "num") {
      error = read_text(value, post.number);
    } else if (key == "subnum") {
      error = read_text(value, post.subnumber);
    } else if (key == "resto" || key == "thread_num") {
      error = read_text(value, post.thread);
    } else if (key == "op") {
      error = read_text(value, text);
      if (!text.empty()) post.op = text != "0" && text != "false";
    } else if (key == "time" || key == "timestamp") {
      error = read_text(value, text);
      post.time = to_integer(text);
    } else if (key == "name") {
      error = read_text(value, post.name);
    } else if (key == "trip") {
      error = read_text(value, post.trip);
    } else if (key == "id" || key == "poster_hash") {
      error = read_text(value, post.poster_id);
    } else if (key == "sub" || key == "title") {
      error = read_text(value, post.subject);
    } else if (key == "com" || key == "comment_processed") {
      if (post.comment_html.empty()) error = read_text(value, post.comment_html);
    } else if (key == "comment") {
      error = read_text(value, post.comment_plain);
      post.has_comment_plain = true;
    } else if (key == "board") {
      error = read_board(value, post.board);
    }
    if (error) return error;
  }
  return simdjson::SUCCESS;
}

void add_url(std::string url, Post& post) {
  for (const PostUrl& existing : post.urls) {
    if (existing.expanded == url) return;
  }
  post.urls.push_back(PostUrl{std::move(url), {}, std::nullopt});
}

// Absolute form of an href in a 4chan comment; empty for same-page links ("#p123").
std::string resolve_href(std::string_view href) {
  if (href.substr(0, 2) == "//") return "https:" + std::string(href);
  if (href.substr(0, 1) == "/") return std::string(fourchan_origin) + std::string(href);
  if (href.substr(0, 7) == "http://" || href.substr(0, 8) == "https://") return std::string(href);
  return {};
}

bool is_same_board_quote(std::string_view link_text) {
  return link_text.substr(0, 2) == ">>" && link_text.substr(0, 3) != ">>>";
}

// Post numbers quoted with ">>N" (not ">>>/board/N", which names another board), in order.
void find_quotes(std::string_view text, std::vector<std::string_view>& quotes) {
  for (std::size_t i = text.find(">>"); i != std::string_view::npos; i = text.find(">>", i + 2)) {
    if (i > 0 && (text[i - 1] == '>' || is_ascii_alnum(text[i - 1]))) continue;
    std::size_t end = i + 2;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    if (end > i + 2) quotes.push_back(text.substr(i + 2, end - i - 2));
  }
}

// ">>>/pol/123" and ">>>/pol/" written as text (FoolFuuka's plain comment, dead links).
void add_cross_board_links(std::string_view text, const HtmlText& html, Post& post) {
  constexpr std::string_view marker = ">>>/";
  for (std::size_t i = text.find(marker); i != std::string_view::npos; i = text.find(marker, i + marker.size())) {
    std::size_t board_end = i + marker.size();
    while (board_end < text.size() && is_ascii_alnum(text[board_end])) ++board_end;
    if (board_end == i + marker.size() || board_end >= text.size() || text[board_end] != '/') continue;
    std::size_t number_end = board_end + 1;
    while (number_end < text.size() && is_ascii_digit(text[number_end])) ++number_end;
    std::string_view reference = text.substr(i, number_end - i);
    bool linked = std::any_of(html.links.begin(), html.links.end(),
                              [&](const HtmlLink& link) { return link.text == reference; });
    if (linked) continue;
    std::string_view board = text.substr(i + marker.size(), board_end - i - marker.size());
    std::string_view number = text.substr(board_end + 1, number_end - board_end - 1);
    std::string url(fourchan_origin);
    url.push_back('/');
    url.append(board);
    url.push_back('/');
    if (!number.empty()) {
      // The thread is not written, so the post gets the archive-style /BOARD/post/NO form, which
      // canonicalize_url keeps and cited_post understands.
      url.append("post/");
      url.append(number);
    }
    add_url(std::move(url), post);
  }
}

}  // namespace

struct FourchanReader::State {
  ReaderOptions options;
  ondemand::parser parser;
  HtmlText html;
  std::vector<std::string_view> found;
};

namespace {

class ThreadParser {
 public:
  ThreadParser(const std::string& default_board, HtmlText& html, std::vector<std::string_view>& found,
               std::string_view json, std::uint64_t first_line, RecordBatch& out)
      : default_board_(default_board), html_(html), found_(found), lines_(json, first_line),
        first_line_(first_line), out_(out) {}

  simdjson::error_code run(ondemand::document& document);

 private:
  simdjson::error_code read_container(ondemand::object object, std::string_view thread, int depth, bool& recognised);
  simdjson::error_code read_post_array(ondemand::array array, std::string_view thread);
  simdjson::error_code read_post_map(ondemand::object object, std::string_view thread);
  simdjson::error_code read_post(ondemand::value value, std::string_view thread);
  void add_post(const RawPost& raw, std::string_view context_thread);
  void reject(std::uint64_t line, std::string reason) { out_.rejections.push_back(Rejection{line, std::move(reason)}); }

  const std::string& default_board_;
  HtmlText& html_;
  std::vector<std::string_view>& found_;
  JsonLineTracker lines_;
  std::uint64_t first_line_;
  std::uint64_t last_line_ = first_line_;
  RecordBatch& out_;
};

simdjson::error_code ThreadParser::run(ondemand::document& document) {
  ondemand::json_type type;
  simdjson::error_code error = document.type().get(type);
  bool recognised = false;
  if (!error && type == ondemand::json_type::object) {
    ondemand::object root;
    error = document.get_object().get(root);
    if (!error) error = read_container(root, {}, 0, recognised);
  } else if (!error && type == ondemand::json_type::array) {
    // A bare list of posts, as some scrapers save a thread.
    ondemand::array posts;
    error = document.get_array().get(posts);
    if (!error) error = read_post_array(posts, {});
    recognised = true;
  }
  if (error) {
    reject(last_line_, std::string("4chan: invalid JSON (") + simdjson::error_message(error) +
                           "); the posts before this line were kept");
    return error;
  }
  if (!recognised) {
    reject(first_line_, "4chan: not a thread: expected {\"posts\": [...]} from the 4chan API or "
                        "{\"THREAD\": {\"op\": {...}, \"posts\": {...}}} from a FoolFuuka archive");
    return simdjson::SUCCESS;
  }
  // current_location() answers only while the document has tokens left.
  if (const char* rest = nullptr; !document.current_location().get(rest)) {
    reject(lines_.line_at(rest), "4chan: text after the end of the JSON document");
  }
  return simdjson::SUCCESS;
}

// A whole thread cut short (an interrupted download) would lose every post, because simdjson
// refuses a document whose brackets do not close. This returns the text up to the end of the last
// complete post (an object with its own "no" or "num" key) followed by the brackets that close
// it, or nothing when the text has no complete post or is not cut short.
std::string close_truncated_thread(std::string_view json) {
  struct Open {
    char closer;
    bool post;
  };
  std::vector<Open> stack;
  std::size_t cut = 0;
  std::string closers;
  std::size_t string_start = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        std::string_view content = json.substr(string_start + 1, i - string_start - 1);
        std::size_t next = json.find_first_not_of(" \t\r\n", i + 1);
        if ((content == "no" || content == "num") && next != std::string_view::npos && json[next] == ':' &&
            !stack.empty() && stack.back().closer == '}') {
          stack.back().post = true;
        }
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      string_start = i;
    } else if (c == '{' || c == '[') {
      stack.push_back(Open{c == '{' ? '}' : ']', false});
    } else if (c == '}' || c == ']') {
      if (stack.empty() || stack.back().closer != c) return {};
      bool post = stack.back().post;
      stack.pop_back();
      if (stack.empty()) {
        // A complete document followed by text: keep the document, the caller reports the rest.
        bool trailing = json.find_first_not_of(" \t\r\n", i + 1) != std::string_view::npos;
        return trailing ? std::string(json.substr(0, i + 1)) : std::string();
      }
      if (post) {
        cut = i + 1;
        closers.clear();
        for (auto open = stack.rbegin(); open != stack.rend(); ++open) closers.push_back(open->closer);
      }
    }
  }
  if (cut == 0) return {};
  std::string repaired(json.substr(0, cut));
  repaired.append(closers);
  return repaired;
}

// The root of a 4chan API thread, a FoolFuuka answer, or one of its threads.
simdjson::error_code ThreadParser::read_container(ondemand::object object, std::string_view thread, int depth,
                                                  bool& recognised) {
  bool single_post = false;
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (key == "no" || key == "num") {
      single_post = true;  // a FoolFuuka /post/ answer: the root is the post itself
      break;
    }
    ondemand::value value;
    if (auto error = field.value().get(value)) return error;
    ondemand::json_type type;
    if (auto error = value.type().get(type)) return error;
    simdjson::error_code error = simdjson::SUCCESS;
    if (key == "posts" && type == ondemand::json_type::array) {
      ondemand::array posts;
      error = value.get_array().get(posts);
      if (!error) error = read_post_array(posts, thread);
      recognised = true;
    } else if (key == "posts" && type == ondemand::json_type::object) {
      ondemand::object posts;
      error = value.get_object().get(posts);
      if (!error) error = read_post_map(posts, thread);
      recognised = true;
    } else if (key == "op" && type == ondemand::json_type::object) {
      error = read_post(value, thread);
      recognised = true;
    } else if (key == "error" && type == ondemand::json_type::string) {
      std::string_view message;
      error = value.get_string().get(message);
      if (!error) reject(lines_.line_at(message.data()), "4chan archive answered with an error: " + std::string(message));
      recognised = true;
    } else if (all_digits(key) && type == ondemand::json_type::object && depth < max_container_depth) {
      std::string thread_number(key);  // the key view dies with the next field
      ondemand::object inner;
      error = value.get_object().get(inner);
      if (!error) error = read_container(inner, thread_number, depth + 1, recognised);
    }
    if (error) return error;
  }
  if (!single_post) return simdjson::SUCCESS;
  recognised = true;
  if (auto error = object.reset().error()) return error;
  RawPost raw;
  raw.line = last_line_;
  if (auto error = read_raw_post(object, raw)) return error;
  add_post(raw, thread);
  return simdjson::SUCCESS;
}

simdjson::error_code ThreadParser::read_post_array(ondemand::array array, std::string_view thread) {
  for (auto element : array) {
    ondemand::value value;
    if (auto error = element.get(value)) return error;
    if (auto error = read_post(value, thread)) return error;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code ThreadParser::read_post_map(ondemand::object object, std::string_view thread) {
  for (auto field : object) {
    ondemand::value value;
    if (auto error = field.value().get(value)) return error;
    if (auto error = read_post(value, thread)) return error;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code ThreadParser::read_post(ondemand::value value, std::string_view thread) {
  std::uint64_t line = lines_.line_at(value.raw_json_token().data());
  last_line_ = line;
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  if (type != ondemand::json_type::object) {
    reject(line, "4chan: a post must be a JSON object");
    return simdjson::SUCCESS;
  }
  ondemand::object object;
  if (auto error = value.get_object().get(object)) return error;
  RawPost raw;
  raw.line = line;
  if (auto error = read_raw_post(object, raw)) return error;
  add_post(raw, thread);
  return simdjson::SUCCESS;
}

// Kinds: a post that quotes another post (">>N") answers it: reply, parent N (the first quoted).
// A post that quotes none answers the thread: reply, parent the OP; the OP itself is the
// original. An OP that quotes a post (a general's "previous thread: >>N") is a reply to it.
//
// Accounts: 4chan is anonymous, so the key is the strongest identity the post shows: its tripcode
// ("!Ep8pui8Vw2", "!!secure", the same on every board), else the poster ID that some boards give
// per thread ("pol/THREAD:ID"), else one anonymous account per thread ("thread:pol/THREAD"). Post,
// thread and parent ids carry the board ("pol/123") when it is known, since numbers count per board.
void ThreadParser::add_post(const RawPost& raw, std::string_view context_thread) {
  std::string_view number = normalized_number(raw.number);
  if (number.empty()) {
    reject(raw.line, "4chan: post without a post number (\"no\" or \"num\")");
    return;
  }
  Post post;
  post.platform = Platform::fourchan;
  post.channel = !raw.board.empty() ? std::string(raw.board) : default_board_;
  // Post numbers count per board: the id carries the board when it is known ("pol/123").
  std::string board_prefix = post.channel.empty() ? std::string{} : post.channel + "/";
  post.id = board_prefix;
  post.id.append(number);
  std::string_view subnumber = normalized_number(raw.subnumber);
  if (!subnumber.empty() && subnumber != "0") {
    post.id.push_back('_');  // FoolFuuka writes ghost post 123,1 as 123_1 in its URLs
    post.id.append(subnumber);
  }
  std::string_view own_thread = normalized_number(raw.thread);  // "0" on an OP of the 4chan API
  std::string_view outer_thread = normalized_number(context_thread);
  bool is_op = true;  // with no thread number anywhere, the post is a thread of its own
  if (raw.op) {
    is_op = *raw.op;
  } else if (!own_thread.empty()) {
    is_op = own_thread == "0" || own_thread == number;
  } else if (!outer_thread.empty()) {
    is_op = outer_thread == number;
  }
  std::string_view thread = !own_thread.empty() && own_thread != "0" ? own_thread : outer_thread;
  if (is_op || thread.empty() || thread == "0") thread = number;
  post.conversation_id = board_prefix + std::string(thread);
  if (raw.time) post.created_at = *raw.time * ms_per_second;
  post.provenance.line = raw.line;

  // Text: the subject, a blank line, the comment.
  HtmlText& html = html_;
  html.clear();
  if (!raw.subject.empty()) {
    if (raw.official) {
      append_html_unescaped(raw.subject, post.text);
    } else {
      post.text = raw.subject;
    }
  }
  std::string_view comment;
  if (raw.has_comment_plain) {
    comment = raw.comment_plain;
  } else if (!raw.comment_html.empty()) {
    html_to_text(raw.comment_html, html);
    comment = html.text;
  }
  if (!comment.empty()) {
    if (!post.text.empty()) post.text.append("\n\n");
    post.text.append(comment);
  }

  std::vector<std::string_view>& found = found_;
  found.clear();
  find_quotes(comment, found);
  auto quoted = std::find_if(found.begin(), found.end(), [&](std::string_view n) {
    return normalized_number(n) != number;
  });
  if (quoted != found.end()) {
    post.kind = PostKind::reply;
    post.parent_id = board_prefix + std::string(normalized_number(*quoted));
  } else if (!is_op && thread != number) {
    post.kind = PostKind::reply;
    post.parent_id = board_prefix + std::string(thread);
  }
  post.reply_to_id = post.parent_id;

  for (const HtmlLink& link : html.links) {
    if (is_same_board_quote(link.text)) continue;  // a parent, not a citation
    std::string url = resolve_href(link.href);
    if (!url.empty()) add_url(std::move(url), post);
  }
  add_cross_board_links(comment, html, post);
  found.clear();
  find_urls(post.text, found);
  for (std::string_view url : found) add_url(std::string(url), post);

  Account account;
  account.platform = Platform::fourchan;
  std::string name;
  if (raw.official) {
    append_html_unescaped(raw.name, name);
  } else {
    name = raw.name;
  }
  if (!raw.trip.empty()) {
    account.id = raw.trip;
  } else if (!raw.poster_id.empty()) {
    account.id.append(board_prefix).append(thread).append(":").append(raw.poster_id);
  } else {
    account.id.append("thread:").append(board_prefix).append(thread);
  }
  account.handle = name + std::string(raw.trip);
  account.display_name = std::move(name);
  account.observed_at = post.created_at;
  post.author_id = account.id;

  out_.posts.push_back(std::move(post));
  out_.accounts.push_back(std::move(account));
}

}  // namespace

FourchanReader::FourchanReader(const ReaderOptions& options) : state_(std::make_unique<State>()) {
  state_->options = options;
}

FourchanReader::~FourchanReader() = default;

Format FourchanReader::format() const { return Format::fourchan; }

namespace {

simdjson::error_code parse_thread(ondemand::parser& parser, const std::string& board, HtmlText& html,
                                  std::vector<std::string_view>& found, std::string_view json,
                                  std::uint64_t first_line, RecordBatch& out);

}  // namespace

void FourchanReader::read(std::string_view json, std::uint64_t first_line, RecordBatch& out) {
  std::size_t posts_before = out.posts.size();
  std::size_t rejections_before = out.rejections.size();
  simdjson::error_code error = parse_thread(state_->parser, state_->options.board, state_->html, state_->found, json, first_line, out);
  if (!error || out.posts.size() != posts_before) return;
  std::string repaired = close_truncated_thread(json);
  if (repaired.empty()) return;
  std::size_t kept_length = repaired.size();
  while (kept_length > 0 && (repaired[kept_length - 1] == '}' || repaired[kept_length - 1] == ']')) --kept_length;
  std::uint64_t damage_line = first_line + static_cast<std::uint64_t>(std::count(json.begin(), json.begin() + kept_length, '\n'));
  std::size_t repaired_length = repaired.size();
  repaired.append(simdjson::SIMDJSON_PADDING, '\0');
  out.rejections.resize(rejections_before);
  parse_thread(state_->parser, state_->options.board, state_->html, state_->found,
               std::string_view(repaired.data(), repaired_length), first_line, out);
  out.rejections.push_back(Rejection{damage_line, std::string("4chan: the thread is cut short or damaged after this line (") +
                                                      simdjson::error_message(error) + "); the " +
                                                      std::to_string(out.posts.size() - posts_before) +
                                                      " complete posts before it were kept"});
}

namespace {

simdjson::error_code parse_thread(ondemand::parser& parser, const std::string& board, HtmlText& html,
                                  std::vector<std::string_view>& found, std::string_view json,
                                  std::uint64_t first_line, RecordBatch& out) {
  simdjson::padded_string_view padded(json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING);
  ondemand::document document;
  if (auto error = parser.iterate(padded).get(document)) {
    out.rejections.push_back(Rejection{first_line, std::string("4chan: invalid JSON (") + simdjson::error_message(error) + ")"});
    return error;
  }
  ThreadParser thread_parser(board, html, found, json, first_line, out);
  return thread_parser.run(document);
}

}  // namespace

}  // namespace leaktrace
