#include "analysis/lookalike_detector.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/domain_line.h"
#include "analysis/idna.h"
#include "analysis/label_edit_script.h"

namespace leaktrace {
namespace {

// Scores: how sure a reader should be that the domain was made to pass for the watched one.
// The base is the strongest finding; each further rule (a TLD swap on top of a homoglyph, a
// second affix word) takes `extra_rule_penalty` off, because a longer recipe is a weaker likeness.
constexpr double score_idn_homograph = 0.98;   // Unicode letters that render as the brand
constexpr double score_homoglyph = 0.95;       // ASCII that reads as the brand, or the whole host
constexpr double score_tld_swap = 0.90;        // the brand itself under another suffix
constexpr double score_subdomain_host = 0.90;  // the whole watched host in front of another domain
constexpr double score_separator = 0.85;       // impots-gouv.fr
constexpr double score_known_affix = 0.85;     // mail-en-marche: a word of the affix list
constexpr double score_one_edit = 0.80;
constexpr double score_dot_inserted = 0.80;    // en-m.arche.fr
constexpr double score_homoglyph_edit = 0.75;  // a homoglyph and a typo
constexpr double score_two_edits = 0.65;
constexpr double score_unknown_affix = 0.60;   // brand-anything: a word we do not know
constexpr double score_brand_subdomain = 0.60; // en-marche.example.com
constexpr double extra_rule_penalty = 0.05;

constexpr std::size_t max_host = 253;
constexpr std::size_t max_label = 63;
constexpr std::uint64_t hash_base = 0x100000001b3ULL;

constexpr std::array<std::uint64_t, max_host + 2> hash_powers = [] {
  std::array<std::uint64_t, max_host + 2> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * hash_base;
  return p;
}();

// A polynomial hash of the bytes, finished by one multiply and shift with the length folded in
// (cheap: a label's deletions are probed by the hundred); never 0, which marks an empty slot.
inline std::uint64_t finish_hash(std::uint64_t h, std::size_t length) {
  std::uint64_t x = (h + static_cast<std::uint64_t>(length) * 0x9E3779B97F4A7C15ULL) * 0xD6E8FEB86659FD93ULL;
  x ^= x >> 29;
  return x == 0 ? 1 : x;
}

std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0;
  for (unsigned char c : text) h = h * hash_base + c + 1;
  return finish_hash(h, text.size());
}

}  // namespace

// Prefix hashes of one string, so that any substring, or the string less one character, hashes
// in O(1) to the value hash_text() gives the same bytes. With P the prefix hashes and B the base,
// the string less character i hashes to R[i] = (P[i] - P[i+1]) B^(n-i-1) + P[n].
class LookalikeDetector::PrefixHashes {
 public:
  void assign(std::string_view text) {
    size_ = std::min(text.size(), max_host);
    prefix_[0] = 0;
    for (std::size_t i = 0; i < size_; ++i) prefix_[i + 1] = prefix_[i] * hash_base + static_cast<unsigned char>(text[i]) + 1;
  }
  std::uint64_t raw(std::size_t from, std::size_t to) const {
    return prefix_[to] - prefix_[from] * hash_powers[to - from];
  }
  std::uint64_t substring(std::size_t from, std::size_t to) const { return finish_hash(raw(from, to), to - from); }
  // After assign(), before without().
  void prepare_deletions() {
    for (std::size_t i = 0; i < size_; ++i) {
      one_[i] = (prefix_[i] - prefix_[i + 1]) * hash_powers[size_ - i - 1] + prefix_[size_];
    }
  }
  std::uint64_t without(std::size_t i) const { return finish_hash(one_[i], size_ - 1); }
  std::size_t size() const { return size_; }

 private:
  std::array<std::uint64_t, max_host + 1> prefix_{};
  std::array<std::uint64_t, max_host + 1> one_{};  // R above
  std::size_t size_ = 0;
};

