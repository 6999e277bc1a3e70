#pragma once
// Run settings: what generate, judge and eval share — where outputs go, whether to use
// the cache or only count, progress, and the stop flag Ctrl-C sets.
#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "core/config.h"
#include "core/messages.h"

namespace cc::judge {

struct RunSettings {
  std::string out_dir;               // absolute; default <root>/results
  bool dry_run = false;              // count calls, tokens and cost; send nothing, write nothing
  bool use_cache = true;             // --no-cache: neither read nor write .clinconsensus/cache/llm.sqlite
  bool quiet = false;                // -q: no progress
  std::ostream* progress = nullptr;  // where progress goes (stderr); null: none
  int progress_fd = 2;               // to tell a terminal from a log
  const std::atomic<bool>* stop = nullptr;
  std::string command;  // the command line, for manifests
  uint64_t seed = 1;
  Lang lang = Lang::En;     // of messages
  bool dir_locked = false;  // the caller already holds out_dir's RunLock (eval)
};

// The cache file of a repository.
inline std::string llm_cache_path(const Config& config) { return config.root + "/.clinconsensus/cache/llm.sqlite"; }

}  // namespace cc::judge
