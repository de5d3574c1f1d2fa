#pragma once

#include <span>
#include <string_view>

namespace leaktrace::simulate {

struct Name {
  std::string_view display;  // as written in the language
  std::string_view ascii;    // as it would appear in a handle
};

// The words a community writes with. Every list is non-empty.
struct Vocabulary {
  std::string_view language;
  std::span<const Name> first_names;
  std::span<const Name> last_names;
  std::span<const std::string_view> words;           // everyday words
  std::span<const std::string_view> subject_phrases;  // what people say about the leak
  std::span<const std::string_view> topic_tags;       // hashtags of other topics (background chatter)
};

// The vocabulary of `language` (BCP 47); English for a language without its own.
const Vocabulary& vocabulary_for(std::string_view language);

// Emoji, some outside the Basic Multilingual Plane (surrogate pairs in the API's JSON).
std::span<const std::string_view> emoji();

// Hashtags that travel with the subject in every language.
std::span<const std::string_view> companion_tags();

}  // namespace leaktrace::simulate
