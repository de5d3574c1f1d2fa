#include "analysis/idna.h"

#include <idn2.h>

#include <cstdlib>
#include <memory>

namespace leaktrace {
namespace {

struct FreeIdn2 {
  void operator()(char* text) const { idn2_free(text); }
};

}  // namespace

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool has_punycode_label(std::string_view host) {
  for (std::size_t at = 0; at + 4 <= host.size();) {
    std::string_view label = host.substr(at, 4);
    if ((label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-') return true;
    std::size_t dot = host.find('.', at);
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  return false;
}

std::optional<std::string> idna_to_unicode(std::string_view host) {
  if (!has_punycode_label(host)) return std::string(host);
  std::string input(host);
  char* output = nullptr;
  if (idn2_to_unicode_8z8z(input.c_str(), &output, 0) != IDN2_OK) return std::nullopt;
  std::unique_ptr<char, FreeIdn2> owned(output);
  return std::string(output);
}

std::optional<std::string> idna_to_ascii(std::string_view host) {
  if (is_ascii(host)) {
    std::string lower(host);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
  }
  std::string input(host);
  char* output = nullptr;
  if (idn2_to_ascii_8z(input.c_str(), &output, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL) != IDN2_OK) return std::nullopt;
  std::unique_ptr<char, FreeIdn2> owned(output);
  return std::string(output);
}

}  // namespace leaktrace
