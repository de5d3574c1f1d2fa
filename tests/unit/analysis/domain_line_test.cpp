#include "analysis/domain_line.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

std::vector<std::string> hosts(std::string_view line) {
  std::vector<std::string_view> views;
  hosts_in_line(line, views);
  return {views.begin(), views.end()};
}

using Hosts = std::vector<std::string>;

TEST(DomainLine, PlainListsAndUrls) {
  EXPECT_EQ(hosts("en-nnarche.com"), Hosts{"en-nnarche.com"});
  EXPECT_EQ(hosts("  en-nnarche.com.  \r"), Hosts{"en-nnarche.com"});
  EXPECT_EQ(hosts("https://user@Login.En-Marche.co:8443/adherer?x=1#top"), Hosts{"Login.En-Marche.co"});
  EXPECT_EQ(hosts("b\xD0\xB5lley.fr"), Hosts{"b\xD0\xB5lley.fr"});
  EXPECT_EQ(hosts("en-marche.fr/evenements"), Hosts{"en-marche.fr"});
}

TEST(DomainLine, CertificateTransparencyLines) {
  EXPECT_EQ(hosts("2017-04-26T09:12:44Z [cert] *.en-marche-fr.com, www.en-marche-fr.com"),
            (Hosts{"en-marche-fr.com", "www.en-marche-fr.com"}));
  EXPECT_EQ(hosts("1493198000 \"onedrive-en-marche.fr\" \"mail-en-marche.fr\""),
            (Hosts{"onedrive-en-marche.fr", "mail-en-marche.fr"}));
}

TEST(DomainLine, CertstreamJsonLines) {
  EXPECT_EQ(hosts(R"({"message_type":"certificate_update","data":{"leaf_cert":{"all_domains":["en-nnarche.com","www.en-nnarche.com"]}}})"),
            (Hosts{"en-nnarche.com", "www.en-nnarche.com"}));
}

TEST(DomainLine, ZoneRecordsNameTheirOwnerOnly) {
  EXPECT_EQ(hosts("en-rnarche.fr. 3600 IN NS ns1.example.net."), Hosts{"en-rnarche.fr"});
  EXPECT_EQ(hosts("en-rnarche.fr. NS ns1.example.net."), Hosts{"en-rnarche.fr"});
  EXPECT_EQ(hosts("en-rnarche.fr. 86400 NS ns1.example.net."), Hosts{"en-rnarche.fr"});
}

TEST(DomainLine, CommentsNumbersAndAddressesAreNoHosts) {
  EXPECT_TRUE(hosts("# suspect | imitated").empty());
  EXPECT_TRUE(hosts("; zone comment").empty());
  EXPECT_TRUE(hosts("// comment").empty());
  EXPECT_TRUE(hosts("192.0.2.1 10:00:00.5 3.14").empty());
  EXPECT_TRUE(hosts("this line names no host").empty());
  EXPECT_TRUE(hosts("http://[2001:db8::1]/").empty());
  EXPECT_EQ(host_of_token("*.*.example.org"), "example.org");
  EXPECT_EQ(host_of_token("a..b"), "");
}

}  // namespace
}  // namespace leaktrace
