#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/confusable_skeleton.h"
#include "analysis/keyboard_layout.h"
#include "analysis/lookalike_rule.h"
#include "analysis/registrable_domain.h"

namespace leaktrace {

struct LookalikeGeneratorParameters {
  std::vector<KeyboardLayout> layouts{all_keyboard_layouts.begin(), all_keyboard_layouts.end()};
  std::vector<std::string> affixes;           // dictionary words; the bundled list when empty
  std::vector<std::string> tlds;              // TLD swap targets; the bundled list when empty
  // The suffixes a second rule swaps to (en-nnarche.com), kept short: every one-rule label times
  // every TLD would be most of a zone file.
  std::vector<std::string> combination_tlds{"com", "net", "org", "co", "info"};
  int max_rules = 2;                          // 1: single rules only; 2: also two-rule combinations
  std::vector<LookalikeRule> rules;           // the rules to apply; all when empty
};

// One generated lookalike and the rules that made it.
struct LookalikeCandidate {
  std::string domain;   // lower case, Punycode for IDNs: what one would register or look up
  std::string unicode;  // display form
  std::vector<LookalikeStep> steps;
};

// The lookalikes of one domain, in the manner of dnstwist's fuzzers: typing mistakes on the
// registered label (addition, omission, repetition, transposition, keyboard replacement and
// insertion on QWERTY/AZERTY/QWERTZ, vowel swap, hyphenation, bit flips), ASCII and Unicode
// homoglyphs (the Unicode ones from ICU's confusable data, kept when IDNA2008 lets them be
// registered), dictionary affixes, subdomain and separator tricks, TLD swaps, and two-rule
// combinations (any label rule then a TLD swap; an ASCII homoglyph inside an affixed name). Each
// domain appears once, with the shortest recipe that made it.
class LookalikeGenerator {
 public:
  // Throws std::invalid_argument saying how to fix a domain that is not one or is a public suffix.
  LookalikeGenerator(const std::string& domain, LookalikeGeneratorParameters parameters,
                     const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons);
  void run();

  const std::string& domain() const { return domain_; }
  const std::vector<LookalikeCandidate>& candidates() const;

 private:
  struct LabelVariant {
    std::string label;
    LookalikeStep step;
  };
  bool wanted(LookalikeRule rule) const;
  std::vector<LabelVariant> label_variants(const std::string& label) const;
  void emit(const std::string& label, const std::string& suffix, std::vector<LookalikeStep> steps);
  void emit_host(const std::string& host, std::vector<LookalikeStep> steps);
  void assure_finished() const;

  LookalikeGeneratorParameters parameters_;
  const PublicSuffixList& suffixes_;
  const ConfusableSkeleton& skeletons_;
  std::string domain_;
  std::string label_;
  std::string suffix_;
  std::string subdomain_;
  std::vector<LookalikeCandidate> candidates_;
  std::unordered_set<std::string> seen_;
  bool finished_ = false;
};

}  // namespace leaktrace
