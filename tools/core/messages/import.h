#pragma once
// Import findings: JSONL rows that import cannot turn into a case (import/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kImport = {
    Entry{"import/not-object", "not a JSON object", "不是 JSON 对象"},
    Entry{"import/field", "field {field} is missing or not a {type}", "字段 {field} 缺失或不是{type}"},
    Entry{"import/json", "not valid JSON (or not UTF-8)", "不是有效的 JSON（或不是 UTF-8）"},
    Entry{"import/duplicate", "the same case_id was already imported from line {line}",
          "同一 case_id 已在第 {line} 行导入"},
    Entry{"import/orphan",
          "{path} is there without {missing}, and it is not what this row gives it, so it is not an interrupted "
          "import of this row; remove {path} and import again, or write {missing} by hand",
          "{path} 已存在但缺少 {missing}，且其内容与本行不同，并非本行被中断的导入；请删除 {path} "
          "后重新导入，或手工补写 {missing}"},
    Entry{"import/exists", "this case is already in the benchmark ({path}); remove it first to re-import",
          "该病例已在评测集中（{path}）；如需重新导入请先删除"},
    Entry{"import/bad-id", "case_id cannot be a file name", "case_id 不能用作文件名"},
    Entry{"import/subject", "unknown subject '{subject}' (did you mean {suggestion}?); the file cannot be placed",
          "未知科室“{subject}”（是否为 {suggestion}？）；无法确定文件位置"},
    Entry{"import/unrepresentable", "a value cannot be written as YAML and read back unchanged",
          "某个值无法写成 YAML 后原样读回"},
};

}  // namespace cc::messages
