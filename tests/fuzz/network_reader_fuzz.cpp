// libFuzzer target: the readers of networks and cascade trees collected elsewhere (edge lists, GML,
// GraphML, GEXF through libxml2, Twitter15/16 trees) on arbitrary bytes must never crash, read out
// of bounds or throw anything but NetworkReadError (nothing readable), and what they return must
// hold together. The first byte picks the reader: 0 detects the format from the content, 1-4 force
// edge list, GML, GraphML, GEXF, 5 reads a Twitter15/16 tree.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/ma_cascade_reader.h"
#include "graph/network_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0] % 6;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (selector == 5) {
    std::vector<leaktrace::InputRejection> rejections;
    leaktrace::MaTreeCounts counts;
    leaktrace::CascadeTree tree = leaktrace::read_ma_cascade_tree(text, "fuzz.txt", "fuzz", rejections, counts);
    if (!tree.nodes.empty()) tree.check();  // throws, and so fails, when the tree is malformed
    return 0;
  }
  leaktrace::NetworkReadOptions options;
  if (selector > 0) options.format = static_cast<leaktrace::NetworkFormat>(selector - 1);
  try {
    leaktrace::ImportedNetwork network = leaktrace::parse_network(text, "fuzz", options);
    for (const leaktrace::NodeAttribute& attribute : network.graph.attributes()) {
      if (attribute.values.size() != network.graph.node_count()) __builtin_trap();
    }
    for (const leaktrace::InputRejection& rejection : network.rejections) {
      if (rejection.file != "fuzz" || rejection.reason.empty()) __builtin_trap();
    }
  } catch (const leaktrace::NetworkReadError&) {
  }
  return 0;
}
