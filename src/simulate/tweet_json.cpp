#include "simulate/tweet_json.h"

#include <array>
#include <iterator>

#include <fmt/format.h>

#include "simulate/vocabulary.h"

namespace leaktrace::simulate {
namespace {

constexpr std::uint32_t classic_tweet_length = 140;
constexpr std::uint32_t truncated_keep = 115;  // + "… " + a 23-character link = 140

constexpr std::array<std::string_view, 6> sources{
    R"(<a href=\"http:\/\/twitter.com\/download\/android\" rel=\"nofollow\">Twitter for Android<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\/download\/iphone\" rel=\"nofollow\">Twitter for iPhone<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\" rel=\"nofollow\">Twitter Web Client<\/a>)",
    R"(<a href=\"https:\/\/about.twitter.com\/products\/tweetdeck\" rel=\"nofollow\">TweetDeck<\/a>)",
    R"(<a href=\"https:\/\/mobile.twitter.com\" rel=\"nofollow\">Twitter Lite<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\/#!\/download\/ipad\" rel=\"nofollow\">Twitter for iPad<\/a>)",
};
constexpr std::string_view bot_source = R"(<a href=\"https:\/\/ifttt.com\" rel=\"nofollow\">IFTTT<\/a>)";

std::string_view location_for(std::string_view language, std::uint64_t key) {
  struct Places {
    std::string_view language;
    std::array<std::string_view, 3> places;
  };
  static constexpr std::array<Places, 8> table{{{"en", {"USA", "Texas, USA", ""}},
                                                {"fr", {"Paris, France", "Lyon", "France 🇫🇷"}},
                                                {"ru", {"Москва", "Санкт-Петербург", "Россия"}},
                                                {"de", {"Berlin", "München, Deutschland", ""}},
                                                {"es", {"Buenos Aires", "Madrid, España", ""}},
                                                {"it", {"Roma", "Milano", ""}},
                                                {"pt", {"São Paulo", "Brasil", ""}},
                                                {"ja", {"東京", "日本", ""}}}};
  for (const Places& entry : table) {
    if (entry.language == language) return entry.places[key % entry.places.size()];
  }
  return "";
}

void append_unicode_escape(std::string& out, std::uint32_t code) {
  constexpr char hex[] = "0123456789abcdef";
  const char escape[6] = {'\\', 'u', hex[(code >> 12) & 0xF], hex[(code >> 8) & 0xF], hex[(code >> 4) & 0xF], hex[code & 0xF]};
  out.append(escape, 6);
}

std::uint64_t mix(std::uint64_t value) {
  std::uint64_t state = value;
  return Random::splitmix64(state);
}

}  // namespace

void append_twitter_json_string(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the run of characters that need no escape in one go.
    std::size_t run = i;
    while (run < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[run]);
      if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\' || c == '/') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '/': out += "\\/"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
      }
      ++i;
      continue;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t code = c & (length == 4 ? 0x07u : length == 3 ? 0x0Fu : 0x1Fu);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      append_unicode_escape(out, 0xD800 + (code >> 10));
      append_unicode_escape(out, 0xDC00 + (code & 0x3FF));
    } else {
      append_unicode_escape(out, code);
    }
  }
}

RenderCache::RenderCache() : users_(user_slots), statuses_(status_slots), retweet_texts_(status_slots) {}

TweetJsonWriter::TweetJsonWriter(const ScenarioParameters& parameters, const Population& population,
                                 const Story& story)
    : population_(population), story_(story), composer_(parameters, population, story) {}

void TweetJsonWriter::append_tweet(std::string& out, std::uint32_t post, RenderCache& cache) const {
  append_status(out, post, Placement::stream, cache);
  out.push_back('\n');
}

void TweetJsonWriter::append_delete(std::string& out, std::uint32_t post, TimeMs time) const {
  const SimPost& deleted = story_.posts[post];
  const SimAccount& author = population_.account(deleted.account);
  fmt::format_to(std::back_inserter(out),
                 R"({{"delete":{{"status":{{"id":{0},"id_str":"{0}","user_id":{1},"user_id_str":"{1}"}},"timestamp_ms":"{2}"}}}})"
                 "\n",
                 deleted.id, author.id, time);
}

