#include "judge/verdict_parse.h"

#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "judge/judge_messages.h"

namespace cc::judge {
namespace {

using nlohmann::json;

constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";

// Bytes the bracket scan and the parser may look at in all, so that a pathological answer
// (thousands of unclosed `{`) costs milliseconds rather than minutes. Real judge answers
// are a few kilobytes and never come near it.
constexpr size_t kScanBudget = size_t{1} << 25;

// The keys whose repetition makes a verdict ambiguous: nlohmann keeps only one of two
// equal keys, so {"criteria_met": true, "criteria_met": false} would silently pick one.
const std::set<std::string>& verdict_keys() {
  static const std::set<std::string> keys = {"criteria_met", "explanation", "criterion_id"};
  return keys;
}

// A JSON value found in the judge's text.
struct JsonCandidate {
  json value;
  std::string repeated_key;  // a verdict key given twice in one object, "" when none
};

// One past the bracket that closes the one at text[start] ('{' or '['), or npos when the
// brackets never balance or close with the wrong kind. JSON strings are skipped with
// their escapes, so a brace inside an explanation does not count.
size_t balanced_end(std::string_view text, size_t start, size_t& budget) {
  std::string closers;
  bool in_string = false;
  bool escaped = false;
  for (size_t i = start; i < text.size(); ++i) {
    if (budget == 0) return std::string_view::npos;
    --budget;
    char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{': closers.push_back('}'); break;
      case '[': closers.push_back(']'); break;
      case '}':
      case ']':
        if (closers.back() != c) return std::string_view::npos;
        closers.pop_back();
        if (closers.empty()) return i + 1;
        break;
      default: break;
    }
  }
  return std::string_view::npos;
}

// `span` as JSON, noting a repeated verdict key; nullopt when it is not JSON.
std::optional<JsonCandidate> parse_candidate(std::string_view span) {
  JsonCandidate candidate;
  std::vector<std::set<std::string>> keys_seen;  // one set per object being read
  auto note_keys = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) {
      keys_seen.emplace_back();
    } else if (event == json::parse_event_t::object_end) {
      if (!keys_seen.empty()) keys_seen.pop_back();
    } else if (event == json::parse_event_t::key && !keys_seen.empty() && parsed.is_string()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!keys_seen.back().insert(key).second && verdict_keys().count(key) && candidate.repeated_key.empty())
        candidate.repeated_key = key;
    }
    return true;
  };
  try {
    candidate.value = json::parse(span.begin(), span.end(), note_keys, /*allow_exceptions=*/false);
  } catch (const json::exception&) {
    return std::nullopt;
  }
  if (candidate.value.is_discarded()) return std::nullopt;
  return candidate;
}

// Every outermost JSON object or array in `text`, in order. Fenced ```json blocks need no
// case of their own: the fence marks lie outside the brackets. A span that balances but
// does not parse is skipped one byte at a time, so an object after a stray `{` in the
// prose, or inside a broken outer one, is still found.
std::vector<JsonCandidate> json_values_in(std::string_view text) {
  std::vector<JsonCandidate> found;
  size_t budget = kScanBudget;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' && text[i] != '[') continue;
    size_t end = balanced_end(text, i, budget);
    if (end == std::string_view::npos) {
      if (budget == 0) break;
      continue;
    }
    size_t length = end - i;
    if (length > budget) break;
    budget -= length;
    if (auto candidate = parse_candidate(text.substr(i, length))) {
      found.push_back(std::move(*candidate));
      i = end - 1;
    }
  }
  return found;
}

// A JSON value as the judge wrote it, short enough to quote in a message.
std::string as_written(const json& value) {
  std::string text = value.dump();
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return text;
  size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Why no verdict could be found in `body` (the answer after its thinking was removed).
// `what_id` names what was looked for: verdict/no-object or verdict/no-list.
Error nothing_found(std::string_view text, std::string_view body, std::string_view what_id, Lang lang) {
  if (is_blank(text)) return Error(judge_message(lang, "verdict/empty"));
  if (is_blank(body)) return Error(judge_message(lang, "verdict/only-thinking"));
  return Error(judge_message(lang, what_id, {{"bytes", std::to_string(body.size())}}));
}

// criteria_met and explanation of one verdict object. `whose` names the criterion in
// messages ("" in per-criterion mode, where there is only one).
Result<CriterionVerdict> read_verdict(const json& object, const std::string& whose, Lang lang) {
  const bool one = whose.empty();
  CriterionVerdict verdict;
  auto met = object.find("criteria_met");
  if (met == object.end())
    return Error(judge_message(lang, one ? "verdict/met-missing" : "verdict/met-missing-of", {{"id", whose}}));
  // Only a JSON boolean is unambiguous: "true", 1 or "是" may be a model that did not
  // follow the format at all, and guessing would put a wrong verdict in the scores.
  if (!met->is_boolean())
    return Error(judge_message(lang, one ? "verdict/met-not-boolean" : "verdict/met-not-boolean-of",
                               {{"id", whose}, {"found", as_written(*met)}}));
  verdict.criteria_met = met->get<bool>();
  auto explanation = object.find("explanation");
  if (explanation != object.end()) {
    if (!explanation->is_string())
      return Error(judge_message(lang, one ? "verdict/explanation-not-text" : "verdict/explanation-not-text-of",
                                 {{"id", whose}, {"found", as_written(*explanation)}}));
    verdict.explanation = explanation->get<std::string>();
  }
  return verdict;
}

// The object a value offers as a single verdict: the object itself, or the only element
// of a one-element array (some models wrap their one verdict in a list).
const json* single_verdict_object(const json& value) {
  if (value.is_object()) return &value;
  if (value.is_array() && value.size() == 1 && value[0].is_object()) return &value[0];
  return nullptr;
}

bool looks_like_verdict(const json& value) {
  return value.is_object() && (value.contains("criterion_id") || value.contains("criteria_met"));
}

// The list of verdicts a value holds: the array itself, or the array under "verdicts" or
// "results"; nullptr when it holds no verdict-like object (a citation "[1]", an example).
const json* verdict_list(const json& value) {
  const json* list = &value;
  if (value.is_object()) {
    list = nullptr;
    for (const char* key : {"verdicts", "results"}) {
      auto it = value.find(key);
      if (it != value.end() && it->is_array()) {
        list = &*it;
        break;
      }
    }
    if (!list) return nullptr;
  }
  if (!list->is_array()) return nullptr;
  for (const json& item : *list)
    if (looks_like_verdict(item)) return list;
  return nullptr;
}

std::string trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

Error repeated_key_error(const std::string& key, Lang lang) {
  return Error(judge_message(lang, "verdict/repeated-key", {{"key", key}}));
}

// Lists ids for a message, at most a few of them.
std::string id_list(const std::vector<std::string>& ids, Lang lang) {
  constexpr size_t kShown = 5;
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) out += (i ? judge_message(lang, "verdict/id-separator") : "") + ids[i];
  if (ids.size() > kShown)
    out = judge_message(lang, "verdict/ids-more", {{"ids", out}, {"n", std::to_string(ids.size() - kShown)}});
  return out;
}

}  // namespace

