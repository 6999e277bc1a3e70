#include "scoring/input/case_source.h"

#include <filesystem>
#include <algorithm>
#include <map>
#include <set>

#include "core/benchmark_loader.h"
#include "core/repository.h"
#include "core/sha256.h"
#include "scoring/input/json_read.h"
#include "core/parallel.h"
#include "scoring/scoring_messages.h"

namespace cc::scoring {
namespace {

const char* const kDefaultProfessionalMarkers[] = {"医生", "医师", "护士", "药师", "医学", "规培",
                                                   "实习", "麻醉", "带教", "校医", "医务"};

constexpr size_t kMaxCriteriaPerCase = 10000;  // far above 30; keeps per-case counts in 16 bits

Diagnostic make_diag(const std::string& rule, const std::string& file, int line, std::string message) {
  Diagnostic d;
  d.rule = rule;
  d.file = file;
  d.line = line;
  d.column = line > 0 ? 1 : 0;
  d.message = std::move(message);
  return d;
}

// Checks the criteria of one case for duplicate ids and absence; true when usable.
bool check_criteria(const ScoredCase& c, const std::string& file, int line, Lang lang, std::vector<Diagnostic>& out) {
  if (c.criteria.empty()) {
    out.push_back(
        make_diag("cases/no-criteria", file, line, scoring_message(lang, "cases/no-criteria", {{"case", c.case_id}})));
    return false;
  }
  if (c.criteria.size() > kMaxCriteriaPerCase) {
    out.push_back(make_diag("cases/too-many-criteria", file, line,
                            scoring_message(lang, "cases/too-many-criteria",
                                            {{"case", c.case_id},
                                             {"count", std::to_string(c.criteria.size())},
                                             {"limit", std::to_string(kMaxCriteriaPerCase)}})));
    return false;
  }
  bool ok = true;
  std::vector<std::string_view> ids;
  ids.reserve(c.criteria.size());
  for (const auto& k : c.criteria) {
    if (k.criterion_id.empty()) {
      out.push_back(
          make_diag("cases/field", file, line, scoring_message(lang, "cases/field", {{"field", "criterion_id"}})));
      ok = false;
    }
    ids.push_back(k.criterion_id);
  }
  std::sort(ids.begin(), ids.end());
  for (size_t i = 1; i < ids.size(); ++i) {
    if (ids[i].empty() || ids[i] != ids[i - 1] || (i >= 2 && ids[i] == ids[i - 2])) continue;
    out.push_back(make_diag(
        "cases/duplicate-criterion", file, line,
        scoring_message(lang, "cases/duplicate-criterion", {{"criterion", std::string(ids[i])}, {"case", c.case_id}})));
    ok = false;
  }
  return ok;
}

// Reads the rubric list of a JSONL row: [{criterion_id, criterion, axis?, critical?}].
// Criterion texts with JSON escapes, unescaped: (criterion index, text).
using EscapedTexts = std::vector<std::pair<size_t, std::string>>;

bool read_rubrics(json::od::value& v, std::vector<ScoredCriterion>& out, std::string& detail, EscapedTexts& escaped) {
  json::od::json_type t;
  if (!json::type_of(v, t) || t != json::od::json_type::array) {
    detail = "rubrics must be a list";
    return false;
  }
  json::od::array arr;
  if (v.get_array().get(arr)) return false;
  for (auto item_r : arr) {
    json::od::value item;
    json::od::object obj;
    if (std::move(item_r).get(item) || !json::type_of(item, t) || t != json::od::json_type::object ||
        item.get_object().get(obj)) {
      detail = "every rubric must be an object";
      return false;
    }
    ScoredCriterion k;
    for (auto field_r : obj) {
      json::od::field field;
      std::string_view s;
      if (std::move(field_r).get(field)) return false;
      json::od::raw_json_string key = field.key();
      json::od::value& fv = field.value();
      if (key == "criterion") {
        // The text is read in place when it has no escapes (it stays in the file's
        // buffer, which the case set holds); otherwise it is unescaped and kept aside.
        if (!json::type_of(fv, t) || t != json::od::json_type::string) {
          detail = "criterion must be a string";
          return false;
        }
        std::string_view raw = fv.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r' || raw.back() == '\n'))
          raw.remove_suffix(1);
        if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"' && raw.find('\\') == std::string_view::npos) {
          k.criterion = raw.substr(1, raw.size() - 2);
        } else {
          if (fv.get_string().get(s)) return false;
          escaped.emplace_back(out.size(), std::string(s));  // placed by the caller
        }
        continue;
      }
      std::string* target = key == "criterion_id" ? &k.criterion_id : key == "axis" ? &k.axis : nullptr;
      if (target) {
        if (!json::read_string(fv, s)) {
          detail = "criterion_id, criterion and axis must be strings";
          return false;
        }
        target->assign(s);
      } else if (key == "critical") {
        bool b = false;
        if (!json::type_of(fv, t) || t != json::od::json_type::boolean || fv.get_bool().get(b)) {
          detail = "critical must be true or false";
          return false;
        }
        k.critical = b;
      }
    }
    out.push_back(std::move(k));
  }
  return true;
}

// Parses one JSONL line into `c`; on failure sets `detail` (or leaves it empty when the
// JSON itself is broken and `err` says why).
bool parse_case_line(json::od::parser& parser, const SourceFile& file, size_t offset, std::string_view line,
                     ScoredCase& c, std::string& user_role, std::string& detail, EscapedTexts& escaped) {
  json::od::document doc;
  simdjson::error_code err = parser.iterate(line.data(), line.size(), file.capacity() - offset).get(doc);
  json::od::object obj;
  if (!err) err = doc.get_object().get(obj);
  if (err) {
    detail = simdjson::error_message(err);
    return false;
  }
  for (auto field_r : obj) {
    json::od::field field;
    std::string_view key, s;
    if ((err = std::move(field_r).get(field)) || (err = field.unescaped_key().get(key))) {
      detail = simdjson::error_message(err);
      return false;
    }
    json::od::value& v = field.value();
    std::string* target = key == "case_id"      ? &c.case_id
                          : key == "difficulty" ? &c.difficulty
                          : key == "subject"    ? &c.subject
                          : key == "task"       ? &c.task
                          : key == "care_stage" ? &c.care_stage
                          : key == "audience"   ? &c.audience
                          : key == "user_role"  ? &user_role
                                                : nullptr;
    if (target) {
      if (!json::read_string(v, s)) {
        detail = std::string(key) + " must be a string";
        return false;
      }
      *target = std::string(s);
    } else if (key == "subject_labels" || key == "task_labels") {
      if (!json::read_string_list(v, key == "subject_labels" ? c.subject_labels : c.task_labels)) {
        detail = std::string(key) + " must be a list of strings";
        return false;
      }
    } else if (key == "rubrics" || key == "criteria") {
      if (!read_rubrics(v, c.criteria, detail, escaped)) {
        if (detail.empty()) detail = "rubrics could not be read";
        return false;
      }
    }
  }
  return true;
}

}  // namespace