void TweetJsonWriter::append_limit(std::string& out, std::uint64_t undelivered, TimeMs time) const {
  fmt::format_to(std::back_inserter(out), R"({{"limit":{{"track":{},"timestamp_ms":"{}"}}}})"
                                          "\n",
                 undelivered, time);
}

void TweetJsonWriter::append_user(std::string& out, std::uint32_t account, RenderCache& cache) const {
  RenderCache::Slot& slot = cache.users_[account % RenderCache::user_slots];
  if (slot.key != account) {
    slot.json.clear();
    render_user(slot.json, account);
    slot.key = account;
  }
  out += slot.json;
}

void TweetJsonWriter::append_embedded_status(std::string& out, std::uint32_t post, RenderCache& cache) const {
  RenderCache::Slot& slot = cache.statuses_[post % RenderCache::status_slots];
  if (slot.key != post) {
    // Rendered aside first: an embedded quote inside may use (and clear) the same slot.
    std::string json;
    append_status(json, post, Placement::embedded, cache);
    slot.json = std::move(json);
    slot.key = post;
  }
  out += slot.json;
}

void TweetJsonWriter::render_user(std::string& out, std::uint32_t index) const {
  const SimAccount& account = population_.account(index);
  const std::string& language = population_.community(account.community).profile.language;
  const Vocabulary& words = vocabulary_for(language);
  const std::uint64_t key = mix(account.id);
  auto o = std::back_inserter(out);
  fmt::format_to(o, R"({{"id":{0},"id_str":"{0}","name":")", account.id);
  append_twitter_json_string(out, account.name);
  fmt::format_to(o, R"(","screen_name":"{}","location":)", account.handle);
  std::string_view location = location_for(language, key);
  if (location.empty()) {
    out += "null";
  } else {
    out.push_back('"');
    append_twitter_json_string(out, location);
    out.push_back('"');
  }
  out += R"(,"url":null,"description":)";
  if (account.default_profile) {
    out += "null";
  } else {
    std::string description;
    for (int i = 0; i < 4; ++i) {
      if (i) description.push_back(' ');
      description += words.words[(key >> (i * 8)) % words.words.size()];
    }
    out.push_back('"');
    append_twitter_json_string(out, description);
    out.push_back('"');
  }
  fmt::format_to(o,
                 R"(,"translator_type":"none","protected":false,"verified":{},"followers_count":{},"friends_count":{},)"
                 R"("listed_count":{},"favourites_count":{},"statuses_count":{},"created_at":"{}","utc_offset":null,)"
                 R"("time_zone":null,"geo_enabled":false,"lang":"{}","contributors_enabled":false,"is_translator":false,)",
                 account.verified, account.followers, account.friends, account.followers / 50,
                 account.statuses / 3, account.statuses, format_twitter_v1_time(account.created_at), language);
  if (account.default_profile) {
    out += R"("profile_background_color":"F5F8FA","profile_background_image_url":"",)"
           R"("profile_background_image_url_https":"","profile_background_tile":false,)"
           R"("profile_link_color":"1DA1F2","profile_sidebar_border_color":"C0DEED","profile_sidebar_fill_color":"DDEEF6",)"
           R"("profile_text_color":"333333","profile_use_background_image":true,)"
           R"("profile_image_url":"http:\/\/abs.twimg.com\/sticky\/default_profile_images\/default_profile_normal.png",)"
           R"("profile_image_url_https":"https:\/\/abs.twimg.com\/sticky\/default_profile_images\/default_profile_normal.png",)"
           R"("default_profile":true,"default_profile_image":true,)";
  } else {
    fmt::format_to(o,
                   R"("profile_background_color":"{0:06X}","profile_background_image_url":"http:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png",)"
                   R"("profile_background_image_url_https":"https:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png","profile_background_tile":false,)"
                   R"("profile_link_color":"{1:06X}","profile_sidebar_border_color":"000000","profile_sidebar_fill_color":"000000",)"
                   R"("profile_text_color":"000000","profile_use_background_image":false,)"
                   R"("profile_image_url":"http:\/\/pbs.twimg.com\/profile_images\/{2}\/{3:x}_normal.jpg",)"
                   R"("profile_image_url_https":"https:\/\/pbs.twimg.com\/profile_images\/{2}\/{3:x}_normal.jpg",)"
                   R"("profile_banner_url":"https:\/\/pbs.twimg.com\/profile_banners\/{4}\/{5}",)"
                   R"("default_profile":false,"default_profile_image":false,)",
                   key & 0xFFFFFF, (key >> 24) & 0xFFFFFF, 700000000000000000ULL + key % 99999999999999ULL,
                   key & 0xFFFFFFFF, account.id, 1400000000 + key % 90000000);
  }
  out += R"("following":null,"follow_request_sent":null,"notifications":null})";
}

