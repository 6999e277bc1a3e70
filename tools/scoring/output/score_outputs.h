#pragma once
// The files `score` writes, as one named list: each output's file name, and how its bytes
// are formatted from the report (in parts, for the largest, so it can use every core).
// The run manifest lists them in this order; adding an output is adding a row here, and
// nothing else can shift.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "scoring/output/score_report.h"

namespace cc::scoring {

struct ScoreOutput {
  std::string_view file_name;
  // How many parts the file is formatted in (1 for most); part p of n is format(r, p, n),
  // and the file is the parts joined in order.
  size_t parts = 1;
  std::string (*format)(const ScoreReport& r, size_t part, size_t parts) = nullptr;
};

// Every output of `score` except run_manifest.json (which lists these with their hashes,
// and is written last), in the manifest's order.
std::span<const ScoreOutput> score_outputs();

}  // namespace cc::scoring
