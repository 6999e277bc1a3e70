#include "scoring/scoring_messages.h"

namespace cc::scoring {

// Scoring's findings live in the one catalog (core/messages/scoring.json).
std::string scoring_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message(lang, id, args);
}

}  // namespace cc::scoring
