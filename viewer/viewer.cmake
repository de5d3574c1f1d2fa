# The viewer (viewer/src, TypeScript) bundled by esbuild into one script, embedded in lt_render as a
# generated source file. Included from src/CMakeLists.txt once lt_render exists.
set(LEAKTRACE_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)
find_program(LEAKTRACE_NODE node)
if(NOT LEAKTRACE_NODE)
  message(FATAL_ERROR "node (Node.js) is not installed: the map viewer is built with it. Run scripts/install-deps.")
endif()
if(NOT EXISTS ${LEAKTRACE_NODE_MODULES}/esbuild/package.json OR NOT EXISTS ${LEAKTRACE_NODE_MODULES}/sigma/package.json)
  message(FATAL_ERROR "${LEAKTRACE_NODE_MODULES} is missing or incomplete: the map viewer needs its npm packages. "
                      "Run `npm ci` in ${CMAKE_SOURCE_DIR} (or scripts/install-deps), then configure again.")
endif()

file(GLOB LEAKTRACE_VIEWER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/viewer/src/*)
set(LEAKTRACE_VIEWER_BUNDLE ${CMAKE_BINARY_DIR}/viewer/viewer.js)
set(LEAKTRACE_VIEWER_CPP ${CMAKE_BINARY_DIR}/viewer/html_map_viewer.cpp)
add_custom_command(
  OUTPUT ${LEAKTRACE_VIEWER_BUNDLE} ${LEAKTRACE_VIEWER_CPP}
  COMMAND ${LEAKTRACE_NODE} ${CMAKE_SOURCE_DIR}/viewer/build.mjs --outfile ${LEAKTRACE_VIEWER_BUNDLE}
          --cpp ${LEAKTRACE_VIEWER_CPP}
  DEPENDS ${LEAKTRACE_VIEWER_SOURCES} ${CMAKE_SOURCE_DIR}/viewer/build.mjs ${CMAKE_SOURCE_DIR}/package-lock.json
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Bundling the map viewer (esbuild)"
  VERBATIM)
target_sources(lt_render PRIVATE ${LEAKTRACE_VIEWER_CPP})
