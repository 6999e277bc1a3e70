#pragma once
// The one catalog of findings: every message with a rule id, in English and Chinese,
// grouped by rule family in the headers beside this one (io_yaml.h, schema.h, integrity.h,
// text.h, pii.h, project.h, scoring.h, import.h, leak.h, words.h) and joined here. message()
// (core/messages.h) looks ids up in it. Report text — headings, diffs, verify lines —
// stays beside its renderer, in that library's own table.
#include <span>

#include "core/messages.h"

namespace cc::messages {

// Every entry of the catalog, in family order.
std::span<const MessageEntry> catalog();

}  // namespace cc::messages
