#pragma once
// Coverage messages: the English and Chinese report text coverage, select and dedup
// print — headings, target misses, requests. Findings with a rule id are in the one
// catalog (core/messages/).
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::coverage {

// Formats catalog entry `id` in `lang`; an unknown id yields the id itself.
std::string coverage_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::coverage
