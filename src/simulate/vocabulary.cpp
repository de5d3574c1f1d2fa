#include "simulate/vocabulary.h"

#include <array>

namespace leaktrace::simulate {
namespace {

using sv = std::string_view;

constexpr std::array<Name, 16> en_first{{{"James", "james"}, {"Mary", "mary"}, {"John", "john"}, {"Patricia", "patricia"},
                                         {"Robert", "robert"}, {"Jennifer", "jen"}, {"Michael", "mike"}, {"Linda", "linda"},
                                         {"William", "bill"}, {"Sarah", "sarah"}, {"David", "dave"}, {"Karen", "karen"},
                                         {"Richard", "rick"}, {"Susan", "sue"}, {"Thomas", "tom"}, {"Jessica", "jess"}}};
constexpr std::array<Name, 12> en_last{{{"Smith", "smith"}, {"Johnson", "johnson"}, {"Williams", "williams"},
                                        {"Brown", "brown"}, {"Miller", "miller"}, {"Davis", "davis"}, {"Wilson", "wilson"},
                                        {"Taylor", "taylor"}, {"Anderson", "anderson"}, {"Jackson", "jackson"},
                                        {"Patriot", "patriot"}, {"Eagle", "eagle"}}};
constexpr std::array<sv, 30> en_words{"the", "real", "news", "they", "don't", "want", "you", "to", "see", "this",
                                      "media", "silence", "truth", "read", "now", "share", "before", "deleted", "wow",
                                      "huge", "look", "at", "what", "just", "dropped", "everyone", "needs", "know",
                                      "unbelievable", "today"};
constexpr std::array<sv, 8> en_phrases{"Macron campaign emails leaked", "massive document dump on Macron",
                                       "the Macron files are out", "9GB of En Marche emails",
                                       "Macron offshore documents", "leaked emails from the Macron campaign",
                                       "this is the Macron dump", "read the Macron emails before the vote"};
constexpr std::array<sv, 8> en_topics{"NBAPlayoffs", "KentuckyDerby", "MayThe4thBeWithYou", "GameOfThrones",
                                      "Bitcoin", "MetGala", "TrumpCare", "CincoDeMayo"};

constexpr std::array<Name, 16> fr_first{{{"Jean", "jean"}, {"Marie", "marie"}, {"Pierre", "pierre"}, {"Camille", "camille"},
                                         {"Louis", "louis"}, {"Chloé", "chloe"}, {"Hugo", "hugo"}, {"Léa", "lea"},
                                         {"Étienne", "etienne"}, {"Manon", "manon"}, {"François", "francois"},
                                         {"Inès", "ines"}, {"Benoît", "benoit"}, {"Océane", "oceane"}, {"Gaël", "gael"},
                                         {"Zoé", "zoe"}}};
constexpr std::array<Name, 12> fr_last{{{"Martin", "martin"}, {"Bernard", "bernard"}, {"Dubois", "dubois"},
                                        {"Durand", "durand"}, {"Leroy", "leroy"}, {"Moreau", "moreau"},
                                        {"Lefèvre", "lefevre"}, {"Girard", "girard"}, {"Bonnet", "bonnet"},
                                        {"Dupont", "dupont"}, {"Patriote", "patriote"}, {"Gaulois", "gaulois"}}};
constexpr std::array<sv, 30> fr_words{"les", "médias", "cachent", "tout", "lisez", "avant", "minuit", "vérité",
                                      "incroyable", "regardez", "ça", "c'est", "énorme", "partagez", "vite", "avant",
                                      "censure", "le", "vote", "dimanche", "français", "réveillez-vous", "enfin",
                                      "voilà", "preuve", "scandale", "silence", "des", "journalistes", "ce soir"};
constexpr std::array<sv, 8> fr_phrases{"les mails de Macron ont fuité", "fuite massive des documents d'En Marche",
                                       "les MacronLeaks sont en ligne", "9 Go de courriels de la campagne",
                                       "les comptes offshore de Macron", "ce que les médias ne diront pas sur Macron",
                                       "les documents d'En Marche publiés", "lisez les mails avant dimanche"};
constexpr std::array<sv, 8> fr_topics{"Presidentielle2017", "LeDebat", "PSGASM", "Eurovision", "Cannes2017",
                                      "JeVoteBlanc", "Brigitte", "OM"};

constexpr std::array<Name, 10> ru_first{{{"Алексей", "alexei"}, {"Дмитрий", "dmitry"}, {"Ольга", "olga"},
                                         {"Наталья", "natasha"}, {"Сергей", "sergei"}, {"Ирина", "irina"},
                                         {"Андрей", "andrei"}, {"Татьяна", "tanya"}, {"Иван", "ivan"}, {"Елена", "elena"}}};
constexpr std::array<Name, 10> ru_last{{{"Иванов", "ivanov"}, {"Смирнов", "smirnov"}, {"Кузнецов", "kuznetsov"},
                                        {"Попов", "popov"}, {"Васильев", "vasiliev"}, {"Петров", "petrov"},
                                        {"Соколов", "sokolov"}, {"Михайлов", "mikhailov"}, {"Новиков", "novikov"},
                                        {"Фёдоров", "fedorov"}}};
constexpr std::array<sv, 24> ru_words{"смотрите", "правда", "скандал", "Франция", "выборы", "СМИ", "молчат",
                                      "читайте", "срочно", "документы", "это", "все", "знают", "Запад", "новости",
                                      "сегодня", "почта", "утечка", "огромная", "наконец", "вот", "доказательства",
                                      "поделитесь", "ночью"};
constexpr std::array<sv, 6> ru_phrases{"утечка почты штаба Макрона", "хакеры опубликовали документы Макрона",
                                       "9 ГБ писем команды Макрона", "офшоры Макрона", "скандал с почтой Макрона",
                                       "документы En Marche в сети"};
constexpr std::array<sv, 6> ru_topics{"ДеньПобеды", "Евровидение2017", "КХЛ", "Путин", "Москва", "Погода"};

constexpr std::array<Name, 10> de_first{{{"Lukas", "lukas"}, {"Anna", "anna"}, {"Jonas", "jonas"}, {"Lea", "lea"},
                                         {"Felix", "felix"}, {"Sophie", "sophie"}, {"Maximilian", "max"},
                                         {"Jürgen", "juergen"}, {"Paul", "paul"}, {"Lena", "lena"}}};
constexpr std::array<Name, 10> de_last{{{"Müller", "mueller"}, {"Schmidt", "schmidt"}, {"Schneider", "schneider"},
                                        {"Fischer", "fischer"}, {"Weber", "weber"}, {"Meyer", "meyer"},
                                        {"Wagner", "wagner"}, {"Becker", "becker"}, {"Schulz", "schulz"},
                                        {"Hoffmann", "hoffmann"}}};
constexpr std::array<sv, 24> de_words{"die", "Medien", "schweigen", "lest", "das", "jetzt", "Wahrheit", "unglaublich",
                                      "schaut", "euch", "an", "teilen", "bevor", "gelöscht", "Skandal", "Frankreich",
                                      "Wahl", "heute", "endlich", "Beweise", "Lügenpresse", "Achtung", "wichtig",
                                      "Sonntag"};
constexpr std::array<sv, 6> de_phrases{"Macrons Wahlkampf-Mails geleakt", "riesiges Datenleck bei En Marche",
                                       "die Macron-Dokumente sind online", "9 GB Mails von Macrons Team",
                                       "Macrons Offshore-Konten", "lest die Macron-Mails vor der Wahl"};
constexpr std::array<sv, 6> de_topics{"Bundesliga", "Tatort", "ESC2017", "NRWWahl", "Merkel", "Wetter"};

constexpr std::array<Name, 8> es_first{{{"Santiago", "santiago"}, {"Sofía", "sofia"}, {"Mateo", "mateo"},
                                        {"Valentina", "valentina"}, {"Sebastián", "sebastian"}, {"Camila", "camila"},
                                        {"Diego", "diego"}, {"Lucía", "lucia"}}};
constexpr std::array<Name, 8> es_last{{{"García", "garcia"}, {"Rodríguez", "rodriguez"}, {"González", "gonzalez"},
                                       {"Fernández", "fernandez"}, {"López", "lopez"}, {"Martínez", "martinez"},
                                       {"Sánchez", "sanchez"}, {"Pérez", "perez"}}};
constexpr std::array<sv, 20> es_words{"los", "medios", "callan", "lean", "esto", "ahora", "verdad", "increíble",
                                      "miren", "compartan", "antes", "borren", "escándalo", "Francia", "elección",
                                      "hoy", "por fin", "pruebas", "atención", "domingo"};
constexpr std::array<sv, 5> es_phrases{"filtran los correos de Macron", "enorme filtración de En Marche",
                                       "los documentos de Macron en línea", "9 GB de correos de la campaña",
                                       "las cuentas offshore de Macron"};
constexpr std::array<sv, 5> es_topics{"Boca", "ElClasico", "Venezuela", "Copa", "Noticias"};

constexpr std::array<Name, 6> it_first{{{"Francesco", "francesco"}, {"Giulia", "giulia"}, {"Alessandro", "ale"},
                                        {"Chiara", "chiara"}, {"Lorenzo", "lorenzo"}, {"Sara", "sara"}}};
constexpr std::array<Name, 6> it_last{{{"Rossi", "rossi"}, {"Russo", "russo"}, {"Ferrari", "ferrari"},
                                       {"Esposito", "esposito"}, {"Bianchi", "bianchi"}, {"Romano", "romano"}}};
constexpr std::array<sv, 16> it_words{"i", "media", "tacciono", "leggete", "questo", "adesso", "verità", "incredibile",
                                      "guardate", "condividete", "prima", "scandalo", "Francia", "elezioni", "oggi",
                                      "finalmente"};
constexpr std::array<sv, 4> it_phrases{"le email di Macron sono trapelate", "enorme fuga di documenti di En Marche",
                                       "i documenti di Macron online", "9 GB di email della campagna"};
constexpr std::array<sv, 4> it_topics{"SerieA", "Juventus", "Eurovision", "Renzi"};

constexpr std::array<Name, 6> pt_first{{{"João", "joao"}, {"Ana", "ana"}, {"Pedro", "pedro"}, {"Beatriz", "bia"},
                                        {"Gabriel", "gabriel"}, {"Mariana", "mariana"}}};
constexpr std::array<Name, 6> pt_last{{{"Silva", "silva"}, {"Santos", "santos"}, {"Oliveira", "oliveira"},
                                       {"Souza", "souza"}, {"Lima", "lima"}, {"Costa", "costa"}}};
constexpr std::array<sv, 16> pt_words{"a", "mídia", "esconde", "leiam", "isso", "agora", "verdade", "inacreditável",
                                      "vejam", "compartilhem", "antes", "escândalo", "França", "eleição", "hoje",
                                      "finalmente"};
constexpr std::array<sv, 4> pt_phrases{"vazaram os emails de Macron", "vazamento enorme da En Marche",
                                       "os documentos de Macron online", "9 GB de emails da campanha"};
constexpr std::array<sv, 4> pt_topics{"Brasileirao", "ForaTemer", "Flamengo", "BBB17"};

constexpr std::array<Name, 6> ja_first{{{"翔太", "shota"}, {"美咲", "misaki"}, {"大輔", "daisuke"}, {"陽菜", "hina"},
                                        {"拓海", "takumi"}, {"さくら", "sakura"}}};
constexpr std::array<Name, 6> ja_last{{{"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"},
                                       {"伊藤", "ito"}, {"渡辺", "watanabe"}}};
constexpr std::array<sv, 12> ja_words{"これは", "ひどい", "マスコミ", "報道しない", "拡散", "希望", "フランス", "選挙",
                                      "本当", "やばい", "今日", "速報"};
constexpr std::array<sv, 3> ja_phrases{"マクロン陣営のメール流出", "マクロン文書が公開された", "マクロンのリーク"};
constexpr std::array<sv, 4> ja_topics{"ゴールデンウィーク", "拡散希望", "アニメ", "天気"};

constexpr std::array<sv, 14> emoji_list{"🔥", "🚨", "👀", "💥", "‼️", "🇫🇷", "🇺🇸", "😱", "🤔", "👇", "⚡",
                                        "✅", "𝕏", "☝"};
constexpr std::array<sv, 6> companion_list{"MacronGate", "Presidentielle2017", "Macron", "France", "WikiLeaks",
                                           "EnMarche"};

constexpr std::array<Vocabulary, 8> vocabularies{{
    {"en", en_first, en_last, en_words, en_phrases, en_topics},
    {"fr", fr_first, fr_last, fr_words, fr_phrases, fr_topics},
    {"ru", ru_first, ru_last, ru_words, ru_phrases, ru_topics},
    {"de", de_first, de_last, de_words, de_phrases, de_topics},
    {"es", es_first, es_last, es_words, es_phrases, es_topics},
    {"it", it_first, it_last, it_words, it_phrases, it_topics},
    {"pt", pt_first, pt_last, pt_words, pt_phrases, pt_topics},
    {"ja", ja_first, ja_last, ja_words, ja_phrases, ja_topics},
}};

}  // namespace

const Vocabulary& vocabulary_for(std::string_view language) {
  for (const Vocabulary& vocabulary : vocabularies) {
    if (vocabulary.language == language) return vocabulary;
  }
  return vocabularies[0];
}

std::span<const std::string_view> emoji() { return emoji_list; }
std::span<const std::string_view> companion_tags() { return companion_list; }

}  // namespace leaktrace::simulate
