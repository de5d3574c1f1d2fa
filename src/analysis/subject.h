#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/platform.h"
#include "workspace/dataset.h"

namespace leaktrace {

// A subject the user gave that cannot be understood: the message says how to write it.
class SubjectError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What an analysis is about (DESIGN.md): `#tag`, `url:PREFIX`, `domain:example.org`,
// `text:/regex/` (RE2, linear time; `/regex/i` ignores case), `post:PLATFORM:ID`, `from:@handle`;
// several joined by `,` mean any of them. No subject: the whole dataset.
class Subject {
 public:
  enum class Kind { hashtag, url_prefix, domain, text, post, from };
  struct Term {
    Kind kind;
    std::string value;  // folded hashtag, URL prefix without scheme and "www.", domain, regex, post id, handle
    Platform platform = Platform::twitter;  // post: only
    bool ignore_case = false;               // text: only
  };

  Subject() = default;
  static Subject parse(std::string_view text);
  // Whether `text` is written as a subject (and not, say, an input file's path).
  static bool looks_like_subject(std::string_view text);

  const std::vector<Term>& terms() const { return terms_; }
  bool whole_dataset() const { return terms_.empty(); }
  bool needs_text() const;
  const std::string& text() const { return text_; }  // as the user gave it

 private:
  std::vector<Term> terms_;
  std::string text_;
};

// Which posts share the subject: those that match a term, and the reposts and quotes of a post
// that shares it (a retweet of a #tag tweet shares #tag even if its own text were cut). Replies
// share it only if they match themselves.
class SubjectMatch {
 public:
  SubjectMatch(const Dataset& dataset, Subject subject);
  void run();

  // Refuse before run().
  const std::vector<bool>& shares() const;         // by post index
  const std::vector<std::uint32_t>& posts() const;  // the sharing posts in time order
  std::size_t count() const;
  const Subject& subject() const { return subject_; }

 private:
  void assure_finished() const;
  std::vector<bool> direct_matches() const;

  const Dataset& dataset_;
  Subject subject_;
  std::vector<bool> shares_;
  std::vector<std::uint32_t> posts_;
  bool finished_ = false;
};

}  // namespace leaktrace
