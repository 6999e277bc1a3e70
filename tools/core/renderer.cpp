#include "core/renderer.h"

#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace cc {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "github") return OutputFormat::Github;
  if (name == "sarif") return OutputFormat::Sarif;
  return std::nullopt;
}

void render(OutputFormat format, const RenderInput& in, std::ostream& out) {
  switch (format) {
    case OutputFormat::Text: render_text(in, out); return;
    case OutputFormat::Json: render_json(in, out); return;
    case OutputFormat::Github: render_github(in, out); return;
    case OutputFormat::Sarif: render_sarif(in, out); return;
  }
}

bool want_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

}  // namespace cc
