#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leaktrace {

// IDNA2008 with UTS #46 non-transitional mapping, through libidn2.

// "xn--blley-zwe.fr" → "bеlley.fr" (UTF-8). Labels without "xn--" pass unchanged; a label whose
// Punycode does not decode makes the whole answer empty.
std::optional<std::string> idna_to_unicode(std::string_view host);

// "bеlley.fr" → "xn--blley-zwe.fr"; empty when IDNA2008 refuses the name (a label that cannot be
// registered). ASCII-only input is returned lower-cased without calling libidn2.
std::optional<std::string> idna_to_ascii(std::string_view host);

// True when every byte is ASCII.
bool is_ascii(std::string_view text);

// True when some label starts with "xn--" (any case).
bool has_punycode_label(std::string_view host);

}  // namespace leaktrace
