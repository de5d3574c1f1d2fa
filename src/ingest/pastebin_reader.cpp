#include "ingest/pastebin_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "ingest/json_location.h"
#include "ingest/url_extraction.h"

namespace leaktrace {

namespace ondemand = simdjson::ondemand;

namespace {

constexpr std::string_view paste_site = "pastebin.com";
constexpr std::int64_t ms_per_second = 1000;

std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t')) {
    token.remove_suffix(1);
  }
  return token;
}

// Text of a string or number field ("date": "1502114403" or 1502114403).
simdjson::error_code read_text(ondemand::value value, std::string_view& out) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  out = {};
  if (type == ondemand::json_type::string) return value.get_string().get(out);
  if (type == ondemand::json_type::number) out = trim_token(value.raw_json_token());
  return simdjson::SUCCESS;
}

struct RawPaste {
  std::string_view key;
  std::string_view date;
  std::string_view title;
  std::string_view user;
  std::string_view content;
  bool has_content = false;
};

simdjson::error_code read_raw_paste(ondemand::object object, RawPaste& paste) {
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    ondemand::value value;
    if (auto error = field.value().get(value)) return error;
    simdjson::error_code error = simdjson::SUCCESS;
    if (key == "key") {
      error = read_text(value, paste.key);
    } else if (key == "date") {
      error = read_text(value, paste.date);
    } else if (key == "title") {
      error = read_text(value, paste.title);
    } else if (key == "user") {
      error = read_text(value, paste.user);
    } else if (key == "content") {
      error = read_text(value, paste.content);
      paste.has_content = true;
    }
    if (error) return error;
  }
  return simdjson::SUCCESS;
}

}  // namespace

struct PastebinReader::State {
  ondemand::parser parser;
  std::vector<std::string_view> urls;
};

namespace {

class PasteParser {
 public:
  PasteParser(std::vector<std::string_view>& urls, std::string_view json, std::uint64_t first_line, RecordBatch& out)
      : urls_(urls), lines_(json, first_line), first_line_(first_line), out_(out) {}

  simdjson::error_code run(ondemand::document& document) {
    ondemand::json_type type;
    simdjson::error_code error = document.type().get(type);
    if (!error && type == ondemand::json_type::object) {
      ondemand::value root;
      error = document.get_value().get(root);
      if (!error) error = read_paste(root);
    } else if (!error && type == ondemand::json_type::array) {
      ondemand::array records;
      error = document.get_array().get(records);
      if (!error) {
        for (auto element : records) {
          ondemand::value value;
          if ((error = element.get(value))) break;
          if ((error = read_paste(value))) break;
        }
      }
    } else if (!error) {
      out_.rejections.push_back(Rejection{first_line_, "pastebin: expected a scraping-API record (a JSON object) or an array of them"});
      return simdjson::SUCCESS;
    }
    if (error) {
      out_.rejections.push_back(Rejection{last_line_, std::string("pastebin: invalid JSON (") + simdjson::error_message(error) +
                                                          "); the records before this line were kept"});
      return error;
    }
    // current_location() answers only while the document has tokens left.
    if (const char* rest = nullptr; !document.current_location().get(rest)) {
      out_.rejections.push_back(Rejection{lines_.line_at(rest), "pastebin: text after the end of the JSON document"});
    }
    return simdjson::SUCCESS;
  }

 private:
  simdjson::error_code read_paste(ondemand::value value) {
    std::uint64_t line = lines_.line_at(value.raw_json_token().data());
    last_line_ = line;
    ondemand::json_type type;
    if (auto error = value.type().get(type)) return error;
    if (type != ondemand::json_type::object) {
      out_.rejections.push_back(Rejection{line, "pastebin: a record must be a JSON object"});
      return simdjson::SUCCESS;
    }
    ondemand::object object;
    if (auto error = value.get_object().get(object)) return error;
    RawPaste raw;
    if (auto error = read_raw_paste(object, raw)) return error;
    add_paste(raw, line);
    return simdjson::SUCCESS;
  }

