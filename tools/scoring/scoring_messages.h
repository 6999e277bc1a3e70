#pragma once
// Scoring messages: the findings the scorer reports (verdict and case-source rules). Their
// text is in the one catalog, core/messages/scoring.json; this name stays for the callers.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::scoring {

// Formats the catalog entry `id` in `lang` ("{name}" replaced by its argument). An
// unknown id yields the id itself.
std::string scoring_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::scoring
