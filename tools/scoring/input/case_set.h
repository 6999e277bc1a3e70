#pragma once
// CaseSet: the cases a scoring run grades — for each case the dimensions slices are cut
// by and its criteria in rubric order — whether they came from the benchmark folders or
// from a public JSONL export. Every criterion of every case has one flat "cell" index,
// which is how verdict tables store one verdict per criterion.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cc::scoring {

// One criterion as scoring needs it.
struct ScoredCriterion {
  std::string criterion_id;
  std::string_view criterion;  // the text (lives in its CaseSet's storage): reports and adjudication lists show it
  std::string axis;            // as written (taxonomy zh name); empty when the source has none
  bool critical = false;       // a safety-critical criterion
};

// One case: its slice dimensions (values as written in the files) and its criteria.
struct ScoredCase {
  std::string case_id;
  std::string difficulty;
  std::string subject;
  std::vector<std::string> subject_labels;
  std::string task;
  std::vector<std::string> task_labels;
  std::string care_stage;  // empty when the source has none (a plain public export)
  std::string audience;    // lay | professional (derived from user_role when not given)
  std::vector<ScoredCriterion> criteria;
};

// Hash for string-keyed maps that can be searched with a string_view.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The cases of a run, sorted by id, with lookups by case id and criterion id and the
// flat cell numbering verdict tables use.
class CaseSet {
 public:
  CaseSet() = default;
  CaseSet(CaseSet&&) = default;
  CaseSet& operator=(CaseSet&&) = default;
  CaseSet(const CaseSet&) = delete;  // criterion texts point into this set's storage
  CaseSet& operator=(const CaseSet&) = delete;

  std::vector<ScoredCase> cases;  // sorted by case_id after finalize()

  // Storage for criterion texts: keep() copies one in; hold() keeps alive a buffer that
  // texts point into (the bytes of a JSONL export).
  std::string_view keep(std::string text);
  void hold(std::shared_ptr<const void> buffer) { held_.push_back(std::move(buffer)); }

  // Sorts the cases and builds the indexes; call once after filling `cases`.
  void finalize();

  // Index of the case, or -1.
  int find_case(std::string_view case_id) const;
  // Position of the criterion within case `c`, or -1. `hint` is tried first (verdicts
  // usually come in rubric order).
  int find_criterion(uint32_t c, std::string_view criterion_id, uint32_t hint) const;

  uint32_t first_cell(uint32_t c) const { return first_cell_[c]; }
  uint32_t criteria_count(uint32_t c) const { return first_cell_[c + 1] - first_cell_[c]; }
  uint32_t cell_count() const { return first_cell_.empty() ? 0 : first_cell_.back(); }
  // The case a cell belongs to, and the criterion.
  uint32_t case_of_cell(uint32_t cell) const { return cell_case_[cell]; }
  const ScoredCriterion& criterion_of_cell(uint32_t cell) const {
    uint32_t c = cell_case_[cell];
    return cases[c].criteria[cell - first_cell_[c]];
  }
  int max_criteria() const { return max_criteria_; }
  bool has_axes() const { return has_axes_; }

 private:
  std::deque<std::string> texts_;
  std::vector<std::shared_ptr<const void>> held_;
  std::unordered_map<std::string, uint32_t, StringViewHash, std::equal_to<>> index_;
  std::vector<uint32_t> first_cell_;
  std::string id_blob_;              // every criterion id, back to back in cell order (cache-friendly)
  std::vector<uint32_t> id_offset_;  // cell_count() + 1 offsets into id_blob_
  std::vector<uint32_t> cell_case_;
  int max_criteria_ = 0;
  bool has_axes_ = false;
};

}  // namespace cc::scoring
