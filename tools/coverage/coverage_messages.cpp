#include "coverage/coverage_messages.h"

#include <array>

#include "core/messages/check.h"

namespace cc::coverage {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    // Files that could not be loaded.
    Entry{
        "load/incomplete",
        "{count} files could not be read and are left out of these figures; run `clinconsensus validate` and fix them",
        "有 {count} 个文件无法读取，未计入以上结果；请运行 clinconsensus validate 并修复"},
    Entry{
        "load/refused",
        "{count} files could not be read; a selection without them would silently drop cases. Run `clinconsensus "
        "validate`, fix them, and select again",
        "有 {count} 个文件无法读取；在缺少它们的情况下抽样会悄悄遗漏病例。请运行 clinconsensus validate 修复后再抽样"},
    // coverage: headings.
    Entry{"head/summary", "{cases} cases (target {target}), {criteria} criteria",
          "共 {cases} 个病例（目标 {target}），{criteria} 条评分标准"},
    Entry{"head/matrix-primary", "Specialty × task, by primary labels (* below the per-cell minimum of {min})",
          "科室 × 任务类型（按主标签；* 表示低于每格最少 {min} 例）"},
    Entry{"head/matrix-all", "Specialty × task, by all labels (a case counts in every pair of its labels)",
          "科室 × 任务类型（按全部标签；一个病例计入其每一对标签）"},
    Entry{"head/tasks", "Tasks", "任务类型"},
    Entry{"head/total", "total", "合计"},
    Entry{"head/marginals", "Marginals (share; target ± tolerance where set)",
          "边际分布（占比；如有目标则列出目标 ± 容差）"},
    Entry{"head/balance", "Balance", "均衡度"},
    Entry{"head/balance-line",
          "{what}: normalised entropy {entropy}, Gini {gini}, chi-square distance to even spread {chi}",
          "{what}：归一化熵 {entropy}，基尼系数 {gini}，与均匀分布的卡方距离 {chi}"},
    Entry{"head/per-case",
          "{below_axes} cases use fewer than {axes} axes; {below_safety} have fewer than {safety} safety criteria; "
          "{no_rubric} have no rubric",
          "{below_axes} 个病例少于 {axes} 个评分维度；{below_safety} 个病例安全性标准少于 {safety} 条；{no_rubric} "
          "个病例没有评分标准"},
    Entry{"head/misses", "Targets missed: {n}", "未达标项：{n}"},
    Entry{"head/misses-none", "Every target is met.", "所有目标均已达到。"},
    Entry{"head/more", "… and {n} more (see --format csv or json)", "……另有 {n} 项（见 --format csv 或 json）"},
    Entry{"head/suggest", "The {n} cases most worth writing next", "最值得优先编写的 {n} 个病例"},
    Entry{"word/specialties", "specialties", "科室"},
    Entry{"word/cells", "cells", "单元格"},
    Entry{"dim/difficulty", "difficulty", "难度"},
    Entry{"dim/care_stage", "care stage", "诊疗阶段"},
    Entry{"dim/audience", "audience", "受众"},
    Entry{"dim/status", "status", "状态"},
    Entry{"dim/subject", "specialty", "科室"},
    Entry{"dim/task", "task", "任务类型"},
    Entry{"dim/axis", "rubric axis (criteria)", "评分维度（标准条数）"},
    Entry{"dim/critical", "critical criteria", "关键标准"},
    // coverage --format html: headings, legends and table columns.
    Entry{"report/title", "Coverage", "覆盖度"},
    Entry{"html/matrix", "Specialty × task, by primary labels", "科室 × 任务类型（按主标签）"},
    Entry{"html/matrix-note",
          "Each cell counts the cases whose primary specialty and task it is; hatched, outlined cells are below the "
          "per-cell minimum of {min}. Σ beside a specialty is its total (target {spec_min}–{spec_max}).",
          "每格为主科室与主任务类型均为该格的病例数；带斜线和虚线框的格低于每格最少 {min} 例。科室旁的 Σ "
          "为该科室合计（目标 {spec_min}–{spec_max}）。"},
    Entry{"html/marginals", "Marginals", "边际分布"},
    Entry{"html/below-cell-min", "below the per-cell minimum of {min}", "低于每格最少 {min} 例"},
    Entry{"html/cases", "cases", "病例数"},
    Entry{"html/cell-title", "{specialty} × {task}: {count} cases (minimum {min})",
          "{specialty} × {task}：{count} 例（最少 {min} 例）"},
    Entry{"html/marginals-note",
          "The share of cases with each label (rubric axes: of criteria). The black tick is the target share, the grey "
          "band its tolerance; hatched bars are outside it.",
          "各标签的病例占比（评分维度按标准条数计）。黑色刻度为目标占比，灰色带为容差范围；带斜线的条形超出容差。"},
    Entry{"html/target-band", "target ± tolerance", "目标 ± 容差"},
    Entry{"html/out-of-tolerance", "outside target ± tolerance", "超出目标 ± 容差"},
    Entry{"html/share", "share (%)", "占比（%）"},
    Entry{"html/target", "target (%)", "目标（%）"},
    Entry{"html/label", "label", "标签"},
    Entry{"html/status", "status", "状态"},
    Entry{"html/ok", "ok", "达标"},
    Entry{"html/out", "outside", "超出"},
    Entry{"html/numbers", "Numbers as a table", "数据表"},
    Entry{"html/what", "what is missed", "未达标内容"},
    Entry{"html/kind", "kind", "类型"},
    Entry{"html/cell-now", "cell now / minimum", "该格现有 / 最少"},
    Entry{"html/specialty-now", "specialty now / minimum", "该科室现有 / 最少"},
    // coverage: target misses.
    Entry{"miss/total", "{actual} cases, below the target of {target}", "病例数 {actual}，低于目标 {target}"},
    Entry{"miss/specialty-min", "specialty {label}: {actual} cases, below the minimum of {target}",
          "科室 {label}：{actual} 例，低于最少 {target} 例"},
    Entry{"miss/specialty-max", "specialty {label}: {actual} cases, above the maximum of {target}",
          "科室 {label}：{actual} 例，超过最多 {target} 例"},
    Entry{"miss/cell-min", "cell {label} × {label2}: {actual} cases, below the minimum of {target}",
          "单元格 {label} × {label2}：{actual} 例，低于最少 {target} 例"},
    Entry{"miss/share", "{dimension} {label}: {actual}% of cases, target {target}% ± {tolerance}",
          "{dimension} {label}：占 {actual}%，目标 {target}% ± {tolerance}"},
    Entry{"miss/min-axes", "{actual} cases use fewer than {target} rubric axes",
          "{actual} 个病例的评分维度少于 {target} 个"},
    Entry{"miss/min-safety", "{actual} cases have fewer than {target} {label} criteria",
          "{actual} 个病例的{label}标准少于 {target} 条"},
    // coverage --suggest.
    Entry{"suggest/line",
          "{specialty} × {task}, {difficulty}, {stage}, {audience}  (cell {cell}/{cell_target}, specialty "
          "{spec}/{spec_target})",
          "{specialty} × {task}，{difficulty}，{stage}，{audience}（该格 {cell}/{cell_target}，该科室 "
          "{spec}/{spec_target}）"},
    // select.
    Entry{"select/pool",
          "pool: {pool} cases after filters; asked for {parts, plural, one {# part} other {# parts}} of {count}",
          "候选池：筛选后 {pool} 个病例；需要 {parts} 份，每份 {count} 个"},
    Entry{"select/too-few", "only {pool} cases match the filters, fewer than the {need} asked for",
          "符合筛选条件的病例只有 {pool} 个，少于所需的 {need} 个"},
    Entry{"select/unmet-pool", "cannot be met: {what} needs at least {target} in each part, the pool has {pool}",
          "无法满足：{what} 每份至少需要 {target} 例，候选池只有 {pool} 例"},
    Entry{"select/unmet-sum",
          "cannot be met: the specialty minima add up to {sum}, more than the {count} cases of a part",
          "无法满足：各科室最少例数之和为 {sum}，超过每份的 {count} 例"},
    Entry{"select/unmet-max",
          "cannot be met: the specialty maxima add up to {sum}, fewer than the {count} cases of a part",
          "无法满足：各科室最多例数之和为 {sum}，少于每份的 {count} 例"},
    Entry{"select/unmet", "part {part}: {what} has {actual}, the target is {op} {target}",
          "第 {part} 份：{what} 为 {actual}，目标为 {op} {target}"},
    Entry{"select/part", "part {part}: {count} cases; worst share deviation {dev} percentage points ({where})",
          "第 {part} 份：{count} 个病例；占比最大偏差 {dev} 个百分点（{where}）"},
    Entry{"select/written", "wrote {path}", "已写入 {path}"},
    Entry{"select/empty-cells", "cannot be met: {n} of {total} cells have no case in the pool; first: {first}{more}",
          "无法满足：{total} 个单元格中有 {n} 个在候选池中没有病例；前几个：{first}{more}"},
    Entry{"select/empty-cells-more", " … (--verbose lists them all)", " …（--verbose 列出全部）"},
    Entry{"select/unmet-empty", "part {part}: the {n} cells with no case in the pool have 0, the target is ≥ {target}",
          "第 {part} 份：候选池中没有病例的 {n} 个单元格为 0，目标为 ≥ {target}"},
    // dedup.
    Entry{"dedup/summary",
          "{cases} cases, {criteria} criteria; threshold {threshold}: {exact} exact duplicate case pairs, {near} "
          "near-duplicate case pairs, {crit} near-duplicate criterion pairs",
          "{cases} 个病例，{criteria} 条标准；阈值 {threshold}：完全重复病例 {exact} 对，近似重复病例 {near} "
          "对，近似重复标准 {crit} 对"},
    Entry{"dedup/head-cases", "Cases (clinical_context + user_request)", "病例（clinical_context + user_request）"},
    Entry{"dedup/head-criteria", "Criteria within a case", "同一病例内的评分标准"},
    Entry{"dedup/exact", "exact", "完全相同"},
};
static_assert(messages::well_formed(kCatalog), "an entry breaks the rules of core/messages/check.h");

}  // namespace

std::string coverage_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::coverage
