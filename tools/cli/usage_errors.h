#pragma once
// Usage errors and help in the reader's language. CLI11 words its parse errors and its
// help layout in English; under `--lang zh` (or a Chinese locale) the errors are said
// again from their kind and the names and values they carry, and the help gets Chinese
// labels, group names and descriptions.
#include <iosfwd>

#include <CLI/CLI.hpp>

#include "core/messages.h"

namespace cc::cli {

// Prints parse error `e` of `app` to `err` as CLI11 would ("--lang: fr not in {en,zh}"
// and where to find help), in `lang`. Returns the exit status (0 for --help/--version,
// which CLI11 reports as an error too; kExitUsage otherwise).
int report_parse_error(CLI::App& app, const CLI::ParseError& e, Lang lang, std::ostream& out, std::ostream& err);

}  // namespace cc::cli
