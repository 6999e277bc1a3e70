#pragma once
// Judge messages: the English and Chinese text of what the two-judge runs, physician
// review, distillation export and batch jobs print, in one catalog.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::judge {

// Formats catalog entry `id` in `lang`; an unknown id yields the id itself.
std::string judge_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::judge
