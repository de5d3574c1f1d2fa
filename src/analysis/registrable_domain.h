#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  std::size_t rules() const { return rules_; }
  // A listed suffix ("fr", "gouv.fr", "github.io"), for TLD swaps.
  bool is_suffix(std::string_view suffix) const;

 private:
  // What the list says of one name: a suffix ("fr"), the parent of a wildcard ("ck" of "*.ck"),
  // an exception ("www.ck" of "!www.ck"); one name may be several.
  enum Kind : std::uint8_t { normal = 1, wildcard = 2, exception = 4 };
  struct Slot {
    std::uint64_t hash = 0;  // of the name read right to left; 0 = empty
    std::uint32_t name = 0;  // into names_
    std::uint8_t kinds = 0;
  };
  void build();
  std::uint8_t kinds_of(std::string_view name, std::uint64_t hash) const;

  std::vector<std::string> names_;
  std::vector<std::uint8_t> pending_kinds_;
  std::vector<Slot> slots_;  // open addressing: split() checks a host's suffixes in a few probes
  std::vector<std::uint64_t> filter_;
  std::uint64_t mask_ = 0;
  std::uint64_t filter_mask_ = 0;
  std::size_t rules_ = 0;
};

}  // namespace leaktrace
