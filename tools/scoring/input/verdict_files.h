#pragma once
// Verdict files: the files a run's --verdicts inputs name (folders give their *.json,
// *.jsonl and *.ndjson files, sorted), read and hashed on all cores with their layout
// recognised. Nothing here needs the cases, so it can run while they load.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/messages.h"
#include "scoring/input/source_file.h"

namespace cc::scoring {

// One --verdicts argument.
struct VerdictInput {
  std::string path;       // as given: shown in messages and the manifest
  std::string open_path;  // as opened (resolved against the working folder)
  std::string judge;      // judge name for verdicts that name none ("" when unnamed)
};

// How a file lays its verdicts out, told by its first character.
enum class VerdictLayout { Unknown, Jsonl, Public, Empty };

// One file, read.
struct VerdictFile {
  SourceFile file;
  std::string judge;  // of its input
  VerdictLayout layout = VerdictLayout::Unknown;
  std::string read_error;  // set when it could not be read
};

// Every file of a run's verdict inputs, read, and why any could not be.
struct VerdictFiles {
  std::vector<VerdictFile> files;       // in input order, folders expanded
  std::vector<Diagnostic> diagnostics;  // folders without verdict files, unreadable files
  bool unreadable = false;              // (exit 2)
};

VerdictFiles open_verdict_files(const std::vector<VerdictInput>& inputs, Lang lang, unsigned threads);

}  // namespace cc::scoring
