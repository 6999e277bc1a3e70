#include "core/scaffold.h"

#include <cstdio>

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

std::string scaffold_case(const Config& config, const Taxonomy& tax, const ScaffoldRequest& req) {
  std::string stage = req.care_stage.empty() ? tax.care_stages.file_name_of(tax.care_stages.labels.front()) : req.care_stage;
  std::string role = req.user_role.empty() ? (req.audience == "professional" ? "规培医师" : "患者本人") : req.user_role;
  std::string s;
  s += "# yaml-language-server: $schema=../../" + config.schema_dir + "/case.schema.json\n";
  s += "# 病例文件：模型被问到的内容。填写后运行 clinconsensus validate 检查。\n";
  s += "# Case file: what the model is asked. Run `clinconsensus validate` after editing.\n\n";
  s += "# 病例编号，与文件名一致，创建后永不更改。Case id, equal to the file name; never changes.\n";
  s += "case_id: " + req.case_id + "\n";
  s += "# 流程状态：draft 草稿 → review 审核中 → approved 已批准（只有已批准的病例会发布）→ retired 已退役。\n";
  s += "status: draft\n";
  s += "# 难度：low 低、medium 中、high 高。公开发布版为低难度层。\n";
  s += "difficulty: " + req.difficulty + "\n";
  s += "# 主科室（中文名称，见 " + config.taxonomy_path + "）。文件须放在该科室的文件夹中。\n";
  s += "subject: " + req.subject->zh + "\n";
  s += "# 涉及的全部科室，须包含主科室；可加入 0–2 个相关科室。\n";
  s += "subject_labels:\n  - " + req.subject->zh + "\n";
  s += "# 主任务类型：" + label_list(tax.tasks) + "。\n";
  s += "task: " + req.task->zh + "\n";
  s += "# 考察的全部任务类型，须包含主任务类型。\n";
  s += "task_labels:\n  - " + req.task->zh + "\n";
  s += "# 诊疗阶段：" + label_list(tax.care_stages) + "。\n";
  s += "care_stage: " + stage + "\n";
  s += "# 提问者身份（自由文本），如 患者本人、患者家属、规培医师、社区全科医生、临床药师。\n";
  s += "user_role: " + role + "\n";
  s += "# 受众：lay（患者、家属、公众）或 professional（医生、护士、药师、医学生等），须与提问者身份一致。\n";
  s += "audience: " + req.audience + "\n";
  s += "# 临床背景：病史、体征、检查结果（带单位）、用药。不得包含姓名、身份证号、电话、病案号等个人信息。\n";
  s += "clinical_context: |\n  （请填写临床背景，例如：患者男，58岁，……）\n";
  s += "# 提问：以提问者的口吻写出问题或指令。\n";
  s += "user_request: |\n  （请填写提问内容）\n";
  s += "# 作者（内部信息，不会导出）。\n";
  s += "authors:\n  - （请填写作者）\n";
  s += "# 来源（内部信息，不会导出）：original 原创、adapted 改编、synthetic 合成。\n";
  s += "provenance:\n  source: original\n";
  return s;
}

std::string scaffold_rubric(const Config& config, const Taxonomy& tax, const ScaffoldRequest& req) {
  std::string s;
  s += "# yaml-language-server: $schema=../../" + config.schema_dir + "/rubric.schema.json\n";
  s += "# 评分标准文件：判断回答好坏的 " + std::to_string(config.criteria_per_case) + " 条二元标准，及其审核记录。\n";
  s += "# Rubric file: the " + std::to_string(config.criteria_per_case) +
       " binary criteria an answer is graded against, and their review record.\n\n";
  s += "case_id: " + req.case_id + "\n";
  s += "# 每条标准是一个可判断“满足/不满足”的陈述，写明具体药物、剂量、阈值或表现。\n";
  s += "#   criterion_id: 永久不变的编号（病例编号-R序号）；措辞修改而含义不变时递增 revision。\n";
  s += "#   axis: 评分维度，" + label_list(tax.axes) + "；每个病例至少覆盖 " +
       std::to_string(config.min_axes_per_case) + " 个维度，且至少有 " +
       std::to_string(config.min_safety_criteria_per_case) + " 条安全性标准。\n";
  s += "#   critical: 遗漏会危及患者安全时写 true。\n";
  s += "criteria:\n";
  for (int i = 1; i <= config.criteria_per_case; ++i) {
    char num[16];
    std::snprintf(num, sizeof num, "%02d", i);
    std::string axis = tax.axes.file_name_of(tax.axes.labels[static_cast<size_t>(i - 1) % tax.axes.labels.size()]);
    s += "  - criterion_id: " + req.case_id + "-R" + num + "\n";
    s += "    criterion: （请填写第 " + std::to_string(i) + " 条标准）\n";
    s += "    axis: " + axis + "\n";
    s += "    critical: false\n";
  }
  s += "# 审核记录（内部信息，不会导出）：审核医师、轮次、一致率（0–1）。\n";
  s += "review:\n  reviewers: []\n  rounds: 0\n";
  return s;
}

}  // namespace cc
