#include "irt/irt_messages.h"

#include <array>

namespace cc::irt {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    // Usage errors the CLI11 checks cannot express.
    Entry{"usage/budget", "--budget must be at least 1", "--budget 至少为 1"},
    Entry{"usage/target-se", "--target-se must be above 0", "--target-se 必须大于 0"},
    Entry{"usage/quadrature", "--quadrature must be between 5 and 201 points", "--quadrature 必须在 5 到 201 个点之间"},
    Entry{"usage/ci", "--ci must be between 0 and 100 (exclusive)", "--ci 必须大于 0 且小于 100"},
    Entry{"usage/out-dir", "--out DIR is required", "需要用 --out DIR 指定输出文件夹"},
    Entry{"usage/count", "--count N must be at least 1", "--count N 至少为 1"},
    Entry{"fit/few-respondents",
          "respondents (model × judge × repeat runs): {count}; with fewer than 30 the item estimates are weak and "
          "their standard errors large; add verdicts from more models, or repeated judge runs, before relying on them",
          "仅有 {count} 个作答者（模型 × 裁判 × 重复运行）：少于 30 个时题目参数估计不可靠、标准误很大；"
          "请先加入更多模型的判定结果或重复裁判运行，再据此使用"},
    Entry{"fit/not-converged",
          "EM stopped after {iterations} cycles without converging (last change {change}); raise --max-iter",
          "EM 迭代 {iterations} 次后仍未收敛（最后变化 {change}）；请增大 --max-iter"},
    Entry{"fit/summary",
          "{model} calibration of {items} items on {respondents} respondents: {iterations} EM cycles, log-likelihood "
          "{ll}",
          "{model} 校准：{items} 个题目、{respondents} 个作答者，EM 迭代 {iterations} 次，对数似然 {ll}"},
    Entry{"verdicts/refused", "the verdicts have errors (listed above); nothing written",
          "判定结果有错误（见上文），未写出任何结果"},
    Entry{"verdicts/none", "no verdicts found in the inputs", "输入中没有任何判定结果"},
    Entry{"select/summary",
          "chose {count} of {pool} cases: test information {info} over abilities {lo} to {hi} ({share}% of the whole "
          "bank's)",
          "从 {pool} 个病例中选出 {count} 个：能力区间 {lo} 至 {hi} 上的测验信息量 {info}（占全部题库的 {share}%）"},
    Entry{"select/too-few", "--count {count} is more than the {pool} cases the items cover",
          "--count {count} 超过了题目所覆盖的 {pool} 个病例"},
    Entry{"select/no-range", "no respondents.csv beside the items: information is maximised over abilities -2 to 2",
          "题目文件旁没有 respondents.csv：按能力区间 -2 至 2 最大化信息量"},
    Entry{"estimate/unknown-items", "verdicts on criteria the items do not hold, left out: {count} (first: {first})",
          "{count} 条判定所对应的标准不在题库中（首个：{first}），已忽略"},
    Entry{"rank-corr/too-few", "models in both leaderboards: {count}; rank correlation needs at least 3",
          "两个排行榜共有的模型只有 {count} 个；秩相关至少需要 3 个"},
    Entry{"rank-corr/unmatched", "models in only one leaderboard, left out ({count}): {names}",
          "只出现在一个排行榜中的模型已忽略（{count} 个）：{names}"},
    Entry{"cat/stopped-se", "stopped: ability SE {se} reached the target {target}",
          "停止：能力标准误 {se} 已达到目标 {target}"},
    Entry{"cat/stopped-budget", "stopped: the budget of {budget} cases is used", "停止：已用完 {budget} 个病例的预算"},
    Entry{"cat/stopped-pool", "stopped: every case of the bank was asked", "停止：题库中的病例已全部使用"},
    Entry{"written", "wrote {path}", "已写出 {path}"},
    // Input files.
    Entry{"csv/fields", "{count} fields where the header has {header}; give every row the header's columns",
          "本行有 {count} 个字段，表头有 {header} 个；每一行应与表头的列一致"},
    Entry{"csv/empty", "the file is empty; expected a CSV header row", "文件为空；应有 CSV 表头行"},
    Entry{"csv/unreadable", "cannot read: {why}", "无法读取：{why}"},
    Entry{"items/columns", "items.csv needs the columns item, discrimination and difficulty (as irt fit writes them)",
          "items.csv 需要 item、discrimination 和 difficulty 列（与 irt fit 写出的一致）"},
    Entry{"items/number", "{column} '{value}' is not a number", "{column} 的值“{value}”不是数字"},
    Entry{"items/slope", "discrimination must be above 0", "discrimination 必须大于 0"},
    Entry{"items/guessing", "guessing must be in [0, 1)", "guessing 必须在 [0, 1) 之间"},
    Entry{"items/trials", "trials must be a whole number from 1 to 255", "trials 必须是 1 到 255 之间的整数"},
    Entry{"items/none", "no items; calibrate with irt fit first", "没有题目；请先运行 irt fit 校准"},
    Entry{"board/columns", "a leaderboard needs a model column and a score column", "排行榜需要模型列和分数列"},
    Entry{"board/metric", "no column '{metric}'; choose one of the header's columns with --metric",
          "没有“{metric}”列；请用 --metric 选择表头中的一列"},
    Entry{"board/twice", "model '{model}' appears twice; keep one row per model",
          "模型“{model}”出现两次；每个模型只保留一行"},
    Entry{"board/number", "'{value}' in column {column} is not a number", "{column} 列的值“{value}”不是数字"},
    Entry{"fit/respondents", "IRT needs verdicts from at least 2 respondents; found {count}",
          "IRT 至少需要 2 个作答者的判定结果；只找到 {count} 个"},
    Entry{"fit/no-items", "no item has a single judged verdict", "没有任何题目有判定结果"},
    Entry{"fit/case-too-large", "case {case} has {count} criteria; a case item holds at most 255: use --unit criterion",
          "病例 {case} 有 {count} 条标准，病例题目最多 255 条：请使用 --unit criterion"},
    Entry{"cat/verdict-row", "not a verdict row", "不是判定结果行"},
};

}  // namespace

std::string irt_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::irt
