#pragma once
// Leak messages: the English and Chinese report text `leak`, the probe and the release
// gate print. The corpus findings are in the one catalog (core/messages/leak.json).
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::leak {

// Formats catalog entry `id` in `lang`; an unknown id yields the id itself.
std::string leak_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::leak
