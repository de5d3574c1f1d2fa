#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "render/map_document.h"

namespace leaktrace {

// The interactive propagation map: one self-contained HTML page (or a fragment of one) that embeds
// the viewer (viewer/, TypeScript on sigma.js + graphology, bundled at build time) and the map's
// data as JSON. It works offline from a single file: its Content-Security-Policy forbids every
// network request, and all text of the MapDocument reaches the page as JSON that the viewer sets
// with textContent, never as markup.
//
// A whole page:
//   write_html_map_page(document, {.title = "#MacronLeaks"}, "map.html");
//
// A map inside another page (the report): the host page carries html_map_content_security_policy()
// in its <meta http-equiv="Content-Security-Policy"> (or a policy that allows the same script hash
// and inline styles), puts one fragment per map where the map goes, each with its own element_id,
// and the viewer script once, after the last fragment:
//   out += html_map_fragment(document, {.element_id = "report-map", .height_px = 640});
//   ...
//   out += html_map_viewer_script_element();
// The viewer starts every `div[data-lt-map]` of the page, and starts each only once, so a host that
// writes the script element more than once does no harm.
//
// The JSON (html_map_json) is version 1 of "leaktrace-map", columnar so that a 100,000-account map
// stays compact and fast to parse:
//   {"format":"leaktrace-map","version":1,"title":S,"subject":S,"start":T,"end":T,
//    "communities":[{"label":S,"colour":"#rrggbb","accounts":N}],
//    "sampling":null | {"accounts_total":N,"accounts_shown":N,"edges_total":N,"edges_shown":N,"how":S},
//    "edge_types":["repost","quote","reply","mention","citation"],
//    "nodes":{"id":[S],"label":[S],"name":[S],"community":[N],"x":[F],"y":[F],"size":[F],
//             "pagerank":[F],"followers":[N|null],"first_share":[T],"backbone":[0|1]},
//    "posts":[null | {"first":P|null,"top":[P]}]     (one entry per node, in node order)
//    "edges":{"source":[N],"target":[N],"weight":[F],"type":[N],"time":[T]}}
// where T is milliseconds since the Unix epoch (UTC) or null when unknown, P is
// {"url":S,"text":S,"time":T,"reposts":N}, `type` indexes edge_types, and `source`/`target` index
// the node arrays. "sampling" is null unless the map shows fewer accounts or edges than the graph
// has. Edges whose source or target is not a node index are left out; a community index outside
// `communities` is written as -1 (no community).

struct HtmlMapOptions {
  std::string title;                  // the page's <title>; the document's title when empty
  std::string element_id = "lt-map";  // id of the map's container: [A-Za-z][A-Za-z0-9_-]*, unique
                                      // on its page; the data block is "<element_id>-data"
  int height_px = 0;                  // the container's height; 0 fills the viewport
};

// The whole page. Throws std::invalid_argument when element_id is not of the form above.
std::string html_map_page(const MapDocument& document, const HtmlMapOptions& options = {});

// Writes html_map_page() to `path`; throws std::runtime_error naming the path when it cannot.
void write_html_map_page(const MapDocument& document, const HtmlMapOptions& options,
                         const std::filesystem::path& path);

// The container and the data block of one map, without the viewer script. height_px 0 means 640.
std::string html_map_fragment(const MapDocument& document, const HtmlMapOptions& options = {});

// `<script>…viewer…</script>`: the bundled viewer, to be written once per page, after the fragments.
std::string html_map_viewer_script_element();

// The policy of the page: no request of any kind (default-src 'none', connect-src 'none'), the
// viewer's script by its SHA-256, inline styles, images only from data: and blob: URLs.
std::string html_map_content_security_policy();

// "'sha256-BASE64'", the viewer script's hash, for a host page that writes its own policy.
std::string html_map_script_hash_source();

// The map's data, as embedded in the page (see above); safe inside <script type="application/json">.
std::string html_map_json(const MapDocument& document);

}  // namespace leaktrace