std::string audience_for_role(const Taxonomy* taxonomy, std::string_view user_role) {
  if (taxonomy && !taxonomy->professional_role_markers.empty()) return taxonomy->audience_for_role(user_role);
  for (const char* m : kDefaultProfessionalMarkers)
    if (user_role.find(m) != std::string_view::npos) return "professional";
  return "lay";
}

CaseLoad load_cases_from_jsonl(const std::string& display_path, const std::string& open_path, const Taxonomy* taxonomy,
                               Lang lang, unsigned threads) {
  CaseLoad out;
  // The case set keeps the bytes alive: criterion texts without escapes point into them.
  auto file = std::make_shared<SourceFile>(display_path, open_path);
  if (auto read = file->read(lang); !read) {
    Diagnostic d = make_diag("io/read", display_path, 0, message(lang, "io/read", {{"detail", read.error().message}}));
    out.diagnostics.push_back(std::move(d));
    out.unreadable = true;
    return out;
  }
  out.inputs.push_back({"cases", display_path, file->size(), file->sha256()});
  // Rows are parsed on all cores in pieces of lines, then checked in file order.
  struct Row {
    size_t offset = 0;
    ScoredCase c;
    EscapedTexts escaped;
    std::string user_role, detail;
    bool ok = false;
  };
  std::string_view text = file->text();
  size_t skip = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::vector<std::pair<size_t, size_t>> pieces = json::line_pieces(text, skip, size_t{1} << 20);
  std::vector<std::vector<Row>> parsed(pieces.size());
  parallel_for(pieces.size(), threads, [&](size_t i) {
    thread_local json::od::parser parser;  // reused: its buffers are paid for once per thread
    auto [b, e] = pieces[i];
    json::for_each_line(text.substr(b, e - b), b, [&](size_t offset, std::string_view line) {
      Row& row = parsed[i].emplace_back();
      row.offset = offset;
      row.ok = parse_case_line(parser, *file, offset, line, row.c, row.user_role, row.detail, row.escaped);
      return true;
    });
  });
  CaseSet set;
  std::map<std::string, int, std::less<>> first_line;
  for (auto& rows : parsed)
    for (Row& row : rows) {
      int line_no = file->position(row.offset).line;
      ScoredCase& c = row.c;
      if (!row.ok) {
        out.diagnostics.push_back(make_diag("cases/parse", display_path, line_no,
                                            scoring_message(lang, "cases/parse", {{"detail", row.detail}})));
        continue;
      }
      if (c.case_id.empty()) {
        out.diagnostics.push_back(make_diag("cases/field", display_path, line_no,
                                            scoring_message(lang, "cases/field", {{"field", "case_id"}})));
        continue;
      }
      auto [it, inserted] = first_line.emplace(c.case_id, line_no);
      if (!inserted) {
        out.diagnostics.push_back(make_diag(
            "cases/duplicate", display_path, line_no,
            scoring_message(lang, "cases/duplicate", {{"case", c.case_id}, {"line", std::to_string(it->second)}})));
        continue;
      }
      if (!check_criteria(c, display_path, line_no, lang, out.diagnostics)) continue;
      if (c.audience.empty()) c.audience = audience_for_role(taxonomy, row.user_role);
      for (auto& [i, text] : row.escaped) c.criteria[i].criterion = set.keep(std::move(text));
      set.cases.push_back(std::move(c));
    }
  if (set.cases.empty() && out.diagnostics.empty())
    out.diagnostics.push_back(
        make_diag("cases/empty", display_path, 0, scoring_message(lang, "cases/empty", {{"path", display_path}})));
  set.hold(file);
  set.finalize();
  out.cases = std::move(set);
  return out;
}

