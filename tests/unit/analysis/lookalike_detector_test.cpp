#include "analysis/lookalike_detector.h"

#include <gtest/gtest.h>

#include "analysis/lookalike_generator.h"
#include "analysis/lookalike_word_lists.h"
#include "unit/analysis/analysis_test_support.h"

namespace leaktrace {
namespace {

using testing::public_suffixes;
using testing::skeletons;

LookalikeDetector detector_for(std::vector<std::string> watched, std::vector<std::string> allowed = {}) {
  LookalikeParameters parameters;
  parameters.affixes = bundled_affixes();
  parameters.allowed = std::move(allowed);
  return LookalikeDetector(watched, parameters, public_suffixes(), skeletons());
}

std::string explain(const LookalikeDetector& detector, std::string_view host) {
  std::optional<LookalikeMatch> match = detector.check(host);
  if (!match) return "not flagged";
  return detector.watched()[match->watched].domain + ": " + describe_steps(match->steps);
}

// The 2017 campaign's lookalikes, each with the explanation a reader needs.
TEST(LookalikeDetector, FlagsThe2017LookalikesOfEnMarche) {
  LookalikeDetector detector = detector_for({"en-marche.fr"});
  EXPECT_EQ(explain(detector, "en-nnarche.com"), "en-marche.fr: homoglyph (nn for m); tld-swap (.fr to .com)");
  EXPECT_EQ(explain(detector, "onedrive-en-marche.fr"), "en-marche.fr: dictionary (onedrive- before)");
  EXPECT_EQ(explain(detector, "mail-en-marche.fr"), "en-marche.fr: dictionary (mail- before)");
  EXPECT_EQ(explain(detector, "en-marche.co"), "en-marche.fr: tld-swap (.fr to .co)");
  std::optional<LookalikeMatch> match = detector.check("EN-NNARCHE.COM.");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->domain, "en-nnarche.com");
  EXPECT_EQ(match->brand, "en-marche");
  EXPECT_EQ(match->distance, 0);
  EXPECT_DOUBLE_EQ(match->score, 0.9);
}

TEST(LookalikeDetector, DecodesPunycodeHomographs) {
  LookalikeDetector detector = detector_for({"en-marche.fr", "belley.fr"});
  // xn--n-marche-b8g.fr is "еn-marche.fr" with a Cyrillic е (U+0435).
  std::optional<LookalikeMatch> match = detector.check("xn--n-marche-b8g.fr");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->unicode, "\xD0\xB5n-marche.fr");
  EXPECT_EQ(describe_steps(match->steps), "idn-homograph (\xD0\xB5 for e, U+0435)");
  EXPECT_DOUBLE_EQ(match->score, 0.98);
  // The same name given in Unicode is reported in its registrable (Punycode) form.
  match = detector.check("b\xD0\xB5lley.fr");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->domain, "xn--blley-zwe.fr");
  EXPECT_EQ(explain(detector, "b\xC3\xA9lley.fr"), "belley.fr: idn-homograph (\xC3\xA9 for e, U+00E9)");
}

TEST(LookalikeDetector, TypingMistakesByBrandLength) {
  LookalikeDetector detector = detector_for({"belley.fr", "service-public.fr", "ovh.com"});
  EXPECT_EQ(explain(detector, "bellry.fr"), "belley.fr: replacement (r for e, qwerty/azerty/qwertz neighbour)");
  EXPECT_EQ(explain(detector, "belly.com"), "belley.fr: omission (e dropped); tld-swap (.fr to .com)");
  EXPECT_EQ(explain(detector, "bely.fr"), "not flagged") << "six letters allow one edit";
  EXPECT_EQ(explain(detector, "servce-publc.fr"), "service-public.fr: omission (i dropped); omission (i dropped)");
  EXPECT_EQ(explain(detector, "ohv.com"), "not flagged") << "three letters allow no edit";
  EXPECT_EQ(explain(detector, "0vh.com"), "ovh.com: homoglyph (0 for o)");
  EXPECT_EQ(explain(detector, "ovh-login.com"), "ovh.com: dictionary (-login after)");
  EXPECT_EQ(explain(detector, "ovh-lyrics.com"), "not flagged") << "a short brand beside an unknown word";
}

