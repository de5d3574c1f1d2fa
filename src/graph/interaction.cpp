#include "graph/interaction.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, interaction_type_count> names{"repost", "quote", "reply", "mention", "citation", "follow"};

}  // namespace

std::string_view interaction_type_name(InteractionType type) { return names[static_cast<std::size_t>(type)]; }

std::optional<InteractionType> interaction_type_from_name(std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<InteractionType>(i);
  }
  return std::nullopt;
}

InteractionTypes InteractionTypes::parse(std::string_view text) {
  if (text == "all") return all();
  InteractionTypes types;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = std::min(text.find(',', start), text.size());
    std::string_view name = text.substr(start, comma - start);
    auto type = interaction_type_from_name(name);
    if (!type) {
      throw std::invalid_argument(fmt::format(
          "unknown edge type '{}'; edge types are repost, quote, reply, mention, citation, follow (comma-separated) or all",
          name));
    }
    types = types.with(*type);
    start = comma + 1;
  }
  return types;
}

std::string InteractionTypes::to_string() const {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (contains(static_cast<InteractionType>(i))) out += (out.empty() ? "" : ",") + std::string(names[i]);
  }
  return out;
}

}  // namespace leaktrace
