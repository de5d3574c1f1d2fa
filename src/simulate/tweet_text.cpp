#include "simulate/tweet_text.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "simulate/vocabulary.h"

namespace leaktrace::simulate {
namespace {

constexpr std::uint64_t text_stream = 0x54455854;      // "TEXT"
constexpr std::uint64_t copypasta_stream = 0x434F5059;  // "COPY"
constexpr std::uint32_t classic_tweet_length = 140;
constexpr std::size_t url_display_length = 26;

constexpr std::array<std::string_view, 3> archive_urls{"https://archive.org/details/EMLS",
                                                       "https://archive.org/details/macronleaks-part2",
                                                       "https://anonfile.com/d5Xk9/EML_2017.zip"};

struct NewsSite {
  std::string_view language;
  std::string_view host;
};
constexpr std::array<NewsSite, 16> news_sites{{{"en", "www.breitbart.com"},
                                               {"en", "www.zerohedge.com"},
                                               {"en", "www.nytimes.com"},
                                               {"fr", "www.lemonde.fr"},
                                               {"fr", "www.fdesouche.com"},
                                               {"fr", "www.lefigaro.fr"},
                                               {"ru", "russian.rt.com"},
                                               {"ru", "ria.ru"},
                                               {"de", "www.bild.de"},
                                               {"de", "www.spiegel.de"},
                                               {"es", "elpais.com"},
                                               {"it", "www.corriere.it"},
                                               {"pt", "g1.globo.com"},
                                               {"ja", "www3.nhk.or.jp"},
                                               {"en", "disobedientmedia.com"},
                                               {"en", "www.reuters.com"}}};

// The expanded URL without its scheme and "www.", before it is cut to the display length.
std::string_view display_url(std::string_view expanded) {
  std::string_view shown = expanded;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (shown.starts_with(scheme)) shown.remove_prefix(scheme.size());
  }
  if (shown.starts_with("www.")) shown.remove_prefix(4);
  return shown;
}

// A t.co link: "https://t.co/" and ten characters.
using TcoUrl = std::array<char, 23>;
TcoUrl tco_url(std::uint64_t seed, std::uint64_t key) {
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  constexpr std::string_view prefix = "https://t.co/";
  std::uint64_t state = seed ^ (key * 0x9E3779B97F4A7C15ULL);
  std::uint64_t bits = Random::splitmix64(state);
  TcoUrl url{};
  std::copy(prefix.begin(), prefix.end(), url.begin());
  for (std::size_t i = prefix.size(); i < url.size(); ++i) {
    url[i] = alphabet[bits % alphabet.size()];
    bits /= alphabet.size();
    if (bits == 0) bits = Random::splitmix64(state);
  }
  return url;
}

std::string_view view(const TcoUrl& url) { return {url.data(), url.size()}; }

class TextBuilder {
 public:
  explicit TextBuilder(TweetText& out) : out_(out) {}
  void append(std::string_view utf8) {
    out_.text += utf8;
    out_.length += count_code_points(utf8);
  }
  void word(std::string_view word) {
    separate();
    append(word);
  }
  void hashtag(std::string_view tag) {
    separate();
    std::uint32_t start = out_.length;
    append("#");
    append(tag);
    out_.entities.push_back({TextEntity::Kind::hashtag, start, out_.length, out_.keep(tag), {}, {}, 0});
  }
  void mention(std::string_view handle, std::uint32_t account) {
    separate();
    std::uint32_t start = out_.length;
    append("@");
    append(handle);
    out_.entities.push_back({TextEntity::Kind::mention, start, out_.length, out_.keep(handle), {}, {}, account});
  }
  void url(std::string_view tco, std::string_view expanded) {
    separate();
    std::uint32_t start = out_.length;
    append(tco);
    const TextRange tco_range = out_.keep(tco);
    const TextRange expanded_range = out_.keep(expanded);
    const TextRange shown = keep_display_url(expanded);
    out_.entities.push_back({TextEntity::Kind::url, start, out_.length, tco_range, expanded_range, shown, 0});
  }

 private:
  void separate() {
    if (!out_.text.empty() && out_.text.back() != ' ') append(" ");
  }
  TextRange keep_display_url(std::string_view expanded) {
    std::string_view shown = display_url(expanded);
    if (shown.size() <= url_display_length) return out_.keep(shown);
    // Cut with an ellipsis.
    TextRange range = out_.keep(shown.substr(0, url_display_length - 1));
    out_.strings += "…";
    range.length += static_cast<std::uint32_t>(std::string_view("…").size());
    return range;
  }
  TweetText& out_;
};

template <typename List>
auto pick(const List& list, Random& random) -> decltype(list[0]) {
  return list[random.below(list.size())];
}

}  // namespace

