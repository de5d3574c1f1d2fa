#pragma once

#include "analysis/confusable_skeleton.h"
#include "analysis/registrable_domain.h"

namespace leaktrace::testing {

// Debian's list (package publicsuffix, in scripts/install-deps) and ICU's data, loaded once.
inline const PublicSuffixList& public_suffixes() {
  static const PublicSuffixList list = PublicSuffixList::load();
  return list;
}

inline const ConfusableSkeleton& skeletons() {
  static const ConfusableSkeleton skeleton;
  return skeleton;
}

}  // namespace leaktrace::testing
