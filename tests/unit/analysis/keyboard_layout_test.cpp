#include "analysis/keyboard_layout.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

std::string sorted(std::string_view keys) {
  std::string out(keys);
  std::sort(out.begin(), out.end());
  return out;
}

//   q w e r t y u i o p
//    a s d f g h j k l
//      z x c v b n m
TEST(KeyboardLayout, QwertyNeighboursFollowTheStagger) {
  EXPECT_EQ(sorted(keyboard_neighbours(KeyboardLayout::qwerty, 'g')), "bfhtvy");
  EXPECT_EQ(sorted(keyboard_neighbours(KeyboardLayout::qwerty, 'a')), "qswz");
  EXPECT_EQ(sorted(keyboard_neighbours(KeyboardLayout::qwerty, 'm')), "jkn");
  EXPECT_EQ(sorted(keyboard_neighbours(KeyboardLayout::qwerty, 'e')), "34drsw");
}

//   a z e r t y u i o p
//    q s d f g h j k l m
//      w x c v b n
TEST(KeyboardLayout, AzertyAndQwertzMoveTheirLetters) {
  EXPECT_TRUE(are_keyboard_neighbours(KeyboardLayout::azerty, 'a', 'z'));
  EXPECT_TRUE(are_keyboard_neighbours(KeyboardLayout::azerty, 'a', 'q'));
  EXPECT_TRUE(are_keyboard_neighbours(KeyboardLayout::azerty, 'm', 'l'));
  EXPECT_FALSE(are_keyboard_neighbours(KeyboardLayout::qwerty, 'm', 'l'));
  EXPECT_TRUE(are_keyboard_neighbours(KeyboardLayout::qwertz, 'z', 't'));
  EXPECT_TRUE(are_keyboard_neighbours(KeyboardLayout::qwertz, 'y', 'x'));
  EXPECT_FALSE(are_keyboard_neighbours(KeyboardLayout::qwerty, 'z', 't'));
  EXPECT_TRUE(keyboard_neighbours(KeyboardLayout::qwerty, '-').empty());
}

TEST(KeyboardLayout, NamesTheLayoutsWhereKeysTouch) {
  EXPECT_EQ(layouts_where_neighbours('e', 'r'), "qwerty/azerty/qwertz");
  EXPECT_EQ(layouts_where_neighbours('m', 'l'), "azerty");
  EXPECT_EQ(layouts_where_neighbours('z', 't'), "qwertz");
  std::array<KeyboardLayout, 1> qwerty_only{KeyboardLayout::qwerty};
  EXPECT_EQ(layouts_where_neighbours('m', 'l', qwerty_only), "");
}

TEST(KeyboardLayout, NamesRoundTrip) {
  for (KeyboardLayout layout : all_keyboard_layouts) {
    EXPECT_EQ(parse_keyboard_layout(keyboard_layout_name(layout)), layout);
  }
  EXPECT_FALSE(parse_keyboard_layout("dvorak"));
}

}  // namespace
}  // namespace leaktrace