namespace {

void lower_ascii(std::string& text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// "е (U+0435) for e": the differing part, with the code points of its non-ASCII characters.
std::string unicode_detail(std::string_view original, std::string_view lookalike) {
  std::string detail = differing_part(original, lookalike);
  std::string points;
  for (std::size_t i = 0; i < lookalike.size();) {
    auto lead = static_cast<unsigned char>(lookalike[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && i + length <= lookalike.size()) {
      std::uint32_t code = lead & (0x3F >> (length - 1));
      for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(lookalike[i + k]) & 0x3F);
      points += fmt::format("{}U+{:04X}", points.empty() ? "" : " ", code);
    }
    i += length;
  }
  return points.empty() ? detail : fmt::format("{}, {}", detail, points);
}

bool is_host_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

}  // namespace

// The candidate being checked, kept between calls so that checking allocates only on a match.
struct LookalikeDetector::Candidate {
  std::string host;          // lower case, as given: ASCII, Punycode or UTF-8
  std::string decoded;       // the UTF-8 of Punycode labels, when there are some
  std::string_view unicode;  // host or decoded
  bool idn = false;     // has non-ASCII characters once decoded
  RegistrableDomain parts;  // views into unicode
  std::string skeleton;     // of parts.label
  std::string scratch;
  LookalikeDetector::PrefixHashes hashes;
  LookalikeDetector::PrefixHashes span_hashes;
  std::vector<std::uint32_t> edits_tried;  // watched ids already explained by edits
  std::vector<std::uint16_t> bigram_counts;  // per watched id, zero between calls
  std::vector<std::uint32_t> touched;        // ids whose count is not zero
  std::optional<LookalikeMatch> best;
};

void LookalikeDetector::HashIndex::add(std::uint64_t hash, Posting posting) { pending_.emplace_back(hash, posting); }

void LookalikeDetector::HashIndex::build() {
  std::sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return std::tie(a.second.watched, a.second.form, a.second.extra) < std::tie(b.second.watched, b.second.form, b.second.extra);
  });
  pending_.erase(std::unique(pending_.begin(), pending_.end(),
                             [](const auto& a, const auto& b) {
                               return a.first == b.first && a.second.watched == b.second.watched &&
                                      a.second.form == b.second.form && a.second.extra == b.second.extra;
                             }),
                 pending_.end());
  distinct_ = 0;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (i == 0 || pending_[i].first != pending_[i - 1].first) ++distinct_;
  }
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, distinct_ * 2));
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{});
  // About 16 filter bits per key: a probe that misses, nearly all of them, reads one word that
  // stays in the L1 cache instead of a slot of the table.
  std::size_t filter_bits = std::bit_ceil(std::max<std::size_t>(1024, distinct_ * 16));
  filter_mask_ = filter_bits - 1;
  filter_.assign(filter_bits / 64, 0);
  postings_.clear();
  postings_.reserve(pending_.size());
  for (std::size_t i = 0; i < pending_.size();) {
    std::uint64_t hash = pending_[i].first;
    std::size_t slot = hash & mask_;
    while (slots_[slot].hash != 0) slot = (slot + 1) & mask_;
    slots_[slot].hash = hash;
    slots_[slot].first = static_cast<std::uint32_t>(postings_.size());
    std::uint64_t bit = (hash >> 40) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    for (; i < pending_.size() && pending_[i].first == hash; ++i) postings_.push_back(pending_[i].second);
    slots_[slot].count = static_cast<std::uint32_t>(postings_.size() - slots_[slot].first);
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

std::pair<const LookalikeDetector::Posting*, const LookalikeDetector::Posting*> LookalikeDetector::HashIndex::find(
    std::uint64_t hash) const {
  std::uint64_t bit = (hash >> 40) & filter_mask_;
  if ((filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return {nullptr, nullptr};
  for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.hash == hash) {
      const Posting* first = postings_.data() + here.first;
      return {first, first + here.count};
    }
    if (here.hash == 0) return {nullptr, nullptr};
  }
}

LookalikeDetector::LookalikeDetector(const std::vector<std::string>& watched, LookalikeParameters parameters,
                                     const PublicSuffixList& suffixes, const ConfusableSkeleton& skeletons)
    : parameters_(std::move(parameters)), suffixes_(suffixes), skeletons_(skeletons),
      scratch_(std::make_unique<Candidate>()) {
  if (watched.empty()) throw std::invalid_argument("no domain to watch: give --watch DOMAIN or --watch FILE");
  affixes_ = parameters_.affixes;
  for (const std::string& word : affixes_) known_words_.insert(skeletons_.skeleton(word));
  for (const std::string& given : watched) {
    WatchedDomain w;
    w.domain = given.find("://") == std::string::npos ? given : std::string(host_of_token(given));
    lower_ascii(w.domain);
    while (!w.domain.empty() && w.domain.back() == '.') w.domain.pop_back();
    std::optional<std::string> unicode = idna_to_unicode(w.domain);
    std::optional<std::string> ascii = unicode ? idna_to_ascii(*unicode) : std::nullopt;
    if (!unicode || !ascii || w.domain.empty() || w.domain.find_first_of(" /:@") != std::string::npos) {
      throw std::invalid_argument(fmt::format("'{}' is not a domain name: watch names such as example.org", given));
    }
    w.domain = *ascii;
    w.unicode = *unicode;
    RegistrableDomain parts = suffixes_.split(w.unicode);
    if (parts.label.empty()) {
      throw std::invalid_argument(fmt::format(
          "'{}' is a public suffix, not a domain someone registered: watch the registrable domain, such as "
          "example.{}",
          given, w.unicode));
    }
    if (std::any_of(watched_.begin(), watched_.end(), [&](const WatchedDomain& other) { return other.unicode == w.unicode; })) {
      continue;
    }
    w.brand = std::string(parts.label);
    w.suffix = std::string(parts.suffix);
    w.skeleton = skeletons_.skeleton(w.brand);
    std::size_t length = w.skeleton.size();
    w.max_edits = length < parameters_.one_edit_length ? 0 : length < parameters_.two_edit_length ? 1 : 2;
    own_registrable_.insert(std::string(parts.registrable(w.unicode)));
    watched_.push_back(std::move(w));
  }
  for (const std::string& allowed : parameters_.allowed) {
    std::string host(host_of_token(allowed));  // a URL allows its host
    if (host.empty()) continue;
    lower_ascii(host);
    std::optional<std::string> unicode = idna_to_unicode(host);
    if (!unicode) continue;
    RegistrableDomain parts = suffixes_.split(*unicode);
    own_registrable_.insert(std::string(parts.label.empty() ? std::string_view(*unicode) : parts.registrable(*unicode)));
  }
  for (std::uint32_t id = 0; id < watched_.size(); ++id) index_watched(id);
  index_bigrams();
  exact_.build();
  deletions_.build();
}

LookalikeDetector::~LookalikeDetector() = default;
LookalikeDetector::LookalikeDetector(LookalikeDetector&&) noexcept = default;

void LookalikeDetector::add_exact(const std::string& key, std::uint32_t watched, Form form, std::uint32_t extra) {
  keys_.push_back(key);
  exact_.add(hash_text(key), {watched, form, static_cast<std::uint32_t>(keys_.size() - 1), extra});
}

void LookalikeDetector::index_watched(std::uint32_t id) {
  const WatchedDomain& w = watched_[id];
  add_exact(w.skeleton, id, Form::brand, 0);
  add_exact(skeletons_.skeleton(w.unicode), id, Form::host, 0);

  // Separator forms: the dots of "impots.gouv.fr" after the brand folded into the label, one
  // suffix label at a time ("impots-gouv" + ".fr", then "impots-gouv-fr" + any suffix).
  std::string written = w.brand;
  std::string hyphenated = w.brand;
  std::string glued = w.brand;
  std::string_view rest = w.suffix;
  while (!rest.empty()) {
    std::size_t dot = rest.find('.');
    std::string_view label = rest.substr(0, dot);
    rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    written += "." + std::string(label);
    hyphenated += "-" + std::string(label);
    glued += std::string(label);
    for (const std::string& folded : {hyphenated, glued}) {
      separators_.push_back({written, folded, std::string(rest)});
      add_exact(skeletons_.skeleton(folded), id, Form::separator, static_cast<std::uint32_t>(separators_.size() - 1));
    }
  }

  // Affixes glued without a hyphen; with one, probe_spans() finds the brand among the words. A
  // short brand glued to a word is too often a word of its own ("freenet", "cafonline").
  bool short_brand = w.skeleton.size() < parameters_.one_edit_length;
  for (std::uint32_t a = 0; a < affixes_.size() && !short_brand; ++a) {
    add_exact(skeletons_.skeleton(affixes_[a] + w.brand), id, Form::affix_before, a);
    add_exact(skeletons_.skeleton(w.brand + affixes_[a]), id, Form::affix_after, a);
  }

  if (w.max_edits == 0) return;
  max_edits_ = std::max(max_edits_, w.max_edits);
  std::vector<std::pair<std::string, Form>> forms{{w.skeleton, Form::edit_skeleton}};
  if (is_ascii(w.brand) && w.brand != w.skeleton) forms.emplace_back(w.brand, Form::edit_brand);
  for (const auto& entry : forms) {
    const std::string& form = entry.first;
    Form kind = entry.second;
    keys_.push_back(form);
    auto key = static_cast<std::uint32_t>(keys_.size() - 1);
    auto add = [&](const std::string& variant) {
      deletions_.add(hash_text(variant), {id, kind, key, 0});
      if (variant.size() < 64) deletion_lengths_ |= std::uint64_t{1} << variant.size();
    };
    add(form);
    for (std::size_t i = 0; i < form.size(); ++i) add(form.substr(0, i) + form.substr(i + 1));
  }
}

namespace {

constexpr std::size_t bigram_buckets = 4096;
constexpr int bigrams_destroyed_per_edit = 3;  // a transposition of "abcd" to "acbd" loses ab, bc and cd

std::size_t bigram_bucket(char a, char b) {
  return (static_cast<unsigned char>(a) * 131u + static_cast<unsigned char>(b)) & (bigram_buckets - 1);
}

}  // namespace

void LookalikeDetector::index_bigrams() {
  std::vector<std::vector<BigramPosting>> buckets(bigram_buckets);
  bigram_need_.assign(watched_.size(), 0);
  for (std::uint32_t id = 0; id < watched_.size(); ++id) {
    const WatchedDomain& w = watched_[id];
    if (w.max_edits < 2) continue;
    int bigrams = static_cast<int>(w.skeleton.size()) - 1;
    bigram_need_[id] = std::max(1, bigrams - bigrams_destroyed_per_edit * w.max_edits);
    for (std::size_t i = 0; i + 1 < w.skeleton.size(); ++i) {
      buckets[bigram_bucket(w.skeleton[i], w.skeleton[i + 1])].push_back({id, static_cast<std::uint32_t>(i)});
    }
    min_two_edit_length_ = std::min(min_two_edit_length_, w.skeleton.size());
  }
  bigram_start_.assign(bigram_buckets + 1, 0);
  for (std::size_t b = 0; b < bigram_buckets; ++b) {
    bigram_start_[b + 1] = bigram_start_[b] + static_cast<std::uint32_t>(buckets[b].size());
    bigram_brands_.insert(bigram_brands_.end(), buckets[b].begin(), buckets[b].end());
  }
}

void LookalikeDetector::probe_two_edits(Candidate& c) const {
  const std::string& label = c.skeleton;
  if (label.size() + 2 < min_two_edit_length_ || label.size() > max_label) return;
  // A bigram kept by an alignment of at most k edits moves by at most k positions, so only those
  // within k of their place in the brand count. Counted with multiplicity on both sides, which
  // can only overcount: the filter lets through every brand within two edits, and a few more.
  c.bigram_counts.resize(watched_.size(), 0);
  c.touched.clear();
  for (std::size_t i = 0; i + 1 < label.size(); ++i) {
    std::size_t bucket = bigram_bucket(label[i], label[i + 1]);
    for (std::uint32_t k = bigram_start_[bucket]; k < bigram_start_[bucket + 1]; ++k) {
      const BigramPosting& posting = bigram_brands_[k];
      std::size_t at = posting.position;
      if (at + 2 < i || i + 2 < at) continue;
      if (c.bigram_counts[posting.watched]++ == 0) c.touched.push_back(posting.watched);
    }
  }
  for (std::uint32_t id : c.touched) {
    int shared = c.bigram_counts[id];
    c.bigram_counts[id] = 0;
    const WatchedDomain& w = watched_[id];
    if (shared < bigram_need_[id]) continue;
    if (label.size() + 2 < w.skeleton.size() || label.size() > w.skeleton.size() + 2) continue;
    if (std::find(c.edits_tried.begin(), c.edits_tried.end(), id) != c.edits_tried.end()) continue;
    int distance = bounded_edit_distance(w.skeleton, label, w.max_edits);
    if (distance == 0 || distance > w.max_edits) continue;
    c.edits_tried.push_back(id);
    explain_edits(c, id);
  }
}

std::optional<LookalikeMatch> LookalikeDetector::check(std::string_view host) const {
  Candidate& c = *scratch_;
  c.best.reset();
  c.edits_tried.clear();
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.starts_with("*.")) host.remove_prefix(2);
  if (host.empty() || host.size() > max_host) return std::nullopt;
  c.host.resize(host.size());
  bool ascii = true;
  for (std::size_t i = 0; i < host.size(); ++i) {
    char ch = host[i];
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (!is_host_byte(ch)) return std::nullopt;
    ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    c.host[i] = ch;
  }
  c.unicode = c.host;
  if (has_punycode_label(c.host)) {
    if (std::optional<std::string> decoded = idna_to_unicode(c.host)) {
      c.decoded = std::move(*decoded);
      c.unicode = c.decoded;
      ascii = is_ascii(c.unicode);
    }
  }
  c.idn = !ascii;
  c.parts = suffixes_.split(c.unicode);
  if (c.parts.label.empty() || c.parts.label.size() > max_label) return std::nullopt;

  skeletons_.skeleton(c.parts.label, c.skeleton);
  probe_label(c);
  if (c.skeleton.find('-') != std::string::npos) probe_spans(c);
  if (max_edits_ > 0) {
    probe_deletions(c, c.skeleton);
    if (!c.idn && c.parts.label != c.skeleton) probe_deletions(c, c.parts.label);
    if (max_edits_ >= 2) probe_two_edits(c);
  }
  if (!c.parts.subdomain.empty()) probe_subdomains(c);
  // The brand's own domains are set aside last: nearly every name matches nothing, and then
  // this lookup is never paid for.
  if (c.best && own_registrable_.find(c.parts.registrable(c.unicode)) != own_registrable_.end()) return std::nullopt;
  return std::move(c.best);
}