void TweetJsonWriter::append_entities(std::string& out, const TweetText& text, std::uint32_t up_to) const {
  auto o = std::back_inserter(out);
  out += R"({"hashtags":[)";
  bool first = true;
  for (const TextEntity& entity : text.entities) {
    if (entity.kind != TextEntity::Kind::hashtag || entity.end > up_to) continue;
    if (!first) out.push_back(',');
    first = false;
    out += R"({"text":")";
    append_twitter_json_string(out, entity.text);
    fmt::format_to(o, R"(","indices":[{},{}]}})", entity.start, entity.end);
  }
  out += R"(],"urls":[)";
  first = true;
  for (const TextEntity& entity : text.entities) {
    if (entity.kind != TextEntity::Kind::url || entity.end > up_to) continue;
    if (!first) out.push_back(',');
    first = false;
    out += R"({"url":")";
    append_twitter_json_string(out, entity.text);
    out += R"(","expanded_url":")";
    append_twitter_json_string(out, entity.expanded);
    out += R"(","display_url":")";
    append_twitter_json_string(out, entity.display);
    fmt::format_to(o, R"(","indices":[{},{}]}})", entity.start, entity.end);
  }
  out += R"(],"user_mentions":[)";
  first = true;
  for (const TextEntity& entity : text.entities) {
    if (entity.kind != TextEntity::Kind::mention || entity.end > up_to) continue;
    if (!first) out.push_back(',');
    first = false;
    const SimAccount& account = population_.account(entity.account);
    fmt::format_to(o, R"({{"screen_name":"{}","name":")", account.handle);
    append_twitter_json_string(out, account.name);
    fmt::format_to(o, R"(","id":{0},"id_str":"{0}","indices":[{1},{2}]}})", account.id, entity.start, entity.end);
  }
  out += R"(],"symbols":[]})";
}

