#include "scoring/input/verdict_object.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "scoring/scoring_messages.h"

namespace cc::scoring {
namespace {

using json::od::json_type;

// The value as the message shows it: at most 40 bytes (not cutting a UTF-8 sequence).
std::string short_token(std::string_view raw, bool quoted) {
  constexpr size_t kMax = 40;
  size_t n = std::min(raw.size(), kMax);
  while (n < raw.size() && n > 0 && (static_cast<unsigned char>(raw[n]) & 0xC0) == 0x80) --n;
  std::string s;
  if (quoted) s.push_back('"');
  s.append(raw.substr(0, n));
  if (n < raw.size()) s.append("…");
  if (quoted) s.push_back('"');
  return s;
}

// Reads a criteria_met value of any JSON type; only a broken document is an error.
bool read_met(json::od::value& v, const char* base, MetValue& out, simdjson::error_code& err) {
  out.offset = json::offset_of(v, base, 0);
  bool b = false;
  err = v.get_bool().get(b);  // the common case first
  if (!err) {
    out.kind = b ? MetValue::Kind::Met : MetValue::Kind::NotMet;
    return true;
  }
  if (err != simdjson::INCORRECT_TYPE) return false;
  json_type t;
  if ((err = v.type().get(t))) return false;
  switch (t) {
    case json_type::string: {
      std::string_view s;
      if ((err = v.get_string().get(s))) return false;
      auto r = verdict_from_text(s);
      out.kind = !r ? MetValue::Kind::Bad : *r ? MetValue::Kind::Met : MetValue::Kind::NotMet;
      out.text = s;
      out.quoted = true;
      out.coerced = r.has_value();
      return true;
    }
    case json_type::number: {
      double d = 0;
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
      if (v.get_double().get(d) == simdjson::SUCCESS && (d == 0 || d == 1)) {
        out.kind = d == 1 ? MetValue::Kind::Met : MetValue::Kind::NotMet;
        out.coerced = true;
        out.text = raw;
      } else {
        out.kind = MetValue::Kind::Bad;
        out.text = raw;
      }
      return true;
    }
    default:
      out.text = t == json_type::null ? "null" : t == json_type::array ? "a list" : "an object";
      out.kind = MetValue::Kind::Bad;
      return true;  // the unread value is skipped by the caller's iteration
  }
}

bool read_items(json::od::value& v, const char* base, std::vector<ItemFields>& items, simdjson::error_code& err,
                std::string& detail_key, size_t& bad_position) {
  json::od::array arr;
  if ((err = v.get_array().get(arr))) return false;
  size_t position = 0;
  for (auto item_r : arr) {
    ++position;
    json::od::value item;
    if ((err = std::move(item_r).get(item))) return false;
    size_t offset = json::offset_of(item, base, 0);
    json::od::object obj;
    err = item.get_object().get(obj);
    if (err == simdjson::INCORRECT_TYPE) {  // the whole row is refused by the caller
      if (bad_position == 0) bad_position = position;
      continue;
    }
    if (err) return false;
    ItemFields& it = items.emplace_back();
    it.offset = offset;
    for (auto field_r : obj) {
      json::od::field field;
      if ((err = std::move(field_r).get(field))) return false;
      json::od::raw_json_string key = field.key();
      json::od::value& fv = field.value();
      if (key == "criteria_met") {
        if (!read_met(fv, base, it.met, err)) return false;
      } else if (key == "criterion_id") {
        err = fv.get_string().get(it.criterion_id);
        if (!err) {
          it.has_id = true;
        } else if (err == simdjson::INCORRECT_TYPE) {
          bool null = false;
          if ((err = fv.is_null().get(null))) return false;
          if (!null) detail_key = "criterion_id";
        } else {
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace

void add_finding(FileVerdicts& out, const std::string& rule, size_t offset, std::string message, Severity severity) {
  out.findings.add({rule, severity, offset, std::move(message)});  // kept or only counted
}

bool read_object_fields(json::od::object& obj, const char* base, size_t offset, Lang lang, ObjectFields& out,
                        ObjectError& error) {
  simdjson::error_code err = simdjson::SUCCESS;
  std::string type_problem;  // a field of the wrong type: reported after the object is read
  std::vector<std::string> list_keys;
  size_t bad_item = 0;
  auto fatal = [&](simdjson::error_code e) {
    error.fatal = true;
    error.rule = "verdict/json";
    error.message = scoring_message(lang, "verdict/json", {{"detail", simdjson::error_message(e)}});
    error.offset = offset;
    return false;
  };
  for (auto field_r : obj) {
    json::od::field field;
    if ((err = std::move(field_r).get(field))) return fatal(err);
    json::od::raw_json_string key = field.key();
    json::od::value& v = field.value();
    std::string_view* target = nullptr;
    bool* flag = nullptr;
    const char* name = nullptr;
    if (key == "model")
      target = &out.model, flag = &out.has_model, name = "model";
    else if (key == "case_id")
      target = &out.case_id, flag = &out.has_case_id, name = "case_id";
    else if (key == "criterion_id")
      target = &out.criterion_id, flag = &out.has_criterion_id, name = "criterion_id";
    else if (key == "judge")
      target = &out.judge, flag = &out.has_judge, name = "judge";
    if (target) {
      json_type t;
      if ((err = v.type().get(t))) return fatal(err);
      if (t == json_type::string) {
        if ((err = v.get_string().get(*target))) return fatal(err);
        *flag = true;
      } else if (t != json_type::null && type_problem.empty()) {
        type_problem = scoring_message(lang, "verdict/field-type",
                                       {{"field", name}, {"type", scoring_message(lang, "word/string")}});
      }
    } else if (key == "criteria_met") {
      if (!read_met(v, base, out.met, err)) return fatal(err);
    } else if (key == "criteria_results" || key == "rubric_results" || key == "rubric_judgments") {
      std::string_view k = key == "criteria_results" ? "criteria_results"
                           : key == "rubric_results" ? "rubric_results"
                                                     : "rubric_judgments";
      list_keys.emplace_back(k);
      json_type t;
      if ((err = v.type().get(t))) return fatal(err);
      if (t != json_type::array) {
        if (type_problem.empty())
          type_problem = scoring_message(lang, "verdict/field-type",
                                         {{"field", std::string(k)}, {"type", scoring_message(lang, "word/array")}});
        continue;
      }
      out.has_items = true;
      std::string bad_key;
      if (!read_items(v, base, out.items, err, bad_key, bad_item)) return fatal(err);
      if (!bad_key.empty() && type_problem.empty())
        type_problem = scoring_message(lang, "verdict/field-type",
                                       {{"field", bad_key}, {"type", scoring_message(lang, "word/string")}});
    }
  }
  error.rule = "verdict/parse";
  error.offset = offset;
  if (list_keys.size() > 1) {
    std::string keys;
    for (const auto& k : list_keys) keys += (keys.empty() ? "" : ", ") + k;
    error.message = scoring_message(lang, "verdict/several-lists", {{"keys", keys}});
    return false;
  }
  if (!type_problem.empty()) {
    error.message = type_problem;
    return false;
  }
  if (bad_item) {
    error.message = scoring_message(lang, "verdict/item-not-object", {{"position", std::to_string(bad_item)}});
    return false;
  }
  return true;
}

namespace {

// Places one verdict of case `c`: by id when given, else at `position`. `strict`: only a
// JSON boolean is a verdict (our JSONL); otherwise the public evaluator's readings count.
void place_one(const ReadContext& ctx, FileVerdicts& out, uint32_t c, bool has_id, std::string_view id,
               uint32_t position, const MetValue& met, size_t offset, uint32_t source, bool strict) {
  const ScoredCase& sc = ctx.cases->cases[c];
  uint32_t pos = position;
  if (has_id) {
    int found = ctx.cases->find_criterion(c, id, position == kByOrder ? 0 : position);
    if (found < 0) {
      add_finding(out, "verdict/unknown-criterion", offset,
                  scoring_message(ctx.lang, "verdict/unknown-criterion",
                                  {{"criterion", std::string(id)}, {"case", sc.case_id}}));
      return;
    }
    pos = static_cast<uint32_t>(found);
  } else if (pos != kByOrder && pos >= sc.criteria.size()) {
    add_finding(out, "verdict/unknown-criterion", offset,
                scoring_message(ctx.lang, "verdict/position",
                                {{"position", std::to_string(pos + 1)},
                                 {"case", sc.case_id},
                                 {"count", std::to_string(sc.criteria.size())}}));
    return;
  }
  Verdict value = Verdict::Unreadable;
  const size_t value_at = met.offset ? met.offset : offset;
  if (strict && (met.coerced || met.kind == MetValue::Kind::Bad)) {
    add_finding(out, "verdict/not-boolean", value_at,
                scoring_message(ctx.lang, "verdict/not-boolean", {{"value", short_token(met.text, met.quoted)}}));
  } else if (met.kind == MetValue::Kind::Met || met.kind == MetValue::Kind::NotMet) {
    value = met.kind == MetValue::Kind::Met ? Verdict::Met : Verdict::NotMet;
    if (met.coerced && out.coerced++ == 0) {
      out.first_coerced_offset = value_at;
      out.first_coerced_value = short_token(met.text, met.quoted);
    }
  } else {
    add_finding(out, "verdict/value", offset,
                met.kind == MetValue::Kind::Absent
                    ? scoring_message(ctx.lang, "verdict/field", {{"field", "criteria_met"}})
                    : scoring_message(ctx.lang, "verdict/value", {{"value", short_token(met.text, met.quoted)}}));
  }
  RawVerdict rv;
  rv.case_index = c;
  rv.offset_lo = static_cast<uint32_t>(offset);
  rv.offset_hi = static_cast<uint8_t>(static_cast<uint64_t>(offset) >> 32);
  rv.source = source;
  rv.position = pos == kByOrder ? kByOrderStored : static_cast<uint16_t>(pos);
  rv.value = value;
  out.verdicts.push_back(rv);
}

// The case `f` names and the (model, judge) source of its verdicts, the file's defaults
// standing in for what the row leaves out; nullopt, with a finding, when the benchmark has
// no such case (and then no source is registered).
std::optional<std::pair<uint32_t, uint32_t>> case_and_source(const ReadContext& ctx, const ObjectFields& f,
                                                             size_t offset, FileVerdicts& out) {
  int c = ctx.cases->find_case(f.case_id);
  if (c < 0) {
    add_finding(out, "verdict/unknown-case", offset,
                scoring_message(ctx.lang, "verdict/unknown-case", {{"case", std::string(f.case_id)}}));
    return std::nullopt;
  }
  uint32_t source = out.source(f.has_model ? f.model : std::string_view(ctx.default_model),
                               f.has_judge ? f.judge : std::string_view(ctx.default_judge));
  return std::pair{static_cast<uint32_t>(c), source};
}

}  // namespace

void place_row(const ReadContext& ctx, const ObjectFields& f, size_t offset, FileVerdicts& out) {
  if (!f.has_case_id) {
    add_finding(out, "verdict/parse", offset, scoring_message(ctx.lang, "verdict/field", {{"field", "case_id"}}));
    return;
  }
  auto placed = case_and_source(ctx, f, offset, out);
  if (!placed) return;
  const auto [c, source] = *placed;
  for (size_t i = 0; i < f.items.size(); ++i) {
    const ItemFields& it = f.items[i];
    size_t at = it.offset ? it.offset : offset;
    place_one(ctx, out, c, it.has_id, it.criterion_id, static_cast<uint32_t>(i), it.met, at, source, /*strict=*/false);
  }
}

void place_line(const ReadContext& ctx, const ObjectFields& f, size_t offset, FileVerdicts& out) {
  for (auto [has, name] :
       {std::pair{f.has_model || !ctx.default_model.empty(), "model"}, std::pair{f.has_case_id, "case_id"}}) {
    if (!has) {
      add_finding(out, "verdict/parse", offset, scoring_message(ctx.lang, "verdict/field", {{"field", name}}));
      return;
    }
  }
  auto placed = case_and_source(ctx, f, offset, out);
  if (!placed) return;
  const auto [c, source] = *placed;
  place_one(ctx, out, c, f.has_criterion_id, f.criterion_id, kByOrder, f.met, offset, source,
            /*strict=*/true);
}

}  // namespace cc::scoring