void LookalikeDetector::offer(Candidate& c, LookalikeMatch match, double base, int extras) const {
  match.score = std::round(std::max(0.0, base - extra_rule_penalty * extras) * 100) / 100;  // as shown
  if (c.best) {
    const LookalikeMatch& best = *c.best;
    if (best.score > match.score) return;
    if (best.score == match.score &&
        std::tie(best.distance, best.watched) <= std::tie(match.distance, match.watched)) {
      return;
    }
  }
  match.domain = c.host;
  if (c.idn && !has_punycode_label(c.host)) {
    if (std::optional<std::string> ascii = idna_to_ascii(c.unicode)) match.domain = *ascii;
  }
  match.unicode = std::string(c.unicode);
  match.brand = watched_[match.watched].brand;
  c.best = std::move(match);
}

LookalikeStep LookalikeDetector::homoglyph_step(const Candidate& c, std::string_view original,
                                                std::string_view written) const {
  if (!is_ascii(written)) return {LookalikeRule::idn_homograph, unicode_detail(original, written)};
  return {LookalikeRule::homoglyph, differing_part(original, written)};
}

void LookalikeDetector::add_tld_step(const Candidate& c, const WatchedDomain& w, std::vector<LookalikeStep>& steps,
                                     int& extras) const {
  if (c.parts.suffix == w.suffix) return;
  if (!steps.empty()) ++extras;
  steps.push_back({LookalikeRule::tld_swap, fmt::format(".{} to .{}", w.suffix, c.parts.suffix)});
}