CaseLoad load_cases_from_benchmark(const Config& config, const Taxonomy* taxonomy, Lang lang, unsigned threads) {
  CaseLoad out;
  BenchmarkLoad loaded = load_benchmark(config, lang, threads);
  out.diagnostics = std::move(loaded.diagnostics);
  // Every file the benchmark holds goes into the manifest, hashed on all cores.
  std::vector<std::string> files = list_yaml_files(config.root, config.cases_dir);
  for (auto& f : list_yaml_files(config.root, config.rubrics_dir)) files.push_back(std::move(f));
  std::vector<InputRecord> records(files.size());
  std::vector<std::string> errors(files.size());
  parallel_for(files.size(), threads, [&](size_t i) {
    records[i].role = "cases";
    records[i].path = files[i];
    auto hex = sha256_file(config.abs(files[i]), lang);
    if (!hex) {
      errors[i] = hex.error().message;
      return;
    }
    records[i].sha256 = std::move(*hex);
    std::error_code ec;
    records[i].bytes = static_cast<size_t>(std::filesystem::file_size(config.abs(files[i]), ec));
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (!errors[i].empty()) {
      out.diagnostics.push_back(make_diag("io/read", files[i], 0, message(lang, "io/read", {{"detail", errors[i]}})));
      out.unreadable = true;
    }
  }
  out.inputs = std::move(records);

  CaseSet set;
  std::set<std::string_view> seen;
  for (const Case& c : loaded.benchmark.cases) {
    if (c.status == "retired") {
      ++out.retired_skipped;
      continue;
    }
    if (!seen.insert(c.case_id).second) {
      out.diagnostics.push_back(
          make_diag("cases/duplicate", c.path, 0,
                    scoring_message(lang, "cases/duplicate", {{"case", c.case_id}, {"line", "1"}})));
      continue;
    }
    const Rubric* r = loaded.benchmark.find_rubric(c.case_id);
    if (!r) {
      out.diagnostics.push_back(make_diag("cases/missing-rubric", c.path, 0,
                                          scoring_message(lang, "cases/missing-rubric", {{"case", c.case_id}})));
      continue;
    }
    ScoredCase sc;
    sc.case_id = c.case_id;
    sc.difficulty = c.difficulty;
    sc.subject = c.subject;
    sc.subject_labels = c.subject_labels;
    sc.task = c.task;
    sc.task_labels = c.task_labels;
    sc.care_stage = c.care_stage;
    sc.audience = c.audience.empty() ? audience_for_role(taxonomy, c.user_role) : c.audience;
    for (const Criterion& k : r->criteria)
      sc.criteria.push_back({k.criterion_id, set.keep(k.criterion), k.axis, k.critical});
    if (!check_criteria(sc, r->path, 0, lang, out.diagnostics)) continue;
    set.cases.push_back(std::move(sc));
  }
  if (set.cases.empty() && out.diagnostics.empty())
    out.diagnostics.push_back(make_diag("cases/empty", config.cases_dir, 0,
                                        scoring_message(lang, "cases/empty", {{"path", config.cases_dir}})));
  set.finalize();
  out.cases = std::move(set);
  return out;
}

}  // namespace cc::scoring
