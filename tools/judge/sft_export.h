#pragma once
// Distillation data: a judge run turned into supervised fine-tuning rows for the next
// local judge, in the released recipe's format — {"instruction": <the exact prompt the
// teacher was sent>, "output": <the teacher's JSON answer>}. A physician's label
// overrides the teacher's verdict and the output is rewritten to match (explanation: the
// physician's note, or a sentence saying the physician settled it). Rows are split into
// train and dev by case — no case is in both — stratified by specialty and seeded, and a
// data card records counts, label balance, teacher, prompt hash and seed.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

struct SftExportOptions {
  std::string from_dir;                // the judge run
  std::vector<std::string> responses;  // override the manifest's response files
  std::string teacher;                 // the judge whose answers are the outputs
  std::string gold;                    // physician labels (review import), "" for none
  std::string out_dir;                 // train.jsonl, dev.jsonl, data_card.md
  double dev_fraction = 0.1;           // share of cases in dev
  uint64_t seed = 1;
};

struct SftExportReport {
  size_t train = 0, dev = 0, overridden = 0;
  std::vector<std::string> written;
  std::string text;
};

// Error (kind Input) when the run, the labels or the prompt cannot be read, or the
// teacher has no verdicts in the run; kind Usage for a dev fraction outside [0, 1).
Result<SftExportReport> export_sft(const Config& config, const SftExportOptions& options, Lang lang);

// Which of `cases` (ids with their specialty) go to dev: in each specialty, cases in the
// order of their seeded hash, placed at evenly spaced points of [0, 1); the round(f · N)
// cases with the lowest points overall are dev. Each specialty gets its share as nearly
// as the counts allow, and the choice depends only on the seed and the ids.
std::vector<bool> dev_cases(const std::vector<std::pair<std::string, std::string>>& cases, double fraction,
                            uint64_t seed);

}  // namespace cc::judge
