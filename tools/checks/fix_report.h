#pragma once
// Fix report: what `clinconsensus fix` prints on stdout for a run — with --check, one line
// per change ("path:line:column: rule: 'before' → 'after'") — then how many files and
// changes, in all and per rule. Why a file could not be fixed is a Diagnostic, rendered
// by core/renderer.h.
#include <ostream>

#include "checks/fixer.h"
#include "core/messages.h"

namespace cc {

// Writes the report of `run` in `lang` to `out`.
void render_fix_report(const FixRun& run, Lang lang, std::ostream& out);

}  // namespace cc
