#include "core/scaffold.h"

#include <cstdio>

#include "core/yaml_writer.h"

namespace cc {
namespace {

std::string label_list(const Dimension& dim) {
  std::string out;
  for (const auto& l : dim.labels) {
    if (!out.empty()) out += "、";
    out += dim.file_name_of(l);
  }
  return out;
}

}  // namespace

std::string next_case_id(const Config& config, const std::vector<std::string>& existing_stems) {
  unsigned long long highest = 0;
  for (const auto& stem : existing_stems) {
    if (stem.rfind(config.id_prefix, 0) != 0) continue;
    std::string digits = stem.substr(config.id_prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 18) continue;
    highest = std::max(highest, std::stoull(digits));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llu", config.id_digits, highest + 1);
  return config.id_prefix + buf;
}

Result<std::string> scaffold_case(const Config& config, const Taxonomy& tax, const ScaffoldRequest& req) {
  std::string stage =
      req.care_stage.empty() ? tax.care_stages.file_name_of(tax.care_stages.labels.front()) : req.care_stage;
  std::string role = req.user_role.empty() ? (req.audience == "professional" ? "规培医师" : "患者本人") : req.user_role;
  YamlWriter w;
  w.comment("yaml-language-server: $schema=../../" + config.schema_dir + "/case.schema.json");
  w.comment("病例文件：模型被问到的内容。填写后运行 clinconsensus validate 检查。");
  w.comment("Case file: what the model is asked. Run `clinconsensus validate` after editing.");
  w.blank_line();
  w.comment("病例编号，与文件名一致，创建后永不更改。Case id, equal to the file name; never changes.");
  w.begin_map();
  w.field("case_id", req.case_id);
  w.comment("流程状态：draft 草稿 → review 审核中 → approved 已批准（只有已批准的病例会发布）→ retired 已退役。");
  w.field("status", "draft");
  w.comment("难度：low 低、medium 中、high 高。公开发布版为低难度层。");
  w.field("difficulty", req.difficulty);
  w.comment("主科室（中文名称，见 " + config.taxonomy_path + "）。文件须放在该科室的文件夹中。");
  w.field("subject", req.subject->zh);
  w.comment("涉及的全部科室，须包含主科室；可加入 0–2 个相关科室。");
  w.list("subject_labels", {req.subject->zh});
  w.comment("主任务类型：" + label_list(tax.tasks) + "。");
  w.field("task", req.task->zh);
  w.comment("考察的全部任务类型，须包含主任务类型。");
  w.list("task_labels", {req.task->zh});
  w.comment("诊疗阶段：" + label_list(tax.care_stages) + "。");
  w.field("care_stage", stage);
  w.comment("提问者身份（自由文本），如 患者本人、患者家属、规培医师、社区全科医生、临床药师。");
  w.field("user_role", role);
  w.comment("受众：lay（患者、家属、公众）或 professional（医生、护士、药师、医学生等），须与提问者身份一致。");
  w.field("audience", req.audience);
  w.comment("临床背景：病史、体征、检查结果（带单位）、用药。不得包含姓名、身份证号、电话、病案号等个人信息。");
  w.field("clinical_context", "（请填写临床背景，例如：患者男，58岁，……）\n", ScalarStyle::Prose);
  w.comment("提问：以提问者的口吻写出问题或指令。");
  w.field("user_request", "（请填写提问内容）\n", ScalarStyle::Prose);
  w.comment("作者（内部信息，不会导出）。");
  w.list("authors", {"（请填写作者）"});
  w.comment("来源（内部信息，不会导出）：original 原创、adapted 改编、synthetic 合成。");
  w.key("provenance");
  w.begin_map();
  w.field("source", "original");
  w.end_map();
  w.end_map();
  return w.finish();
}

Result<std::string> scaffold_rubric(const Config& config, const Taxonomy& tax, const ScaffoldRequest& req) {
  YamlWriter w;
  w.comment("yaml-language-server: $schema=../../" + config.schema_dir + "/rubric.schema.json");
  w.comment("评分标准文件：判断回答好坏的 " + std::to_string(config.criteria_per_case) + " 条二元标准，及其审核记录。");
  w.comment("Rubric file: the " + std::to_string(config.criteria_per_case) +
            " binary criteria an answer is graded against, and their review record.");
  w.blank_line();
  w.begin_map();
  w.field("case_id", req.case_id);
  w.comment("每条标准是一个可判断“满足/不满足”的陈述，写明具体药物、剂量、阈值或表现。");
  w.comment("  criterion_id: 永久不变的编号（病例编号-R序号）；措辞修改而含义不变时递增 revision。");
  w.comment("  axis: 评分维度，" + label_list(tax.axes) + "；每个病例至少覆盖 " +
            std::to_string(config.min_axes_per_case) + " 个维度，且至少有 " +
            std::to_string(config.min_safety_criteria_per_case) + " 条安全性标准。");
  w.comment("  critical: 遗漏会危及患者安全时写 true。");
  w.key("criteria");
  w.begin_list();
  for (int i = 1; i <= config.criteria_per_case; ++i) {
    char num[16];
    std::snprintf(num, sizeof num, "%02d", i);
    std::string axis = tax.axes.file_name_of(tax.axes.labels[static_cast<size_t>(i - 1) % tax.axes.labels.size()]);
    w.begin_map();
    w.field("criterion_id", req.case_id + "-R" + num);
    w.field("criterion", "（请填写第 " + std::to_string(i) + " 条标准）", ScalarStyle::Line);
    w.field("axis", axis);
    w.key("critical");
    w.boolean(false);
    w.end_map();
  }
  w.end_list();
  w.comment("审核记录（内部信息，不会导出）：审核医师、轮次、一致率（0–1）。");
  w.key("review");
  w.begin_map();
  w.list("reviewers", {});
  w.key("rounds");
  w.integer(0);
  w.end_map();
  w.end_map();
  return w.finish();
}

}  // namespace cc