std::string_view strip_thinking(std::string_view text) {
  size_t close = text.rfind(kThinkClose);
  if (close != std::string_view::npos) text.remove_prefix(close + kThinkClose.size());
  // An opening tag with no close after it is thinking cut off by max_tokens: anything in
  // it is the model musing, not its verdict.
  size_t open = text.find(kThinkOpen);
  if (open != std::string_view::npos) text = text.substr(0, open);
  return text;
}

Result<CriterionVerdict> parse_criterion_verdict(std::string_view text, Lang lang) {
  std::string_view body = strip_thinking(text);
  std::vector<JsonCandidate> candidates = json_values_in(body);
  bool any_object = false;
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    const json* object = single_verdict_object(it->value);
    if (!object) continue;
    any_object = true;
    if (!object->contains("criteria_met")) continue;
    if (!it->repeated_key.empty()) return repeated_key_error(it->repeated_key, lang);
    return read_verdict(*object, "", lang);
  }
  if (any_object) return Error(judge_message(lang, "verdict/met-missing"));
  return nothing_found(text, body, "verdict/no-object", lang);
}

Result<std::vector<CriterionVerdict>> parse_case_verdicts(std::string_view text,
                                                          const std::vector<std::string>& expected_ids, Lang lang) {
  std::map<std::string, size_t> slot_of;
  for (size_t i = 0; i < expected_ids.size(); ++i)
    if (!slot_of.emplace(expected_ids[i], i).second)
      return Error(judge_message(lang, "verdict/rubric-twice", {{"id", expected_ids[i]}}), Error::Kind::Input);

  std::string_view body = strip_thinking(text);
  std::vector<JsonCandidate> candidates = json_values_in(body);

  // The last list wins, as in per-criterion mode, since a model may restate the format
  // first. Without any list, objects written one after another (one per line, as some
  // models do) are taken together.
  std::vector<const json*> items;
  for (auto it = candidates.rbegin(); it != candidates.rend() && items.empty(); ++it) {
    if (const json* list = verdict_list(it->value)) {
      if (!it->repeated_key.empty()) return repeated_key_error(it->repeated_key, lang);
      for (const json& item : *list) items.push_back(&item);
    }
  }
  if (items.empty()) {
    for (const JsonCandidate& candidate : candidates) {
      if (!looks_like_verdict(candidate.value)) continue;
      if (!candidate.repeated_key.empty()) return repeated_key_error(candidate.repeated_key, lang);
      items.push_back(&candidate.value);
    }
  }
  if (items.empty()) return nothing_found(text, body, "verdict/no-list", lang);

  std::vector<std::optional<CriterionVerdict>> slots(expected_ids.size());
  for (size_t n = 0; n < items.size(); ++n) {
    const json& item = *items[n];
    const std::string place = std::to_string(n + 1);
    if (!item.is_object())
      return Error(judge_message(lang, "verdict/item-not-object", {{"n", place}, {"found", as_written(item)}}));
    auto id_value = item.find("criterion_id");
    if (id_value == item.end()) return Error(judge_message(lang, "verdict/item-no-id", {{"n", place}}));
    if (!id_value->is_string())
      return Error(judge_message(lang, "verdict/item-id-not-text", {{"n", place}, {"found", as_written(*id_value)}}));
    // Models sometimes pad an id they echo; the id itself never has spaces.
    std::string id = trimmed(id_value->get<std::string>());
    auto slot = slot_of.find(id);
    if (slot == slot_of.end())
      return Error(judge_message(lang, "verdict/unknown-id", {{"found", as_written(id)}}));
    if (slots[slot->second]) return Error(judge_message(lang, "verdict/id-twice", {{"id", id}}));
    CC_TRY_ASSIGN(CriterionVerdict verdict, read_verdict(item, id, lang));
    verdict.criterion_id = id;
    slots[slot->second] = std::move(verdict);
  }

  std::vector<std::string> missing;
  for (size_t i = 0; i < slots.size(); ++i)
    if (!slots[i]) missing.push_back(expected_ids[i]);
  if (!missing.empty()) return Error(judge_message(lang, "verdict/ids-missing", {{"ids", id_list(missing, lang)}}));

  std::vector<CriterionVerdict> verdicts;
  verdicts.reserve(slots.size());
  for (auto& slot : slots) verdicts.push_back(std::move(*slot));
  return verdicts;
}

}  // namespace cc::judge
