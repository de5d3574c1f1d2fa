#include "simulate/tweet_json.h"

#include <array>
#include <cstring>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "simulate/vocabulary.h"

namespace leaktrace::simulate {
namespace {

constexpr std::uint32_t classic_tweet_length = 140;
constexpr std::uint32_t truncated_keep = 115;  // + "… " + a 23-character link = 140

constexpr std::array<Piece, 6> sources{
    R"(<a href=\"http:\/\/twitter.com\/download\/android\" rel=\"nofollow\">Twitter for Android<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\/download\/iphone\" rel=\"nofollow\">Twitter for iPhone<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\" rel=\"nofollow\">Twitter Web Client<\/a>)",
    R"(<a href=\"https:\/\/about.twitter.com\/products\/tweetdeck\" rel=\"nofollow\">TweetDeck<\/a>)",
    R"(<a href=\"https:\/\/mobile.twitter.com\" rel=\"nofollow\">Twitter Lite<\/a>)",
    R"(<a href=\"http:\/\/twitter.com\/#!\/download\/ipad\" rel=\"nofollow\">Twitter for iPad<\/a>)",
};
constexpr Piece bot_source = R"(<a href=\"https:\/\/ifttt.com\" rel=\"nofollow\">IFTTT<\/a>)";

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

std::uint64_t mix(std::uint64_t value) {
  std::uint64_t state = value;
  return Random::splitmix64(state);
}

void append_hex(StreamText& out, std::uint64_t value, int width, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[16];
  int length = 0;
  do {
    buffer[15 - length++] = digits[value & 0xF];
    value >>= 4;
  } while (value != 0);
  while (length < width) buffer[15 - length++] = '0';
  out.append(std::string_view(buffer + 16 - length, static_cast<std::size_t>(length)));
}

void append_two_digits(char* out, int value) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

// "Fri May 05 20:49:00 +0000 2017", as format_twitter_v1_time writes it, without the allocation.
void append_twitter_time(StreamText& out, TimeMs time) {
  static constexpr std::string_view weekdays = "SunMonTueWedThuFriSat";
  static constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const CivilTime c = civil_time(time);
  char text[30];
  std::memcpy(text, weekdays.data() + 3 * c.weekday, 3);
  text[3] = ' ';
  std::memcpy(text + 4, months.data() + 3 * (c.month - 1), 3);
  text[7] = ' ';
  append_two_digits(text + 8, c.day);
  text[10] = ' ';
  append_two_digits(text + 11, c.hour);
  text[13] = ':';
  append_two_digits(text + 14, c.minute);
  text[16] = ':';
  append_two_digits(text + 17, c.second);
  std::memcpy(text + 19, " +0000 ", 7);
  append_two_digits(text + 26, c.year / 100);
  append_two_digits(text + 28, c.year % 100);
  out.append(std::string_view(text, sizeof text));
}

// `"id":N,"id_str":"N"` with the second number a known repeat of the first.
void append_id_pair(StreamText& out, const Piece& id_key, const Piece& id_str_key, std::uint64_t id) {
  out.piece(id_key);
  const std::size_t first = out.size();
  out.append_number(id);
  const std::size_t length = out.size() - first;
  out.piece(id_str_key);
  const std::size_t second = out.size();
  out.append(out.text().substr(first, length));
  out.repeat_of(first, second);
}

}  // namespace

void append_twitter_json_string(std::string& out, std::string_view text) {
  const std::size_t size = out.size();
  out.resize(size + text.size() * 6 + 12);
  out.resize(static_cast<std::size_t>(escape_twitter_json(out.data() + size, text) - out.data()));
}

RenderCache::RenderCache() : users_(user_slots), statuses_(status_slots), retweets_(status_slots) {
  for (StreamText& spare : spares_) spare = StreamText(StreamText::Mode::recording);
}

TweetJsonWriter::TweetJsonWriter(const ScenarioParameters& parameters, const Population& population,
                                 const Story& story)
    : population_(population), story_(story), composer_(parameters, population, story) {}

void TweetJsonWriter::append_tweet(StreamText& out, std::uint32_t post, RenderCache& cache) const {
  append_status(out, post, Placement::stream, cache);
  out.push_back('\n');
}

void TweetJsonWriter::prefetch_slots(std::uint32_t index, const RenderCache& cache) const {
  const SimPost& post = story_.posts[index];
  __builtin_prefetch(&cache.users_[post.account % RenderCache::user_slots]);
  if (post.target == no_post) return;
  __builtin_prefetch(&cache.statuses_[post.target % RenderCache::status_slots]);
  __builtin_prefetch(&cache.retweets_[post.target % RenderCache::status_slots]);
}

void TweetJsonWriter::prefetch_json(std::uint32_t index, const RenderCache& cache) const {
  auto ahead = [](const StreamText& json) {
    const char* bytes = json.text().data();
    for (std::size_t at = 0; at < json.size() && at < 512; at += 64) __builtin_prefetch(bytes + at);
  };
  const SimPost& post = story_.posts[index];
  const RenderCache::Slot& user = cache.users_[post.account % RenderCache::user_slots];
  if (user.key == post.account) ahead(user.json);
  if (post.target == no_post) return;
  const RenderCache::Slot& status = cache.statuses_[post.target % RenderCache::status_slots];
  if (status.key == post.target) ahead(status.json);
}

void TweetJsonWriter::append_delete(StreamText& out, std::uint32_t post, TimeMs time) const {
  const SimPost& deleted = story_.posts[post];
  const SimAccount& author = population_.account(deleted.account);
  append_id_pair(out, R"({"delete":{"status":{"id":)", R"(,"id_str":")", deleted.id);
  append_id_pair(out, R"(","user_id":)", R"(,"user_id_str":")", author.id);
  out.piece(R"("},"timestamp_ms":")");
  out.append_number(static_cast<std::uint64_t>(time));
  out.piece("\"}}\n");
}

