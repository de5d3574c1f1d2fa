#pragma once

#include <string>
#include <vector>

namespace leaktrace {

// A plain-text table for the terminal: columns padded to their widest cell (counted in code
// points, so accents and CJK do not break alignment more than a terminal does), numbers right-aligned.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void add_row(std::vector<std::string> cells);
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace leaktrace
