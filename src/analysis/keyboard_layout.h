#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace leaktrace {

enum class KeyboardLayout { qwerty, azerty, qwertz };

constexpr std::array<KeyboardLayout, 3> all_keyboard_layouts{KeyboardLayout::qwerty, KeyboardLayout::azerty,
                                                             KeyboardLayout::qwertz};

std::string_view keyboard_layout_name(KeyboardLayout layout);  // "qwerty", "azerty", "qwertz"
std::optional<KeyboardLayout> parse_keyboard_layout(std::string_view name);

// The letter and digit keys that touch `key` on the layout (same row, and the rows above and
// below within one key width, with the usual stagger of a physical keyboard); empty for a
// character that is not on the layout's letter and digit rows.
std::string_view keyboard_neighbours(KeyboardLayout layout, char key);
bool are_keyboard_neighbours(KeyboardLayout layout, char a, char b);

// "qwerty/azerty": the layouts among `layouts` on which `a` and `b` touch, empty when none does.
std::string layouts_where_neighbours(char a, char b, std::span<const KeyboardLayout> layouts = all_keyboard_layouts);

}  // namespace leaktrace
