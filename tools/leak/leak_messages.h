#pragma once
// Leak messages: the English and Chinese text of everything `leak`, the probe and the
// release gate print, in one catalog.
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace cc::leak {

// Formats catalog entry `id` in `lang`; an unknown id yields the id itself.
std::string leak_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args = {});

}  // namespace cc::leak