std::uint32_t count_code_points(std::string_view utf8) {
  std::uint32_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

TweetTextComposer::TweetTextComposer(const ScenarioParameters& parameters, const Population& population,
                                     const Story& story)
    : parameters_(parameters), population_(population), story_(story) {}

std::string TweetTextComposer::status_url(std::uint32_t post) const {
  const SimPost& target = story_.posts[post];
  return fmt::format("https://twitter.com/{}/status/{}", population_.account(target.account).handle, target.id);
}

std::string TweetTextComposer::link_url(LinkKind link, std::uint32_t key) const {
  switch (link) {
    case LinkKind::thread:
      return fmt::format("https://boards.4chan.org/{}/thread/{}", story_.board, story_.thread.front().number);
    case LinkKind::paste:
      return fmt::format("https://pastebin.com/{}", story_.pastes[story_.origin_paste].key);
    case LinkKind::archive:
      return std::string(archive_urls[key % archive_urls.size()]);
    case LinkKind::news: {
      const NewsSite& site = news_sites[key % news_sites.size()];
      return fmt::format("https://{}/2017/05/{}/article-{}.html?utm_source=twitter&utm_medium=social", site.host,
                         5 + key % 3, key % 100000);
    }
    case LinkKind::none:
      break;
  }
  return {};
}

TweetText TweetTextComposer::compose(std::uint32_t post) const {
  TweetText out;
  compose(post, out);
  return out;
}

void TweetTextComposer::compose(std::uint32_t index, TweetText& out) const {
  const SimPost& post = story_.posts[index];
  const SimAccount& author = population_.account(post.account);
  const Vocabulary& words = vocabulary_for(population_.community(author.community).profile.language);
  Random random = Random::derived(parameters_.seed ^ text_stream, post.text_key);
  out.clear();
  TextBuilder text(out);
  if (post.kind == PostKind::reply && post.target != no_post) {
    std::uint32_t target_author = story_.posts[post.target].account;
    text.mention(population_.account(target_author).handle, target_author);
    text.append(" ");
    out.display_start = out.length;
  }

  if (post.topic == 0 && post.burst != no_post && post.kind == PostKind::original) {
    // Copypasta: one text for the whole burst, with the small variations bots add to look apart.
    Random shared = Random::derived(parameters_.seed ^ copypasta_stream, post.burst);
    const Vocabulary& group = vocabulary_for(population_.community(author.community).profile.language);
    if (random.chance(0.5)) text.word(pick(emoji(), random));
    text.word(pick(group.subject_phrases, shared));
    for (int i = 0; i < 4; ++i) text.word(pick(group.words, shared));
    text.hashtag(parameters_.subject_tag);
    text.url(view(tco_url(parameters_.seed, post.id)), link_url(post.link, post.burst));
    text.word(pick(emoji(), random));
    return;
  }

  if (post.topic == 0) {
    const bool long_text = post.kind == PostKind::original && random.chance(0.2);
    if (random.chance(0.2)) text.word(pick(emoji(), random));
    if (post.kind == PostKind::original || random.chance(0.5)) text.word(pick(words.subject_phrases, random));
    std::uint64_t count = long_text ? 22 + random.below(14) : random.below(6);
    for (std::uint64_t i = 0; i < count; ++i) text.word(pick(words.words, random));
    if (post.kind == PostKind::original || random.chance(0.6)) text.hashtag(parameters_.subject_tag);
    if (random.chance(0.3)) text.hashtag(pick(companion_tags(), random));
    const auto& hubs = population_.hubs();
    if (post.kind == PostKind::original && author.role != Role::hub && !hubs.empty() && random.chance(0.1)) {
      std::uint32_t hub = hubs[random.below(hubs.size())];
      text.mention(population_.account(hub).handle, hub);
    }
    if (post.link != LinkKind::none) {
      text.url(view(tco_url(parameters_.seed, post.id)), link_url(post.link, post.text_key));
    }
    if (random.chance(0.4)) text.word(pick(emoji(), random));
  } else {
    // The topic's tag comes from the language of whoever started the topic's original.
    std::uint32_t origin = post.target != no_post ? post.target : index;
    const Vocabulary& topic_words =
        vocabulary_for(population_.community(population_.account(story_.posts[origin].account).community).profile.language);
    std::uint64_t count = 3 + random.below(10);
    for (std::uint64_t i = 0; i < count; ++i) text.word(pick(words.words, random));
    if (random.chance(0.7)) {
      text.hashtag(topic_words.topic_tags[(post.topic - 1u) % topic_words.topic_tags.size()]);
    }
    if (post.link == LinkKind::news) text.url(view(tco_url(parameters_.seed, post.id)), link_url(post.link, post.text_key));
    if (random.chance(0.3)) text.word(pick(emoji(), random));
  }
  if (post.kind == PostKind::quote && post.target != no_post) {
    text.url(view(tco_url(parameters_.seed, post.id ^ 1)), status_url(post.target));
  }
}

void TweetTextComposer::retweet_text(std::uint32_t repost, const TweetText& original, TweetText& out) const {
  const SimPost& post = story_.posts[repost];
  std::uint32_t author = story_.posts[post.target].account;
  const std::string& handle = population_.account(author).handle;
  out.clear();
  out.text += "RT @";
  out.text += handle;
  out.text += ": ";
  out.strings = original.strings;  // the original's entities keep their ranges
  const std::uint32_t prefix = count_code_points(out.text);
  out.entities.push_back({TextEntity::Kind::mention, 3, prefix - 2, out.keep(handle), {}, {}, author});
  out.length = prefix + original.length;
  if (out.length <= classic_tweet_length) {
    out.text += original.text;
    for (TextEntity entity : original.entities) {
      entity.start += prefix;
      entity.end += prefix;
      out.entities.push_back(entity);
    }
    return;
  }
  // Cut at a code point boundary, leaving room for the ellipsis.
  const std::uint32_t keep = classic_tweet_length - 1 - prefix;
  std::uint32_t seen = 0;
  std::size_t byte = 0;
  while (byte < original.text.size()) {
    if ((static_cast<unsigned char>(original.text[byte]) & 0xC0) != 0x80) {
      if (seen == keep) break;
      ++seen;
    }
    ++byte;
  }
  out.text.append(original.text, 0, byte);
  out.text += "…";
  out.length = classic_tweet_length;
  for (TextEntity entity : original.entities) {
    if (entity.end > keep) continue;
    entity.start += prefix;
    entity.end += prefix;
    out.entities.push_back(entity);
  }
}

std::string TweetTextComposer::chan_text(std::uint32_t index) const {
  const ChanPost& post = story_.thread[index];
  Random random = Random::derived(parameters_.seed ^ text_stream ^ 0x4348414E, post.text_key);  // "CHAN"
  const Vocabulary& words = vocabulary_for("en");
  std::string html;
  if (post.quotes != no_post) {
    std::uint64_t quoted = story_.thread[post.quotes].number;
    html += fmt::format("<a href=\"#p{0}\" class=\"quotelink\">&gt;&gt;{0}</a><br>", quoted);
  }
  if (index == 0) {
    html += fmt::format("<b>{}</b><br>9GB of Macron campaign emails, docs and photos dumped an hour ago<br>", "EM LEAKS");
  } else if (random.chance(0.25)) {
    html += "<span class=\"quote\">&gt;";
    for (int i = 0; i < 4; ++i) html += fmt::format("{} ", pick(words.words, random));
    html += "</span><br>";
  }
  std::uint64_t count = 2 + random.below(14);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string_view word = pick(words.words, random);
    for (char c : word) {
      if (c == '\'') html += "&#039;";
      else html.push_back(c);
    }
    html.push_back(' ');
  }
  auto append_link = [&](const std::string& url) {
    // 4chan breaks long words with <wbr> every 35 characters.
    html += "<br>";
    for (std::size_t i = 0; i < url.size(); i += 35) {
      if (i > 0) html += "<wbr>";
      html.append(url, i, 35);
    }
  };
  if (index == 0 || post.link == LinkKind::paste) append_link(link_url(LinkKind::paste, 0));
  if (post.tweet != no_post) append_link(status_url(post.tweet));
  if (index == 0) html += "<br>spread it before the media blackout";
  return html;
}

std::string TweetTextComposer::paste_content(std::uint32_t index) const {
  const Paste& paste = story_.pastes[index];
  Random random = Random::derived(parameters_.seed ^ text_stream ^ 0x50415354, paste.text_key);  // "PAST"
  if (paste.origin) {
    return fmt::format(
        "EN MARCHE LEAKS\n\n9 GB of emails, documents and photos from the campaign of Emmanuel Macron.\n"
        "Collected over months. Spread before the silence period.\n\nDownload:\n{}\n{}\n{}\n",
        archive_urls[0], archive_urls[1], archive_urls[2]);
  }
  if (paste.cites_thread) {
    return fmt::format("#{} mirrors\n\nthread: {}\nfirst tweet: {}\n{}\n", parameters_.subject_tag,
                       link_url(LinkKind::thread, 0), status_url(story_.first_tweet), archive_urls[random.below(3)]);
  }
  std::string content;
  std::uint64_t lines = 3 + random.below(20);
  for (std::uint64_t i = 0; i < lines; ++i) {
    content += fmt::format("{}={}\n", pick(vocabulary_for("en").words, random), random.below(1000000));
  }
  return content;
}

}  // namespace leaktrace::simulate
