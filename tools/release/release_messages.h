#pragma once
// Release messages: the English and Chinese report text of export, import, release and
// hook (summaries, refusals, diff and verify lines). Import's row findings are in the one
// catalog (core/messages/import.json).
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc {

// Formats the catalog entry `id` in `lang` ("{name}" replaced by its argument). An
// unknown id yields the id itself.
std::string release_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc
