#include "analysis/lookalike_generator.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/idna.h"
#include "analysis/label_edit_script.h"
#include "analysis/lookalike_word_lists.h"

namespace leaktrace {
namespace {

constexpr std::string_view dns_characters = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::size_t max_label = 63;
constexpr std::size_t max_host = 253;
constexpr std::string_view vowels = "aeiouy";

bool is_ldh(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// A label one could register: LDH, 1 to 63 bytes, no hyphen at either end, and no "??--" that
// would pass for an ACE prefix unless it is one.
bool is_valid_ascii_label(std::string_view label) {
  if (label.empty() || label.size() > max_label || label.front() == '-' || label.back() == '-') return false;
  if (!std::all_of(label.begin(), label.end(), is_ldh)) return false;
  return !(label.size() >= 4 && label[2] == '-' && label[3] == '-' && !label.starts_with("xn--"));
}

}  // namespace

LookalikeGenerator::LookalikeGenerator(const std::string& domain, LookalikeGeneratorParameters parameters,
                                       const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons)
    : parameters_(std::move(parameters)), suffixes_(suffixes), skeletons_(skeletons) {
  if (parameters_.affixes.empty()) parameters_.affixes = bundled_affixes();
  if (parameters_.tlds.empty()) parameters_.tlds = bundled_tlds();
  if (parameters_.max_rules < 1 || parameters_.max_rules > 2) {
    throw std::invalid_argument("the generator combines at most two rules: give --max-rules 1 or 2");
  }
  if (parameters_.layouts.empty()) throw std::invalid_argument("no keyboard layout: give qwerty, azerty or qwertz");
  std::string host = domain;
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  std::optional<std::string> unicode = idna_to_unicode(host);
  std::optional<std::string> ascii = unicode ? idna_to_ascii(*unicode) : std::nullopt;
  if (!ascii || host.empty()) {
    throw std::invalid_argument(fmt::format("'{}' is not a domain name: give one such as example.org", domain));
  }
  domain_ = *ascii;
  RegistrableDomain parts = suffixes_.split(domain_);
  if (parts.label.empty()) {
    throw std::invalid_argument(
        fmt::format("'{}' is a public suffix: give a registrable domain such as example.{}", domain, domain_));
  }
  label_ = std::string(parts.label);
  suffix_ = std::string(parts.suffix);
  subdomain_ = std::string(parts.subdomain);
}

bool LookalikeGenerator::wanted(LookalikeRule rule) const {
  return parameters_.rules.empty() ||
         std::find(parameters_.rules.begin(), parameters_.rules.end(), rule) != parameters_.rules.end();
}

std::vector<LookalikeGenerator::LabelVariant> LookalikeGenerator::label_variants(const std::string& label) const {
  std::vector<LabelVariant> out;
  const std::size_t n = label.size();
  auto add = [&](std::string variant, LookalikeRule rule, std::string detail) {
    if (variant != label) out.push_back({std::move(variant), {rule, std::move(detail)}});
  };
  if (wanted(LookalikeRule::addition)) {
    for (char c : dns_characters) add(label + c, LookalikeRule::addition, fmt::format("{} added", c));
  }
  if (wanted(LookalikeRule::omission)) {
    for (std::size_t i = 0; i < n; ++i) {
      add(label.substr(0, i) + label.substr(i + 1), LookalikeRule::omission,
          label[i] == '-' ? "hyphen dropped" : fmt::format("{} dropped", label[i]));
    }
  }
  if (wanted(LookalikeRule::repetition)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (label[i] == '-') continue;
      add(label.substr(0, i + 1) + label.substr(i), LookalikeRule::repetition, fmt::format("{} doubled", label[i]));
    }
  }
  if (wanted(LookalikeRule::transposition)) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
      if (label[i] == label[i + 1]) continue;
      std::string swapped = label;
      std::swap(swapped[i], swapped[i + 1]);
      add(swapped, LookalikeRule::transposition,
          fmt::format("{}{} for {}{}", label[i + 1], label[i], label[i], label[i + 1]));
    }
  }
  bool keyboard_replacement = wanted(LookalikeRule::replacement);
  bool keyboard_insertion = wanted(LookalikeRule::insertion);
  if (keyboard_replacement || keyboard_insertion) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string neighbours;
      for (KeyboardLayout layout : parameters_.layouts) {
        for (char c : keyboard_neighbours(layout, label[i])) {
          if (neighbours.find(c) == std::string::npos) neighbours.push_back(c);
        }
      }
      for (char c : neighbours) {
        std::string layouts = layouts_where_neighbours(label[i], c, parameters_.layouts);
        if (keyboard_replacement) {
          std::string replaced = label;
          replaced[i] = c;
          add(replaced, LookalikeRule::replacement, fmt::format("{} for {}, {} neighbour", c, label[i], layouts));
        }
        if (keyboard_insertion) {
          std::string detail = fmt::format("{} beside {}, {} neighbour", c, label[i], layouts);
          add(label.substr(0, i) + c + label.substr(i), LookalikeRule::insertion, detail);
          add(label.substr(0, i + 1) + c + label.substr(i + 1), LookalikeRule::insertion, detail);
        }
      }
    }
  }
  if (wanted(LookalikeRule::vowel_swap)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!is_vowel(label[i])) continue;
      for (char v : vowels) {
        std::string swapped = label;
        swapped[i] = v;
        add(swapped, LookalikeRule::vowel_swap, fmt::format("{} for {}", v, label[i]));
      }
    }
  }
  if (wanted(LookalikeRule::hyphenation)) {
    for (std::size_t i = 1; i < n; ++i) {
      if (label[i - 1] == '-' || label[i] == '-') continue;
      add(label.substr(0, i) + '-' + label.substr(i), LookalikeRule::hyphenation, "hyphen inserted");
    }
  }
  if (wanted(LookalikeRule::bitsquatting)) {
    for (std::size_t i = 0; i < n; ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        char flipped = static_cast<char>(label[i] ^ (1 << bit));
        if (!is_ldh(flipped)) continue;
        std::string variant = label;
        variant[i] = flipped;
        add(variant, LookalikeRule::bitsquatting, fmt::format("{} for {}, one bit", flipped, label[i]));
      }
    }
  }
  if (wanted(LookalikeRule::homoglyph)) {
    // What a letter can be written as: the multi-character table read backwards (m as rn and nn),
    // and the single ASCII look-alikes.
    for (std::size_t i = 0; i < n; ++i) {
      for (const MultiCharacterHomoglyph& h : multi_character_homoglyphs()) {
        if (label.compare(i, h.reads_as.size(), h.reads_as) != 0) continue;
        add(label.substr(0, i) + std::string(h.written) + label.substr(i + h.reads_as.size()), LookalikeRule::homoglyph,
            fmt::format("{} for {}", h.written, h.reads_as));
      }
      for (char c : dns_characters) {
        if (c == label[i] || !is_ascii_homoglyph_pair(label[i], c)) continue;
        std::string variant = label;
        variant[i] = c;
        add(variant, LookalikeRule::homoglyph, fmt::format("{} for {}", c, label[i]));
      }
    }
  }
  if (wanted(LookalikeRule::idn_homograph)) {
    for (std::size_t i = 0; i < n; ++i) {
      for (const std::string& confusable : skeletons_.unicode_confusables_of(label[i])) {
        add(label.substr(0, i) + confusable + label.substr(i + 1), LookalikeRule::idn_homograph,
            fmt::format("{} for {}", confusable, label[i]));
      }
    }
  }
  if (wanted(LookalikeRule::dictionary)) {
    for (const std::string& word : parameters_.affixes) {
      add(word + "-" + label, LookalikeRule::dictionary, fmt::format("{}- before", word));
      add(label + "-" + word, LookalikeRule::dictionary, fmt::format("-{} after", word));
      add(word + label, LookalikeRule::dictionary, fmt::format("{} glued before", word));
      add(label + word, LookalikeRule::dictionary, fmt::format("{} glued after", word));
    }
  }
  return out;
}

