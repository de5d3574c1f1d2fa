// libFuzzer target: URL canonicalisation on arbitrary bytes. Besides not crashing, the canonical
// form must be a fixed point (canonicalising it again changes nothing), and cited_post and
// url_host must accept whatever it produces.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/url_canonicalizer.h"
#include "ingest/url_extraction.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string canonical = leaktrace::canonicalize_url(input);
  std::string again = leaktrace::canonicalize_url(canonical);
  if (again != canonical) __builtin_trap();
  (void)leaktrace::url_host(canonical);
  if (auto post = leaktrace::cited_post(canonical); post && post->post_id.empty()) __builtin_trap();
  for (std::string_view url : leaktrace::find_urls(input)) {
    if (url.data() < input.data() || url.data() + url.size() > input.data() + input.size()) __builtin_trap();
    (void)leaktrace::canonicalize_url(url);
  }
  return 0;
}
