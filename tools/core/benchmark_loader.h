#pragma once
// Benchmark loader: every case and rubric of a repository into a Benchmark, on all
// cores. Files that cannot be parsed are reported, not guessed at.
#include <vector>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/messages.h"
#include "core/model.h"

namespace cc {

struct BenchmarkLoad {
  Benchmark benchmark;
  std::vector<Diagnostic> diagnostics;  // files that could not be read or parsed
};

BenchmarkLoad load_benchmark(const Config& config, Lang lang, unsigned threads = 0);

}  // namespace cc