void LookalikeDetector::probe_label(Candidate& c) const {
  auto [first, last] = exact_.find(hash_text(c.skeleton));
  for (const Posting* p = first; p != last; ++p) {
    if (keys_[p->key] == c.skeleton) explain_exact(c, *p);
  }
}

void LookalikeDetector::explain_exact(Candidate& c, const Posting& posting) const {
  const WatchedDomain& w = watched_[posting.watched];
  std::string_view label = c.parts.label;
  LookalikeMatch match;
  match.watched = posting.watched;
  int extras = 0;
  double base = 0;
  switch (posting.form) {
    case Form::brand: {
      if (label != w.brand) {
        match.steps.push_back(homoglyph_step(c, w.brand, label));
        base = c.idn ? score_idn_homograph : score_homoglyph;
      } else {
        base = score_tld_swap;
      }
      add_tld_step(c, w, match.steps, extras);
      if (match.steps.empty()) return;  // the watched domain itself
      break;
    }
    case Form::separator: {
      const Separator& s = separators_[posting.extra];
      bool hyphen = s.folded.find('-', w.brand.size()) != std::string::npos;
      match.steps.push_back({LookalikeRule::separator, fmt::format("{} written {}{}", s.written, s.folded,
                                                                   hyphen ? ", dot made a hyphen" : ", dot dropped")});
      base = score_separator;
      if (label != s.folded) {
        match.steps.push_back(homoglyph_step(c, s.folded, label));
        ++extras;
      }
      if (!s.remainder.empty() && c.parts.suffix != s.remainder) {
        match.steps.push_back({LookalikeRule::tld_swap, fmt::format(".{} to .{}", s.remainder, c.parts.suffix)});
        ++extras;
      }
      break;
    }
    case Form::affix_before:
    case Form::affix_after: {
      const std::string& word = affixes_[posting.extra];
      bool before = posting.form == Form::affix_before;
      std::string glued = before ? word + w.brand : w.brand + word;
      match.steps.push_back({LookalikeRule::dictionary, fmt::format("{} glued {} {}", word, before ? "before" : "after",
                                                                    w.brand)});
      base = score_known_affix;
      if (label != glued) {
        match.steps.push_back(homoglyph_step(c, glued, label));
        ++extras;
      }
      add_tld_step(c, w, match.steps, extras);
      break;
    }
    default: return;
  }
  offer(c, std::move(match), base, extras);
}

