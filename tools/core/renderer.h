#pragma once
// Renderers: the only code that turns Diagnostics into output. One per format, each in
// its own file; a renderer never decides what is a finding.
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/benchmark_summary.h"
#include "core/diagnostic.h"
#include "core/messages.h"

namespace cc {

enum class OutputFormat { Text, Json, Github, Sarif };

std::optional<OutputFormat> parse_output_format(std::string_view name);

// What a validation run hands to a renderer.
struct RenderInput {
  const std::vector<Diagnostic>& diagnostics;  // already sorted
  int files_checked = 0;
  Lang lang = Lang::En;
  bool color = false;                         // text only: ANSI colours (the caller decides: TTY and no NO_COLOR)
  const BenchmarkSummary* summary = nullptr;  // printed when set (validate --summary)
};

void render_text(const RenderInput& in, std::ostream& out);
void render_json(const RenderInput& in, std::ostream& out);
void render_github(const RenderInput& in, std::ostream& out);
void render_sarif(const RenderInput& in, std::ostream& out);

void render(OutputFormat format, const RenderInput& in, std::ostream& out);

// Whether colour is wanted on the stream with file descriptor `fd` when the user did not
// say (`--color auto`): a terminal that is not TERM=dumb, and the NO_COLOR convention
// (https://no-color.org) not set.
bool want_color(int fd);

}  // namespace cc
