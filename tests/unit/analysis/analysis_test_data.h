#pragma once

#include <string>

#include "workspace/dataset.h"

namespace leaktrace::testing {

// Builds small datasets for the analyses' tests: accounts by handle, posts by id, in a few lines.
class SmallDataset {
 public:
  std::uint32_t account(const std::string& handle, Platform platform = Platform::twitter) {
    return builder_.add_account({.platform = platform, .native_id = handle, .handle = handle});
  }
  std::uint32_t post(const std::string& id, std::uint32_t author, TimeMs time, PostKind kind = PostKind::original,
                     const std::string& parent = "", Platform platform = Platform::twitter) {
    return builder_.add_post({.platform = platform,
                              .native_id = id,
                              .author = author,
                              .time = time,
                              .kind = kind,
                              .parent_native_id = parent,
                              .language = "en"});
  }
  DatasetBuilder& builder() { return builder_; }
  Dataset finish() { return builder_.finish(); }

 private:
  DatasetBuilder builder_{true};
};

}  // namespace leaktrace::testing
