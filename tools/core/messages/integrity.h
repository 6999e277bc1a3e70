#pragma once
// Integrity findings: ids, file places, pairs of case and rubric, labels (integrity/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kIntegrity = {
    Entry{"integrity/case-id-filename",
          "case_id '{id}' does not match the file name '{stem}'; rename the file or fix the id",
          "case_id“{id}”与文件名“{stem}”不一致；请重命名文件或修改编号"},
    Entry{"integrity/case-id-format",
          "case_id '{id}' should be {prefix} followed by {digits} or more digits, e.g. {example}",
          "case_id“{id}”应为 {prefix} 加至少 {digits} 位数字，例如 {example}"},
    Entry{"integrity/file-location", "this file is not in a specialty folder; put it under {dir}/<specialty code>/",
          "该文件不在科室文件夹中；请放到 {dir}/<科室代码>/ 下"},
    Entry{"integrity/not-benchmark-file",
          "'{path}' is neither under {cases}/ nor {rubrics}/; it is not a case or rubric",
          "“{path}”既不在 {cases}/ 也不在 {rubrics}/ 下，不是病例或评分标准文件"},
    Entry{"integrity/subject-folder",
          "the case is in folder '{folder}' but its subject {subject} belongs in '{expected}'; move it to {path}",
          "病例位于文件夹“{folder}”，但主科室“{subject}”对应“{expected}”；请移动到 {path}"},
    Entry{"integrity/rubric-folder",
          "the rubric is in folder '{folder}' but its case is in '{expected}'; move it to {path}",
          "评分标准位于文件夹“{folder}”，但对应病例位于“{expected}”；请移动到 {path}"},
    Entry{"integrity/missing-rubric", "case {id} has no rubric; create {path} (`clinconsensus new` writes both)",
          "病例 {id} 没有评分标准；请创建 {path}（clinconsensus new 会同时生成两个文件）"},
    Entry{"integrity/orphan-rubric", "rubric {id} has no case; create {path} or delete this rubric",
          "评分标准 {id} 没有对应病例；请创建 {path} 或删除该评分标准"},
    Entry{"integrity/duplicate-case-id", "case id {id} is also used by {other}; give every case its own id",
          "病例编号 {id} 同时被 {other} 使用；每个病例须有唯一编号"},
    Entry{"integrity/criteria-count", "the rubric has {n} criteria; exactly {expected} are required ({action})",
          "评分标准共有 {n} 条；要求恰好 {expected} 条（{action}）"},
    Entry{"integrity/criteria-count.add", "add {n}", "请补充 {n} 条"},
    Entry{"integrity/criteria-count.remove", "remove {n}", "请删除 {n} 条"},
    Entry{"integrity/duplicate-criterion-id",
          "criterion_id {cid} is used twice (first at line {line}); give each criterion its own id",
          "criterion_id {cid} 重复（首次出现在第 {line} 行）；每条标准须有唯一编号"},
    Entry{"integrity/criterion-id-prefix", "criterion_id {cid} must start with the case id, e.g. {expected}",
          "criterion_id {cid} 必须以病例编号开头，例如 {expected}"},
    Entry{"integrity/unknown-label", "'{value}' is not a known {dimension} (see {taxonomy}){suggestion}",
          "“{value}”不是已知的{dimension}（参见 {taxonomy}）{suggestion}"},
    Entry{"integrity/primary-not-in-labels", "the primary {dimension} '{value}' is missing from {list}; add it there",
          "主{dimension}“{value}”未列入 {list}；请加入"},
    Entry{"integrity/audience-role",
          "audience is '{audience}' but user_role '{role}' reads as {expected}; set audience: {expected} or reword the "
          "role",
          "audience 为“{audience}”，但 user_role“{role}”属于 {expected}；请改为 audience: {expected} 或修改提问者身份"},
    Entry{"integrity/min-axes",
          "the rubric uses {n, plural, one {# axis} other {# axes}}; use at least {min} (e.g. 准确性, 完整性, 安全性)",
          "评分标准只涉及 {n} 个维度；至少需要 {min} 个（如准确性、完整性、安全性）"},
    Entry{"integrity/safety-criterion", "the rubric has {n} 安全性 (safety) criteria; at least {min} expected",
          "评分标准只有 {n} 条安全性标准；至少需要 {min} 条"},
    Entry{"integrity/case-mismatch", "the rubric's case_id '{id}' is not the case of this file name '{stem}'",
          "评分标准的 case_id“{id}”与文件名“{stem}”不一致"},
    Entry{"integrity/duplicate-case-text",
          "clinical_context and user_request are the same as in {other} (case {other_id}) after normalisation; rewrite "
          "or retire one of the two cases",
          "规范化后 clinical_context 与 user_request 与 {other}（病例 "
          "{other_id}）完全相同；请改写其中一个病例或将其退役"},
};

}  // namespace cc::messages
