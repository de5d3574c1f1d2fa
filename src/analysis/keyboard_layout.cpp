#include "analysis/keyboard_layout.h"

#include <cmath>

namespace leaktrace {
namespace {

// Rows from the digits down, and how far each row is shifted right, in key widths (ISO stagger).
constexpr std::array<double, 4> row_offsets{0.0, 0.5, 0.75, 1.25};

constexpr std::array<std::array<std::string_view, 4>, 3> layout_rows{{
    {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
    {"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"},
    {"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
}};

using NeighbourTable = std::array<std::string, 128>;

NeighbourTable build_neighbours(const std::array<std::string_view, 4>& rows) {
  NeighbourTable table;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    for (std::size_t column = 0; column < rows[row].size(); ++column) {
      double x = static_cast<double>(column) + row_offsets[row];
      std::string& neighbours = table[static_cast<unsigned char>(rows[row][column])];
      for (std::size_t other_row = row == 0 ? 0 : row - 1; other_row <= row + 1 && other_row < rows.size(); ++other_row) {
        for (std::size_t other = 0; other < rows[other_row].size(); ++other) {
          if (other_row == row && other == column) continue;
          double dx = std::abs(static_cast<double>(other) + row_offsets[other_row] - x);
          bool touching = other_row == row ? dx < 1.5 : dx < 1.0;
          if (touching) neighbours.push_back(rows[other_row][other]);
        }
      }
    }
  }
  return table;
}

const NeighbourTable& neighbours_of(KeyboardLayout layout) {
  static const std::array<NeighbourTable, 3> tables{build_neighbours(layout_rows[0]), build_neighbours(layout_rows[1]),
                                                    build_neighbours(layout_rows[2])};
  return tables[static_cast<std::size_t>(layout)];
}

}  // namespace

std::string_view keyboard_layout_name(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::qwerty: return "qwerty";
    case KeyboardLayout::azerty: return "azerty";
    case KeyboardLayout::qwertz: return "qwertz";
  }
  return "qwerty";
}

std::optional<KeyboardLayout> parse_keyboard_layout(std::string_view name) {
  for (KeyboardLayout layout : all_keyboard_layouts) {
    if (keyboard_layout_name(layout) == name) return layout;
  }
  return std::nullopt;
}

std::string_view keyboard_neighbours(KeyboardLayout layout, char key) {
  auto index = static_cast<unsigned char>(key);
  if (index >= 128) return {};
  return neighbours_of(layout)[index];
}

bool are_keyboard_neighbours(KeyboardLayout layout, char a, char b) {
  return keyboard_neighbours(layout, a).find(b) != std::string_view::npos;
}

std::string layouts_where_neighbours(char a, char b, std::span<const KeyboardLayout> layouts) {
  std::string names;
  for (KeyboardLayout layout : layouts) {
    if (!are_keyboard_neighbours(layout, a, b)) continue;
    if (!names.empty()) names += '/';
    names += keyboard_layout_name(layout);
  }
  return names;
}

}  // namespace leaktrace
