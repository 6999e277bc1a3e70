#include "cli/cli_context.h"

#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "core/output_file.h"
#include "core/renderer.h"
#include "core/repository.h"

namespace cc::cli {

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("-C", global.directories, "Run as if started in DIR (path arguments resolve against it)")
      ->option_text("DIR")
      ->allow_extra_args(false);
  app.add_option("--lang", global.lang,
                 "Language of messages (default: the locale's, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)")
      ->check(CLI::IsMember({"en", "zh"}));
  app.add_option("--color", global.color,
                 "Colour in text output: auto (a terminal, not TERM=dumb or NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.fallthrough();  // inherited by the subcommands added later
}

Lang lang_from_locale() {
  auto value_of = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  std::string chosen;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    chosen = value_of(name);
    if (!chosen.empty()) break;
  }
  // GNU gettext reads LANGUAGE first, but only when the locale is not C or POSIX.
  std::string language = value_of("LANGUAGE");
  if (!language.empty() && !chosen.empty() && chosen != "C" && chosen != "POSIX" && chosen.rfind("C.", 0) != 0)
    chosen = language.substr(0, language.find(':'));
  return chosen.rfind("zh", 0) == 0 ? Lang::Zh : Lang::En;
}

bool CliContext::want_color(int fd) const {
  if (global.color == "always") return true;
  if (global.color == "never") return false;
  return cc::want_color(fd);
}

bool CliContext::enter_directories(std::ostream& err) const {
  for (const auto& dir : global.directories) {
    std::error_code ec;
    std::filesystem::current_path(dir, ec);
    if (ec) {
      err << "clinconsensus: " << message(lang(), "cli/chdir", {{"dir", dir}, {"detail", ec.message()}}) << '\n';
      return false;
    }
  }
  return true;
}

std::string CliContext::start_dir() const { return std::filesystem::current_path().string(); }

std::optional<std::string> CliContext::find_root(std::ostream& err) const {
  auto root = find_repository_root(start_dir());
  if (!root) err << "clinconsensus: " << message(lang(), "config/not-found", {{"dir", start_dir()}}) << '\n';
  return root;
}

std::optional<Project> CliContext::open_project(std::ostream& err) const {
  auto root = find_root(err);
  if (!root) return std::nullopt;
  ProjectLoad load = load_project(*root, lang());
  if (!load.project) {
    RenderInput in{load.diagnostics, 0, lang(), this->want_color(2)};
    render_text(in, err);
    return std::nullopt;
  }
  return std::move(load.project);
}

bool check_case_filters(const Project& project, const std::vector<std::string>& statuses,
                        const std::vector<std::string>& difficulties, std::string_view command, std::ostream& err) {
  for (const auto& [values, dim] :
       {std::pair{&statuses, &project.taxonomy.statuses}, std::pair{&difficulties, &project.taxonomy.difficulty}})
    for (const auto& v : *values)
      if (!dim->find(v)) {
        std::string allowed, suggestion;
        for (const auto& n : dim->file_names()) allowed += (allowed.empty() ? "" : " ") + n;
        if (const Label* near = dim->suggest(v))
          suggestion = message(project.lang, "word/did-you-mean", {{"value", dim->file_name_of(*near)}});
        err << "clinconsensus " << command << ": "
            << message(project.lang, "cli/unknown-value",
                       {{"value", v}, {"allowed", allowed}, {"suggestion", suggestion}})
            << '\n';
        return false;
      }
  return true;
}

bool write_output(const CliContext& ctx, std::string_view command, const std::string& path, std::string_view content,
                  std::ostream& err) {
  auto written = write_output_file(path, content, ctx.lang());
  if (written) return true;
  err << "clinconsensus " << command << ": "
      << message(ctx.lang(), "io/write-output", {{"path", path}, {"detail", written.error().message}}) << '\n';
  return false;
}

}  // namespace cc::cli
