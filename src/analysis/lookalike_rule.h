#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// How a lookalike domain was made from the domain it imitates: the typosquatting classes of
// dnstwist and of the typosquatting literature (Agten et al., NDSS 2015), plus IDN homographs
// and the affix ("combosquatting", Kintis et al., CCS 2017) and subdomain tricks.
enum class LookalikeRule {
  addition,       // a character added: en-marchex
  omission,       // a character dropped: en-marhe, enmarche
  repetition,     // a character doubled: en-marrche
  transposition,  // two neighbours swapped: en-mrache
  replacement,    // a character replaced, by a keyboard neighbour or otherwise: en-narche
  insertion,      // a keyboard neighbour typed beside its key: en-mardche
  vowel_swap,     // a vowel for another: en-merche
  hyphenation,    // a hyphen inserted: en-mar-che
  bitsquatting,   // one bit of a character flipped (memory errors): en-iarche
  homoglyph,      // ASCII that reads alike: en-nnarche, en-rnarche, c1arins
  idn_homograph,  // a Unicode confusable, registered as Punycode: xn--n-marche-...
  dictionary,     // a word before or after the brand: mail-en-marche, en-marche-secure
  subdomain,      // the brand as a subdomain of another domain, or a dot inside it: en-marche.fr.example.com
  separator,      // the dot before the suffix made a hyphen or dropped: impots-gouv.fr, en-marche-fr.com
  tld_swap,       // another public suffix: en-marche.co
};

constexpr std::array<LookalikeRule, 15> all_lookalike_rules{
    LookalikeRule::addition,    LookalikeRule::omission,     LookalikeRule::repetition, LookalikeRule::transposition,
    LookalikeRule::replacement, LookalikeRule::insertion,    LookalikeRule::vowel_swap, LookalikeRule::hyphenation,
    LookalikeRule::bitsquatting, LookalikeRule::homoglyph,   LookalikeRule::idn_homograph, LookalikeRule::dictionary,
    LookalikeRule::subdomain,   LookalikeRule::separator,    LookalikeRule::tld_swap,
};

std::string_view lookalike_rule_name(LookalikeRule rule);  // "vowel-swap", "tld-swap", ...
std::optional<LookalikeRule> parse_lookalike_rule(std::string_view name);

// One rule applied, with what it changed ("nn for m", ".fr to .com", "affix mail-").
struct LookalikeStep {
  LookalikeRule rule;
  std::string detail;

  bool operator==(const LookalikeStep&) const = default;
};

// "homoglyph+tld-swap"
std::string join_rule_names(const std::vector<LookalikeStep>& steps);
// "homoglyph (nn for m); tld-swap (.fr to .com)"
std::string describe_steps(const std::vector<LookalikeStep>& steps);

}  // namespace leaktrace
