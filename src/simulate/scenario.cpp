#include "simulate/scenario.h"

#include <array>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

namespace leaktrace::simulate {
namespace {

// The communities of the 2017 story first, then others that a narrative of this kind reaches.
constexpr std::array<std::pair<const char*, int>, 8> community_rotation{{
    {"us-alt-right", -5},
    {"fr-far-right", 2},
    {"ru-state-linked", 3},
    {"de-right", 2},
    {"es-latam", -3},
    {"it-right", 2},
    {"br-right", -3},
    {"jp-netto-uyoku", 9},
}};
constexpr std::array<const char*, 8> language_rotation{"en", "fr", "ru", "de", "es", "it", "pt", "ja"};

}  // namespace

std::launch ScenarioParameters::parts_launch() const {
  return threads != 1 && std::thread::hardware_concurrency() > 1 ? std::launch::async : std::launch::deferred;
}

void ScenarioParameters::validate() const {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  if (tweets < 1000) fail(fmt::format("--posts {} is too small: a scenario needs at least 1000 tweets", tweets));
  if (accounts < 200) fail(fmt::format("--accounts {} is too small: a scenario needs at least 200 accounts", accounts));
  if (accounts > 200000000) fail("--accounts is above 200,000,000; give fewer accounts");
  if (tweets > 4000000000ULL) fail("--posts is above 4,000,000,000; give fewer posts");
  if (communities < 1 || communities > 64) fail(fmt::format("--communities {} is out of range: give 1 to 64", communities));
  if (hubs < 1) fail("--hubs must be at least 1: the story needs an amplifier");
  if (static_cast<std::uint64_t>(bots) + hubs + static_cast<std::uint64_t>(bridges) * communities + 10 > accounts / 2) {
    fail(fmt::format("--bots, --hubs and --bridges take more than half of the {} accounts; give more --accounts",
                     accounts));
  }
  if (bots > 0 && bursts == 0) fail("--bursts must be at least 1 when there are --bots");
  if (background_share < 0.0 || background_share > 0.9) fail("--background must be between 0 and 0.9");
  if (cross_community_share < 0.0 || cross_community_share > 0.5) fail("--cross must be between 0 and 0.5");
  if (subject_tag.empty() || subject_tag.find_first_of(" #,\t\n") != std::string::npos) {
    fail(fmt::format("--tag '{}' is not a hashtag: give the tag without '#' or spaces", subject_tag));
  }
  if (duration < 3600000) fail("--duration must be at least one hour");
  if (!languages.empty() && languages.size() != communities) {
    fail(fmt::format("--languages gives {} languages for {} communities; give one per community", languages.size(),
                     communities));
  }
  if (noise_delete_share < 0.0 || noise_delete_share > 0.2 || noise_duplicate_share < 0.0 ||
      noise_duplicate_share > 0.2) {
    fail("noise shares must be between 0 and 0.2");
  }
}

CommunityProfile ScenarioParameters::community_profile(std::uint32_t index) const {
  const auto& [label, offset] = community_rotation[index % community_rotation.size()];
  CommunityProfile profile;
  profile.label = index < community_rotation.size() ? std::string(label)
                                                    : fmt::format("{}-{}", label, index / community_rotation.size() + 1);
  profile.language = languages.empty() ? std::string(language_rotation[index % language_rotation.size()])
                                       : languages[index];
  profile.utc_offset_hours = offset;
  return profile;
}

}  // namespace leaktrace::simulate
