#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leaktrace {

// How one account acted on another: reposted, quoted, answered or mentioned it, linked one of its
// posts from another platform, or follows it (when a follower graph was collected).
enum class InteractionType : std::uint8_t { repost, quote, reply, mention, citation, follow };
constexpr std::size_t interaction_type_count = 6;

std::string_view interaction_type_name(InteractionType type);
std::optional<InteractionType> interaction_type_from_name(std::string_view name);

// A set of interaction types, as `--edges repost,quote` gives it.
class InteractionTypes {
 public:
  constexpr InteractionTypes() = default;
  static constexpr InteractionTypes all() { return InteractionTypes(0x3f); }
  // The graph communities and bridges are found on: who spread whose posts.
  static constexpr InteractionTypes amplification() {
    return InteractionTypes(bit(InteractionType::repost) | bit(InteractionType::quote));
  }
  // "repost,quote,citation" or "all"; throws std::invalid_argument naming the valid types.
  static InteractionTypes parse(std::string_view text);

  constexpr bool contains(InteractionType type) const { return (mask_ & bit(type)) != 0; }
  constexpr InteractionTypes with(InteractionType type) const { return InteractionTypes(mask_ | bit(type)); }
  constexpr bool empty() const { return mask_ == 0; }
  std::string to_string() const;
  constexpr bool operator==(const InteractionTypes&) const = default;

 private:
  constexpr explicit InteractionTypes(std::uint8_t mask) : mask_(mask) {}
  static constexpr std::uint8_t bit(InteractionType type) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(type));
  }
  std::uint8_t mask_ = 0;
};

}  // namespace leaktrace
