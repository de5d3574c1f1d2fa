#pragma once

#include <string>
#include <string_view>

namespace leaktrace {

// The form under which hashtags compare: Unicode case folding (#MacronLeaks is #macronleaks, and
// #ÉLECTION is #élection), without the '#'.
std::string fold_hashtag(std::string_view tag);

}  // namespace leaktrace
