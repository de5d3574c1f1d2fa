#include "simulate/stream_text.h"

#include <gtest/gtest.h>

#include "unit/simulate/known_repeats.h"

namespace leaktrace::simulate {
namespace {

using testing::rebuild;

std::size_t repeated_bytes(const StreamText& frame) {
  std::size_t total = 0;
  for (const KnownRepeat& repeat : frame.repeats()) total += repeat.length;
  return total;
}

TEST(StreamText, APieceWrittenAgainIsARepeatOfItsLastCopy) {
  StreamText frame;
  frame.piece(R"({"created_at":")");
  frame.append("Fri");
  frame.piece(R"({"created_at":")");
  frame.append("Sat");
  frame.piece(R"({"created_at":")");
  // {"created_at":"Fri{"created_at":"Sat{"created_at":"
  //                   ^ 18 bytes back     ^ 18 bytes back, after 3 literals each
  ASSERT_EQ(frame.repeats().size(), 2u);
  EXPECT_EQ(frame.repeats()[0].literals, 18u);  // the first piece and "Fri"
  EXPECT_EQ(frame.repeats()[0].distance, 18u);
  EXPECT_EQ(frame.repeats()[0].length, 15u);
  EXPECT_EQ(frame.repeats()[1].literals, 3u);
  EXPECT_EQ(rebuild(frame), frame.text());
}

TEST(StreamText, PiecesShorterThanAWorthwhileMatchStayLiterals) {
  StreamText frame;
  for (int i = 0; i < 4; ++i) frame.piece("\"}");
  EXPECT_TRUE(frame.repeats().empty());
  EXPECT_EQ(frame.text(), "\"}\"}\"}\"}");
}

TEST(StreamText, AFrameForgetsWhatItSawWhenCleared) {
  StreamText frame;
  frame.piece(R"("is_quote_status":false,)");
  frame.piece(R"("is_quote_status":false,)");
  EXPECT_EQ(frame.repeats().size(), 1u);
  frame.clear();
  frame.piece(R"("is_quote_status":false,)");
  EXPECT_TRUE(frame.repeats().empty());
  EXPECT_EQ(rebuild(frame), frame.text());
}

TEST(StreamText, RepeatsFromTheSameDistanceMergeIntoOne) {
  StreamText frame;
  auto line = [&](std::string_view id) {
    frame.piece(R"({"geo":null,"coordinates":null,)");
    frame.piece(R"("place":null,"contributors":null,)");
    frame.append(id);
  };
  line("12345");
  line("67890");
  // The second line's two pieces come from the same distance back: one repeat covers both.
  ASSERT_EQ(frame.repeats().size(), 1u);
  EXPECT_EQ(frame.repeats()[0].length, 31u + 33u);
  EXPECT_EQ(rebuild(frame), frame.text());
}

TEST(StreamText, RepeatsGrowOverTheLiteralsThatRepeatToo) {
  StreamText frame;
  auto line = [&](std::string_view language, std::string_view id) {
    frame.piece(R"("filter_level":"low","lang":")");
    frame.append(language);
    frame.piece(R"(","timestamp_ms":")");
    frame.append(id);
    frame.push_back('\n');
  };
  line("en", "1494103165218");
  line("en", "1494103165307");
  line("fr", "1494103165399");
  frame.finish_repeats();
  EXPECT_EQ(rebuild(frame), frame.text());
  // The second line repeats the first through "1494103165" (its first ten digits); the third
  // repeats the second from the newline before it through `lang":"`, then from `","timestamp_ms`
  // through "14941031653".
  ASSERT_EQ(frame.repeats().size(), 3u);
  EXPECT_EQ(frame.repeats()[0].length, 29u + 2u + 18u + 10u);
  EXPECT_EQ(frame.repeats()[1].literals, 3u);  // "307"
  EXPECT_EQ(frame.repeats()[1].length, 1u + 29u);
  EXPECT_EQ(frame.repeats()[2].literals, 2u);  // "fr"
  EXPECT_EQ(frame.repeats()[2].length, 18u + 11u);
}

TEST(StreamText, AnIdWrittenTwiceRepeatsItself) {
  StreamText frame;
  frame.piece(R"("id":)");
  const std::size_t first = frame.size();
  frame.append("860882466257350656");
  frame.piece(R"(,"id_str":")");
  const std::size_t second = frame.size();
  frame.append("860882466257350656");
  frame.repeat_of(first, second);
  ASSERT_EQ(frame.repeats().size(), 1u);
  EXPECT_EQ(frame.repeats()[0].distance, second - first);
  EXPECT_EQ(frame.repeats()[0].length, 18u);
  EXPECT_EQ(rebuild(frame), frame.text());
}

// A user recorded once, with an embedded status that holds the user, appended to frames: whole
// when the frame has seen it, else piece by piece.
TEST(StreamText, ARecordingIsRepeatedWholeOrByItsPieces) {
  StreamText user(StreamText::Mode::recording);
  user.piece(R"({"id":)");
  const std::size_t id = user.size();
  user.append("2577236186");
  user.piece(R"(,"id_str":")");
  const std::size_t id_again = user.size();
  user.append("2577236186");
  user.repeat_of(id, id_again);
  user.piece(R"(","screen_name":"jjackson107","following":null})");
  const std::uint64_t user_key = StreamText::key(StreamText::Named::user, 7);

  StreamText status(StreamText::Mode::recording);
  status.piece(R"({"text":"RT @someone: hello","user":)");
  status.append_recorded(user_key, user);
  status.piece(R"(,"lang":"en"})");

  StreamText frame;
  frame.piece(R"({"text":"RT @someone: hello","user":)");  // seen before the status is
  frame.append_recorded(StreamText::key(StreamText::Named::status, 3), status);
  EXPECT_EQ(rebuild(frame), frame.text());
  // The first piece of the status (and the `{"` after it, as after the piece before) and the id
  // inside it repeat; the rest is new.
  EXPECT_EQ(repeated_bytes(frame), 36u + 2u + 10u);

  frame.append(",");
  frame.append_recorded(user_key, user);  // seen inside the status: one repeat of it all
  EXPECT_EQ(frame.repeats().back().length, user.size());
  frame.append_recorded(StreamText::key(StreamText::Named::status, 3), status);
  EXPECT_EQ(frame.repeats().back().length, status.size());
  EXPECT_EQ(rebuild(frame), frame.text());
  EXPECT_EQ(frame.text(), std::string(R"({"text":"RT @someone: hello","user":)") + std::string(status.text()) + "," +
                              std::string(user.text()) + std::string(status.text()));
}

TEST(StreamText, EscapesAndNumbersAreWrittenAsTheApiDid) {
  StreamText text;
  text.append_escaped("Ça/\"x\"");
  text.push_back(' ');
  text.append_number(0);
  text.push_back(' ');
  text.append_number(18446744073709551615ULL);
  EXPECT_EQ(text.text(), R"(\u00c7a\/\"x\" 0 18446744073709551615)");
}

TEST(Piece, IsNamedByItsBytesNotItsAddress) {
  constexpr Piece a(R"(,"truncated":false,)");
  const char copy[] = R"(,"truncated":false,)";
  constexpr Piece other(R"(,"truncated":true,)");
  EXPECT_EQ(a.text(), copy);
  EXPECT_NE(a.key(), other.key());
  // The same bytes in another literal give the same name.
  constexpr Piece b(R"(,"truncated":false,)");
  EXPECT_EQ(a.key(), b.key());
}

}  // namespace
}  // namespace leaktrace::simulate
