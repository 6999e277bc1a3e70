#include "irt/irt_messages.h"

#include "irt/irt_messages_table.h"

namespace cc::irt {

// The text is in irt_messages.json beside this file; configure writes it into
// irt/irt_messages_table.h (cmake/MessageTables.cmake),
// which also checks it at compile time (core/messages/check.h).
std::string irt_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kIrtMessages, lang, id, args);
}

}  // namespace cc::irt
