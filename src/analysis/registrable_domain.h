#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace leaktrace {

constexpr const char* default_public_suffix_list_path = "/usr/share/publicsuffix/public_suffix_list.dat";

// A host split at its registrable domain: "login.impots.gouv.fr" is subdomain "login", label
// "impots", public suffix "gouv.fr". The three views point into the host they were made from.
struct RegistrableDomain {
  std::string_view subdomain;  // labels left of the registrable domain, empty when none
  std::string_view label;      // the one label that was registered, empty when the host is a public suffix
  std::string_view suffix;     // the public suffix ("fr", "co.uk", "github.io")

  // "impots.gouv.fr": the label and the suffix, empty when there is no label.
  std::string_view registrable(std::string_view host) const;
};

// The Public Suffix List (publicsuffix.org, Debian package publicsuffix), ICANN and private
// sections both, as browsers apply it. Rules are kept as written (Unicode, lower case); hosts
// given to split() are lower-case labels in the same form, without a trailing dot.
class PublicSuffixList {
 public:
  // Reads the list; throws std::runtime_error saying how to get it when the file is missing or empty.
  static PublicSuffixList load(const std::string& path = default_public_suffix_list_path);
  // From the list's own text, for tests.
  static PublicSuffixList parse(std::string_view text);

  // The algorithm of publicsuffix.org/list: the longest matching rule wins, an exception rule
  // ("!www.ck") beats a wildcard ("*.ck"), and an unlisted TLD is a suffix of one label ("*").
  RegistrableDomain split(std::string_view host) const;
  std::size_t rules() const { return normal_.size() + wildcard_.size() + exception_.size(); }
  // A listed suffix ("fr", "gouv.fr", "github.io"), for TLD swaps.
  bool is_suffix(std::string_view suffix) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;

  Set normal_;
  Set wildcard_;   // "*.ck" stored as "ck"
  Set exception_;  // "!www.ck" stored as "www.ck"
};

}  // namespace leaktrace
