#include "irt/irt_messages.h"

#include <array>

namespace cc::irt {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    Entry{"fit/few-respondents",
          "respondents (model × judge × repeat runs): {count}; with fewer than 30 the item estimates are weak and "
          "their standard errors large; add verdicts from more models, or repeated judge runs, before relying on them",
          "仅有 {count} 个作答者（模型 × 裁判 × 重复运行）：少于 30 个时题目参数估计不可靠、标准误很大；"
          "请先加入更多模型的判定结果或重复裁判运行，再据此使用"},
    Entry{"fit/not-converged", "EM stopped after {iterations} cycles without converging (last change {change}); raise --max-iter",
          "EM 迭代 {iterations} 次后仍未收敛（最后变化 {change}）；请增大 --max-iter"},
    Entry{"fit/summary",
          "{model} calibration of {items} items on {respondents} respondents: {iterations} EM cycles, log-likelihood {ll}",
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
    Entry{"select/no-range",
          "no respondents.csv beside the items: information is maximised over abilities -2 to 2",
          "题目文件旁没有 respondents.csv：按能力区间 -2 至 2 最大化信息量"},
    Entry{"estimate/unknown-items",
          "verdicts on criteria the items do not hold, left out: {count} (first: {first})",
          "{count} 条判定所对应的标准不在题库中（首个：{first}），已忽略"},
    Entry{"rank-corr/too-few", "models in both leaderboards: {count}; rank correlation needs at least 3",
          "两个排行榜共有的模型只有 {count} 个；秩相关至少需要 3 个"},
    Entry{"rank-corr/unmatched", "models in only one leaderboard, left out ({count}): {names}",
          "只出现在一个排行榜中的模型已忽略（{count} 个）：{names}"},
    Entry{"cat/stopped-se", "stopped: ability SE {se} reached the target {target}", "停止：能力标准误 {se} 已达到目标 {target}"},
    Entry{"cat/stopped-budget", "stopped: the budget of {budget} cases is used", "停止：已用完 {budget} 个病例的预算"},
    Entry{"cat/stopped-pool", "stopped: every case of the bank was asked", "停止：题库中的病例已全部使用"},
    Entry{"written", "wrote {path}", "已写出 {path}"},
};

}  // namespace

std::string irt_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::irt
