#include "render/json_writer.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
  JsonWriter json;
  json.begin_object().key("a").value(std::int64_t{1}).key("b").begin_array().value("x").value(true).null().end_array();
  json.key("c").begin_object().end_object().end_object();
  EXPECT_EQ(json.str(), R"({"a":1,"b":["x",true,null],"c":{}})");
}

TEST(JsonWriter, EscapesAttackerControlledText) {
  JsonWriter json;
  json.value("</script><img src=x onerror=alert(1)> \"q\" \\ \n \x01 é");
  EXPECT_EQ(json.str(),
            R"("\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e \"q\" \\ \n \u0001 é")");
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter json;
  json.begin_array().value(1.5).value(1.0 / 0.0).end_array();
  EXPECT_EQ(json.str(), "[1.5,null]");
}

}  // namespace
}  // namespace leaktrace
