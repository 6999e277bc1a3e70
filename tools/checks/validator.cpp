#include "checks/validator.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "checks/duplicate_case_check.h"
#include "checks/result_cache.h"
#include "checks/schema_sync.h"
#include "checks/text_check.h"
#include "core/file_identity.h"
#include "core/parallel.h"
#include "core/repository.h"
#include "core/version.h"
#include "core/yaml_loader.h"

namespace fs = std::filesystem;

namespace cc {
namespace {

// Below this many files a run reads and writes no cache: loading it costs more than
// checking the files (a pre-commit hook or an editor checking one case).
constexpr size_t kCacheMinFiles = 16;

std::string cache_path(const Config& cfg) { return cfg.root + "/.clinconsensus/cache/validate.json"; }
std::string case_text_cache_path(const Config& cfg) { return cfg.root + "/.clinconsensus/cache/case-text.json"; }

void apply_severities(const Config& cfg, std::vector<Diagnostic>& diags) {
  std::vector<Diagnostic> kept;
  kept.reserve(diags.size());
  for (auto& d : diags) {
    auto sev = cfg.severity_for(d.rule, d.severity);
    if (!sev) continue;
    d.severity = *sev;
    kept.push_back(std::move(d));
  }
  diags = std::move(kept);
}

// A rubric has no status of its own: its text/placeholder findings are warnings, as in
// the case file, while its case is a draft (unless the config sets the rule's level).
void lower_draft_rubric_placeholders(const Config& cfg, const std::vector<std::pair<std::string, FileFacts>>& checked,
                                     std::vector<Diagnostic>& diags) {
  if (cfg.rule_levels.count("text/placeholder")) return;
  std::set<std::string> draft_cases, draft_rubrics;
  for (const auto& [path, facts] : checked)
    if (facts.kind == FileKind::Case && facts.status == "draft") draft_cases.insert(facts.case_id);
  for (const auto& [path, facts] : checked)
    if (facts.kind == FileKind::Rubric && draft_cases.count(facts.case_id)) draft_rubrics.insert(path);
  for (auto& d : diags)
    if (d.rule == "text/placeholder" && d.severity == Severity::Error && draft_rubrics.count(d.file))
      d.severity = Severity::Warning;
}

BenchmarkSummary summarize(const std::vector<std::pair<std::string, FileFacts>>& checked, const Taxonomy& tax) {
  BenchmarkSummary s;
  s.specialties_total = static_cast<int>(tax.specialties.labels.size());
  s.tasks_total = static_cast<int>(tax.tasks.labels.size());
  auto bump = [](BenchmarkSummary::Counts& counts, const std::string& k) {
    if (k.empty()) return;
    for (auto& [label, n] : counts)
      if (label == k) return void(++n);
    counts.emplace_back(k, 1);
  };
  // Seed every dimension with the taxonomy's labels so the order is the taxonomy's.
  auto seed = [](BenchmarkSummary::Counts& counts, const Dimension& dim) {
    for (const auto& l : dim.labels) counts.emplace_back(dim.file_name_of(l), 0);
  };
  seed(s.status, tax.statuses);
  seed(s.difficulty, tax.difficulty);
  seed(s.care_stage, tax.care_stages);
  seed(s.audience, tax.audiences);
  seed(s.axis, tax.axes);
  for (const auto& [path, f] : checked) {
    if (f.kind == FileKind::Case) {
      ++s.cases;
      bump(s.status, f.status);
      bump(s.difficulty, f.difficulty);
      bump(s.care_stage, f.care_stage);
      bump(s.audience, f.audience);
      bump(s.subject, f.subject);
      bump(s.task, f.task);
    } else if (f.kind == FileKind::Rubric) {
      ++s.rubrics;
      s.criteria += f.criteria;
      s.critical_criteria += f.critical;
      for (const auto& [axis, n] : f.axes)
        for (int i = 0; i < n; ++i) bump(s.axis, axis);
    }
  }
  return s;
}

// The cases a partial run does not check, for integrity/duplicate-case-text: a new case
// that copies an unchanged one must be caught by `validate --staged` too. Read through the
// run's reader: from the index when the run checks staged content, else from the work tree.
std::vector<std::pair<std::string, FileFacts>> reference_cases(const Project& project, const ValidateOptions& options,
                                                               const FileReader& reader,
                                                               const BenchmarkListing& listing,
                                                               const std::vector<std::string>& checked) {
  const bool whole = options.paths.empty() && !options.content;
  if (whole) return {};
  std::set<std::string> in_run(checked.begin(), checked.end());
  const bool checks_a_case = std::any_of(checked.begin(), checked.end(), [&](const std::string& f) {
    return file_kind_of(f, project.config) == FileKind::Case;
  });
  if (!checks_a_case) return {};
  std::vector<std::string> paths;
  for (const auto& c : listing.cases)
    if (!in_run.count(c)) paths.push_back(c);
  const Config& cfg = project.config;
  if (!options.use_cache) return reference_case_facts(paths, reader, cfg.limits, options.threads, nullptr);
  const std::string path = case_text_cache_path(cfg);
  CaseTextCache cache = CaseTextCache::load(path);
  auto facts = reference_case_facts(paths, reader, cfg.limits, options.threads, &cache);
  if (cache.dirty()) (void)cache.save(path);
  return facts;
}

// What a full run learnt of each case's text, stored under the file's stat signature and
// blob id, so the next `validate PATH` or pre-commit hook needs to parse no other case.
void remember_case_texts(const Config& cfg, const std::vector<FileResult>& results,
                         const std::vector<std::pair<std::string, std::string>>& ids) {
  const std::string path = case_text_cache_path(cfg);
  CaseTextCache cache = CaseTextCache::load(path);
  for (size_t i = 0; i < ids.size(); ++i) {
    const FileFacts& f = results[i].facts;
    if (f.kind != FileKind::Case || f.text_key == 0) continue;
    for (const std::string& id : {ids[i].first, ids[i].second})
      if (!id.empty()) cache.put(id, f);
  }
  if (cache.dirty()) (void)cache.save(path);
}

}  // namespace

ProjectLoad load_project(const std::string& root, Lang lang) {
  ProjectLoad out;
  ConfigLoad cfg = load_config(root, lang);
  out.diagnostics = std::move(cfg.diagnostics);
  if (!cfg.config) return out;
  Config& config = *cfg.config;
  TaxonomyLoad tax = load_taxonomy(config.abs(config.taxonomy_path), config.taxonomy_path, lang);
  out.diagnostics.insert(out.diagnostics.end(), tax.diagnostics.begin(), tax.diagnostics.end());
  // Each schema file is read once; the checkers, the fingerprint and the drift check share the bytes.
  static constexpr const char* kSchemaFiles[] = {"case.schema.json", "rubric.schema.json", "config.schema.json"};
  const SchemaTexts schema_texts = read_schema_texts(config, kSchemaFiles);
  auto schema = [&](const char* name) {
    return SchemaChecker::from_text(schema_texts.find(name)->second, config.schema_dir + "/" + name, lang,
                                    out.diagnostics, generated_keywords(name));
  };
  auto case_schema = schema("case.schema.json");
  auto rubric_schema = schema("rubric.schema.json");
  auto config_schema = schema("config.schema.json");
  if (!tax.taxonomy || !case_schema || !rubric_schema || !config_schema) return out;

  // The fingerprint covers every input that changes what a file's check reports.
  std::string key = std::string(kToolVersion) + '\0' + std::string(lang_code(lang)) + '\0' + config.document.text;
  for (const char* name : {"case.schema.json", "rubric.schema.json"})
    key += '\0' + schema_texts.find(name)->second.value_or("");
  key += '\0' + tax.text;
  // What is wrong with the config itself: the loader's findings (it fell back to
  // defaults) and the schema's, one per position.
  std::vector<Diagnostic> config_findings = out.diagnostics;
  std::vector<Diagnostic> schema_findings;
  config_schema->check(config.document, lang, schema_findings);
  for (auto& d : schema_findings) {
    bool covered = std::any_of(config_findings.begin(), config_findings.end(),
                               [&](const Diagnostic& c) { return c.line == d.line && c.column == d.column; });
    if (!covered) config_findings.push_back(std::move(d));
  }
  // Schemas whose generated enums or criteria count no longer follow the taxonomy and
  // config: editors would check other values than this run does.
  for (auto& d : schema_drift_findings(config, *tax.taxonomy, lang, schema_texts))
    config_findings.push_back(std::move(d));
  Project p{std::move(config),
            std::move(*tax.taxonomy),
            std::move(*case_schema),
            std::move(*rubric_schema),
            std::move(*config_schema),
            content_hash(key),
            lang,
            std::move(config_findings)};
  out.project = std::move(p);
  return out;
}

FileResult check_file(const Project& project, const std::string& rel_path, std::string text) {
  FileResult result;
  const Config& cfg = project.config;
  FileKind kind = file_kind_of(rel_path, cfg);
  result.facts.kind = kind;
  if (kind == FileKind::Other) {
    result.diagnostics.push_back(
        file_diagnostic("integrity/not-benchmark-file", Severity::Error, rel_path,
                        message(project.lang, "integrity/not-benchmark-file",
                                {{"path", rel_path}, {"cases", cfg.cases_dir}, {"rubrics", cfg.rubrics_dir}})));
    return result;
  }
  // A clean file needs no positions beyond its top level; a file with findings is loaded
  // again with every position so each finding points at its exact line and column.
  for (Positions positions : {Positions::TopLevel, Positions::All}) {
    result.diagnostics.clear();
    result.facts = FileFacts{};
    result.facts.kind = kind;
    LoadResult loaded = load_yaml_text(rel_path, positions == Positions::All ? std::move(text) : text, cfg.limits,
                                       project.lang, positions);
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.document) {
      const Document& doc = *loaded.document;
      (kind == FileKind::Case ? project.case_schema : project.rubric_schema)
          .check(doc, project.lang, result.diagnostics);
      IntegrityContext ctx{cfg, project.taxonomy, project.lang};
      check_file_integrity(doc, ctx, result.facts, result.diagnostics);
      if (kind == FileKind::Case) record_case_text(doc, result.facts);
      check_text(doc, TextOptions{}, project.lang, result.diagnostics);
    }
    if (result.diagnostics.empty()) break;
  }
  apply_severities(cfg, result.diagnostics);
  return result;
}

