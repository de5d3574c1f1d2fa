#pragma once

// Synthetic maps for the browser tests, shared by write_test_map and write_test_report: planted
// communities laid out as clusters, and a corpus of XSS payloads in every string a map carries.
#include <cstdint>
#include <string>
#include <vector>

#include "render/map_document.h"

namespace leaktrace {

inline constexpr TimeMs hour_ms = 3'600'000;
inline constexpr TimeMs story_start = 1'493'912'400'000;  // 2017-05-04T15:40:00Z
inline constexpr const char* test_palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                               "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939"};

struct Shape {
  int accounts = 0;
  int edges = 0;
  int communities = 0;
  double inside_share = 0.85;  // edges within a community
  int accounts_with_posts = 0;
  std::uint64_t seed = 1;
};

// Communities as clusters on a circle; in each, a heavy-tailed few accounts draw most reposts, as
// in a real repost graph; each community joins the story some hours after the previous one.
MapDocument planted_map(const Shape& shape, std::string title);

// What the payloads try, every one harmless if it ever ran (it sets window.__xss, asks for a
// loopback address nothing listens on, or opens a dialog), so that the test sees it and fails.
std::vector<std::string> xss_payloads();
std::vector<std::string> xss_urls();

// Payloads in handles, names, ids, post texts, URLs, community labels and colours, the title, the
// subject and the sampling note.
MapDocument xss_map();

}  // namespace leaktrace
