#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analysis/confusable_skeleton.h"
#include "analysis/lookalike_rule.h"
#include "analysis/registrable_domain.h"

namespace leaktrace {

struct LookalikeParameters {
  // Brands (registrable labels, after the skeleton) shorter than this are matched only by
  // homoglyphs, affixes, subdomains and TLD swaps: one typo away from a 4-letter name is too
  // many legitimate names.
  std::size_t one_edit_length = 5;
  // Brands at least this long also match at two typing edits.
  std::size_t two_edit_length = 10;
  // Words that flag a brand glued to them without a hyphen ("mailenmarche"); with a hyphen any
  // word does, a known one scores higher. A brand shorter than one_edit_length is flagged only
  // beside known words and a hyphen ("dhl-login", not "dhl-geschaeftskundenportal" nor "dhlogin").
  std::vector<std::string> affixes;
  // Domains that are the brand's own, never flagged, nor their subdomains (the watched ones are
  // always allowed).
  std::vector<std::string> allowed;
};

// A domain being watched, as the detector indexed it.
struct WatchedDomain {
  std::string domain;    // as given, lower case, Punycode for IDNs: "en-marche.fr"
  std::string unicode;   // display form: "en-marche.fr"
  std::string brand;     // the registered label, the token imitated: "en-marche"
  std::string suffix;    // its public suffix: "fr"
  std::string skeleton;  // of the brand: "en-marche"
  int max_edits = 0;     // typing edits allowed for this brand
};

// A domain found to imitate a watched one, with why.
struct LookalikeMatch {
  std::size_t watched = 0;  // index into LookalikeDetector::watched()
  std::string domain;       // the suspect host, lower case, Punycode for IDNs
  std::string unicode;      // its display form (decoded Punycode)
  std::string brand;        // the watched brand token found in it
  std::vector<LookalikeStep> steps;
  int distance = 0;         // typing edits between the brand and the label it was found in
  double score = 0;         // 0..1, higher is a closer imitation (see lookalike_detector.cpp)
};

// Checks domains against a watchlist through indexes built once, never comparing a candidate
// with every watched domain:
// - the exact skeletons of the brands and of their separator and glued-affix forms;
// - the one-deletion neighbourhoods of the brands (Mor & Fraenkel 1982; the "symmetric delete"
//   of SymSpell): two labels one typing edit apart share a string obtained by deleting at most
//   one character from each, so a label of n characters costs n + 1 hash probes whatever the
//   size of the watchlist. Deletions hash in O(1) from the label's prefix hashes, so a probe
//   allocates nothing, and a small bit filter answers most misses from the L1 cache;
// - for two edits (long brands), a bigram index: a label within k edits of a brand of length L
//   shares at least L - 1 - 3k of its bigrams, each within k positions of its place (the q-gram
//   lemma, Ukkonen 1992; three, because a transposition breaks three), so only the brands whose
//   shared count reaches the bound are compared.
// A hit is verified with the edit distance before it is reported.
//
// check() reuses scratch buffers: one detector per thread.
class LookalikeDetector {
 public:
  // Throws std::invalid_argument, saying which, for a watched domain that is not a domain or is a
  // public suffix; the list and skeleton must outlive the detector.
  LookalikeDetector(const std::vector<std::string>& watched, LookalikeParameters parameters,
                    const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons);
  ~LookalikeDetector();
  LookalikeDetector(LookalikeDetector&&) noexcept;

  // The best match of `host` (a host name, any case, Punycode or UTF-8, trailing dot allowed),
  // nothing when it imitates no watched domain or is one of the allowed ones.
  std::optional<LookalikeMatch> check(std::string_view host) const;

  const std::vector<WatchedDomain>& watched() const { return watched_; }
  std::size_t index_keys() const { return exact_.keys() + deletions_.keys(); }