namespace {

using WordBounds = std::array<std::pair<std::size_t, std::size_t>, 16>;

// The words of a label between hyphens, as [start, end) offsets; 0 when there are more than fit.
std::size_t split_words(std::string_view label, WordBounds& words) {
  std::size_t count = 0;
  for (std::size_t start = 0;;) {
    if (count == words.size()) return 0;
    std::size_t end = label.find('-', start);
    if (end == std::string_view::npos) end = label.size();
    words[count++] = {start, end};
    if (end == label.size()) return count;
    start = end + 1;
  }
}

}  // namespace

void LookalikeDetector::probe_spans(Candidate& c) const {
  // The words of the label, split at hyphens; the brand is a run of them (it may hold hyphens of
  // its own, "en-marche"), and the words around it are the affixes.
  WordBounds words;
  WordBounds raw_words;
  std::size_t count = split_words(c.skeleton, words);
  if (count < 2) return;
  // The label as written has the same words unless a Unicode dash made one; then the skeleton
  // stands for it.
  std::string_view raw = c.parts.label;
  bool raw_aligned = split_words(raw, raw_words) == count;
  std::string_view skeleton = c.skeleton;
  c.hashes.assign(c.skeleton);
  for (std::size_t a = 0; a < count; ++a) {
    for (std::size_t b = a + 1; b <= count; ++b) {
      if (a == 0 && b == count) continue;  // the whole label: probe_label()
      std::size_t from = words[a].first;
      std::size_t to = words[b - 1].second;
      if (from == to) continue;
      std::string_view span = skeleton.substr(from, to - from);
      std::string_view raw_span =
          raw_aligned ? raw.substr(raw_words[a].first, raw_words[b - 1].second - raw_words[a].first) : span;

      // What the words around the brand say, for the watched domain `w`.
      auto affix_step = [&](const WatchedDomain& w, bool& all_known, int& extras) {
        std::string before;
        std::string after;
        all_known = true;
        extras = -1;
        for (std::size_t k = 0; k < count; ++k) {
          if (k >= a && k < b) continue;
          std::string_view word = skeleton.substr(words[k].first, words[k].second - words[k].first);
          if (word.empty()) continue;
          std::string_view shown = raw_aligned ? raw.substr(raw_words[k].first, raw_words[k].second - raw_words[k].first)
                                               : word;
          std::string dotted = "." + std::string(word) + ".";
          bool own_suffix_label = ("." + w.suffix + ".").find(dotted) != std::string::npos;  // ameli-fr, impots-gouv
          all_known = all_known && (known_words_.count(word) > 0 || own_suffix_label);
          std::string& side = k < a ? before : after;
          side += side.empty() ? "" : " ";
          side += k < a ? std::string(shown) + "-" : "-" + std::string(shown);
          ++extras;
        }
        std::string detail = before.empty() ? "" : before + " before";
        if (!after.empty()) detail += (detail.empty() ? "" : ", ") + after + " after";
        if (!all_known) detail += " (not in the affix list)";
        return LookalikeStep{LookalikeRule::dictionary, detail};
      };

      auto [first, last] = exact_.find(c.hashes.substring(from, to));
      for (const Posting* p = first; p != last; ++p) {
        if (p->form != Form::brand || keys_[p->key] != span) continue;
        const WatchedDomain& w = watched_[p->watched];
        bool all_known = false;
        int extras = 0;
        LookalikeStep affixes = affix_step(w, all_known, extras);
        bool short_brand = w.skeleton.size() < parameters_.one_edit_length;
        if (short_brand && !all_known) continue;  // free-templates, live-lyrics: words, not imitations
        LookalikeMatch match;
        match.watched = p->watched;
        match.steps.push_back(std::move(affixes));
        if (raw_span != w.brand) {
          match.steps.push_back(homoglyph_step(c, w.brand, raw_span));
          ++extras;
        }
        add_tld_step(c, w, match.steps, extras);
        offer(c, std::move(match), all_known ? score_known_affix : score_unknown_affix, extras);
      }

      // A typo in the brand beside known words (mail-en-marhce, access-amell): one edit, and
      // only with words of the affix list, so that a word that is one letter from a brand
      // among other words ("office-outlet") needs the list to vouch for it.
      if (max_edits_ == 0 || span.size() + 1 < parameters_.one_edit_length) continue;
      for_each_deletion_hit(c.span_hashes, span, 1, [&](const Posting& p) {
        const WatchedDomain& w = watched_[p.watched];
        if (w.max_edits == 0) return;
        bool all_known = false;
        int extras = 0;
        LookalikeStep affixes = affix_step(w, all_known, extras);
        if (!all_known) return;
        std::optional<std::vector<LookalikeStep>> typed;
        if (!c.idn && raw_aligned) typed = explain_typing_edits(w.brand, raw_span, 1);
        if (!typed) typed = explain_typing_edits(w.skeleton, span, 1);
        if (!typed || typed->empty()) return;
        LookalikeMatch match;
        match.watched = p.watched;
        match.distance = static_cast<int>(typed->size());
        match.steps.push_back(std::move(affixes));
        for (LookalikeStep& step : *typed) match.steps.push_back(std::move(step));
        ++extras;
        add_tld_step(c, w, match.steps, extras);
        offer(c, std::move(match), score_known_affix, extras);
      });
    }
  }
}

