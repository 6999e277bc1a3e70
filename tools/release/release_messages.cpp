#include "release/release_messages.h"

#include "release/release_messages_table.h"

namespace cc {

// The text is in release_messages.json beside this file; configure writes it into
// release/release_messages_table.h (cmake/MessageTables.cmake),
// which also checks it at compile time (core/messages/check.h).
std::string release_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kReleaseMessages, lang, id, args);
}

}  // namespace cc
