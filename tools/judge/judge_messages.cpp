#include "judge/judge_messages.h"

#include <array>

namespace cc::judge {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    // judge: options.
    Entry{"usage/no-judge", "name a judge endpoint with --judge", "请用 --judge 指定评审端点"},
    Entry{"usage/judges", "--judge may be given at most twice (a first and a second judge)",
          "--judge 最多给出两次（第一评审与第二评审）"},
    Entry{"usage/repeat", "--repeat must be at least 1", "--repeat 至少为 1"},
    Entry{"usage/sample", "--second-judge-sample must be a fraction in (0, 1]",
          "--second-judge-sample 必须是 (0, 1] 内的比例"},
    Entry{"usage/sample-one", "--second-judge-sample needs a second judge: give --judge twice",
          "--second-judge-sample 需要第二评审：请给出两次 --judge"},
    Entry{"usage/arbiter", "--arbiter needs two judges and judge.policy: escalate in clinconsensus.yaml",
          "--arbiter 需要两个评审，并在 clinconsensus.yaml 中设置 judge.policy: escalate"},
    Entry{"usage/batch-no-cache", "judge batch export needs the cache: leave out --no-cache",
          "judge batch export 需要缓存：请去掉 --no-cache"},
    Entry{"dry/arbiter", "arbiter {arbiter}: asked only where the judges differ, known once both have answered",
          "仲裁评审 {arbiter}：仅在两评审不一致时调用，须待两评审都作答后才能确定"},
    // judge: final verdicts.
    Entry{"final/summary", "{n} criteria without a final verdict: {why} (see final_missing.jsonl)",
          "{n} 条评分标准没有最终判定：{why}（见 final_missing.jsonl）"},
    Entry{"final/no-first", "the first judge gave no verdict", "第一评审未给出判定"},
    Entry{"final/no-second", "the second judge gave no verdict", "第二评审未给出判定"},
    Entry{"final/differ", "the judges differ (policy agreed-only)", "两评审不一致（策略 agreed-only）"},
    Entry{"final/review", "the judges differ; awaiting physician review (review export)",
          "两评审不一致，等待医师复核（review export）"},
    // review export / import.
    Entry{"csv/unclosed", "line {line}: a quoted field is never closed", "第 {line} 行：引号内的字段没有闭合"},
    Entry{"csv/after-quote", "line {line}: text after a closing quote; double a quote inside a quoted field (\"\")",
          "第 {line} 行：右引号之后还有文字；引号内的引号请写成两个（\"\"）"},
    Entry{"review/unknown-case", "{case} is not a case of this benchmark (was it retired?)",
          "{case} 不是本基准的病例（是否已退役？）"},
    Entry{"review/no-response", "no response of model {model} to {case}; pass the responses with --responses",
          "找不到模型 {model} 对 {case} 的回答；请用 --responses 指定回答文件"},
    Entry{"review/write", "cannot write {path}: {why}", "无法写入 {path}：{why}"},
    Entry{"review/exported", "{n} criteria to review (the judges differ or no final verdict) written to {path}",
          "已将 {n} 条待复核的评分标准（评审不一致或没有最终判定）写入 {path}"},
    Entry{"review/exported-all", "{n} judged criteria written to {path}", "已将 {n} 条已评审的评分标准写入 {path}"},
    Entry{"review/unreadable", "cannot read the review sheet {path}", "无法读取复核表 {path}"},
    Entry{"review/not-utf8", "{path} is not UTF-8; save it as \"CSV UTF-8\" and import it again",
          "{path} 不是 UTF-8 编码；请另存为“CSV UTF-8”后重新导入"},
    Entry{"review/empty", "{path} holds no rows", "{path} 没有任何行"},
    Entry{"review/no-column", "{path} has no column {column}; import a sheet made by review export",
          "{path} 缺少 {column} 列；请导入由 review export 生成的复核表"},
    Entry{"review/edited-key",
          "model, case_id or criterion_id was edited (row_key no longer matches); restore them from the exported sheet",
          "model、case_id 或 criterion_id 被改动（与 row_key 不符）；请按导出的复核表恢复"},
    Entry{"review/unknown-id", "{case} / {criterion} is not a criterion of this benchmark",
          "{case} / {criterion} 不是本基准的评分标准"},
    Entry{"review/duplicate", "the same criterion as line {first}; keep one row",
          "与第 {first} 行是同一条评分标准；请只保留一行"},
    Entry{"review/bad-label", "physician_label \"{value}\" is not 是/否, true/false or 1/0",
          "physician_label “{value}” 不是 是/否、true/false 或 1/0"},
    Entry{"review/refused",
          "{n} problems in {path}; nothing was imported:", "{path} 中有 {n} 处问题，未导入任何标注："},
    Entry{"review/imported", "{n} physician labels imported into {path} ({unlabelled} rows left unlabelled)",
          "已将 {n} 条医师标注导入 {path}（{unlabelled} 行未标注）"},
    // judge batch export / import.
    Entry{"batch/exported",
          "{n} requests not in the cache written to {files} files in {dir}; submit them to the Batch API, then judge "
          "batch import the output",
          "已将缓存中没有的 {n} 个请求写入 {dir} 下的 {files} 个文件；提交给 Batch API 后，用 judge batch import "
          "导入结果"},
    Entry{"batch/nothing", "every call is in the cache: nothing to export", "所有调用都已在缓存中，无需导出"},
    Entry{"batch/unreadable", "cannot read the batch file {path}", "无法读取批处理文件 {path}"},
    Entry{"batch/not-json", "not a JSON object; is this a Batch API output file?",
          "不是 JSON 对象；这是 Batch API 的输出文件吗？"},
    Entry{"batch/custom-id", "custom_id is not a request of judge batch export (64 hex digits)",
          "custom_id 不是 judge batch export 导出的请求（应为 64 位十六进制）"},
    Entry{"batch/no-response", "neither a response nor an error", "既没有 response 也没有 error"},
    Entry{"batch/imported", "{n} answers stored in the cache; run the same judge command to finish from it",
          "已将 {n} 个回答存入缓存；再次运行同一 judge 命令即可从缓存完成"},
    Entry{"batch/failed", "{n} requests failed in the batch: their items stay missing until judged again",
          "批处理中有 {n} 个请求失败：相应条目在重新评审前仍为缺失"},
    // judge export-sft.
    Entry{"sft/fraction", "--dev-fraction must be at least 0 and below 1", "--dev-fraction 必须不小于 0 且小于 1"},
    Entry{"sft/no-teacher", "no verdicts from teacher {teacher} in the run; it holds: {judges}",
          "该次评审中没有教师评审 {teacher} 的判定；其中有：{judges}"},
    Entry{"sft/empty", "the teacher {teacher} answered nothing that can be exported",
          "教师评审 {teacher} 没有可导出的回答"},
    Entry{"sft/written",
          "{train} training and {dev} dev rows written ({overridden} teacher verdicts overridden by physicians)",
          "已写出 {train} 条训练数据和 {dev} 条验证数据（{overridden} 条教师判定被医师标注更正）"},
};

}  // namespace

std::string judge_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::judge
