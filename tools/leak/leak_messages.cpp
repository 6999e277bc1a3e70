#include "leak/leak_messages.h"

#include "leak/leak_messages_table.h"

namespace cc::leak {

// The text is in leak_messages.json beside this file; configure writes it into
// leak/leak_messages_table.h (cmake/MessageTables.cmake),
// which also checks it at compile time (core/messages/check.h).
std::string leak_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kLeakMessages, lang, id, args);
}

}  // namespace cc::leak
