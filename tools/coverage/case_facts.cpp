#include "coverage/case_facts.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include <xxhash.h>

#include "core/parallel.h"
#include "core/atomic_write.h"
#include "core/model.h"
#include "core/repository.h"
#include "core/version.h"
#include "core/yaml_loader.h"

namespace cc::coverage {
namespace {

// Bump when the cached fields change, so an old cache is ignored rather than misread.
constexpr int kCacheFormat = 1;

std::string cache_path(const Config& cfg) { return cfg.root + "/.clinconsensus/cache/coverage.json"; }

// One file's facts: a case's labels or a rubric's criteria summary.
struct FileEntry {
  uint64_t hash = 0;
  bool is_case = true;
  CaseFacts c;    // is_case
  RubricFacts r;  // !is_case
};

nlohmann::json to_json(const FileEntry& e) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(e.hash));
  if (e.is_case)
    return {{"h", hex},
            {"k", "c"},
            {"id", e.c.case_id},
            {"lb", {e.c.status, e.c.difficulty, e.c.subject, e.c.task, e.c.care_stage, e.c.audience}},
            {"sl", e.c.subject_labels},
            {"tl", e.c.task_labels}};
  return {{"h", hex}, {"k", "r"}, {"id", e.r.case_id}, {"n", e.r.criteria}, {"cr", e.r.critical}, {"ax", e.r.axes}};
}

std::optional<FileEntry> from_json(const nlohmann::json& j) {
  try {
    FileEntry e;
    const std::string& hex = j.at("h").get_ref<const std::string&>();
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), e.hash, 16);
    if (ec != std::errc() || ptr != hex.data() + hex.size()) return std::nullopt;
    e.is_case = j.at("k").get<std::string>() == "c";
    if (e.is_case) {
      e.c.case_id = j.at("id").get<std::string>();
      const auto& lb = j.at("lb");
      if (!lb.is_array() || lb.size() != 6) return std::nullopt;
      std::string* fields[] = {&e.c.status, &e.c.difficulty, &e.c.subject, &e.c.task, &e.c.care_stage, &e.c.audience};
      for (size_t i = 0; i < 6; ++i) *fields[i] = lb[i].get<std::string>();
      e.c.subject_labels = j.at("sl").get<std::vector<std::string>>();
      e.c.task_labels = j.at("tl").get<std::vector<std::string>>();
    } else {
      e.r.case_id = j.at("id").get<std::string>();
      e.r.criteria = j.at("n").get<int>();
      e.r.critical = j.at("cr").get<int>();
      e.r.axes = j.at("ax").get<std::map<std::string, int>>();
    }
    return e;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::string fingerprint() { return std::string(kToolVersion) + "/" + std::to_string(kCacheFormat); }

std::unordered_map<std::string, FileEntry> load_cache(const std::string& path) {
  std::unordered_map<std::string, FileEntry> out;
  auto text = read_file(path);
  if (!text) return out;
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("fingerprint", std::string()) != fingerprint() ||
      !j.contains("files") || !j["files"].is_object())
    return out;
  for (auto& [file, entry] : j["files"].items())
    if (auto e = from_json(entry)) out.emplace(file, std::move(*e));
  return out;
}

FileEntry facts_of(const Document& doc, bool is_case) {
  FileEntry e;
  e.is_case = is_case;
  if (is_case) {
    Case c = case_from_json(doc.root);
    e.c.case_id = std::move(c.case_id);
    e.c.status = std::move(c.status);
    e.c.difficulty = std::move(c.difficulty);
    e.c.subject = std::move(c.subject);
    e.c.task = std::move(c.task);
    e.c.care_stage = std::move(c.care_stage);
    e.c.audience = std::move(c.audience);
    e.c.subject_labels = std::move(c.subject_labels);
    e.c.task_labels = std::move(c.task_labels);
  } else {
    Rubric r = rubric_from_json(doc.root);
    e.r.case_id = std::move(r.case_id);
    e.r.criteria = static_cast<int>(r.criteria.size());
    for (const auto& k : r.criteria) {
      e.r.critical += k.critical;
      if (!k.axis.empty()) ++e.r.axes[k.axis];
    }
  }
  return e;
}

}  // namespace

