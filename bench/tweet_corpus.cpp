#include "tweet_corpus.h"

#include <array>
#include <cmath>
#include <random>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/time.h"

namespace leaktrace::bench {
namespace {

constexpr std::array<std::string_view, 40> words{
    "leak", "emails", "campaign", "dump", "documents", "election", "vote", "macron", "france", "breaking",
    "thread", "read", "now", "this", "is", "huge", "media", "silence", "journalists", "truth",
    "les", "fuites", "élection", "présidentielle", "avant", "minuit", "vérité", "médias", "die", "wahl",
    "Дело", "выборы", "選挙", "リーク", "🔥", "🚨", "👀", "💥", "𝕏", "et"};
constexpr std::array<std::string_view, 8> tags{"MacronLeaks", "MacronGate", "Presidentielle2017", "France",
                                               "Election", "FakeNews", "MAGA", "Marine2017"};
constexpr std::array<std::string_view, 6> domains{"pastebin.com", "boards.4chan.org", "archive.org",
                                                  "disobedientmedia.com", "wikileaks.org", "lemonde.fr"};
constexpr std::array<std::string_view, 7> weekdays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 5> languages{"en", "fr", "de", "ru", "ja"};

std::string twitter_time(TimeMs ms) {
  std::string iso = format_iso8601_time(ms);  // 2017-05-05T20:49:00.000Z
  int year = std::stoi(iso.substr(0, 4));
  int month = std::stoi(iso.substr(5, 2));
  std::int64_t days = ms / 86400000;
  return fmt::format("{} {} {} {} +0000 {}", weekdays[static_cast<std::size_t>(days % 7)],
                     months[static_cast<std::size_t>(month - 1)], iso.substr(8, 2), iso.substr(11, 8), year);
}

struct User {
  std::uint64_t id;
  std::string screen_name;
  std::string name;
  std::int64_t followers;
  std::int64_t friends;
  std::int64_t statuses;
  TimeMs created_at;
  bool verified;
  bool default_profile;
};

void append_escaped(std::string& out, std::string_view text, bool escape_non_ascii) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c >= 0x80 && escape_non_ascii) {
      // Decode one UTF-8 sequence and write it as \u escapes (surrogate pairs above the BMP), as the API does.
      std::uint32_t code = 0;
      std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      code = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
      for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
      i += length - 1;
      if (code >= 0x10000) {
        code -= 0x10000;
        fmt::format_to(std::back_inserter(out), "\\u{:04x}\\u{:04x}", 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF));
      } else {
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", code);
      }
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : random_(seed) {
    constexpr std::size_t population = 200000;
    users_.reserve(population);
    std::uniform_int_distribution<int> letter(0, 25);
    for (std::size_t i = 0; i < population; ++i) {
      User user;
      user.id = 100000 + i * 7919 + static_cast<std::uint64_t>(random_() % 7000);
      user.screen_name = fmt::format("user{}_{}", i, static_cast<char>('a' + letter(random_)));
      user.name = fmt::format("{} {}", words[random_() % 20], words[random_() % 40]);
      double pareto = 1.0 / std::pow(1.0 - std::uniform_real_distribution<double>(0, 0.999999)(random_), 1.2);
      user.followers = static_cast<std::int64_t>(pareto * 30);
      user.friends = static_cast<std::int64_t>(random_() % 3000);
      user.statuses = static_cast<std::int64_t>(pareto * 500);
      user.created_at = 1230768000000 + static_cast<TimeMs>(random_() % 260000000) * 1000;
      user.verified = random_() % 100 == 0;
      user.default_profile = random_() % 5 == 0;
      users_.push_back(std::move(user));
    }
  }

  // Heavy-tailed activity: a few accounts write much of the traffic.
  const User& pick_user() {
    double u = std::uniform_real_distribution<double>(0, 1)(random_);
    std::size_t index = static_cast<std::size_t>(std::pow(u, 3.0) * static_cast<double>(users_.size()));
    return users_[std::min(index, users_.size() - 1)];
  }

