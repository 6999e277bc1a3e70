// libFuzzer target: any bytes through the YAML loader and, when they load, the text and
// privacy rules with their fixes. The project promises a Diagnostic, never a crash, on any
// input; this is where that is tried on inputs nobody wrote by hand.
//
//   CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCLINCONSENSUS_BUILD_FUZZ=ON
//         -DCLINCONSENSUS_BUILD_TESTS=OFF -DCLINCONSENSUS_BUILD_BENCH=OFF     (one command)
//   ninja -C build-fuzz load_and_check_fuzz
//   mkdir -p build-fuzz/corpus
//   build-fuzz/tests/fuzz/load_and_check_fuzz -max_total_time=300 -max_len=8192 build-fuzz/corpus cases/ rubrics/
//
// libFuzzer writes the inputs it finds into the first folder, so that one is a folder
// of its own under build-fuzz/ (git-ignored); cases/ and rubrics/ only seed the run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "checks/text_check.h"
#include "core/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cc::LoadLimits limits;
  limits.max_file_bytes = 1 << 16;
  std::string text(reinterpret_cast<const char*>(data), size);
  cc::LoadResult loaded = cc::load_yaml_text("fuzz.yaml", text, limits, cc::Lang::En);
  for (const auto& d : loaded.diagnostics)
    if (d.line < 1 || d.column < 1) __builtin_trap();  // every refusal points somewhere
  if (!loaded.document) return 0;
  std::vector<cc::Diagnostic> found;
  std::vector<cc::TextEdit> edits;
  cc::check_text(*loaded.document, cc::TextOptions{}, cc::Lang::Zh, found, &edits);
  for (const auto& e : edits)
    if (e.begin > e.end || e.end > text.size()) __builtin_trap();  // edits stay inside the file
  return 0;
}
