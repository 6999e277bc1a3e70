#include "scoring/run_setup.h"

#include <filesystem>

#include "core/repository.h"
#include "core/sha256.h"

namespace cc::scoring {
namespace {

namespace fs = std::filesystem;

void record_file(const std::string& role, const Config& config, const std::string& rel, std::vector<InputRecord>& out) {
  // A file that cannot be hashed is left out of the record; the words of the error go unused.
  auto hex = sha256_file(config.abs(rel), Lang::En);
  if (!hex) return;
  std::error_code ec;
  out.push_back({role, rel, static_cast<size_t>(fs::file_size(config.abs(rel), ec)), std::move(*hex)});
}

// Loads config and taxonomy of the repository at `root` into `setup`; false when the
// config cannot be used.
bool load_project_files(const std::string& root, Lang lang, RunSetup& setup, std::vector<Diagnostic>& diags) {
  ConfigLoad cl = load_config(root, lang);
  if (!cl.config) {
    diags.insert(diags.end(), cl.diagnostics.begin(), cl.diagnostics.end());
    return false;
  }
  setup.config = std::move(*cl.config);
  const Config& cfg = *setup.config;
  record_file("config", cfg, kConfigFileName, setup.inputs);
  TaxonomyLoad tl = load_taxonomy(cfg.abs(cfg.taxonomy_path), cfg.taxonomy_path, lang);
  if (tl.taxonomy) {
    setup.taxonomy = std::move(*tl.taxonomy);
    record_file("taxonomy", cfg, cfg.taxonomy_path, setup.inputs);
  }
  return true;
}

}  // namespace

std::string resolve_path(const std::string& start_dir, const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return (fs::path(start_dir) / path).lexically_normal().string();
}

std::string unnamed_judge(const std::string&) { return {}; }

std::string judge_from_path(const std::string& path) {
  fs::path p(path);
  while (!p.empty() && p.filename().empty()) p = p.parent_path();  // "dir/" → "dir"
  std::string name = p.stem().string();
  constexpr std::string_view kSuffix = "_judge";
  if (name.size() > kSuffix.size() && name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
    name.resize(name.size() - kSuffix.size());
  return name;
}

RunSetup prepare_run(const std::string& start_dir, const std::string& cases_arg, Lang lang, unsigned threads) {
  RunSetup setup;
  std::error_code ec;
  std::string cases_path = cases_arg.empty() ? std::string() : resolve_path(start_dir, cases_arg);
  bool folder_mode = cases_arg.empty() || fs::is_directory(cases_path, ec);
  if (folder_mode) {
    std::string from = cases_arg.empty() ? start_dir : cases_path;
    auto root = find_repository_root(from);
    if (!root) {
      setup.usage_error = cases_arg.empty()
                              ? "no --cases given and no clinconsensus.yaml found from " + from +
                                    "; pass --cases FILE.jsonl or run inside a benchmark repository"
                              : cases_arg + " is not inside a benchmark repository (no clinconsensus.yaml above it)";
      return setup;
    }
    if (!load_project_files(*root, lang, setup, setup.cases.diagnostics)) {
      setup.cases.unreadable = true;
      return setup;
    }
    setup.cases_source = cases_arg.empty() ? "benchmark repository" : cases_arg;
    CaseLoad load =
        load_cases_from_benchmark(*setup.config, setup.taxonomy ? &*setup.taxonomy : nullptr, lang, threads);
    load.diagnostics.insert(load.diagnostics.begin(), setup.cases.diagnostics.begin(), setup.cases.diagnostics.end());
    setup.cases = std::move(load);
    return setup;
  }
  // A JSONL export: the repository around start_dir, if any, gives k and the taxonomy.
  if (auto root = find_repository_root(start_dir)) {
    std::vector<Diagnostic> ignored;  // without a usable config the defaults serve
    load_project_files(*root, lang, setup, ignored);
  }
  setup.cases_source = cases_arg;
  setup.cases =
      load_cases_from_jsonl(cases_arg, cases_path, setup.taxonomy ? &*setup.taxonomy : nullptr, lang, threads);
  return setup;
}

std::vector<VerdictInput> verdict_inputs(const std::vector<std::string>& args, const std::string& start_dir,
                                         std::string (*default_judge)(const std::string& path)) {
  std::vector<VerdictInput> out;
  for (const auto& arg : args) {
    VerdictInput in;
    in.path = arg;
    std::error_code ec;
    size_t eq = arg.find('=');
    if (eq != std::string::npos && eq > 0 && arg.find('/') > eq && !fs::exists(resolve_path(start_dir, arg), ec)) {
      in.judge = arg.substr(0, eq);
      in.path = arg.substr(eq + 1);
    } else {
      in.judge = default_judge(arg);
    }
    in.open_path = resolve_path(start_dir, in.path);
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace cc::scoring
