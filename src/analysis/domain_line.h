#pragma once

#include <string_view>
#include <vector>

namespace leaktrace {

// The host names on one line of a domain list: a plain list (one domain or URL a line), a
// certificate-transparency dump (names of a certificate separated by commas or spaces, wildcards
// "*.example.org", timestamps around them) or a DNS zone dump ("example.org. 3600 IN NS ...",
// where only the owner name counts). Comments (#, ;, //) and tokens that are no host name
// (numbers, times, IP addresses, words without a dot) are skipped. Views point into `line`;
// `hosts` is cleared first.
void hosts_in_line(std::string_view line, std::vector<std::string_view>& hosts);

// The host of "https://user@Host.example:8443/path?q" ("Host.example"), or the token itself
// without a leading "*." and trailing dots when it is not a URL; empty when it is no host name.
std::string_view host_of_token(std::string_view token);

}  // namespace leaktrace
