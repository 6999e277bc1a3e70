#pragma once
// IRT messages: the English and Chinese text of what the irt commands, cat and
// rank-corr tell their user, kept in one catalog beside the library.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::irt {

// Formats the catalog entry `id` in `lang`; an unknown id yields the id itself.
std::string irt_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::irt
