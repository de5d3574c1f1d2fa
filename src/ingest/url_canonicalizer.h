#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/post.h"

namespace leaktrace {

// The one form of a URL under which two links to the same thing compare equal: lower-case scheme
// and host, no "www."/"m."/"mobile." prefix, no default port, no tracking parameters (utm_*,
// fbclid, gclid, ...), no fragment except where it names a post (4chan "#p123"), twitter.com and
// x.com status links as https://twitter.com/i/status/ID. Returns the input unchanged (trimmed)
// when it is not an http(s) URL.
std::string canonicalize_url(std::string_view url);

// Host of a canonical URL ("boards.4chan.org"), empty when there is none.
std::string_view url_host(std::string_view canonical_url);

// The post a canonical URL names, when it is a post URL of a platform leaktrace reads.
std::optional<CitedPost> cited_post(std::string_view canonical_url);

}  // namespace leaktrace
