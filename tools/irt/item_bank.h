#pragma once
// Item bank: calibrated items as `irt fit` writes them (DIR/items.csv, with
// DIR/respondents.csv and DIR/fit.json beside it) and as `irt select`, `irt estimate`
// and `cat` read them back.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "irt/em_fit.h"
#include "irt/item_model.h"
#include "irt/response_matrix.h"

namespace cc::irt {

struct ItemBank {
  ItemUnit unit = ItemUnit::Criterion;  // case when every item is its own case
  bool guessing = false;                // a 3PL bank
  std::vector<std::string> ids, case_ids;
  std::vector<ItemParams> params;
  std::vector<uint8_t> trials;                    // criteria per item (1 for a criterion)
  std::vector<std::string> cases;                 // distinct case ids, in first-seen order
  std::vector<std::vector<uint32_t>> case_items;  // the items of each case
  // The abilities the calibration's respondents span (from respondents.csv beside the
  // items); [-2, 2] when that file is not there.
  double ability_min = -2, ability_max = 2;
  bool ability_range_known = false;
};

// Fills `cases` and `case_items` from `case_ids`.
void group_items_by_case(ItemBank& bank);

// The bank a fit gives, as read_item_bank would read it back from the fit's files.
ItemBank bank_from_fit(const FitResult& fit, const ResponseMatrix& data);

// The three outputs of a fit, as text: items.csv, respondents.csv and fit.json.
std::string items_csv(const FitResult& fit, const ResponseMatrix& data);
std::string respondents_csv(const FitResult& fit, const ResponseMatrix& data);
// `warnings`: message ids of irt_messages (in English) recorded in fit.json.
std::string fit_json(const FitResult& fit, const ResponseMatrix& data, const FitOptions& options,
                     const std::vector<std::string>& warnings);

// Reads items.csv at `open_path` (shown as `display_path`), and respondents.csv beside it
// when present. Fails with file and line on a missing column or an unreadable number.
Result<ItemBank> read_item_bank(const std::string& open_path, const std::string& display_path, Lang lang);

}  // namespace cc::irt
