#pragma once
// Dedup renderers: the pairs of a DedupReport as text (one line per pair, both
// file:line locations) or JSON.
#include <ostream>

#include "core/messages.h"
#include "coverage/dedup_benchmark.h"

namespace cc::coverage {

void render_dedup_text(const DedupReport& report, Lang lang, std::ostream& out);
void render_dedup_json(const DedupReport& report, std::ostream& out);

}  // namespace cc::coverage
