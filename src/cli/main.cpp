#include "cli/commands.h"

int main(int argc, char** argv) { return leaktrace::run_command_line(argc, argv); }