template <typename OnHit>
void LookalikeDetector::for_each_deletion_hit(PrefixHashes& hashes, std::string_view form, int depth,
                                              OnHit on_hit) const {
  std::size_t n = form.size();
  if (n == 0 || n > max_label) return;
  hashes.assign(form);
  auto probe = [&](std::uint64_t hash) {
    auto [first, last] = deletions_.find(hash);
    for (const Posting* p = first; p != last; ++p) on_hit(*p);
  };
  auto wanted = [&](std::size_t length) { return length < 64 && ((deletion_lengths_ >> length) & 1) != 0; };
  if (wanted(n)) probe(hashes.substring(0, n));
  if (depth == 0 || n < 2 || !wanted(n - 1)) return;
  hashes.prepare_deletions();
  for (std::size_t i = 0; i < n; ++i) probe(hashes.without(i));
}

void LookalikeDetector::probe_deletions(Candidate& c, std::string_view form) const {
  for_each_deletion_hit(c.hashes, form, 1, [&](const Posting& p) {
    if (std::find(c.edits_tried.begin(), c.edits_tried.end(), p.watched) != c.edits_tried.end()) return;
    const WatchedDomain& w = watched_[p.watched];
    int distance = bounded_edit_distance(keys_[p.key], form, w.max_edits);
    if (distance == 0 || distance > w.max_edits) return;
    c.edits_tried.push_back(p.watched);
    explain_edits(c, p.watched);
  });
}

