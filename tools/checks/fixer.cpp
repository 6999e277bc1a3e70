#include "checks/fixer.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/text_check.h"
#include "core/atomic_write.h"
#include "core/encoding.h"
#include "core/repository.h"
#include "core/utf8.h"
#include "core/yaml_loader.h"

namespace fs = std::filesystem;

namespace cc {
namespace {

// Later rounds catch what earlier edits reveal (full-width digits made half-width, then
// a full-width stop between them); three are plenty, the bound keeps any input finite.
constexpr int kMaxRounds = 4;

// Applies non-overlapping edits (sorted by position; an edit overlapping an earlier one
// waits for the next round) and records what changed.
std::string apply(const std::string& text, std::vector<TextEdit> edits, std::vector<FixChange>& changes) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const auto& e : edits) {
    if (e.begin < pos || e.end > text.size() || e.begin > e.end) continue;
    if (text.compare(e.begin, e.end - e.begin, e.replacement) == 0) continue;
    out.append(text, pos, e.begin - pos);
    LineColumn lc = line_column_at(text, e.begin);
    changes.push_back(FixChange{e.rule, lc.line, lc.column, text.substr(e.begin, e.end - e.begin), e.replacement});
    out += e.replacement;
    pos = e.end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// How well a text loads: -1 when it does not, else the number of loader findings.
long load_problems(const Project& project, const std::string& path, const std::string& text) {
  LoadResult r = load_yaml_text(path, text, project.config.limits, project.lang, Positions::TopLevel);
  return r.document ? static_cast<long>(r.diagnostics.size()) : -1;
}

// Removes the characters YAML allows nowhere in a file (C0 controls other than tab, LF
// and CR; DEL; C1 controls; U+FFFE and U+FFFF) and the line breaks YAML 1.1 and 1.2
// readers disagree on (NEL, U+2028, U+2029), which the loader refuses: the file does not
// load while they are there, so they go before the text rules, which need it parsed.
std::string strip_control_characters(const std::string& text, std::vector<FixChange>& changes) {
  std::vector<TextEdit> edits;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = 0;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      len = 1;
    } else if (c == 0xC2 && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9F) len = 2;
    } else if (c == 0xE2 && text.compare(i, 2, "\xE2\x80") == 0 && i + 2 < text.size() &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      len = 3;
    } else if (c == 0xEF && text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      len = 3;
    }
    if (len) edits.push_back(TextEdit{i, i + len, "", "text/invisible"});
  }
  if (edits.empty()) return text;
  return apply(text, std::move(edits), changes);
}

}  // namespace

std::vector<std::string> fix_targets(const Project& project, const std::vector<std::string>& paths,
                                     std::vector<Diagnostic>& problems) {
  const Config& cfg = project.config;
  // Temp files a killed fix or import left beside the files they were writing.
  for (const auto& dir : {cfg.cases_dir, cfg.rubrics_dir}) remove_stale_temp_files(cfg.abs(dir));
  std::set<std::string> chosen;
  if (paths.empty()) {
    for (const auto& dir : {cfg.cases_dir, cfg.rubrics_dir})
      for (const auto& f : list_yaml_files(cfg.root, dir)) chosen.insert(f);
  }
  YamlListing named = paths.empty() ? YamlListing{} : resolve_path_arguments(cfg.root, paths);
  chosen.insert(named.files.begin(), named.files.end());
  for (const auto& entry : named.unreadable)
    problems.push_back(
        file_diagnostic("io/read", Severity::Error, entry.path,
                        message(project.lang, "io/read", {{"detail", entry.reason.describe(project.lang)}})));
  return {chosen.begin(), chosen.end()};
}

FileFix fix_file(const Project& project, const std::string& rel_path, const FixOptions& options) {
  FileFix result;
  result.path = rel_path;
  auto original = options.reader ? options.reader->read(rel_path) : DiskFileReader(project.config.root).read(rel_path);
  if (!original) {
    result.problems.push_back(
        file_diagnostic("io/read", Severity::Error, rel_path,
                        message(project.lang, "io/read", {{"detail", original.error().message}})));
    return result;
  }
  std::string text = *original;

  // Encoding first: everything else works on UTF-8.
  if (find_invalid_utf8(text)) {
    auto charset = detect_charset(text);
    auto converted = charset && convertible_charset(*charset) ? convert_to_utf8(text, *charset) : std::nullopt;
    if (!converted) {
      LoadResult r = load_yaml_text(rel_path, text, project.config.limits, project.lang);
      result.problems = r.diagnostics;  // the text/encoding finding, with its advice
      return result;
    }
    result.changes.push_back(FixChange{"text/encoding", 1, 1, *charset, "UTF-8"});
    text = std::move(*converted);
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    result.changes.push_back(FixChange{"yaml/bom", 1, 1, "\xEF\xBB\xBF", ""});
    text.erase(0, 3);
  }

  text = strip_control_characters(text, result.changes);

  // What the file already has wrong at the YAML level (a duplicate key, say) is not the
  // fixer's doing; it only must not add to it.
  const long baseline = load_problems(project, rel_path, text);
  for (int round = 0; round < kMaxRounds; ++round) {
    LoadResult loaded = load_yaml_text(rel_path, text, project.config.limits, project.lang, Positions::All);
    if (!loaded.document) {
      // Text fixes need the YAML structure; a file that does not parse is left alone.
      result.problems = std::move(loaded.diagnostics);
      return result;
    }
    std::vector<Diagnostic> ignored;
    std::vector<TextEdit> edits;
    check_text(*loaded.document, options.text, project.lang, ignored, &edits);
    if (edits.empty()) break;
    size_t before = result.changes.size();
    std::string next = apply(text, std::move(edits), result.changes);
    if (result.changes.size() == before) break;
    text = std::move(next);
  }

  if (text == *original) return result;
  long after = load_problems(project, rel_path, text);
  if (after < 0 || after > baseline) {
    // Never write a file that loads worse than before.
    result.problems.push_back(
        file_diagnostic("fix/refused", Severity::Error, rel_path, message(project.lang, "fix/refused")));
    result.changes.clear();
    return result;
  }
  if (options.check_only) return result;
  if (auto written = write_file_atomic(project.config.abs(rel_path), text); !written) {
    result.problems.push_back(
        file_diagnostic("io/write", Severity::Error, rel_path,
                        message(project.lang, "io/write", {{"detail", written.error().message}})));
    return result;
  }
  result.written = true;
  return result;
}

FixRun fix_files(const Project& project, const std::vector<std::string>& paths, const FixOptions& options) {
  FixRun run;
  run.check_only = options.check_only;
  run.files = fix_targets(project, paths, run.problems);
  run.fixes.reserve(run.files.size());
  for (const auto& f : run.files) {
    FileFix fix = fix_file(project, f, options);
    run.problems.insert(run.problems.end(), fix.problems.begin(), fix.problems.end());
    if (!fix.changes.empty()) ++run.changed_files;
    for (const auto& c : fix.changes) ++run.per_rule[c.rule];
    run.changes += static_cast<int>(fix.changes.size());
    run.fixes.push_back(std::move(fix));
  }
  return run;
}

RunOutcome fix_outcome(const FixRun& run) {
  bool unusable = std::any_of(run.problems.begin(), run.problems.end(),
                              [](const Diagnostic& d) { return d.rule == "io/read" || d.rule == "io/write"; });
  if (unusable) return RunOutcome::Unusable;
  if (run.check_only && run.changes > 0) return RunOutcome::Findings;
  return run.problems.empty() ? RunOutcome::Done : RunOutcome::Findings;
}

}  // namespace cc
