#include "judge/eval_run.h"

#include "core/file_lock.h"
#include "judge/run_files.h"
#include "scoring/score_run.h"

namespace cc::judge {

Result<EvalReport> run_eval(const Config& config, const EvalOptions& options, const RunSettings& settings) {
  std::unique_ptr<FileLock> lock;
  RunSettings inner = settings;
  if (!settings.dry_run) {
    CC_TRY_ASSIGN(lock, acquire_out_dir_lock(settings.out_dir, settings.lang));
    inner.dir_locked = true;
  }
  EvalReport report;
  GenerateOptions g{options.endpoint, options.ids_file, options.samples};
  CC_TRY_ASSIGN(report.generate, run_generate(config, g, inner));
  report.text += report.generate.text;
  report.written = report.generate.written;
  if (settings.dry_run) {
    report.text += "judge " + options.judge +
                   ": the judge's calls depend on the responses; run `clinconsensus judge --responses <file> --judge " +
                   options.judge + " --dry-run` once they exist (one call per criterion of every response)\n";
    return report;
  }
  if (report.generate.interrupted) {
    report.interrupted = true;
    return report;
  }
  if (report.generate.responses == 0) return report;  // every call failed; judge has nothing to read

  JudgeOptions j;
  j.responses = {report.generate.responses_file};
  j.judges = {options.judge};
  CC_TRY_ASSIGN(report.judge, run_judge(config, j, inner));
  report.text += report.judge.text;
  report.written.insert(report.written.end(), report.judge.written.begin(), report.judge.written.end());
  if (report.judge.interrupted) {
    report.interrupted = true;
    return report;
  }
  if (report.failed() > 0) {
    report.text += "not scored: " + std::to_string(report.failed()) +
                   " items have no answer or no verdict yet; run the same command again to retry them\n";
    return report;
  }

  scoring::ScoreOptions s;
  s.start_dir = config.root;
  for (const std::string& f : report.judge.written)
    if (f.find("/verdicts/") != std::string::npos) s.verdicts.push_back(f);
  s.judge = options.judge;
  s.out_dir = settings.out_dir;
  s.lang = options.lang;
  s.resamples = options.resamples;
  s.command = settings.command;
  scoring::ScoreOutcome score = scoring::run_score(s);
  report.scored = true;
  report.score_outcome = score.outcome;
  if (!score.usage_error.empty()) report.text += "score: " + score.usage_error + "\n";
  for (const Diagnostic& d : score.diagnostics)
    report.text += d.file + ":" + std::to_string(d.line) + ": " + d.rule + ": " + d.message + "\n";
  report.text += score.leaderboard;
  report.written.insert(report.written.end(), score.written.begin(), score.written.end());
  return report;
}

}  // namespace cc::judge
