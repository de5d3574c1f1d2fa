#include "analysis/subject.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <re2/re2.h>

#include "ingest/hashtag.h"

namespace leaktrace {
namespace {

constexpr std::string_view subject_help =
    "write a subject as #tag, url:PREFIX, domain:example.org, text:/regex/, post:PLATFORM:ID or from:@handle, "
    "several joined by ','";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "https://www.Example.org/a" and "example.org/a" compare as "example.org/a".
std::string url_comparable(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (lower_ascii(url.substr(0, scheme.size())) == scheme) {
      url.remove_prefix(scheme.size());
      break;
    }
  }
  std::size_t host_end = std::min(url.find('/'), url.size());
  std::string out = lower_ascii(url.substr(0, host_end));
  if (starts_with(out, "www.")) out.erase(0, 4);
  out.append(url.substr(host_end));
  return out;
}

// Splits on commas that are not inside a text:/.../ regex.
std::vector<std::string_view> split_terms(std::string_view text) {
  std::vector<std::string_view> terms;
  std::size_t start = 0;
  bool in_regex = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!in_regex && starts_with(text.substr(i), "text:/")) {
      in_regex = true;
      i += 5;
      continue;
    }
    if (in_regex && text[i] == '\\') {
      ++i;
      continue;
    }
    if (in_regex && text[i] == '/') {
      in_regex = false;
      continue;
    }
    if (!in_regex && text[i] == ',') {
      terms.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  terms.push_back(text.substr(start));
  return terms;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Subject::Term parse_term(std::string_view term) {
  using Kind = Subject::Kind;
  if (starts_with(term, "#")) {
    if (term.size() == 1) throw SubjectError(fmt::format("subject '#' names no hashtag; {}", subject_help));
    return {Kind::hashtag, fold_hashtag(term.substr(1))};
  }
  if (starts_with(term, "url:")) {
    std::string_view prefix = term.substr(4);
    if (prefix.empty()) throw SubjectError(fmt::format("subject 'url:' has no URL; {}", subject_help));
    return {Kind::url_prefix, url_comparable(prefix)};
  }
  if (starts_with(term, "domain:")) {
    std::string domain = lower_ascii(term.substr(7));
    if (starts_with(domain, "www.")) domain.erase(0, 4);
    if (domain.empty()) throw SubjectError(fmt::format("subject 'domain:' has no domain; {}", subject_help));
    return {Kind::domain, domain};
  }
  if (starts_with(term, "text:")) {
    std::string_view body = term.substr(5);
    bool ignore_case = false;
    if (body.size() >= 2 && body.back() == 'i' && body[body.size() - 2] == '/') {
      ignore_case = true;
      body.remove_suffix(1);
    }
    if (body.size() < 2 || body.front() != '/' || body.back() != '/') {
      throw SubjectError(
          fmt::format("subject '{}': a text subject is a regex between slashes, e.g. text:/en.?marche/i", term));
    }
    std::string pattern(body.substr(1, body.size() - 2));
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!ignore_case);
    RE2 check(pattern, options);
    if (!check.ok()) throw SubjectError(fmt::format("subject '{}': bad regex: {}", term, check.error()));
    Subject::Term t{Kind::text, std::move(pattern)};
    t.ignore_case = ignore_case;
    return t;
  }
  if (starts_with(term, "post:")) {
    std::string_view rest = term.substr(5);
    std::size_t colon = rest.find(':');
    auto platform = colon == std::string_view::npos ? std::nullopt : platform_from_name(rest.substr(0, colon));
    if (!platform || colon + 1 >= rest.size()) {
      throw SubjectError(fmt::format(
          "subject '{}': write a post as post:PLATFORM:ID, e.g. post:twitter:860567016698806272 or post:4chan:pol/124245377",
          term));
    }
    Subject::Term t{Kind::post, std::string(rest.substr(colon + 1))};
    t.platform = *platform;
    return t;
  }
  if (starts_with(term, "from:")) {
    std::string_view handle = term.substr(5);
    if (starts_with(handle, "@")) handle.remove_prefix(1);
    if (handle.empty()) throw SubjectError(fmt::format("subject 'from:' names no account; {}", subject_help));
    return {Kind::from, lower_ascii(handle)};
  }
  throw SubjectError(fmt::format("subject '{}' is not understood; {}", term, subject_help));
}

}  // namespace

Subject Subject::parse(std::string_view text) {
  Subject subject;
  subject.text_ = std::string(trim(text));
  if (subject.text_.empty()) return subject;
  for (std::string_view term : split_terms(subject.text_)) {
    term = trim(term);
    if (term.empty()) throw SubjectError(fmt::format("subject '{}' has an empty term; {}", text, subject_help));
    subject.terms_.push_back(parse_term(term));
  }
  return subject;
}

bool Subject::looks_like_subject(std::string_view text) {
  for (std::string_view prefix : {"#", "url:", "domain:", "text:", "post:", "from:"}) {
    if (starts_with(text, prefix)) return true;
  }
  return false;
}

