#pragma once
// The one catalog of findings: every message with a rule id, in English and Chinese,
// grouped by rule family in the JSON files beside this one (io_yaml.json, schema.json, …,
// each made into a header of the same name by cmake/MessageTables.cmake) and joined in
// core/messages.cpp. message() (core/messages.h) looks ids up in it. Report text —
// headings, diffs, verify lines — stays beside its renderer, in that library's own table.
#include <span>

#include "core/messages.h"

namespace cc::messages {

// Every entry of the catalog, in family order.
std::span<const MessageEntry> catalog();

}  // namespace cc::messages