void LookalikeDetector::explain_edits(Candidate& c, std::uint32_t watched) const {
  const WatchedDomain& w = watched_[watched];
  LookalikeMatch match;
  match.watched = watched;
  int extras = 0;
  double base = 0;
  std::optional<std::vector<LookalikeStep>> typed;
  if (!c.idn) typed = explain_typing_edits(w.brand, c.parts.label, w.max_edits);
  if (typed) {
    match.distance = static_cast<int>(typed->size());
    base = match.distance == 1 ? score_one_edit : score_two_edits;
    match.steps = std::move(*typed);
  } else {
    typed = explain_typing_edits(w.skeleton, c.skeleton, w.max_edits);
    if (!typed) return;
    match.distance = static_cast<int>(typed->size());
    base = match.distance == 1 ? score_homoglyph_edit : score_two_edits - extra_rule_penalty;
    // The homoglyph is on the side where the skeleton changed the letters.
    match.steps.push_back(c.parts.label != c.skeleton ? homoglyph_step(c, c.skeleton, c.parts.label)
                                                      : LookalikeStep{LookalikeRule::homoglyph,
                                                                      differing_part(w.brand, w.skeleton)});
    for (LookalikeStep& step : *typed) match.steps.push_back(std::move(step));
  }
  add_tld_step(c, w, match.steps, extras);
  offer(c, std::move(match), base, extras);
}

