#pragma once
// Run files: what generate and judge share when they write their outputs — file names
// made from model names, JSONL written atomically, the manifest's record of a file and
// of a batch's counters.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_lock.h"
#include "core/result.h"
#include "judge/call_batch.h"

namespace cc::judge {

// A file name stem for a model name: letters, digits and ._-# kept, anything else
// (a '/' in "Qwen/Qwen3-8B") turned into '_'.
std::string safe_file_stem(const std::string& model);

// Writes one compact JSON object per line, atomically (temp file + rename): a reader
// sees the old file or the new one, never part of one.
Result<void> write_jsonl(const std::string& path, const std::vector<nlohmann::ordered_json>& rows, Lang lang);

// Writes pretty JSON atomically; a failure is an Error in `lang`.
Result<void> write_json(const std::string& path, const nlohmann::ordered_json& value, Lang lang);

// {"path", "sha256", "bytes"} of a file, `path` shown relative to `base` when inside it.
nlohmann::ordered_json file_record(const std::string& path, const std::string& base);

// A batch's figures for the manifest: calls, cached, asked, failed, retries, tokens,
// cost and seconds.
nlohmann::ordered_json batch_record(const BatchResult& batch);

// The wall-clock time as ISO 8601 UTC.
std::string utc_now();

// Locks `out_dir` (out_dir/.lock) for one run, so that a second generate, judge or eval
// on the same folder is refused at once instead of interleaving its files with the
// first's. Error kind Usage (exit 2) when held or when the folder cannot be created.
Result<std::unique_ptr<FileLock>> acquire_out_dir_lock(const std::string& out_dir, Lang lang);

// The fields every run manifest opens with: tool, version, command, started, finished.
nlohmann::ordered_json manifest_head(const std::string& command, const std::string& started);

// Adds `outputs` (a file_record of each of `written`, relative to `out_dir`) to
// `manifest`, writes it atomically to `out_dir`/`name` and appends its path to `written`.
Result<void> write_manifest(nlohmann::ordered_json manifest, const std::string& out_dir, const std::string& name,
                            std::vector<std::string>& written, Lang lang);

// `text` without leading and trailing blanks (spaces, tabs, line breaks).
std::string trim_blank(std::string_view text);

}  // namespace cc::judge