void LookalikeGenerator::emit(const std::string& label, const std::string& suffix, std::vector<LookalikeStep> steps) {
  std::string host = subdomain_.empty() ? label + "." + suffix : subdomain_ + "." + label + "." + suffix;
  emit_host(host, std::move(steps));
}

void LookalikeGenerator::emit_host(const std::string& host, std::vector<LookalikeStep> steps) {
  std::optional<std::string> ascii = idna_to_ascii(host);
  if (!ascii || ascii->size() > max_host || *ascii == domain_) return;
  for (std::size_t start = 0; start <= ascii->size();) {
    std::size_t end = ascii->find('.', start);
    if (end == std::string::npos) end = ascii->size();
    if (!is_valid_ascii_label(std::string_view(*ascii).substr(start, end - start))) return;
    start = end + 1;
  }
  if (!seen_.insert(*ascii).second) return;
  std::optional<std::string> unicode = idna_to_unicode(*ascii);
  candidates_.push_back({*ascii, unicode ? *unicode : *ascii, std::move(steps)});
}

void LookalikeGenerator::run() {
  candidates_.clear();
  seen_.clear();
  std::vector<LabelVariant> variants = label_variants(label_);
  for (const LabelVariant& v : variants) emit(v.label, suffix_, {v.step});

  std::vector<std::string> labels_of_suffix;
  for (std::size_t start = 0; start <= suffix_.size();) {
    std::size_t end = suffix_.find('.', start);
    if (end == std::string::npos) end = suffix_.size();
    labels_of_suffix.push_back(suffix_.substr(start, end - start));
    start = end + 1;
  }
  if (wanted(LookalikeRule::subdomain)) {
    for (std::size_t i = 1; i < label_.size(); ++i) {
      if (label_[i - 1] == '-' || label_[i] == '-') continue;
      emit(label_.substr(0, i) + "." + label_.substr(i), suffix_,
           {{LookalikeRule::subdomain, fmt::format("{} written {}.{}, dot inserted", label_, label_.substr(0, i),
                                                   label_.substr(i))}});
    }
    for (const std::string& tld : parameters_.combination_tlds) {
      emit_host(label_ + "." + suffix_ + "." + tld,
                {{LookalikeRule::subdomain, fmt::format("{}.{} put in front of {}", label_, suffix_, tld)}});
    }
  }
  if (wanted(LookalikeRule::separator)) {
    std::string written = label_;
    std::string hyphenated = label_;
    std::string glued = label_;
    for (std::size_t k = 0; k < labels_of_suffix.size(); ++k) {
      written += "." + labels_of_suffix[k];
      hyphenated += "-" + labels_of_suffix[k];
      glued += labels_of_suffix[k];
      std::string rest;
      for (std::size_t r = k + 1; r < labels_of_suffix.size(); ++r) rest += (rest.empty() ? "" : ".") + labels_of_suffix[r];
      std::vector<std::string> targets = rest.empty() ? parameters_.combination_tlds : std::vector<std::string>{rest};
      for (const std::string& target : targets) {
        emit(hyphenated, target, {{LookalikeRule::separator, fmt::format("{} written {}, dot made a hyphen", written,
                                                                         hyphenated)}});
        emit(glued, target, {{LookalikeRule::separator, fmt::format("{} written {}, dot dropped", written, glued)}});
      }
    }
  }
  if (wanted(LookalikeRule::tld_swap)) {
    for (const std::string& tld : parameters_.tlds) {
      if (tld != suffix_) emit(label_, tld, {{LookalikeRule::tld_swap, fmt::format(".{} to .{}", suffix_, tld)}});
    }
  }
  if (parameters_.max_rules >= 2) {
    if (wanted(LookalikeRule::tld_swap)) {
      for (const LabelVariant& v : variants) {
        for (const std::string& tld : parameters_.combination_tlds) {
          if (tld == suffix_) continue;
          emit(v.label, tld, {v.step, {LookalikeRule::tld_swap, fmt::format(".{} to .{}", suffix_, tld)}});
        }
      }
    }
    if (wanted(LookalikeRule::dictionary)) {
      for (const LabelVariant& v : variants) {
        // ASCII homoglyphs only: the Unicode ones times every affix would be thousands of names
        // that a registry's script rules mostly refuse.
        if (v.step.rule != LookalikeRule::homoglyph) continue;
        for (const std::string& word : parameters_.affixes) {
          emit(word + "-" + v.label, suffix_, {v.step, {LookalikeRule::dictionary, fmt::format("{}- before", word)}});
          emit(v.label + "-" + word, suffix_, {v.step, {LookalikeRule::dictionary, fmt::format("-{} after", word)}});
        }
      }
    }
  }
  finished_ = true;
}

void LookalikeGenerator::assure_finished() const {
  if (!finished_) throw std::logic_error("LookalikeGenerator: call run() before asking for candidates");
}

const std::vector<LookalikeCandidate>& LookalikeGenerator::candidates() const {
  assure_finished();
  return candidates_;
}

}  // namespace leaktrace
