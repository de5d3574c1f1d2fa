#pragma once

#include <ostream>
#include <string>

#include "render/network_document.h"

namespace leaktrace {

// Writes the document as two CSV files (RFC 4180: CRLF line ends, a field quoted when it holds a
// comma, a quote, CR, LF or leading/trailing spaces, quotes doubled), for R's read.csv, pandas and
// spreadsheets. nodes.csv: id, label, start (when any node has one), x, y, size, color ("#rrggbb",
// when laid out), then the columns. edges.csv: source, target (node ids), weight, type, time (when
// any edge has one), then the columns. A missing value is an empty field. Calls check() first.
void write_csv_nodes(const NetworkDocument& document, std::ostream& out);
void write_csv_edges(const NetworkDocument& document, std::ostream& out);

// Writes `folder`/nodes.csv and `folder`/edges.csv, creating the folder. Throws std::runtime_error
// naming the file when it cannot be written.
struct CsvNetworkFiles {
  std::string nodes;
  std::string edges;
};
CsvNetworkFiles write_csv_network(const NetworkDocument& document, const std::string& folder);

}  // namespace leaktrace
