#include "judge/judge_messages.h"

#include "judge/judge_messages_table.h"

namespace cc::judge {

// The text is in judge_messages.json beside this file; configure writes it into
// judge/judge_messages_table.h (cmake/MessageTables.cmake),
// which also checks it at compile time (core/messages/check.h).
std::string judge_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kJudgeMessages, lang, id, args);
}

}  // namespace cc::judge
