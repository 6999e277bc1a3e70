// Text renderer: "file:line:column: severity: message [rule]" lines a terminal or an
// editor's problem matcher understands, then a one-line summary.
#include <map>
#include <string>

#include "core/renderer.h"
#include "core/utf8.h"

namespace cc {
namespace {

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

std::string_view severity_word(Severity s, Lang lang) {
  if (lang == Lang::En) return severity_name(s);
  switch (s) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Note: return "提示";
  }
  return "";
}

// `s` kept to one line: CR, LF, tab and the other control characters (a key may hold
// them, and ESC would drive the terminal) written as C escapes, so a finding is always
// exactly one "file:line:column: ..." line.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string spread(const BenchmarkSummary::Counts& counts) {
  std::string out;
  for (const auto& [k, n] : counts) {
    if (n == 0) continue;
    if (!out.empty()) out += " · ";
    out += k + " " + std::to_string(n);
  }
  return out.empty() ? "-" : out;
}

void render_summary(const BenchmarkSummary& s, Lang lang, std::ostream& out) {
  bool zh = lang == Lang::Zh;
  if (zh)
    out << "基准概况：" << s.cases << " 个病例，" << s.rubrics << " 份评分标准，" << s.criteria
        << " 条标准（其中关键标准 " << s.critical_criteria << " 条）\n";
  else
    out << "Benchmark: " << s.cases << " cases, " << s.rubrics << " rubrics, " << s.criteria << " criteria ("
        << s.critical_criteria << " critical)\n";
  auto row = [&](const char* en, const char* zh_label, const std::string& value) {
    std::string label = zh ? zh_label : en;
    int width = display_width(label);
    out << "  " << label << std::string(width < 14 ? static_cast<size_t>(14 - width) : 1, ' ') << value << '\n';
  };
  auto covered = [&](size_t n, int total) {
    return std::to_string(n) + (zh ? " / " : " of ") + std::to_string(total) + (zh ? "" : " covered");
  };
  row("specialties", "科室", covered(s.subject.size(), s.specialties_total));
  row("task types", "任务类型", covered(s.task.size(), s.tasks_total));
  row("status", "状态", spread(s.status));
  row("difficulty", "难度", spread(s.difficulty));
  row("care stage", "诊疗阶段", spread(s.care_stage));
  row("audience", "受众", spread(s.audience));
  row("rubric axes", "评分维度", spread(s.axis));
}

}  // namespace

void render_text(const RenderInput& in, std::ostream& out) {
  const char* bold = in.color ? "\x1b[1m" : "";
  const char* dim = in.color ? "\x1b[2m" : "";
  const char* reset = in.color ? "\x1b[0m" : "";
  for (const auto& d : in.diagnostics) {
    out << bold << one_line(d.file);
    if (d.line > 0) out << ':' << d.line << ':' << d.column;
    out << ':' << reset << ' ' << (in.color ? colour_of(d.severity) : "") << severity_word(d.severity, in.lang) << reset
        << ": " << one_line(d.message) << ' ' << dim << '[' << d.rule << ']' << reset << '\n';
    if (!d.fix.empty()) out << "    " << (in.lang == Lang::Zh ? "修复：" : "fix: ") << one_line(d.fix) << '\n';
  }
  DiagnosticCounts c = count_diagnostics(in.diagnostics);
  if (in.lang == Lang::Zh)
    out << "已检查 " << in.files_checked << " 个文件：" << c.errors << " 个错误，" << c.warnings << " 个警告";
  else
    out << in.files_checked << (in.files_checked == 1 ? " file" : " files") << " checked: " << c.errors
        << (c.errors == 1 ? " error, " : " errors, ") << c.warnings << (c.warnings == 1 ? " warning" : " warnings");
  if (c.notes > 0)
    out << (in.lang == Lang::Zh ? "，" : ", ") << c.notes
        << (in.lang == Lang::Zh ? " 个提示"
            : c.notes == 1      ? " note"
                                : " notes");
  out << '\n';
  if (in.summary) render_summary(*in.summary, in.lang, out);
}

}  // namespace cc