TEST(LookalikeDetector, SubdomainAndSeparatorTricks) {
  LookalikeDetector detector = detector_for({"impots.gouv.fr", "belley.fr", "en-marche.fr"});
  EXPECT_EQ(explain(detector, "impots.gouv.fr.secure-login.com"),
            "impots.gouv.fr: subdomain (impots.gouv.fr put in front of secure-login.com)");
  EXPECT_EQ(explain(detector, "belley.fr.com"), "belley.fr: subdomain (belley.fr put in front of com)");
  EXPECT_EQ(explain(detector, "impots.g0uv.fr"), "impots.gouv.fr: homoglyph (0 for o)");
  EXPECT_EQ(explain(detector, "impots-gouv.fr"), "impots.gouv.fr: separator (impots.gouv written impots-gouv, dot made a hyphen)");
  EXPECT_EQ(explain(detector, "impotsgouv.fr"), "impots.gouv.fr: separator (impots.gouv written impotsgouv, dot dropped)");
  EXPECT_EQ(explain(detector, "en-m.arche.fr"), "en-marche.fr: subdomain (en-marche written en-m.arche, dot inserted)");
  EXPECT_EQ(explain(detector, "en-marche.example.org"), "en-marche.fr: subdomain (en-marche as a subdomain of example.org)");
  EXPECT_EQ(explain(detector, "mairie-belley-officiel.xyz"),
            "belley.fr: dictionary (mairie- before, -officiel after); tld-swap (.fr to .xyz)");
}

TEST(LookalikeDetector, OwnAndAllowedDomainsAreNeverFlagged) {
  LookalikeDetector detector = detector_for({"en-marche.fr"}, {"en-marche.org", "https://elections.en-marche.com/"});
  EXPECT_EQ(explain(detector, "en-marche.fr"), "not flagged");
  EXPECT_EQ(explain(detector, "login.en-marche.fr"), "not flagged");
  EXPECT_EQ(explain(detector, "en-marche.org"), "not flagged");
  EXPECT_EQ(explain(detector, "www.en-marche.com"), "not flagged") << "allowing a host allows its registrable domain";
  EXPECT_EQ(explain(detector, "en-marche.net"), "en-marche.fr: tld-swap (.fr to .net)");
  EXPECT_EQ(explain(detector, "lemonde.fr"), "not flagged");
  EXPECT_EQ(explain(detector, "fr"), "not flagged");
  EXPECT_EQ(explain(detector, "not a host"), "not flagged");
}

TEST(LookalikeDetector, RefusesWatchingWhatIsNoDomain) {
  EXPECT_THROW(detector_for({}), std::invalid_argument);
  EXPECT_THROW(detector_for({"gouv.fr"}), std::invalid_argument);
  EXPECT_THROW(detector_for({"https://x y"}), std::invalid_argument);
}

// What the generator makes, the detector must find (the generator is the reference here, and
// both share no matching code): every single-rule lookalike, and the two-rule ones.
TEST(LookalikeDetector, FindsWhatTheGeneratorMakes) {
  for (std::string domain : {"en-marche.fr", "service-public.fr", "impots.gouv.fr", "ameli.fr"}) {
    LookalikeDetector detector = detector_for({domain});
    LookalikeGenerator generator(domain, {}, public_suffixes(), skeletons());
    generator.run();
    std::size_t single = 0;
    std::size_t single_found = 0;
    std::size_t found = 0;
    for (const LookalikeCandidate& c : generator.candidates()) {
      bool flagged = detector.check(c.domain).has_value();
      found += flagged;
      if (c.steps.size() == 1) {
        ++single;
        single_found += flagged;
        EXPECT_TRUE(flagged) << domain << ": " << c.domain << " (" << describe_steps(c.steps) << ")";
      }
    }
    EXPECT_EQ(single_found, single) << domain;
    EXPECT_GE(static_cast<double>(found), 0.97 * static_cast<double>(generator.candidates().size())) << domain;
  }
}

}  // namespace
}  // namespace leaktrace
