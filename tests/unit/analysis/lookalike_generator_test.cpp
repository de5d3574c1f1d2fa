#include "analysis/lookalike_generator.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "analysis/idna.h"
#include "unit/analysis/analysis_test_support.h"

namespace leaktrace {
namespace {

using testing::public_suffixes;
using testing::skeletons;

// The domains one rule makes of `domain`, single rules only, one keyboard layout.
std::set<std::string> made_by(const std::string& domain, LookalikeRule rule,
                              std::vector<KeyboardLayout> layouts = {KeyboardLayout::qwerty}) {
  LookalikeGeneratorParameters parameters;
  parameters.rules = {rule};
  parameters.max_rules = 1;
  parameters.layouts = std::move(layouts);
  parameters.affixes = {"mail", "secure"};
  parameters.tlds = {"com", "co", "fr"};
  parameters.combination_tlds = {"com"};
  LookalikeGenerator generator(domain, parameters, public_suffixes(), skeletons());
  generator.run();
  std::set<std::string> out;
  for (const LookalikeCandidate& c : generator.candidates()) {
    EXPECT_EQ(c.steps.size(), 1u) << c.domain;
    EXPECT_EQ(c.steps.at(0).rule, rule) << c.domain;
    out.insert(c.domain);
  }
  return out;
}

using Domains = std::set<std::string>;

// abc.fr: each typing rule by hand.
TEST(LookalikeGenerator, TypingRulesOnAShortLabel) {
  Domains added = made_by("abc.fr", LookalikeRule::addition);
  EXPECT_EQ(added.size(), 36u) << "a-z and 0-9 appended";
  EXPECT_TRUE(added.count("abcd.fr") && added.count("abc9.fr"));
  EXPECT_EQ(made_by("abc.fr", LookalikeRule::omission), (Domains{"bc.fr", "ac.fr", "ab.fr"}));
  EXPECT_EQ(made_by("abc.fr", LookalikeRule::repetition), (Domains{"aabc.fr", "abbc.fr", "abcc.fr"}));
  EXPECT_EQ(made_by("abc.fr", LookalikeRule::transposition), (Domains{"bac.fr", "acb.fr"}));
  EXPECT_EQ(made_by("abc.fr", LookalikeRule::hyphenation), (Domains{"a-bc.fr", "ab-c.fr"}));
  EXPECT_EQ(made_by("abc.fr", LookalikeRule::vowel_swap), (Domains{"ebc.fr", "ibc.fr", "obc.fr", "ubc.fr", "ybc.fr"}));
}

//   q w e r t y u i o p      a z e r t y u i o p
//    a s d f g h j k l        q s d f g h j k l m
//      z x c v b n m            w x c v b n
TEST(LookalikeGenerator, KeyboardRulesFollowTheLayout) {
  Domains qwerty = made_by("ab.fr", LookalikeRule::replacement, {KeyboardLayout::qwerty});
  EXPECT_EQ(qwerty, (Domains{"qb.fr", "wb.fr", "sb.fr", "zb.fr", "av.fr", "ag.fr", "ah.fr", "an.fr"}));
  Domains azerty = made_by("ab.fr", LookalikeRule::replacement, {KeyboardLayout::azerty});
  EXPECT_TRUE(azerty.count("zb.fr") && azerty.count("qb.fr") && !azerty.count("sb.fr"));
  Domains inserted = made_by("ab.fr", LookalikeRule::insertion, {KeyboardLayout::qwerty});
  EXPECT_TRUE(inserted.count("qab.fr") && inserted.count("aqb.fr") && inserted.count("abn.fr"));
  EXPECT_EQ(inserted.size(), 16u) << "each of the 4 neighbours of a and of b, before and after its key";
}

TEST(LookalikeGenerator, BitFlipsStayInsideDnsCharacters) {
  // a = 0x61: flipping bit 1 gives c (0x63), bit 2 e, bit 3 i, bit 4 q, bit 6 !, bit 5 A (same name).
  Domains flipped = made_by("a.fr", LookalikeRule::bitsquatting);
  EXPECT_EQ(flipped, (Domains{"c.fr", "e.fr", "i.fr", "q.fr"}));
}

TEST(LookalikeGenerator, HomoglyphsAsciiAndUnicode) {
  Domains ascii = made_by("mail.fr", LookalikeRule::homoglyph);
  for (const char* d : {"rnail.fr", "nnail.fr", "mai1.fr", "maii.fr", "ma1l.fr", "mall.fr"}) {
    EXPECT_TRUE(ascii.count(d)) << d;
  }
  EXPECT_TRUE(made_by("wood.fr", LookalikeRule::homoglyph).count("vvood.fr"));
  EXPECT_TRUE(made_by("dash.fr", LookalikeRule::homoglyph).count("clash.fr"));
  EXPECT_TRUE(made_by("wood.fr", LookalikeRule::homoglyph).count("wo0d.fr"));
  Domains unicode = made_by("abc.fr", LookalikeRule::idn_homograph);
  std::optional<std::string> cyrillic_a = idna_to_ascii("\xD0\xB0" "bc.fr");  // U+0430
  ASSERT_TRUE(cyrillic_a);
  EXPECT_TRUE(unicode.count(*cyrillic_a)) << *cyrillic_a;
  for (const std::string& d : unicode) EXPECT_TRUE(d.starts_with("xn--")) << d;
}

TEST(LookalikeGenerator, AffixesSubdomainsSeparatorsAndTlds) {
  EXPECT_EQ(made_by("en-marche.fr", LookalikeRule::dictionary),
            (Domains{"mail-en-marche.fr", "en-marche-mail.fr", "mailen-marche.fr", "en-marchemail.fr",
                     "secure-en-marche.fr", "en-marche-secure.fr", "secureen-marche.fr", "en-marchesecure.fr"}));
  Domains sub = made_by("abc.fr", LookalikeRule::subdomain);
  EXPECT_EQ(sub, (Domains{"a.bc.fr", "ab.c.fr", "abc.fr.com"}));
  EXPECT_EQ(made_by("impots.gouv.fr", LookalikeRule::separator),
            (Domains{"impots-gouv.fr", "impotsgouv.fr", "impots-gouv-fr.com", "impotsgouvfr.com"}));
  EXPECT_EQ(made_by("en-marche.fr", LookalikeRule::tld_swap), (Domains{"en-marche.com", "en-marche.co"}));
}

TEST(LookalikeGenerator, TwoRuleCombinations) {
  LookalikeGeneratorParameters parameters;
  LookalikeGenerator generator("en-marche.fr", parameters, public_suffixes(), skeletons());
  EXPECT_THROW(generator.candidates(), std::logic_error);
  generator.run();
  std::map<std::string, std::string> rules;
  for (const LookalikeCandidate& c : generator.candidates()) {
    EXPECT_TRUE(rules.emplace(c.domain, join_rule_names(c.steps)).second) << "each domain once: " << c.domain;
    EXPECT_LE(c.steps.size(), 2u);
    EXPECT_NE(c.domain, "en-marche.fr");
  }
  EXPECT_EQ(rules["en-nnarche.com"], "homoglyph+tld-swap");
  EXPECT_EQ(rules["en-rnarche.fr"], "homoglyph");
  EXPECT_EQ(rules["onedrive-en-marche.fr"], "dictionary");
  EXPECT_EQ(rules["mail-en-marche.fr"], "dictionary");
  EXPECT_EQ(rules["en-marche.co"], "tld-swap");
  EXPECT_EQ(rules["mail-en-rnarche.fr"], "homoglyph+dictionary");
  EXPECT_EQ(rules["en-marhce.com"], "transposition+tld-swap");

  parameters.max_rules = 1;
  LookalikeGenerator single("en-marche.fr", parameters, public_suffixes(), skeletons());
  single.run();
  for (const LookalikeCandidate& c : single.candidates()) EXPECT_EQ(c.steps.size(), 1u) << c.domain;
  EXPECT_LT(single.candidates().size(), generator.candidates().size());
}

TEST(LookalikeGenerator, EveryCandidateIsARegistrableName) {
  LookalikeGenerator generator("service-public.fr", {}, public_suffixes(), skeletons());
  generator.run();
  for (const LookalikeCandidate& c : generator.candidates()) {
    EXPECT_LE(c.domain.size(), 253u);
    EXPECT_EQ(idna_to_ascii(c.unicode), c.domain) << c.domain;
    EXPECT_FALSE(c.domain.find("-.") != std::string::npos || c.domain.find(".-") != std::string::npos) << c.domain;
  }
}

TEST(LookalikeGenerator, RefusesWhatIsNoDomain) {
  EXPECT_THROW(LookalikeGenerator("gouv.fr", {}, public_suffixes(), skeletons()), std::invalid_argument);
  EXPECT_THROW(LookalikeGenerator("", {}, public_suffixes(), skeletons()), std::invalid_argument);
  LookalikeGeneratorParameters three;
  three.max_rules = 3;
  EXPECT_THROW(LookalikeGenerator("en-marche.fr", three, public_suffixes(), skeletons()), std::invalid_argument);
}

}  // namespace
}  // namespace leaktrace