void TweetJsonWriter::append_limit(StreamText& out, std::uint64_t undelivered, TimeMs time) const {
  out.piece(R"({"limit":{"track":)");
  out.append_number(undelivered);
  out.piece(R"(,"timestamp_ms":")");
  out.append_number(static_cast<std::uint64_t>(time));
  out.piece("\"}}\n");
}

void TweetJsonWriter::append_user(StreamText& out, std::uint32_t account, RenderCache& cache) const {
  RenderCache::Slot& slot = cache.users_[account % RenderCache::user_slots];
  if (slot.key != account) {
    slot.json.clear();
    render_user(slot.json, account);
    slot.key = account;
  }
  out.append_recorded(StreamText::key(StreamText::Named::user, account), slot.json);
}

void TweetJsonWriter::append_embedded_status(StreamText& out, std::uint32_t post, RenderCache& cache) const {
  RenderCache::Slot& slot = cache.statuses_[post % RenderCache::status_slots];
  if (slot.key != post) {
    // Rendered aside first: an embedded quote inside may use (and clear) the same slot. The
    // buffers swapped out of the slot serve the next time at this depth.
    StreamText& json = cache.spares_[cache.depth_];
    json.clear();
    append_status(json, post, Placement::embedded, cache);
    std::swap(slot.json, json);
    slot.key = post;
  }
  out.append_recorded(StreamText::key(StreamText::Named::status, post), slot.json);
}

const RenderCache::RetweetSlot& TweetJsonWriter::retweet_of(std::uint32_t repost, RenderCache& cache) const {
  const std::uint32_t target = story_.posts[repost].target;
  RenderCache::RetweetSlot& slot = cache.retweets_[target % RenderCache::status_slots];
  if (slot.key != target) {
    // "RT @author: text" depends on the reposted tweet alone: every retweet of it writes the same.
    TweetText& original = cache.texts_[cache.depth_];
    TweetText& text = cache.retweet_text_;
    composer_.compose(target, original);
    composer_.retweet_text(repost, original, text);
    slot.text.clear();
    slot.text.append_escaped(text.text);
    slot.entities.clear();
    append_entities(slot.entities, text, text.length);
    slot.has_url = false;
    for (const TextEntity& entity : text.entities) slot.has_url = slot.has_url || entity.kind == TextEntity::Kind::url;
    slot.key = target;
  }
  return slot;
}