void LookalikeDetector::probe_subdomains(Candidate& c) const {
  std::string_view host = c.unicode;
  // The whole host, skeleton against skeleton: impots.g0uv.fr.
  skeletons_.skeleton(host, c.scratch);
  {
    auto [first, last] = exact_.find(hash_text(c.scratch));
    for (const Posting* p = first; p != last; ++p) {
      if (p->form != Form::host || keys_[p->key] != c.scratch) continue;
      const WatchedDomain& w = watched_[p->watched];
      LookalikeMatch match;
      match.watched = p->watched;
      match.steps.push_back(homoglyph_step(c, w.unicode, host));
      offer(c, std::move(match), c.idn ? score_idn_homograph : score_homoglyph, 0);
    }
  }
  // A dot put inside the brand: en-m.arche.fr, en.marche.fr.
  std::string_view subdomain = c.parts.subdomain;
  std::size_t last_dot = subdomain.rfind('.');
  std::string_view last_label = last_dot == std::string_view::npos ? subdomain : subdomain.substr(last_dot + 1);
  for (std::string_view joint : {"", "-"}) {
    std::string joined = std::string(last_label) + std::string(joint) + std::string(c.parts.label);
    std::string joined_skeleton = skeletons_.skeleton(joined);
    auto [first, last] = exact_.find(hash_text(joined_skeleton));
    for (const Posting* p = first; p != last; ++p) {
      if (p->form != Form::brand || keys_[p->key] != joined_skeleton) continue;
      const WatchedDomain& w = watched_[p->watched];
      LookalikeMatch match;
      match.watched = p->watched;
      int extras = 0;
      match.steps.push_back({LookalikeRule::subdomain, fmt::format("{} written {}.{}, dot inserted", w.brand, last_label,
                                                                   c.parts.label)});
      if (joined != w.brand) {
        match.steps.push_back(homoglyph_step(c, w.brand, joined));
        ++extras;
      }
      add_tld_step(c, w, match.steps, extras);
      offer(c, std::move(match), score_dot_inserted, extras);
    }
  }
  // The brand as a label of the subdomain: en-marche.fr.secure-login.com, en-marche.example.com.
  for (std::size_t start = 0; start < subdomain.size();) {
    std::size_t end = subdomain.find('.', start);
    if (end == std::string_view::npos) end = subdomain.size();
    std::string_view label = subdomain.substr(start, end - start);
    skeletons_.skeleton(label, c.scratch);
    auto [first, last] = exact_.find(hash_text(c.scratch));
    for (const Posting* p = first; p != last; ++p) {
      if (p->form != Form::brand || keys_[p->key] != c.scratch) continue;
      const WatchedDomain& w = watched_[p->watched];
      std::string_view rest = host.substr(end + 1);
      bool whole_host = rest.starts_with(w.suffix) && rest.size() > w.suffix.size() && rest[w.suffix.size()] == '.';
      LookalikeMatch match;
      match.watched = p->watched;
      int extras = 0;
      std::string_view registrable = c.parts.registrable(host);
      if (whole_host) {
        match.steps.push_back({LookalikeRule::subdomain, fmt::format("{}.{} put in front of {}", label, w.suffix,
                                                                     rest.substr(w.suffix.size() + 1))});
      } else {
        match.steps.push_back({LookalikeRule::subdomain, fmt::format("{} as a subdomain of {}", label, registrable)});
      }
      if (label != w.brand) {
        match.steps.push_back(homoglyph_step(c, w.brand, label));
        ++extras;
      }
      offer(c, std::move(match), whole_host ? score_subdomain_host : score_brand_subdomain, extras);
    }
    start = end + 1;
  }
}

}  // namespace leaktrace
