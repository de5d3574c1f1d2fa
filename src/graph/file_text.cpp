#include "graph/file_text.h"

#include "graph/imported_network.h"
#include "ingest/input_source.h"

namespace leaktrace {
namespace {

constexpr std::size_t read_block = std::size_t{1} << 20;

}  // namespace

FileText read_file_text(const std::string& path) {
  try {
    InputSource input(path);
    FileText file;
    std::size_t size = 0;
    while (true) {
      file.text.resize(size + read_block);
      std::size_t got = input.read(file.text.data() + size, read_block);
      size += got;
      if (got == 0) break;
    }
    file.text.resize(size);
    file.damage = input.damage();
    return file;
  } catch (const InputError& error) {
    throw NetworkReadError(error.what());
  }
}

}  // namespace leaktrace
