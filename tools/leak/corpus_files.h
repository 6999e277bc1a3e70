#pragma once
// Corpus files: what `leak --corpus PATH...` reads. A path is a file or a folder (every
// regular file below it, in name order); each file is plain text or JSON Lines (by its
// name: .jsonl, .ndjson), raw or compressed with gzip/zlib or zstd (by its first bytes,
// whatever its name).
#include <cstdint>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::leak {

enum class Compression { None, Gzip, Zstd };
enum class Layout { Text, Jsonl };

struct CorpusFile {
  std::string path;   // as given, or below the given folder
  uint64_t size = 0;  // on disk
  Compression compression = Compression::None;
  Layout layout = Layout::Text;
};

// Every file of `paths`, in the order given and by name within folders. Error (kind
// Input) naming the first path that does not exist, is not readable, or is a folder that
// cannot be listed.
Result<std::vector<CorpusFile>> list_corpus(const std::vector<std::string>& paths, Lang lang);

}  // namespace cc::leak