  // An anonymous paste gets an account of its own ("paste:KEY"): nothing ties two of them together.
  void add_paste(const RawPaste& raw, std::uint64_t line) {
    if (raw.key.empty()) {
      out_.rejections.push_back(Rejection{line, "pastebin: record without a paste key (\"key\")"});
      return;
    }
    Post post;
    post.platform = Platform::pastebin;
    post.id = raw.key;
    post.author_id = raw.user.empty() ? "paste:" + std::string(raw.key) : std::string(raw.user);
    std::int64_t seconds = 0;
    auto [end, error] = std::from_chars(raw.date.data(), raw.date.data() + raw.date.size(), seconds);
    if (error == std::errc() && end != raw.date.data()) post.created_at = seconds * ms_per_second;
    post.kind = PostKind::original;
    post.channel = paste_site;
    post.text = raw.title;
    if (raw.has_content && !raw.content.empty()) {
      if (!post.text.empty()) post.text.append("\n\n");
      post.text.append(raw.content);
    }
    post.provenance.line = line;
    urls_.clear();
    find_urls(post.text, urls_);
    for (std::string_view url : urls_) {
      bool seen = false;
      for (const PostUrl& existing : post.urls) seen = seen || existing.expanded == url;
      if (!seen) post.urls.push_back(PostUrl{std::string(url), {}, std::nullopt});
    }

    Account account;
    account.platform = Platform::pastebin;
    account.id = post.author_id;
    account.handle = raw.user;
    account.display_name = raw.user;
    account.observed_at = post.created_at;
    out_.posts.push_back(std::move(post));
    out_.accounts.push_back(std::move(account));
  }

  std::vector<std::string_view>& urls_;
  JsonLineTracker lines_;
  std::uint64_t first_line_;
  std::uint64_t last_line_ = first_line_;
  RecordBatch& out_;
};

}  // namespace

PastebinReader::PastebinReader() : state_(std::make_unique<State>()) {}

PastebinReader::~PastebinReader() = default;

Format PastebinReader::format() const { return Format::pastebin; }

namespace {

// An array of records cut short (an interrupted download) would lose every record, because
// simdjson refuses a document whose brackets do not close: this returns the text up to the last
// complete record with the closing ']', or nothing when there is none.
std::string close_truncated_array(std::string_view json) {
  std::size_t depth = 0;
  std::size_t cut = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return {};
      --depth;
      if (depth == 0) {
        bool trailing = json.find_first_not_of(" \t\r\n", i + 1) != std::string_view::npos;
        return trailing ? std::string(json.substr(0, i + 1)) : std::string();
      }
      if (depth == 1 && c == '}') cut = i + 1;
    }
  }
  if (cut == 0 || json.find_first_not_of(" \t\r\n") == std::string_view::npos ||
      json[json.find_first_not_of(" \t\r\n")] != '[') {
    return {};
  }
  std::string repaired(json.substr(0, cut));
  repaired.push_back(']');
  return repaired;
}

simdjson::error_code parse_pastes(ondemand::parser& parser, std::vector<std::string_view>& urls, std::string_view json,
                                  std::uint64_t first_line, RecordBatch& out) {
  simdjson::padded_string_view padded(json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING);
  ondemand::document document;
  if (auto error = parser.iterate(padded).get(document)) {
    out.rejections.push_back(Rejection{first_line, std::string("pastebin: invalid JSON (") + simdjson::error_message(error) + ")"});
    return error;
  }
  PasteParser paste_parser(urls, json, first_line, out);
  return paste_parser.run(document);
}

}  // namespace

void PastebinReader::read(std::string_view json, std::uint64_t first_line, RecordBatch& out) {
  std::size_t posts_before = out.posts.size();
  std::size_t rejections_before = out.rejections.size();
  simdjson::error_code error = parse_pastes(state_->parser, state_->urls, json, first_line, out);
  if (!error || out.posts.size() != posts_before) return;
  std::string repaired = close_truncated_array(json);
  if (repaired.empty()) return;
  std::size_t kept_length = repaired.size() - (repaired.back() == ']' ? 1 : 0);
  std::uint64_t damage_line = first_line + static_cast<std::uint64_t>(std::count(json.begin(), json.begin() + kept_length, '\n'));
  std::size_t repaired_length = repaired.size();
  repaired.append(simdjson::SIMDJSON_PADDING, '\0');
  out.rejections.resize(rejections_before);
  parse_pastes(state_->parser, state_->urls, std::string_view(repaired.data(), repaired_length), first_line, out);
  out.rejections.push_back(Rejection{damage_line, std::string("pastebin: the file is cut short or damaged after this line (") +
                                                      simdjson::error_message(error) + "); the " +
                                                      std::to_string(out.posts.size() - posts_before) +
                                                      " complete records before it were kept"});
}

}  // namespace leaktrace