  void user_json(std::string& out, const User& u) {
    fmt::format_to(std::back_inserter(out),
                   R"({{"id":{0},"id_str":"{0}","name":")", u.id);
    append_escaped(out, u.name, false);
    fmt::format_to(std::back_inserter(out),
                   R"(","screen_name":"{0}","location":"Paris, France","url":null,"description":"{1} {2} {3}",)"
                   R"("translator_type":"none","protected":false,"verified":{4},"followers_count":{5},)"
                   R"("friends_count":{6},"listed_count":{7},"favourites_count":{8},"statuses_count":{9},)"
                   R"("created_at":"{10}","utc_offset":null,"time_zone":null,"geo_enabled":false,"lang":null,)"
                   R"("contributors_enabled":false,"is_translator":false,"profile_background_color":"C0DEED",)"
                   R"("profile_background_image_url":"http:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png",)"
                   R"("profile_background_image_url_https":"https:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png",)"
                   R"("profile_background_tile":false,"profile_link_color":"1DA1F2","profile_sidebar_border_color":"C0DEED",)"
                   R"("profile_sidebar_fill_color":"DDEEF6","profile_text_color":"333333","profile_use_background_image":true,)"
                   R"("profile_image_url":"http:\/\/pbs.twimg.com\/profile_images\/{11}\/a_normal.jpg",)"
                   R"("profile_image_url_https":"https:\/\/pbs.twimg.com\/profile_images\/{11}\/a_normal.jpg",)"
                   R"("default_profile":{12},"default_profile_image":false,"following":null,"follow_request_sent":null,)"
                   R"("notifications":null}})",
                   u.screen_name, words[u.id % 40], words[(u.id / 7) % 40], words[(u.id / 11) % 40],
                   u.verified ? "true" : "false", u.followers, u.friends, u.followers / 40 + 1, u.statuses / 3,
                   u.statuses, twitter_time(u.created_at), u.id * 31, u.default_profile ? "true" : "false");
  }

  struct Entities {
    std::vector<std::string_view> hashtags;
    std::vector<std::string> urls;
    std::vector<const User*> mentions;
  };

  std::string make_text(Entities& entities, bool& escape) {
    std::string text;
    std::size_t word_count = 4 + random_() % 18;
    for (std::size_t i = 0; i < word_count; ++i) {
      if (!text.empty()) text.push_back(' ');
      text += words[random_() % words.size()];
    }
    fmt::format_to(std::back_inserter(text), " {}", next_id_ % 100000);
    if (random_() % 3 == 0) {
      auto tag = tags[random_() % tags.size()];
      entities.hashtags.push_back(tag);
      fmt::format_to(std::back_inserter(text), " #{}", tag);
    }
    if (random_() % 2 == 0) {
      entities.urls.push_back(fmt::format("https://{}/{}", domains[random_() % domains.size()], random_() % 100000000));
      fmt::format_to(std::back_inserter(text), " https://t.co/{:x}", random_() % 0xffffffffff);
    }
    if (random_() % 3 == 0) {
      const User& mentioned = pick_user();
      entities.mentions.push_back(&mentioned);
      text = fmt::format("@{} {}", mentioned.screen_name, text);
    }
    escape = random_() % 2 == 0;
    return text;
  }

  void entities_json(std::string& out, const Entities& e) {
    out += R"("entities":{"hashtags":[)";
    for (std::size_t i = 0; i < e.hashtags.size(); ++i) {
      fmt::format_to(std::back_inserter(out), R"({}{{"text":"{}","indices":[{},{}]}})", i ? "," : "", e.hashtags[i],
                     10 + i * 12, 22 + i * 12);
    }
    out += R"(],"urls":[)";
    for (std::size_t i = 0; i < e.urls.size(); ++i) {
      fmt::format_to(std::back_inserter(out),
                     R"({}{{"url":"https:\/\/t.co\/{:x}","expanded_url":"{}","display_url":"{}","indices":[{},{}]}})",
                     i ? "," : "", random_() % 0xffffffffff, e.urls[i], e.urls[i].substr(8, 40), 40 + i * 24,
                     63 + i * 24);
    }
    out += R"(],"user_mentions":[)";
    for (std::size_t i = 0; i < e.mentions.size(); ++i) {
      const User& m = *e.mentions[i];
      fmt::format_to(std::back_inserter(out),
                     R"({}{{"screen_name":"{}","name":"{}","id":{},"id_str":"{}","indices":[0,{}]}})", i ? "," : "",
                     m.screen_name, m.screen_name, m.id, m.id, m.screen_name.size() + 1);
    }
    out += R"(],"symbols":[]})";
  }

  // One tweet object (without the trailing newline); retweets embed their original.
  void tweet_json(std::string& out, int depth) {
    const User& author = pick_user();
    std::uint64_t id = next_id_;
    next_id_ += 1 + random_() % 5000;
    time_ += static_cast<TimeMs>(random_() % 40);
    TimeMs created = time_;
    unsigned roll = static_cast<unsigned>(random_() % 100);
    bool retweet = depth == 0 && roll < 50;
    bool quote = depth < 2 && !retweet && roll < 62;
    bool reply = !retweet && !quote && roll < 72;

    Entities entities;
    bool escape = false;
    std::string text;
    std::string embedded;
    if (retweet) {
      embedded = pick_original(depth);
      text = fmt::format("RT @someone: {}", words[random_() % words.size()]);
    } else {
      text = make_text(entities, escape);
    }
    fmt::format_to(std::back_inserter(out), R"({{"created_at":"{}","id":{},"id_str":"{}","text":")",
                   twitter_time(created), id, id);
    append_escaped(out, text, escape);
    out += R"(","source":"\u003ca href=\"http:\/\/twitter.com\/download\/android\" rel=\"nofollow\"\u003eTwitter for Android\u003c\/a\u003e","truncated":false,)";
    if (reply) {
      std::uint64_t parent = id > 1000000 ? id - 1 - random_() % 1000000 : id + 1;
      const User& other = pick_user();
      fmt::format_to(std::back_inserter(out),
                     R"("in_reply_to_status_id":{0},"in_reply_to_status_id_str":"{0}","in_reply_to_user_id":{1},)"
                     R"("in_reply_to_user_id_str":"{1}","in_reply_to_screen_name":"{2}",)",
                     parent, other.id, other.screen_name);
    } else {
      out += R"("in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"in_reply_to_user_id":null,)"
             R"("in_reply_to_user_id_str":null,"in_reply_to_screen_name":null,)";
    }
    out += R"("user":)";
    user_json(out, author);
    out += R"(,"geo":null,"coordinates":null,"place":null,"contributors":null,)";
    if (retweet) {
      out += R"("retweeted_status":)";
      out += embedded;
      out += ',';
    }
    if (quote) {
      std::string quoted;
      tweet_json(quoted, depth + 1);
      std::string_view quoted_id = std::string_view(quoted).substr(quoted.find("\"id_str\":\"") + 10);
      quoted_id = quoted_id.substr(0, quoted_id.find('"'));
      fmt::format_to(std::back_inserter(out), R"("quoted_status_id":{0},"quoted_status_id_str":"{0}","quoted_status":)",
                     quoted_id);
      out += quoted;
      out += ',';
    }
    fmt::format_to(std::back_inserter(out),
                   R"("is_quote_status":{},"quote_count":{},"reply_count":{},"retweet_count":{},"favorite_count":{},)",
                   quote ? "true" : "false", random_() % 10, random_() % 10, random_() % 500, random_() % 900);
    entities_json(out, entities);
    fmt::format_to(std::back_inserter(out),
                   R"(,"favorited":false,"retweeted":false,"filter_level":"low","lang":"{}","timestamp_ms":"{}"}})",
                   languages[random_() % languages.size()], created);
  }

  // The original a retweet embeds. Unique originals: a new tweet every time (the worst case for a
  // writer). Shared originals: as in real collections, most retweets are of earlier tweets, popular
  // ones more often (preferential attachment: an earlier retweet's original is retweeted again
  // with probability 0.7, else any earlier original of the last 50,000).
  std::string pick_original(int depth) {
    if (unique_originals_ || originals_.empty() || random_() % 10 == 0) {
      std::string fresh;
      tweet_json(fresh, depth + 1);
      remember_original(fresh);
      return fresh;
    }
    std::size_t index = 0;
    if (!retweeted_.empty() && random_() % 10 < 7) {
      index = retweeted_[random_() % retweeted_.size()];
    } else {
      index = random_() % originals_.size();
    }
    retweeted_.push_back(index);
    if (retweeted_.size() > retweet_memory) retweeted_.erase(retweeted_.begin(), retweeted_.begin() + retweet_memory / 2);
    return originals_[index];
  }

  void remember_original(const std::string& json) {
    if (originals_.size() < original_memory) {
      originals_.push_back(json);
    } else {
      originals_[random_() % originals_.size()] = json;
    }
  }

  void notice_json(std::string& out) {
    if (random_() % 2 == 0) {
      fmt::format_to(std::back_inserter(out), R"({{"limit":{{"track":{},"timestamp_ms":"{}"}}}})", ++limit_track_ * 37,
                     time_);
    } else {
      std::uint64_t id = next_id_ - 1 - random_() % 100000;
      fmt::format_to(std::back_inserter(out),
                     R"({{"delete":{{"status":{{"id":{0},"id_str":"{0}","user_id":42,"user_id_str":"42"}},"timestamp_ms":"{1}"}}}})",
                     id, time_);
    }
  }

  static constexpr std::size_t original_memory = 50000;
  static constexpr std::size_t retweet_memory = 200000;
  bool unique_originals_ = true;
  std::vector<std::string> originals_;
  std::vector<std::size_t> retweeted_;
  std::mt19937_64 random_;
  std::vector<User> users_;
  std::uint64_t next_id_ = 860000000000000000ULL;
  TimeMs time_ = 1494017340000;  // 2017-05-05T20:49:00Z
  std::int64_t limit_track_ = 0;
};

}  // namespace

void TweetCorpus::generate(std::size_t count, std::string& out) const {
  Generator generator(seed_);
  generator.unique_originals_ = originals_ == Originals::unique;
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t begin = out.size();
    generator.tweet_json(out, 0);
    if (!generator.unique_originals_ && out.compare(begin, 40, R"({"created_at":)") == 0 &&
        out.find("\"retweeted_status\":", begin) == std::string::npos) {
      generator.remember_original(out.substr(begin));
    }
    out.push_back('\n');
    if (i % 997 == 996) {  // stream notices, as a filtered stream interleaves them
      generator.notice_json(out);
      out.push_back('\n');
    }
  }
}

}  // namespace leaktrace::bench