ValidateReport validate(const Project& project, const ValidateOptions& options) {
  ValidateReport report;
  const Config& cfg = project.config;
  const std::shared_ptr<const FileReader> reader =
      options.reader ? options.reader : std::make_shared<DiskFileReader>(cfg.root);
  // Entries that cannot be read (dangling, looping or outward links, unlistable folders)
  // are io/read findings: a full run must never pass over them in silence.
  std::vector<UnreadableEntry> unreadable;
  BenchmarkListing listing;
  if (options.content) {
    listing = options.content->listing;
  } else {
    for (const std::string* dir : {&cfg.cases_dir, &cfg.rubrics_dir}) {
      YamlListing found = scan_yaml_files(cfg.root, *dir);
      (dir == &cfg.cases_dir ? listing.cases : listing.rubrics) = std::move(found.files);
      if (options.paths.empty()) unreadable.insert(unreadable.end(), found.unreadable.begin(), found.unreadable.end());
    }
  }

  // The files to check: the whole benchmark, or what the given paths name.
  std::vector<std::string> files;
  const bool whole = options.paths.empty();
  if (options.content) {
    files = options.content->files;
  } else if (whole) {
    files = listing.cases;
    files.insert(files.end(), listing.rubrics.begin(), listing.rubrics.end());
  } else {
    YamlListing named = resolve_path_arguments(cfg.root, options.paths);
    files = std::move(named.files);
    unreadable = std::move(named.unreadable);
  }
  for (const auto& entry : unreadable) {
    report.diagnostics.push_back(
        file_diagnostic("io/read", Severity::Error, entry.path,
                        message(project.lang, "io/read", {{"detail", entry.reason.describe(project.lang)}})));
    report.input_error = true;
  }

  const bool use_cache = options.use_cache && !options.content && files.size() >= kCacheMinFiles;
  // A full run with caches sees every case: it keeps their text facts for partial runs.
  const bool remember_texts = use_cache && whole;
  std::vector<std::pair<std::string, std::string>> text_ids(remember_texts ? files.size() : 0);
  ResultCache cache = use_cache ? ResultCache::load(cache_path(cfg), project.fingerprint) : ResultCache{};

  // Check every file on all cores; each slot is written by exactly one task.
  std::vector<FileResult> results(files.size());
  std::vector<uint64_t> hashes(files.size(), 0);
  std::vector<char> fresh(files.size(), 0);
  parallel_for(files.size(), worker_count(options.threads, std::max<size_t>(1, files.size() / 8)), [&](size_t i) {
    const bool keep_text = remember_texts && file_kind_of(files[i], cfg) == FileKind::Case;
    // The stat signature is taken before the read: a file rewritten in between gets a new
    // signature, never the old bytes' facts.
    if (keep_text) text_ids[i].first = reader->identity(files[i]);
    auto text = reader->read(files[i]);
    if (keep_text && text) text_ids[i].second = blob_identity(*text);
    if (!text) {
      results[i].diagnostics.push_back(file_diagnostic(
          "io/read", Severity::Error, files[i], message(project.lang, "io/read", {{"detail", text.error().message}})));
      results[i].facts.kind = file_kind_of(files[i], cfg);
      return;
    }
    hashes[i] = content_hash(*text);
    if (const FileResult* hit = use_cache ? cache.find(files[i], hashes[i]) : nullptr) {
      results[i] = *hit;
      return;
    }
    try {
      results[i] = check_file(project, files[i], std::move(*text));
      fresh[i] = 1;
    } catch (const std::exception& e) {
      // A bug must not take the whole run down; report it against the file.
      results[i] = FileResult{};
      results[i].diagnostics.push_back(file_diagnostic("internal/error", Severity::Error, files[i], e.what()));
    }
  });

  for (const auto& r : results)
    for (const auto& d : r.diagnostics)
      if (d.rule == "io/read") report.input_error = true;

  std::vector<std::pair<std::string, FileFacts>> checked;
  checked.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    report.diagnostics.insert(report.diagnostics.end(), results[i].diagnostics.begin(), results[i].diagnostics.end());
    checked.emplace_back(files[i], results[i].facts);
    if (use_cache && fresh[i]) cache.put(files[i], hashes[i], results[i]);
  }
  report.files_checked = static_cast<int>(files.size());
  lower_draft_rubric_placeholders(cfg, checked, report.diagnostics);

  report.summary = summarize(checked, project.taxonomy);

  std::vector<Diagnostic> cross;
  IntegrityContext ctx{cfg, project.taxonomy, project.lang};
  check_cross_file(checked, listing, ctx, cross);
  check_duplicate_case_text(checked, reference_cases(project, options, *reader, listing, files), project.lang, cross);
  cross.insert(cross.end(), project.config_findings.begin(), project.config_findings.end());
  apply_severities(cfg, cross);
  report.diagnostics.insert(report.diagnostics.end(), cross.begin(), cross.end());

  if (remember_texts) remember_case_texts(cfg, results, text_ids);
  if (use_cache) {
    if (whole) {
      std::set<std::string> present(files.begin(), files.end());
      cache.prune([&](const std::string& f) { return present.count(f) > 0; });
    }
    if (cache.dirty()) (void)cache.save(cache_path(cfg));
  }
  std::sort(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_less);
  return report;
}

RunOutcome validate_outcome(const ValidateReport& report) {
  if (report.input_error) return RunOutcome::Unusable;
  return count_diagnostics(report.diagnostics).errors > 0 ? RunOutcome::Findings : RunOutcome::Done;
}

}  // namespace cc
