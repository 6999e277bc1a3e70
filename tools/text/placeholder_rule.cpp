// text/placeholder: the blanks `clinconsensus new` leaves for the author to fill in.
#include <string_view>

#include "text/text_rules.h"

namespace cc {

namespace {
// Every placeholder the skeletons write opens with this (core/scaffold.cpp).
constexpr std::string_view kPlaceholderOpen = "（请填写";
}  // namespace

void check_placeholder(std::string_view value, bool draft, Lang lang, TextFindings& out) {
  size_t at = value.find(kPlaceholderOpen);
  if (at == std::string_view::npos) return;
  size_t close = value.find("）", at);
  TextFinding f;
  f.rule = "text/placeholder";
  f.severity = draft ? Severity::Warning : Severity::Error;
  f.begin = at;
  f.end = close == std::string_view::npos ? value.size() : close + std::string_view("）").size();
  f.message = message(lang, "text/placeholder", {{"text", std::string(value.substr(f.begin, f.end - f.begin))}});
  out.push_back(std::move(f));
}

}  // namespace cc
