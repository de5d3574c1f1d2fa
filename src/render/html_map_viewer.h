#pragma once

#include <string_view>

namespace leaktrace {

// The viewer bundle (viewer/src, minified by esbuild) and its SHA-256 in base64. Defined in a
// source file that the build generates from the bundle (viewer/viewer.cmake); the bundle holds no
// "</script" and no "<!--", so it can be written inside a <script> element as it is.
std::string_view html_map_viewer_script();
std::string_view html_map_viewer_script_sha256();

}  // namespace leaktrace
