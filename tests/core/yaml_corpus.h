#pragma once
// The corpus of the YAML differential tests: every fixture and shipped YAML file, the
// seeds the fuzz target starts from (cases/ and rubrics/) mutated the way a fuzzer
// mutates them, and hand-written documents that use each YAML feature the loader types
// or refuses.
#include <cstddef>
#include <string>
#include <vector>

namespace cc::test {

struct CorpusFile {
  std::string name;  // where it came from: a path, or a generator and number
  std::string text;
};

// tests/fixtures/**.yaml, cases/**, rubrics/**, schema/*.yaml and clinconsensus.yaml.
std::vector<CorpusFile> repository_yaml_files();
// Documents written by hand: typing of plain scalars, quoting and escapes, block and
// flow styles, anchors, tags, comments, documents and what the loader refuses.
std::vector<CorpusFile> feature_documents();
// `count` mutations of `seeds` (bytes or lines deleted, repeated, swapped, or replaced by
// YAML indicators), reproducible from `seed`.
std::vector<CorpusFile> mutations(const std::vector<CorpusFile>& seeds, size_t count, unsigned seed);

}  // namespace cc::test