void TweetJsonWriter::append_status(std::string& out, std::uint32_t index, Placement placement,
                                    RenderCache& cache) const {
  const SimPost& post = story_.posts[index];
  const SimAccount& author = population_.account(post.account);
  const bool repost = post.kind == PostKind::repost && post.target != no_post;
  const bool quote = post.kind == PostKind::quote && post.target != no_post;
  const bool reply = post.kind == PostKind::reply && post.target != no_post;
  TweetText own_text;
  const TweetText* text_pointer = &own_text;
  if (repost) {
    RenderCache::TextSlot& slot = cache.retweet_texts_[post.target % RenderCache::status_slots];
    if (slot.key != post.target) {
      slot.text = composer_.retweet_text(index, composer_.compose(post.target));
      slot.key = post.target;
    }
    text_pointer = &slot.text;
  } else {
    own_text = composer_.compose(index);
  }
  const TweetText& text = *text_pointer;
  const bool extended = !repost && text.length > classic_tweet_length;
  auto o = std::back_inserter(out);

  fmt::format_to(o, R"({{"created_at":"{}","id":{},"id_str":"{}","text":")", format_twitter_v1_time(post.time), post.id,
                 post.id);
  TweetText shown;  // what the classic `text` and top-level entities show of an extended tweet
  if (extended) {
    std::size_t byte = 0;
    for (std::uint32_t seen = 0; byte < text.text.size(); ++byte) {
      if ((static_cast<unsigned char>(text.text[byte]) & 0xC0) != 0x80 && seen++ == truncated_keep) break;
    }
    std::string self_link = fmt::format("https://t.co/{:010x}", mix(post.id) & 0xFFFFFFFFFFULL);
    shown.text = text.text.substr(0, byte) + "… " + self_link;
    shown.length = classic_tweet_length;
    for (const TextEntity& entity : text.entities) {
      if (entity.end <= truncated_keep) shown.entities.push_back(entity);
    }
    shown.entities.push_back({TextEntity::Kind::url, truncated_keep + 2, classic_tweet_length, self_link,
                              fmt::format("https://twitter.com/i/web/status/{}", post.id),
                              fmt::format("twitter.com/i/web/status/{}…", std::to_string(post.id).substr(0, 1)), 0});
    append_twitter_json_string(out, shown.text);
  } else {
    append_twitter_json_string(out, text.text);
  }
  out += R"(","source":")";
  out += author.role == Role::bot ? bot_source : sources[mix(author.id) % sources.size()];
  fmt::format_to(o, R"(","truncated":{},)", extended);
  if (reply) {
    const SimPost& target = story_.posts[post.target];
    const SimAccount& target_author = population_.account(target.account);
    fmt::format_to(o,
                   R"("in_reply_to_status_id":{0},"in_reply_to_status_id_str":"{0}","in_reply_to_user_id":{1},)"
                   R"("in_reply_to_user_id_str":"{1}","in_reply_to_screen_name":"{2}",)",
                   target.id, target_author.id, target_author.handle);
  } else {
    out += R"("in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"in_reply_to_user_id":null,)"
           R"("in_reply_to_user_id_str":null,"in_reply_to_screen_name":null,)";
  }
  out += R"("user":)";
  append_user(out, post.account, cache);
  out += R"(,"geo":null,"coordinates":null,"place":null,"contributors":null,)";
  if (repost) {
    out += R"("retweeted_status":)";
    append_embedded_status(out, post.target, cache);
    out.push_back(',');
  }
  if (quote) {
    fmt::format_to(o, R"("quoted_status_id":{0},"quoted_status_id_str":"{0}",)", story_.posts[post.target].id);
    // The API embeds one level of quoting: a quote inside an embedded tweet is named, not embedded.
    if (placement == Placement::stream || story_.posts[post.target].kind != PostKind::quote) {
      out += R"("quoted_status":)";
      append_embedded_status(out, post.target, cache);
      out.push_back(',');
    }
  }
  fmt::format_to(o, R"("is_quote_status":{},)", quote);
  if (extended) {
    out += R"("extended_tweet":{"full_text":")";
    append_twitter_json_string(out, text.text);
    fmt::format_to(o, R"(","display_text_range":[{},{}],"entities":)", text.display_start, text.length);
    append_entities(out, text, text.length);
    out += "},";
  }
  const std::uint64_t key = mix(post.id);
  if (placement == Placement::embedded) {
    fmt::format_to(o, R"("quote_count":{},"reply_count":{},"retweet_count":{},"favorite_count":{},)", key % 40,
                   (key >> 8) % 90, (key >> 16) % 5000, (key >> 32) % 9000);
  } else {
    out += R"("quote_count":0,"reply_count":0,"retweet_count":0,"favorite_count":0,)";
  }
  out += R"("entities":)";
  const TweetText& top = extended ? shown : text;
  append_entities(out, top, top.length);
  bool has_url = false;
  for (const TextEntity& entity : top.entities) has_url = has_url || entity.kind == TextEntity::Kind::url;
  out += R"(,"favorited":false,"retweeted":false,)";
  if (has_url) out += R"("possibly_sensitive":false,)";
  const SimPost& language_source = repost ? story_.posts[post.target] : post;
  const std::string& language =
      population_.community(population_.account(language_source.account).community).profile.language;
  if (placement == Placement::stream) {
    fmt::format_to(o, R"("filter_level":"low","lang":"{}","timestamp_ms":"{}"}})", language, post.time);
  } else {
    fmt::format_to(o, R"("lang":"{}"}})", language);
  }
}

}  // namespace leaktrace::simulate
