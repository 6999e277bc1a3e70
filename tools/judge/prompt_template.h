#pragma once
// Prompt templates: the judge prompt is a file of the project's own (judge.prompt in
// clinconsensus.yaml). Placeholders are `{{name}}` (or `{{ name }}`), names being
// lowercase letters and `_`, on one line; they are replaced in one pass, so a response
// that itself contains "{{criterion}}" is never expanded again.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cc::judge {

// A loaded template: its text and the SHA-256 of its bytes (part of every cache key and
// manifest, so editing the prompt never reuses answers given to the old one).
struct PromptTemplate {
  std::string path;                       // as given, for messages and the manifest
  std::string text;                       // the file's text, without a leading UTF-8 BOM
  std::string sha256;                     // 64 hex digits of the file's bytes
  std::vector<std::string> placeholders;  // names used, in order of first use
};

// Reads the template at `abs_path` (shown as `display_path`). Error (kind Input) when it
// cannot be read, is not UTF-8, has an unterminated `{{` or a `{{…}}` that is not a
// placeholder name (both as "path:line:column: ..."), or lacks any name in `required`
// (the message names the file, what is missing and what to do).
Result<PromptTemplate> load_prompt_template(const std::string& abs_path, const std::string& display_path,
                                            const std::vector<std::string>& required);

// The template with every `{{name}}` replaced by values.at(name). Names not in `values`
// are left as written (load_prompt_template has already refused missing required ones).
std::string render_prompt(const PromptTemplate& tmpl, const std::map<std::string, std::string>& values);

}  // namespace cc::judge
