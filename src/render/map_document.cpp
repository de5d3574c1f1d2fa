#include "render/map_document.h"

namespace leaktrace {

std::string_view map_edge_type_name(MapEdgeType type) {
  switch (type) {
    case MapEdgeType::repost: return "repost";
    case MapEdgeType::quote: return "quote";
    case MapEdgeType::reply: return "reply";
    case MapEdgeType::mention: return "mention";
    case MapEdgeType::citation: return "citation";
  }
  return "repost";
}

}  // namespace leaktrace
