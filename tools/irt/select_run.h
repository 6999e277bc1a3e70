#pragma once
// `irt select`: N cases chosen by test information (info_select.h), written as a
// case-id list like `select`'s.
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "irt/info_select.h"

namespace cc::irt {

struct SelectRunOptions {
  std::string start_dir;
  std::string items;  // --items: items.csv of irt fit
  std::string cases;  // --cases, as score
  int count = 0;
  uint64_t seed = 1;
  std::string out;  // --out ids.txt; "" prints the list
  Lang lang = Lang::En;
  unsigned threads = 0;
};

struct SelectRunReport {
  InfoSelection selection;
  std::string ids;                 // one case id a line
  std::vector<std::string> notes;  // in the run's language
  std::string summary;
  std::vector<std::string> written;
};

Result<SelectRunReport> run_irt_select(const SelectRunOptions& options);

}  // namespace cc::irt
