#pragma once
// Scoring findings: case rows and verdicts that score cannot use (cases/, verdict/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kScoring = {
    Entry{"cases/parse", "not a readable case row: {detail}", "无法读取的病例行：{detail}"},
    Entry{"cases/field", "the case row has no {field}; every row needs case_id and rubrics",
          "病例行缺少 {field}；每一行都需要 case_id 和 rubrics"},
    Entry{"cases/duplicate", "case {case} appears again (first at line {line}); keep one row per case",
          "病例 {case} 重复出现（首次在第 {line} 行）；每个病例只保留一行"},
    Entry{"cases/duplicate-criterion", "criterion {criterion} appears twice in case {case}; ids must be unique",
          "病例 {case} 中标准 {criterion} 出现两次；标准编号必须唯一"},
    Entry{"cases/no-criteria", "case {case} has no criteria, so it cannot be scored",
          "病例 {case} 没有评分标准，无法评分"},
    Entry{"cases/too-many-criteria", "case {case} has {count} criteria, more than the scorer's limit of {limit}",
          "病例 {case} 有 {count} 条标准，超过评分程序的上限 {limit}"},
    Entry{"cases/missing-rubric", "case {case} has no rubric file, so it cannot be scored",
          "病例 {case} 没有评分标准文件，无法评分"},
    Entry{"cases/empty", "no cases to score in {path}", "{path} 中没有可评分的病例"},
    Entry{"verdict/parse", "{detail}", "{detail}"},
    Entry{"verdict/json", "malformed JSON: {detail}", "JSON 格式错误：{detail}"},
    Entry{"verdict/not-object", "expected one JSON object per line", "每一行应为一个 JSON 对象"},
    Entry{"verdict/not-rows", "expected a JSON list of rows, one per case (the public evaluator's layout)",
          "应为 JSON 列表，每个病例一行（公开评测程序的格式）"},
    Entry{"verdict/row-not-object", "a row of the list is not a JSON object", "列表中的一行不是 JSON 对象"},
    Entry{"verdict/field", "missing field {field}", "缺少字段 {field}"},
    Entry{"verdict/field-type", "field {field} must be {type}", "字段 {field} 应为{type}"},
    Entry{"verdict/several-lists", "the row has more than one list of criteria ({keys}); keep one",
          "该行包含多个评分结果列表（{keys}）；只保留一个"},
    Entry{"verdict/item-not-object", "criterion result {position} is not a JSON object",
          "第 {position} 条评分结果不是 JSON 对象"},
    Entry{"verdict/trailing", "more than one JSON value on the line", "一行中有多个 JSON 值"},
    Entry{"verdict/value",
          "criteria_met is {value}; write true or false (the strings true, 1, yes, met and false, 0, no, "
          "not met are read too)",
          "criteria_met 的值为 {value}；请写 true 或 false（也接受字符串 true、1、yes、met 与 false、0、no、not met）"},
    Entry{"verdict/not-boolean",
          "criteria_met is {value}; a verdict line of our JSONL takes only the JSON booleans true or false "
          "(schema/verdict.schema.json): write true or false, without quotes",
          "criteria_met 的值为 {value}；本工具的 JSONL 评分行只接受 JSON 布尔值 true 或 false"
          "（见 schema/verdict.schema.json）：请写不带引号的 true 或 false"},
    Entry{"verdict/coerced",
          "{count} criteria_met values in this file are not JSON booleans (first here: {value}); they are read as "
          "the public evaluator reads them (\"true\", \" TRUE \", \"yes\", 1 as met); write true or false",
          "该文件中有 {count} 个 criteria_met 值不是 JSON 布尔值（首个在此处：{value}）；已按公开评测程序的方式读取"
          "（\"true\"、\" TRUE \"、\"yes\"、1 计为满足）；请写 true 或 false"},
    Entry{"verdict/unknown-case", "unknown case id {case}: it is not among the cases being scored",
          "未知病例编号 {case}：不在本次评分的病例中"},
    Entry{"verdict/unknown-criterion", "unknown criterion id {criterion}: case {case} has no such criterion",
          "未知标准编号 {criterion}：病例 {case} 中没有该标准"},
    Entry{"verdict/position", "criterion result {position} of case {case}, which has only {count} criteria",
          "病例 {case} 只有 {count} 条标准，却给出了第 {position} 条评分结果"},
    Entry{"verdict/duplicate", "a second verdict of {who} on {criterion} (first at {where}); keep one",
          "{who} 对 {criterion} 的评分重复（首次在 {where}）；只保留一条"},
    Entry{"verdict/conflict", "conflicting verdicts of {who} on {criterion}: {first} at {where}, {second} here",
          "{who} 对 {criterion} 的评分相互矛盾：{where} 为 {first}，此处为 {second}"},
    Entry{"verdict/empty", "no verdicts in this file", "该文件中没有评分结果"},
    Entry{"verdict/nothing",
          "no verdicts in this file, and none in any other input: nothing to score; point --verdicts at the judge's "
          "output (verdict JSONL or <model>_judge.json)",
          "该文件中没有评分结果，其他输入中也没有：无可评分内容；请让 --verdicts 指向评审输出"
          "（评分 JSONL 或 <model>_judge.json）"},
    Entry{"verdict/more", "{count} more {rule} findings in this input are not listed",
          "该输入中还有 {count} 条 {rule} 问题未列出"},
    Entry{"verdict/missing-case", "model {model} has no verdicts for case {case} ({count} criteria)",
          "模型 {model} 缺少病例 {case} 的全部评分（{count} 条标准）"},
    Entry{"verdict/missing-criteria", "model {model} has no verdict for {criteria} of case {case}",
          "模型 {model} 缺少病例 {case} 中 {criteria} 的评分"},
    Entry{"verdict/missing-total",
          "model {model}: {count} of {total} verdicts missing, in {cases} cases; score only complete input, or pass "
          "--allow-missing to count them as not met",
          "模型 {model}：{total} 条评分中缺少 {count} 条，涉及 {cases} 个病例；请补全评分，或使用 --allow-missing "
          "将缺失项计为未满足"},
    Entry{"verdict/missing-allowed",
          "model {model}: {count} of {total} verdicts missing, in {cases} cases, scored as not met (--allow-missing)",
          "模型 {model}：{total} 条评分中缺少 {count} 条，涉及 {cases} 个病例，已按未满足计分（--allow-missing）"},
    Entry{"verdict/model-absent", "model {model} has no verdicts from judge {judge}",
          "模型 {model} 没有评审 {judge} 的评分"},
};

}  // namespace cc::messages
