#pragma once
// Verdicts: one judge's finding that a model's answer meets, or does not meet, one
// criterion — the values, how text is read as a value, and what a reader hands over
// before verdicts are placed in their tables.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "scoring/input/case_set.h"
#include "scoring/input/findings.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// The state of one cell (model × criterion) of a verdict table.
enum class Verdict : uint8_t {
  None = 0,  // no verdict read
  NotMet = 1,
  Met = 2,
  Unreadable = 3,  // a verdict was there but its value could not be read (reported)
};

// true for met, false for not met, nullopt for anything else. Accepts, ignoring case and
// surrounding blanks, "true", "1", "yes", "met" and "false", "0", "no", "not met",
// "not_met", "unmet".
std::optional<bool> verdict_from_text(std::string_view text);

// Position value meaning "match by order of appearance" (a JSONL line without an id).
inline constexpr uint32_t kByOrder = UINT32_MAX;
inline constexpr uint16_t kByOrderStored = UINT16_MAX;  // the same, as RawVerdict stores it

// One verdict as a reader found it, before it is placed in its table: 16 bytes, since a
// run holds one per criterion per model.
struct RawVerdict {
  uint32_t case_index = 0;  // into CaseSet::cases
  uint32_t offset_lo = 0;   // byte offset in its file, for messages (low 32 bits)
  uint32_t source = 0;      // index into FileVerdicts::sources: which model and judge
  uint16_t position = 0;    // criterion position in the case, or kByOrderStored
  uint8_t offset_hi = 0;    // offset bits 32..39 (files up to 1 TB)
  Verdict value = Verdict::None;
  uint64_t offset() const { return (static_cast<uint64_t>(offset_hi) << 32) | offset_lo; }
};
static_assert(sizeof(RawVerdict) == 16, "RawVerdict must stay small");

// What reading one file (or one piece of a long JSONL file) yields.
struct FileVerdicts {
  std::vector<RawVerdict> verdicts;
  std::vector<std::string> names;                      // model and judge names, interned
  std::vector<std::pair<uint32_t, uint32_t>> sources;  // (model, judge) indices into names
  FindingList findings;
  // Values of the public layout read as the public evaluator reads them ("yes", 1, " TRUE "):
  // how many, and the first one (its byte offset and its text as shown in messages).
  size_t coerced = 0;
  size_t first_coerced_offset = 0;
  std::string first_coerced_value;
  // Index of `name` in `names`, adding it when new.
  uint32_t intern(std::string_view name);
  // Index of the (model, judge) pair in `sources`, adding it when new.
  uint32_t source(std::string_view model, std::string_view judge);
};

// What a reader needs besides the bytes.
struct ReadContext {
  const CaseSet* cases = nullptr;
  const SourceFile* file = nullptr;
  std::string default_model;  // public layout: from the file name "<model>_judge.json"
  std::string default_judge;  // for verdicts that name no judge
  Lang lang = Lang::En;
};

// Reads our JSONL (one verdict per line; a line holding a whole case row in the public
// layout is read too) from the lines in [begin, end) of the file.
void read_jsonl_verdicts(const ReadContext& ctx, size_t begin, size_t end, FileVerdicts& out);

// Reads the public evaluator's layout: a JSON list with one row per case and the
// criteria under criteria_results / rubric_results / rubric_judgments.
void read_public_verdicts(const ReadContext& ctx, FileVerdicts& out);

// "gpt-4o" for "runs/gpt-4o_judge.json"; the file stem when there is no "_judge".
std::string model_from_file_name(std::string_view path);

}  // namespace cc::scoring
