#include "analysis/lookalike_rule.h"

namespace leaktrace {

std::string_view lookalike_rule_name(LookalikeRule rule) {
  switch (rule) {
    case LookalikeRule::addition: return "addition";
    case LookalikeRule::omission: return "omission";
    case LookalikeRule::repetition: return "repetition";
    case LookalikeRule::transposition: return "transposition";
    case LookalikeRule::replacement: return "replacement";
    case LookalikeRule::insertion: return "insertion";
    case LookalikeRule::vowel_swap: return "vowel-swap";
    case LookalikeRule::hyphenation: return "hyphenation";
    case LookalikeRule::bitsquatting: return "bitsquatting";
    case LookalikeRule::homoglyph: return "homoglyph";
    case LookalikeRule::idn_homograph: return "idn-homograph";
    case LookalikeRule::dictionary: return "dictionary";
    case LookalikeRule::subdomain: return "subdomain";
    case LookalikeRule::separator: return "separator";
    case LookalikeRule::tld_swap: return "tld-swap";
  }
  return "addition";
}

std::optional<LookalikeRule> parse_lookalike_rule(std::string_view name) {
  for (LookalikeRule rule : all_lookalike_rules) {
    if (lookalike_rule_name(rule) == name) return rule;
  }
  return std::nullopt;
}

std::string join_rule_names(const std::vector<LookalikeStep>& steps) {
  std::string out;
  for (const LookalikeStep& step : steps) {
    if (!out.empty()) out += '+';
    out += lookalike_rule_name(step.rule);
  }
  return out;
}

std::string describe_steps(const std::vector<LookalikeStep>& steps) {
  std::string out;
  for (const LookalikeStep& step : steps) {
    if (!out.empty()) out += "; ";
    out += lookalike_rule_name(step.rule);
    if (!step.detail.empty()) out += " (" + step.detail + ")";
  }
  return out;
}

}  // namespace leaktrace
