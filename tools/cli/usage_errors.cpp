#include "cli/usage_errors.h"

#include <memory>
#include <ostream>
#include <string_view>

#include "cli/cli_context.h"
#include "cli/help_text.h"

namespace cc::cli {
namespace {

// "A: B" → ("A", "B"); ("", s) without a colon.
std::pair<std::string, std::string> split_name(const std::string& s) {
  size_t colon = s.find(": ");
  if (colon == std::string::npos) return {"", s};
  return {s.substr(0, colon), s.substr(colon + 2)};
}

// CLI11's words for `e` (they carry the option names and values), said in Chinese.
std::string chinese_usage_error(const CLI::ParseError& e) {
  const std::string what = e.what();
  auto say = [](std::string_view id, std::initializer_list<MessageArg> args) { return message(Lang::Zh, id, args); };
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    return say("cli/unexpected", {{"args", split_name(what).second}});
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) && std::string_view(what).ends_with(" is required")) {
    std::string name = what.substr(0, what.size() - std::string_view(" is required").size());
    if (name == "A subcommand") return say("cli/subcommand-required", {});
    return say("cli/required", {{"name", name}});
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    auto [name, rest] = split_name(what);
    size_t not_in = rest.find(" not in {");
    if (not_in != std::string::npos && std::string_view(rest).ends_with("}")) {
      std::string allowed = rest.substr(not_in + 9, rest.size() - not_in - 10);
      for (auto& c : allowed) c = c == ',' ? ' ' : c;
      return say("cli/not-allowed", {{"name", name}, {"value", rest.substr(0, not_in)}, {"allowed", allowed}});
    }
    // CLI::Range: "Value 0 not in range 1 to 10000000".
    size_t range = rest.find(" not in range ");
    size_t to = rest.rfind(" to ");
    if (std::string_view(rest).starts_with("Value ") && range != std::string::npos && to != std::string::npos && to > range)
      return say("cli/not-in-range", {{"name", name},
                                      {"value", rest.substr(6, range - 6)},
                                      {"min", rest.substr(range + 14, to - range - 14)},
                                      {"max", rest.substr(to + 4)}});
    return say("cli/invalid-value", {{"name", name}});
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    if (std::string_view(what).starts_with("Could not convert: ")) {
      auto rest = what.substr(std::string_view("Could not convert: ").size());
      size_t eq = rest.find(" = ");
      if (eq != std::string::npos)
        return say("cli/not-converted", {{"name", rest.substr(0, eq)}, {"value", rest.substr(eq + 3)}});
    }
    auto [name, rest] = split_name(what);
    return say("cli/invalid-value", {{"name", name.empty() ? what : name}});
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    auto [name, rest] = split_name(what);
    if (!name.empty() && std::string_view(rest).ends_with(" missing")) return say("cli/missing-value", {{"name", name}});
    size_t to = what.find(" arguments to ");
    if (to != std::string::npos) {
      std::string tail = what.substr(to + 14);
      return say("cli/value-count", {{"name", tail.substr(0, tail.find(','))}});
    }
    return say("cli/value-count", {{"name", name}});
  }
  if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    size_t at = what.find(" requires ");
    if (at != std::string::npos) return say("cli/requires", {{"a", what.substr(0, at)}, {"b", what.substr(at + 10)}});
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    size_t at = what.find(" excludes ");
    if (at != std::string::npos) return say("cli/excludes", {{"a", what.substr(0, at)}, {"b", what.substr(at + 10)}});
  }
  return say("cli/usage", {{"detail", what}});
}

}  // namespace

int report_parse_error(CLI::App& app, const CLI::ParseError& e, Lang lang, std::ostream& out, std::ostream& err) {
  const bool success = dynamic_cast<const CLI::Success*>(&e) != nullptr;
  if (lang == Lang::En || success) {
    if (lang == Lang::Zh) use_chinese_help(app);
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  err << "clinconsensus: " << chinese_usage_error(e) << '\n' << message(Lang::Zh, "cli/see-help") << '\n';
  return kExitUsage;
}

}  // namespace cc::cli
