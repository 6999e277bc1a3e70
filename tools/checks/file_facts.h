#pragma once
// FileFacts: what the cross-file checks need to know of one checked file, small enough
// to keep in the result cache so an unchanged file is never parsed again.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace cc {

enum class FileKind { Case, Rubric, Other };

struct FileFacts {
  FileKind kind = FileKind::Other;
  std::string case_id;  // as written in the file; empty when missing or not text
  int id_line = 1;      // where case_id is written, for cross-file findings
  int id_column = 1;
  std::string subject_folder;  // cases only: the folder its subject belongs in, if known
  // For the benchmark summary: a case's labels as written, a rubric's criteria.
  std::string status, difficulty, care_stage, audience, subject, task;
  int criteria = 0;
  int critical = 0;
  std::map<std::string, int> axes;  // axis as written → number of criteria
  // Cases only: normalised key of clinical_context + user_request (0: none) and where
  // clinical_context is written, for integrity/duplicate-case-text.
  uint64_t text_key = 0;
  int text_line = 1;
  int text_column = 1;
};

// Everything validate learns from one file on its own.
struct FileResult {
  std::vector<Diagnostic> diagnostics;
  FileFacts facts;
};

nlohmann::json file_result_to_json(const FileResult& r);
// nullopt when `j` is not a well-formed cache entry.
std::optional<FileResult> file_result_from_json(const nlohmann::json& j);

}  // namespace cc