void TweetJsonWriter::render_user(StreamText& out, std::uint32_t index) const {
  const SimAccount& account = population_.account(index);
  const std::string& language = population_.community(account.community).profile.language;
  const Vocabulary& words = vocabulary_for(language);
  const std::uint64_t key = mix(account.id);
  append_id_pair(out, R"({"id":)", R"(,"id_str":")", account.id);
  out.piece(R"(","name":")");
  out.append_escaped(account.name);
  out.piece(R"(","screen_name":")");
  out.append(account.handle);
  out.piece(R"(","location":)");
  std::string_view location = location_for(language, key);
  if (location.empty()) {
    out.append("null");
  } else {
    const std::size_t location_begin = out.size();
    out.push_back('"');
    out.append_escaped(location);
    out.push_back('"');
    // The community fixes the language, and the language and key % 3 the place.
    out.name(StreamText::key(StreamText::Named::location, account.community * 4 + static_cast<std::uint32_t>(key % 3)),
             location_begin);
  }
  out.piece(R"(,"url":null,"description":)");
  if (account.default_profile) {
    out.append("null");
  } else {
    out.push_back('"');
    for (int i = 0; i < 4; ++i) {
      if (i) out.push_back(' ');
      out.append_escaped(words.words[(key >> (i * 8)) % words.words.size()]);
    }
    out.push_back('"');
  }
  out.piece(account.verified
                ? Piece(R"(,"translator_type":"none","protected":false,"verified":true,"followers_count":)")
                : Piece(R"(,"translator_type":"none","protected":false,"verified":false,"followers_count":)"));
  out.append_number(account.followers);
  out.piece(R"(,"friends_count":)");
  out.append_number(account.friends);
  out.piece(R"(,"listed_count":)");
  out.append_number(account.followers / 50);
  out.piece(R"(,"favourites_count":)");
  out.append_number(account.statuses / 3);
  out.piece(R"(,"statuses_count":)");
  out.append_number(account.statuses);
  out.piece(R"(,"created_at":")");
  append_twitter_time(out, account.created_at);
  out.piece(R"(","utc_offset":null,"time_zone":null,"geo_enabled":false,"lang":")");
  const std::size_t language_begin = out.size();
  out.append(language);
  out.append(R"(","contributors_enabled":false,"is_translator":false,)");
  out.name(StreamText::key(StreamText::Named::language, account.community * 2), language_begin);
  if (account.default_profile) {
    out.piece(R"("profile_background_color":"F5F8FA","profile_background_image_url":"",)"
              R"("profile_background_image_url_https":"","profile_background_tile":false,)"
              R"("profile_link_color":"1DA1F2","profile_sidebar_border_color":"C0DEED","profile_sidebar_fill_color":"DDEEF6",)"
              R"("profile_text_color":"333333","profile_use_background_image":true,)"
              R"("profile_image_url":"http:\/\/abs.twimg.com\/sticky\/default_profile_images\/default_profile_normal.png",)"
              R"("profile_image_url_https":"https:\/\/abs.twimg.com\/sticky\/default_profile_images\/default_profile_normal.png",)"
              R"("default_profile":true,"default_profile_image":true,)");
  } else {
    out.piece(R"("profile_background_color":")");
    append_hex(out, key & 0xFFFFFF, 6, true);
    out.piece(R"(","profile_background_image_url":"http:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png",)"
              R"("profile_background_image_url_https":"https:\/\/abs.twimg.com\/images\/themes\/theme1\/bg.png","profile_background_tile":false,)"
              R"("profile_link_color":")");
    append_hex(out, (key >> 24) & 0xFFFFFF, 6, true);
    out.piece(R"(","profile_sidebar_border_color":"000000","profile_sidebar_fill_color":"000000",)"
              R"("profile_text_color":"000000","profile_use_background_image":false,)"
              R"("profile_image_url":"http:\/\/pbs.twimg.com\/profile_images\/)");
    const std::size_t image = out.size();
    out.append_number(700000000000000000ULL + key % 99999999999999ULL);
    out.append("\\/");
    append_hex(out, key & 0xFFFFFFFF, 0, false);
    const std::size_t image_length = out.size() - image;
    out.piece(R"(_normal.jpg","profile_image_url_https":"https:\/\/pbs.twimg.com\/profile_images\/)");
    // The same image again, over https.
    const std::size_t again = out.size();
    out.append(out.text().substr(image, image_length));
    out.repeat_of(image, again);
    out.piece(R"(_normal.jpg","profile_banner_url":"https:\/\/pbs.twimg.com\/profile_banners\/)");
    out.append_number(account.id);
    out.append("\\/");
    out.append_number(1400000000 + key % 90000000);
    out.piece(R"(","default_profile":false,"default_profile_image":false,)");
  }
  out.piece(R"("following":null,"follow_request_sent":null,"notifications":null})");
}

