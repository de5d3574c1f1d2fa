#include "ingest/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace leaktrace {

std::vector<InputFile> expand_input_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) {
      files.push_back({path, false});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(error)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (std::string& file : found) files.push_back({std::move(file), true});
  }
  return files;
}

}  // namespace leaktrace