bool Subject::needs_text() const {
  return std::any_of(terms_.begin(), terms_.end(), [](const Term& t) { return t.kind == Kind::text; });
}

SubjectMatch::SubjectMatch(const Dataset& dataset, Subject subject) : dataset_(dataset), subject_(std::move(subject)) {
  if (subject_.needs_text() && !dataset_.has_text()) {
    throw SubjectError(fmt::format("subject '{}' reads post texts, but the dataset was loaded without them",
                                   subject_.text()));
  }
}

std::vector<bool> SubjectMatch::direct_matches() const {
  const Dataset& d = dataset_;
  const std::size_t posts = d.post_count();
  std::vector<bool> match(posts, subject_.whole_dataset());
  if (subject_.whole_dataset()) return match;

  for (const Subject::Term& term : subject_.terms()) {
    switch (term.kind) {
      case Subject::Kind::hashtag: {
        auto tag = d.find_hashtag(term.value);
        if (!tag) break;
        for (std::uint32_t p = 0; p < posts; ++p) {
          for (std::uint32_t h : d.post_hashtags(p)) {
            if (h == *tag) match[p] = true;
          }
        }
        break;
      }
      case Subject::Kind::url_prefix:
      case Subject::Kind::domain: {
        std::vector<bool> url_matches(d.url_count(), false);
        for (std::uint32_t u = 0; u < d.url_count(); ++u) {
          if (term.kind == Subject::Kind::domain) {
            std::string host = lower_ascii(d.url_host(u));
            if (starts_with(host, "www.")) host.erase(0, 4);
            url_matches[u] = host == term.value ||
                             (host.size() > term.value.size() && host.ends_with(term.value) &&
                              host[host.size() - term.value.size() - 1] == '.');
          } else {
            url_matches[u] = starts_with(url_comparable(d.url_canonical(u)), term.value) ||
                             starts_with(url_comparable(d.url_expanded(u)), term.value);
          }
        }
        for (std::uint32_t p = 0; p < posts; ++p) {
          for (std::uint32_t u : d.post_urls(p)) {
            if (url_matches[u]) match[p] = true;
          }
        }
        break;
      }
      case Subject::Kind::text: {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_case_sensitive(!term.ignore_case);
        RE2 regex(term.value, options);
        for (std::uint32_t p = 0; p < posts; ++p) {
          if (!match[p] && RE2::PartialMatch(d.post_text(p), regex)) match[p] = true;
        }
        break;
      }
      case Subject::Kind::post: {
        if (auto post = d.find_post(term.platform, term.value)) match[*post] = true;
        break;
      }
      case Subject::Kind::from: {
        std::vector<bool> authors(d.account_count(), false);
        for (std::uint32_t a = 0; a < d.account_count(); ++a) {
          authors[a] = lower_ascii(d.account_handle(a)) == term.value;
        }
        for (std::uint32_t p = 0; p < posts; ++p) {
          if (authors[d.post_author(p)]) match[p] = true;
        }
        break;
      }
    }
  }
  return match;
}

void SubjectMatch::run() {
  const Dataset& d = dataset_;
  const std::vector<bool> direct = direct_matches();
  enum : std::uint8_t { unknown, yes, no };
  std::vector<std::uint8_t> state(d.post_count(), unknown);
  std::vector<std::uint32_t> chain;
  for (std::uint32_t p = 0; p < d.post_count(); ++p) {
    // Walks up the reposts and quotes until a post whose answer is known.
    chain.clear();
    std::uint32_t at = p;
    std::uint8_t answer = no;
    while (true) {
      if (state[at] != unknown) {
        answer = state[at];
        break;
      }
      if (direct[at]) {
        answer = yes;
        break;
      }
      chain.push_back(at);
      PostKind kind = d.post_kind(at);
      std::uint32_t parent = d.post_parent(at);
      if ((kind != PostKind::repost && kind != PostKind::quote) || parent == no_index || chain.size() > 1000) {
        answer = no;
        break;
      }
      at = parent;
    }
    if (state[at] == unknown) state[at] = answer;
    for (std::uint32_t c : chain) state[c] = answer;
  }
  shares_.assign(d.post_count(), false);
  for (std::uint32_t p = 0; p < d.post_count(); ++p) shares_[p] = state[p] == yes;
  posts_.clear();
  for (std::uint32_t p : d.posts_by_time()) {
    if (shares_[p]) posts_.push_back(p);
  }
  finished_ = true;
}

void SubjectMatch::assure_finished() const {
  if (!finished_) throw std::logic_error("SubjectMatch: call run() before reading its results");
}

const std::vector<bool>& SubjectMatch::shares() const {
  assure_finished();
  return shares_;
}

const std::vector<std::uint32_t>& SubjectMatch::posts() const {
  assure_finished();
  return posts_;
}

std::size_t SubjectMatch::count() const {
  assure_finished();
  return posts_.size();
}

}  // namespace leaktrace
