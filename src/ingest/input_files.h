#pragma once

#include <string>
#include <vector>

namespace leaktrace {

struct InputFile {
  std::string path;
  bool found_in_directory = false;  // not named by the user: an unrecognised one is only counted
};

// The files named on the command line, with each directory replaced by the regular files below it
// (recursively, in path order, hidden files and folders left out). "-" stays standard input; a path
// that does not exist stays as given, so that opening it reports the error.
std::vector<InputFile> expand_input_paths(const std::vector<std::string>& paths);

}  // namespace leaktrace