FactsLoad load_case_facts(const Config& config, Lang lang, bool use_cache, unsigned threads,
                          std::shared_ptr<const FileReader> reader) {
  FactsLoad out;
  if (!reader) reader = std::make_shared<DiskFileReader>(config.root);
  std::vector<std::string> case_files = list_yaml_files(config.root, config.cases_dir);
  std::vector<std::string> rubric_files = list_yaml_files(config.root, config.rubrics_dir);
  std::vector<std::string> files = case_files;
  files.insert(files.end(), rubric_files.begin(), rubric_files.end());
  const size_t n = files.size();
  out.files = n;
  std::unordered_map<std::string, FileEntry> cache = use_cache ? load_cache(cache_path(config)) : decltype(cache){};

  std::vector<std::optional<FileEntry>> entries(n);
  std::vector<std::vector<Diagnostic>> diags(n);
  std::vector<char> hit(n, 0);
  parallel_for(n, threads, [&](size_t i) {
    const bool is_case = i < case_files.size();
    auto text = reader->read(files[i]);
    if (!text) {
      diags[i].push_back(file_diagnostic("io/read", Severity::Error, files[i],
                                         message(lang, "io/read", {{"detail", text.error().message}})));
      return;
    }
    const uint64_t hash = XXH3_64bits(text->data(), text->size());
    if (auto it = cache.find(files[i]); it != cache.end() && it->second.hash == hash && it->second.is_case == is_case) {
      entries[i] = it->second;
      hit[i] = 1;
      return;
    }
    LoadResult loaded = load_yaml_text(files[i], std::move(*text), config.limits, lang, Positions::TopLevel);
    diags[i] = std::move(loaded.diagnostics);
    if (!loaded.document) return;
    entries[i] = facts_of(*loaded.document, is_case);
    entries[i]->hash = hash;
  });

  std::unordered_map<std::string, const RubricFacts*> rubrics;
  for (size_t i = case_files.size(); i < n; ++i)
    if (entries[i] && !entries[i]->r.case_id.empty()) rubrics.emplace(entries[i]->r.case_id, &entries[i]->r);
  for (size_t i = 0; i < case_files.size(); ++i) {
    if (!entries[i] || entries[i]->c.case_id.empty()) continue;
    CaseFacts c = entries[i]->c;
    c.path = files[i];
    if (auto it = rubrics.find(c.case_id); it != rubrics.end()) {
      c.has_rubric = true;
      c.criteria = it->second->criteria;
      c.critical = it->second->critical;
      c.axes = it->second->axes;
    }
    out.cases.push_back(std::move(c));
  }
  std::sort(out.cases.begin(), out.cases.end(), [](const CaseFacts& a, const CaseFacts& b) {
    return a.case_id != b.case_id ? a.case_id < b.case_id : a.path < b.path;
  });
  for (auto& d : diags) out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
  std::sort(out.diagnostics.begin(), out.diagnostics.end(), diagnostic_less);
  out.cache_hits = static_cast<size_t>(std::count(hit.begin(), hit.end(), 1));

  // Rewrite the cache only when something changed: a file new, edited or gone.
  if (use_cache && (out.cache_hits != n || cache.size() != n)) {
    nlohmann::json j = nlohmann::json::object();
    for (size_t i = 0; i < n; ++i)
      if (entries[i]) j[files[i]] = to_json(*entries[i]);
    nlohmann::json doc{{"fingerprint", fingerprint()}, {"files", std::move(j)}};
    // A failed write only costs speed next time; it never fails the command.
    (void)write_file_atomic(cache_path(config), doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return out;
}

std::vector<CaseFacts> facts_of_benchmark(const Benchmark& benchmark) {
  std::vector<CaseFacts> out;
  out.reserve(benchmark.cases.size());
  for (const Case& c : benchmark.cases) {
    CaseFacts f;
    f.case_id = c.case_id;
    f.path = c.path;
    f.status = c.status;
    f.difficulty = c.difficulty;
    f.subject = c.subject;
    f.task = c.task;
    f.care_stage = c.care_stage;
    f.audience = c.audience;
    f.subject_labels = c.subject_labels;
    f.task_labels = c.task_labels;
    if (const Rubric* r = benchmark.find_rubric(c.case_id)) {
      f.has_rubric = true;
      f.criteria = static_cast<int>(r->criteria.size());
      for (const auto& k : r->criteria) {
        f.critical += k.critical;
        if (!k.axis.empty()) ++f.axes[k.axis];
      }
    }
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const CaseFacts& a, const CaseFacts& b) { return a.case_id < b.case_id; });
  return out;
}

}  // namespace cc::coverage
