#include "scoring/input/verdict_collection.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "scoring/input/findings.h"
#include "scoring/input/json_read.h"
#include "core/parallel.h"
#include "scoring/scoring_messages.h"

namespace cc::scoring {
namespace {

namespace fs = std::filesystem;

constexpr size_t kJsonlPiece = size_t{8} << 20;  // long JSONL files are read in pieces of ~8 MB

// One piece of parsing work: a whole file, or a range of lines of a long JSONL file.
struct ParseTask {
  size_t file = 0;
  size_t begin = 0, end = 0;
  FileVerdicts result;
  std::vector<size_t> slots;  // result.sources → table index, filled while placing
};

std::string verdict_word(Verdict v, Lang lang) {
  return scoring_message(lang, v == Verdict::Met      ? "word/met"
                               : v == Verdict::NotMet ? "word/not-met"
                                                      : "word/unreadable");
}

}  // namespace

size_t VerdictTable::count(Verdict v) const { return static_cast<size_t>(std::count(cells.begin(), cells.end(), v)); }

std::string judge_display_name(const std::string& judge) { return judge.empty() ? "(unnamed)" : judge; }

std::vector<std::string> VerdictCollection::judges() const {
  std::vector<std::string> out;
  for (const auto& t : tables)
    if (out.empty() || out.back() != t.judge) out.push_back(t.judge);
  return out;
}

std::vector<const VerdictTable*> VerdictCollection::for_judge(const std::string& judge) const {
  std::vector<const VerdictTable*> out;
  for (const auto& t : tables)
    if (t.judge == judge) out.push_back(&t);
  return out;
}

VerdictCollection read_verdicts(const std::vector<VerdictInput>& inputs, const CaseSet& cases,
                                const ReadVerdictsOptions& options) {
  return read_verdicts(open_verdict_files(inputs, options.lang, options.threads), cases, options);
}

VerdictCollection read_verdicts(VerdictFiles opened, const CaseSet& cases, const ReadVerdictsOptions& options) {
  VerdictCollection out;
  const Lang lang = options.lang;
  out.diagnostics = std::move(opened.diagnostics);
  out.unreadable = opened.unreadable;
  std::vector<VerdictFile>& files = opened.files;
  std::vector<FindingList> findings(files.size());  // per file: reading, placing
  std::vector<ParseTask> tasks;
  for (size_t i = 0; i < files.size(); ++i) {
    VerdictFile& f = files[i];
    if (!f.read_error.empty()) continue;
    out.inputs.push_back({options.role, f.file.path(), f.file.size(), f.file.sha256()});
    if (f.layout == VerdictLayout::Public) {
      tasks.push_back(ParseTask{i, 0, f.file.size(), {}, {}});
    } else if (f.layout == VerdictLayout::Jsonl) {
      for (auto [b, e] : json::line_pieces(f.file.text(), 0, kJsonlPiece)) tasks.push_back(ParseTask{i, b, e, {}, {}});
    }
  }
  // 3. Parse on all cores; each task fills only its own result.
  parallel_for(tasks.size(), options.threads, [&](size_t k) {
    ParseTask& t = tasks[k];
    VerdictFile& f = files[t.file];
    t.result.verdicts.reserve((t.end - t.begin) / 16 + 16);  // address space only: untouched pages cost nothing
    ReadContext ctx;
    ctx.cases = &cases;
    ctx.file = &f.file;
    ctx.default_judge = f.judge;
    ctx.lang = lang;
    std::string_view name = f.file.path();
    if (f.layout == VerdictLayout::Public) {
      ctx.default_model = model_from_file_name(name);
      read_public_verdicts(ctx, t.result);
    } else {
      std::string stem = model_from_file_name(name);
      size_t slash = name.find_last_of('/');
      std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
      if (base.find("_judge.") != std::string_view::npos) ctx.default_model = stem;
      read_jsonl_verdicts(ctx, t.begin, t.end, t.result);
    }
  });
  // 4. Place every verdict in its table, in input order, so "first" means first read.
  std::map<std::pair<std::string, std::string>, size_t> table_of;  // (judge, model) → index
  std::vector<VerdictTable> tables;
  std::map<std::tuple<size_t, size_t, uint32_t>, uint32_t> next_by_order;
  std::vector<size_t> placed_in_file(files.size(), 0);
  // Per file: values read by the public evaluator's coercion, and the first of them.
  std::vector<size_t> coerced(files.size(), 0), coerced_offset(files.size(), 0);
  std::vector<std::string> coerced_value(files.size());
  // Where each cell's verdict came from (file << 40 | offset), for "first at" in messages.
  // Built only when the first duplicate appears, by replaying what was placed before it.
  constexpr uint64_t kNoOrigin = UINT64_MAX;
  std::vector<std::vector<uint64_t>> origins;
  auto cell_of = [&](const RawVerdict& v) { return cases.first_cell(v.case_index) + v.position; };
  auto build_origins = [&](size_t upto_task, size_t upto_verdict) {
    origins.assign(tables.size(), std::vector<uint64_t>(cases.cell_count(), kNoOrigin));
    for (size_t k = 0; k <= upto_task; ++k) {
      const ParseTask& t = tasks[k];
      size_t n = k == upto_task ? upto_verdict : t.result.verdicts.size();
      for (size_t i = 0; i < n; ++i) {
        const RawVerdict& v = t.result.verdicts[i];
        if (v.value == Verdict::None) continue;  // refused
        uint64_t& o = origins[t.slots[v.source]][cell_of(v)];
        if (o == kNoOrigin) o = (static_cast<uint64_t>(t.file) << 40) | v.offset();
      }
    }
  };
  for (size_t k = 0; k < tasks.size(); ++k) {
    ParseTask& t = tasks[k];
    VerdictFile& f = files[t.file];
    findings[t.file].append(t.result.findings);
    if (t.result.coerced > 0) {
      if (coerced[t.file] == 0) {  // the tasks of a file come in order: this one holds its first
        coerced_offset[t.file] = t.result.first_coerced_offset;
        coerced_value[t.file] = t.result.first_coerced_value;
      }
      coerced[t.file] += t.result.coerced;
    }
    t.slots.assign(t.result.sources.size(), SIZE_MAX);
    for (size_t i = 0; i < t.result.verdicts.size(); ++i) {
      RawVerdict& v = t.result.verdicts[i];
      size_t& slot = t.slots[v.source];
      if (slot == SIZE_MAX) {
        auto [model_name, judge_name] = t.result.sources[v.source];
        std::string judge = options.force_judge ? f.judge : t.result.names[judge_name];
        auto key = std::make_pair(judge, t.result.names[model_name]);
        auto it = table_of.find(key);
        if (it == table_of.end()) {
          it = table_of.emplace(key, tables.size()).first;
          VerdictTable table;
          table.judge = key.first;
          table.model = key.second;
          table.cells.assign(cases.cell_count(), Verdict::None);
          table.first_file = f.file.path();
          tables.push_back(std::move(table));
          if (!origins.empty()) origins.emplace_back(cases.cell_count(), kNoOrigin);
        }
        slot = it->second;
      }
      VerdictTable& table = tables[slot];
      if (v.position == kByOrderStored) {
        uint32_t pos = next_by_order[{t.file, slot, v.case_index}]++;
        if (pos >= cases.criteria_count(v.case_index)) {
          findings[t.file].add({"verdict/unknown-criterion", Severity::Error, v.offset(),
                                scoring_message(lang, "verdict/position",
                                                {{"position", std::to_string(pos + 1)},
                                                 {"case", cases.cases[v.case_index].case_id},
                                                 {"count", std::to_string(cases.criteria_count(v.case_index))}})});
          v.value = Verdict::None;  // refused: a replay skips it
          continue;
        }
        v.position = static_cast<uint16_t>(pos);  // resolved, for a replay
      }
      uint32_t cell = cell_of(v);
      Verdict& c = table.cells[cell];
      if (c == Verdict::None) {
        c = v.value;
        if (!origins.empty()) origins[slot][cell] = (static_cast<uint64_t>(t.file) << 40) | v.offset();
        ++placed_in_file[t.file];
        continue;
      }
      bool conflict = c != v.value && c != Verdict::Unreadable && v.value != Verdict::Unreadable;
      std::string rule = conflict ? "verdict/conflict" : "verdict/duplicate";
      std::string msg;
      if (findings[t.file].wants(rule)) {
        if (origins.empty()) build_origins(k, i);
        uint64_t o = origins[slot][cell];
        SourceFile& first = files[o >> 40].file;
        LineColumn lc = first.position(o & ((uint64_t{1} << 40) - 1));
        std::string where = first.path() + ":" + std::to_string(lc.line);
        std::string who = "judge " + judge_display_name(table.judge) + " / model " + table.model;
        const std::string& crit = cases.cases[v.case_index].criteria[v.position].criterion_id;
        msg = conflict
                  ? scoring_message(lang, "verdict/conflict",
                                    {{"who", who},
                                     {"criterion", crit},
                                     {"first", verdict_word(c, lang)},
                                     {"where", where},
                                     {"second", verdict_word(v.value, lang)}})
                  : scoring_message(lang, "verdict/duplicate", {{"who", who}, {"criterion", crit}, {"where", where}});
      }
      findings[t.file].add({rule, Severity::Error, v.offset(), std::move(msg)});
      v.value = Verdict::None;  // not placed: a replay skips it
    }
  }
  tasks.clear();
  // 5. Messages with lines, then the files' bytes are no longer needed.
  for (size_t i = 0; i < files.size(); ++i) {
    VerdictFile& f = files[i];
    if (!f.read_error.empty()) continue;
    if (f.layout == VerdictLayout::Empty || (placed_in_file[i] == 0 && findings[i].kept().empty()))
      out.diagnostics.push_back(
          file_diagnostic("verdict/empty", Severity::Warning, f.file.path(), scoring_message(lang, "verdict/empty")));
    if (coerced[i] > 0) {
      findings[i].add({"verdict/coerced", Severity::Warning, coerced_offset[i],
                       scoring_message(lang, "verdict/coerced",
                                       {{"count", std::to_string(coerced[i])}, {"value", coerced_value[i]}})});
      if (out.coerced == 0)
        out.coerced_example = f.file.path() + ":" + std::to_string(f.file.position(coerced_offset[i]).line);
      out.coerced += coerced[i];
    }
    resolve_findings(f.file, findings[i], lang, out.diagnostics);
    f.file.release();
    out.verdicts += placed_in_file[i];
  }
  std::sort(tables.begin(), tables.end(), [](const VerdictTable& a, const VerdictTable& b) {
    return std::tie(a.judge, a.model) < std::tie(b.judge, b.model);
  });
  out.tables = std::move(tables);
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  return out;
}

}  // namespace cc::scoring
