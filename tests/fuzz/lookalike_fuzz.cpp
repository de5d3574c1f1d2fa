// libFuzzer target: domain-list lines through the lookalike detector, as `domains check` reads
// a CT-log or zone dump. Besides not crashing, every host found must lie inside its line, and a
// match must name a watched domain and come with at least one rule and a score in 0..1.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/confusable_skeleton.h"
#include "analysis/domain_line.h"
#include "analysis/lookalike_detector.h"
#include "analysis/lookalike_word_lists.h"
#include "analysis/registrable_domain.h"

namespace {

const leaktrace::LookalikeDetector& detector() {
  static const leaktrace::PublicSuffixList suffixes = leaktrace::PublicSuffixList::load();
  static const leaktrace::ConfusableSkeleton skeletons;
  static leaktrace::LookalikeDetector instance = [] {
    leaktrace::LookalikeParameters parameters;
    parameters.affixes = leaktrace::bundled_affixes();
    return leaktrace::LookalikeDetector({"en-marche.fr", "impots.gouv.fr", "service-public.fr", "ovh.com"}, parameters,
                                        suffixes, skeletons);
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> hosts;
  while (!input.empty()) {
    std::size_t end = input.find('\n');
    std::string_view line = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    leaktrace::hosts_in_line(line, hosts);
    for (std::string_view host : hosts) {
      if (host.data() < line.data() || host.data() + host.size() > line.data() + line.size()) __builtin_trap();
      std::optional<leaktrace::LookalikeMatch> match = detector().check(host);
      if (!match) continue;
      if (match->watched >= detector().watched().size() || match->steps.empty()) __builtin_trap();
      if (match->score < 0 || match->score > 1) __builtin_trap();
    }
    (void)detector().check(line);  // the raw line, as a host
  }
  return 0;
}
