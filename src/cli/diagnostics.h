#pragma once

#include <string_view>

namespace leaktrace {

// Diagnostics go to stderr as "leaktrace: error: ..." (colour only when stderr is a terminal).
void report_error(std::string_view message);
void report_warning(std::string_view message);
void report_note(std::string_view message);
bool stderr_is_terminal();

}  // namespace leaktrace
