#include "coverage/coverage_messages.h"

#include "coverage/coverage_messages_table.h"

namespace cc::coverage {

// The text is in coverage_messages.json beside this file; configure writes it into
// coverage/coverage_messages_table.h (cmake/MessageTables.cmake),
// which also checks it at compile time (core/messages/check.h).
std::string coverage_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCoverageMessages, lang, id, args);
}

}  // namespace cc::coverage