  // How the index knows a key; public for the index's own helpers.
  enum class Form : std::uint8_t { brand, separator, affix_before, affix_after, host, edit_skeleton, edit_brand };
  struct Posting {
    std::uint32_t watched;
    Form form;
    std::uint32_t key;    // into keys_: the string the posting was made from, to verify a hit
    std::uint32_t extra;  // the affix or separator form it was made with
  };

  // A flat open-addressing map from a 64-bit key hash to its postings.
  class HashIndex {
   public:
    void add(std::uint64_t hash, Posting posting);
    void build();
    // The postings of `hash`, empty when none.
    std::pair<const Posting*, const Posting*> find(std::uint64_t hash) const;
    std::size_t keys() const { return slots_.empty() ? pending_.size() : distinct_; }

   private:
    struct Slot {
      std::uint64_t hash = 0;  // 0 = empty
      std::uint32_t first = 0;
      std::uint32_t count = 0;
    };
    std::vector<std::pair<std::uint64_t, Posting>> pending_;
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> filter_;  // one bit per key hash: a probe that finds it clear stops
    std::vector<Posting> postings_;
    std::uint64_t mask_ = 0;
    std::uint64_t filter_mask_ = 0;
    std::size_t distinct_ = 0;
  };

 private:
  struct Candidate;
  class PrefixHashes;
  struct Separator {
    std::string written;    // the watched name with dots, as folded: "impots.gouv"
    std::string folded;     // as the lookalike writes it: "impots-gouv"
    std::string remainder;  // the suffix left after it ("fr"), empty when all labels were folded
  };
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  void index_watched(std::uint32_t id);
  void add_exact(const std::string& key, std::uint32_t watched, Form form, std::uint32_t extra);
  void offer(Candidate& candidate, LookalikeMatch match, double base, int extras) const;
  void probe_label(Candidate& candidate) const;
  void probe_deletions(Candidate& candidate, std::string_view form) const;
  void index_bigrams();
  void probe_two_edits(Candidate& candidate) const;
  // Calls on_hit(posting) for every deletion-index posting that `form`, whole or (depth 1) less
  // one character, hashes to.
  template <typename OnHit>
  void for_each_deletion_hit(PrefixHashes& hashes, std::string_view form, int depth, OnHit on_hit) const;
  void probe_spans(Candidate& candidate) const;
  void probe_subdomains(Candidate& candidate) const;
  void explain_exact(Candidate& candidate, const Posting& posting) const;
  void explain_edits(Candidate& candidate, std::uint32_t watched) const;
  void add_tld_step(const Candidate& candidate, const WatchedDomain& w, std::vector<LookalikeStep>& steps,
                    int& extras) const;
  LookalikeStep homoglyph_step(const Candidate& candidate, std::string_view original, std::string_view written) const;

  LookalikeParameters parameters_;
  const PublicSuffixList& suffixes_;
  const ConfusableSkeleton& skeletons_;
  std::vector<WatchedDomain> watched_;
  std::vector<std::string> keys_;
  std::vector<std::string> affixes_;
  std::vector<Separator> separators_;
  std::unordered_set<std::string, TransparentHash, std::equal_to<>> known_words_;  // skeletons of affixes
  std::unordered_set<std::string, TransparentHash, std::equal_to<>> own_registrable_;
  HashIndex exact_;
  HashIndex deletions_;
  std::uint64_t deletion_lengths_ = 0;  // bit L set: some indexed deletion has length L
  std::vector<std::uint32_t> bigram_start_;   // per bigram bucket, into bigram_brands_
  struct BigramPosting {
    std::uint32_t watched;
    std::uint32_t position;  // of the bigram in the brand's skeleton
  };
  std::vector<BigramPosting> bigram_brands_;  // once per occurrence in the brand
  std::vector<int> bigram_need_;              // per watched id: shared bigrams needed, 0 without two edits
  std::size_t min_two_edit_length_ = SIZE_MAX;
  int max_edits_ = 0;
  std::unique_ptr<Candidate> scratch_;
};

}  // namespace leaktrace