void TweetJsonWriter::append_entities(StreamText& out, const TweetText& text, std::uint32_t up_to,
                                      const TextEntity* extra_url) const {
  auto indices = [&out](const TextEntity& entity) {
    out.piece(R"(","indices":[)");
    out.append_number(entity.start);
    out.push_back(',');
    out.append_number(entity.end);
    out.append("]}");
  };
  out.piece(R"({"hashtags":[)");
  bool first = true;
  for (const TextEntity& entity : text.entities) {
    if (entity.kind != TextEntity::Kind::hashtag || entity.end > up_to) continue;
    if (!first) out.push_back(',');
    first = false;
    out.piece(R"({"text":")");
    out.append_escaped(text.of(entity.text));
    indices(entity);
  }
  out.piece(R"(],"urls":[)");
  first = true;
  auto url = [&](const TextEntity& entity) {
    if (!first) out.push_back(',');
    first = false;
    constexpr std::string_view tco = "https://t.co/";
    const std::string_view shortened = text.of(entity.text);
    if (shortened.starts_with(tco)) {
      out.piece(R"({"url":"https:\/\/t.co\/)");
      out.append_escaped(shortened.substr(tco.size()));
    } else {
      out.piece(R"({"url":")");
      out.append_escaped(shortened);
    }
    out.piece(R"(","expanded_url":")");
    out.append_escaped(text.of(entity.expanded));
    out.piece(R"(","display_url":")");
    out.append_escaped(text.of(entity.display));
    indices(entity);
  };
  for (const TextEntity& entity : text.entities) {
    if (entity.kind == TextEntity::Kind::url && entity.end <= up_to) url(entity);
  }
  if (extra_url) url(*extra_url);
  out.piece(R"(],"user_mentions":[)");
  first = true;
  for (const TextEntity& entity : text.entities) {
    if (entity.kind != TextEntity::Kind::mention || entity.end > up_to) continue;
    if (!first) out.push_back(',');
    first = false;
    const SimAccount& account = population_.account(entity.account);
    out.piece(R"({"screen_name":")");
    out.append(account.handle);
    out.piece(R"(","name":")");
    out.append_escaped(account.name);
    append_id_pair(out, R"(","id":)", R"(,"id_str":")", account.id);
    indices(entity);
  }
  out.piece(R"(],"symbols":[]})");
}

void TweetJsonWriter::append_status(StreamText& out, std::uint32_t index, Placement placement,
                                    RenderCache& cache) const {
  const SimPost& post = story_.posts[index];
  const SimAccount& author = population_.account(post.account);
  const bool repost = post.kind == PostKind::repost && post.target != no_post;
  const bool quote = post.kind == PostKind::quote && post.target != no_post;
  const bool reply = post.kind == PostKind::reply && post.target != no_post;
  const RenderCache::RetweetSlot* retweet = repost ? &retweet_of(index, cache) : nullptr;
  // Each depth of embedding has its own text: an embedded tweet is written in the middle of this one.
  if (cache.depth_ + 1 >= RenderCache::depths) throw std::logic_error("tweets embedded deeper than the API embeds them");
  TweetText& text = cache.texts_[cache.depth_++];
  struct Leave {
    RenderCache& cache;
    ~Leave() { --cache.depth_; }
  } leave{cache};
  if (repost) {
    text.clear();
  } else {
    composer_.compose(index, text);
  }
  const bool extended = !repost && text.length > classic_tweet_length;

  out.piece(R"({"created_at":")");
  append_twitter_time(out, post.time);
  append_id_pair(out, R"(","id":)", R"(,"id_str":")", post.id);
  out.piece(R"(","text":")");
  // What the classic `text` and top-level entities show of an extended tweet: its start, an
  // ellipsis and a link to the whole.
  std::size_t shown_begin = 0, shown_length = 0, shown_bytes = 0;
  TextEntity self_link;
  bool has_url = false;
  if (repost) {
    out.append_recorded(StreamText::key(StreamText::Named::retweet_text, post.target), retweet->text);
    has_url = retweet->has_url;
  } else if (extended) {
    std::size_t byte = 0;
    for (std::uint32_t seen = 0; byte < text.text.size(); ++byte) {
      if ((static_cast<unsigned char>(text.text[byte]) & 0xC0) != 0x80 && seen++ == truncated_keep) break;
    }
    const std::string id = std::to_string(post.id);
    self_link = {TextEntity::Kind::url, truncated_keep + 2, classic_tweet_length,
                 text.keep(fmt::format("https://t.co/{:010x}", mix(post.id) & 0xFFFFFFFFFFULL)),
                 text.keep(fmt::format("https://twitter.com/i/web/status/{}", id)),
                 text.keep(fmt::format("twitter.com/i/web/status/{}…", id.substr(0, 1))), 0};
    shown_bytes = byte;
    shown_begin = out.size();
    out.append_escaped(std::string_view(text.text).substr(0, byte));
    shown_length = out.size() - shown_begin;
    out.append_escaped("… ");
    out.append_escaped(text.of(self_link.text));
    has_url = true;
  } else {
    out.append_escaped(text.text);
    for (const TextEntity& entity : text.entities) has_url = has_url || entity.kind == TextEntity::Kind::url;
  }
  out.piece(R"(","source":")");
  out.piece(author.role == Role::bot ? bot_source : sources[mix(author.id) % sources.size()]);
  out.piece(extended ? Piece(R"(","truncated":true,)") : Piece(R"(","truncated":false,)"));
  if (reply) {
    const SimPost& target = story_.posts[post.target];
    const SimAccount& target_author = population_.account(target.account);
    append_id_pair(out, R"("in_reply_to_status_id":)", R"(,"in_reply_to_status_id_str":")", target.id);
    append_id_pair(out, R"(","in_reply_to_user_id":)", R"(,"in_reply_to_user_id_str":")", target_author.id);
    out.piece(R"(","in_reply_to_screen_name":")");
    out.append(target_author.handle);
    out.append("\",");
  } else {
    out.piece(R"("in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"in_reply_to_user_id":null,)"
              R"("in_reply_to_user_id_str":null,"in_reply_to_screen_name":null,"user":)");
  }
  if (reply) out.piece(R"("user":)");
  append_user(out, post.account, cache);
  out.piece(R"(,"geo":null,"coordinates":null,"place":null,"contributors":null,)");
  if (repost) {
    out.piece(R"("retweeted_status":)");
    append_embedded_status(out, post.target, cache);
    out.push_back(',');
  }
  if (quote) {
    append_id_pair(out, R"("quoted_status_id":)", R"(,"quoted_status_id_str":")", story_.posts[post.target].id);
    out.append("\",");
    // The API embeds one level of quoting: a quote inside an embedded tweet is named, not embedded.
    if (placement == Placement::stream || story_.posts[post.target].kind != PostKind::quote) {
      out.piece(R"("quoted_status":)");
      append_embedded_status(out, post.target, cache);
      out.push_back(',');
    }
  }
  out.piece(quote ? Piece(R"("is_quote_status":true,)") : Piece(R"("is_quote_status":false,)"));
  if (extended) {
    out.piece(R"("extended_tweet":{"full_text":")");
    // The full text starts as the classic one does.
    const std::size_t again = out.size();
    out.append(out.text().substr(shown_begin, shown_length));
    out.repeat_of(shown_begin, again);
    out.append_escaped(std::string_view(text.text).substr(shown_bytes));
    out.piece(R"(","display_text_range":[)");
    out.append_number(text.display_start);
    out.push_back(',');
    out.append_number(text.length);
    out.piece(R"(],"entities":)");
    append_entities(out, text, text.length);
    out.append("},");
  }
  if (placement == Placement::embedded) {
    const std::uint64_t key = mix(post.id);
    out.piece(R"("quote_count":)");
    out.append_number(key % 40);
    out.piece(R"(,"reply_count":)");
    out.append_number((key >> 8) % 90);
    out.piece(R"(,"retweet_count":)");
    out.append_number((key >> 16) % 5000);
    out.piece(R"(,"favorite_count":)");
    out.append_number((key >> 32) % 9000);
    out.piece(R"(,"entities":)");
  } else {
    out.piece(R"("quote_count":0,"reply_count":0,"retweet_count":0,"favorite_count":0,"entities":)");
  }
  if (repost) {
    out.append_recorded(StreamText::key(StreamText::Named::retweet_entities, post.target), retweet->entities);
  } else if (extended) {
    append_entities(out, text, truncated_keep, &self_link);
  } else {
    append_entities(out, text, text.length);
  }
  out.piece(has_url ? Piece(R"(,"favorited":false,"retweeted":false,"possibly_sensitive":false,)")
                    : Piece(R"(,"favorited":false,"retweeted":false,)"));
  const SimPost& language_source = repost ? story_.posts[post.target] : post;
  const std::uint32_t language_community = population_.account(language_source.account).community;
  const std::string& language = population_.community(language_community).profile.language;
  if (placement == Placement::stream) {
    out.piece(R"("filter_level":"low","lang":")");
    const std::size_t language_begin = out.size();
    out.append(language);
    out.append(R"(","timestamp_ms":")");
    out.name(StreamText::key(StreamText::Named::language, language_community * 2 + 1), language_begin);
    out.append_number(static_cast<std::uint64_t>(post.time));
    out.append("\"}");
  } else {
    out.piece(R"("lang":")");
    out.append(language);
    out.append("\"}");
  }
}

}  // namespace leaktrace::simulate
