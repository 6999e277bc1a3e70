#include "release/release_messages.h"

#include <array>

#include "core/messages/check.h"

namespace cc {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    // Export.
    Entry{"export/invalid",
          "not exported: validate reports errors (privacy findings cannot be lowered for an export); fix them first",
          "未导出：validate 报告了错误（导出时不能降低隐私规则的级别）；请先修正"},
    Entry{"export/done", "exported {rows} cases to {path}", "已导出 {rows} 个病例到 {path}"},
    Entry{"export/without-rubric", "approved but without a rubric, not exported: {ids}",
          "已批准但没有评分标准文件，未导出：{ids}"},
    Entry{"export/empty",
          "warning: the export is empty: no case{tier} has status approved (a release holds approved cases only)",
          "警告：导出为空：没有{tier}状态为 approved 的病例（发布只包含已批准的病例）"},
    // Import.
    Entry{"import/invalid", "the files would have {n, plural, one {# error} other {# errors}} in validate:",
          "生成的文件在 validate 中会有 {n} 个错误："},
    Entry{"import/done", "imported {n} of {rows} rows", "已导入 {rows} 行中的 {n} 行"},
    Entry{"import/rejected", "{n, plural, one {# row} other {# rows}} not imported:", "{n} 行未导入："},
    Entry{"import/with-errors",
          "{n, plural, one {# case} other {# cases}} written with errors (--keep-invalid); run clinconsensus validate",
          "{n} 个病例带错误写入（--keep-invalid）；请运行 clinconsensus validate"},
    Entry{"import/placeholders", "care_stage, axis and authors are placeholders marked '# TODO(import)'; review them",
          "care_stage、axis 和 authors 为占位值，已标注“# TODO(import)”；请逐一核对"},
    // Semantic diff.
    Entry{"diff/summary",
          "{before} → {after} released cases: {added} added, {removed} removed, {retired} retired; criteria: "
          "{c_added} added, {c_removed} removed, {c_reworded} reworded; {labels} label changes; {text} case texts "
          "edited.",
          "已发布病例 {before} → {after}：新增 {added}，移除 {removed}，退役 {retired}；评分标准：新增 {c_added}，"
          "移除 {c_removed}，改写 {c_reworded}；标签变更 {labels} 处；病例文本修改 {text} 个。"},
    Entry{"diff/header", "Changes from {from} to {to}.", "从 {from} 到 {to} 的变更。"},
    Entry{"diff/first", "First release ({to}).", "首次发布（{to}）。"},
    Entry{"diff/cases-added", "Cases added ({n})", "新增病例（{n}）"},
    Entry{"diff/cases-removed", "Cases removed ({n})", "移除病例（{n}）"},
    Entry{"diff/cases-retired", "Cases retired ({n})", "退役病例（{n}）"},
    Entry{"diff/criteria-added", "Criteria added ({n})", "新增评分标准（{n}）"},
    Entry{"diff/criteria-removed", "Criteria removed ({n})", "移除评分标准（{n}）"},
    Entry{"diff/criteria-reworded", "Criteria reworded ({n})", "改写评分标准（{n}）"},
    Entry{"diff/labels", "Label changes ({n})", "标签变更（{n}）"},
    Entry{"diff/text", "Case text edited ({n})", "病例文本修改（{n}）"},
    Entry{"diff/none", "No changes.", "没有变更。"},
    // Coverage report.
    Entry{"coverage/title", "Coverage of {tag}", "{tag} 覆盖情况"},
    // Release cut.
    Entry{"release/bad-version", "'{version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)",
          "“{version}”不是语义化版本号（主.次.修订，例如 1.2.0）"},
    Entry{"release/tag-exists", "tag {tag} already exists; a release is never cut twice — choose a new version",
          "标签 {tag} 已存在；同一版本不能重复发布，请使用新的版本号"},
    Entry{"release/no-commit", "the repository has no commit yet; commit the benchmark first",
          "仓库还没有任何提交；请先提交评测集"},
    Entry{"release/dirty",
          "the work tree has {n, plural, one {# uncommitted change} other {# uncommitted changes}}; commit or remove "
          "them first:",
          "工作区有 {n} 处未提交的改动；请先提交或移除："},
    Entry{"release/busy", "another release cut is running in this repository; wait for it to finish",
          "此仓库中另一个 release cut 正在运行；请等待其完成"},
    Entry{"release/unfinished-cleared", "cleared what an interrupted cut of {tag} left (it was never committed):",
          "已清除被中断的 {tag} 发布留下的文件（从未提交）："},
    Entry{"release/unfinished-completed",
          "completed an interrupted cut of {tag}: its commit was made, its tag and index were not",
          "已完成被中断的 {tag} 发布：提交已生成，补上了标签和索引"},
    Entry{"release/unfinished-foreign",
          "these files look like an interrupted cut of {tag}, but {why}; remove them or commit them, then cut again:",
          "这些文件像是被中断的 {tag} 发布留下的，但{why}；请删除或提交它们后再发布："},
    Entry{"release/folder-exists", "{path} already exists; remove it or choose another version",
          "{path} 已存在；请删除或使用其他版本号"},
    Entry{"release/invalid", "release refused: validate reports errors", "拒绝发布：validate 报告了错误"},
    Entry{"release/empty", "nothing to release: no approved case has a rubric",
          "没有可发布的内容：没有带评分标准的已批准病例"},
    Entry{"release/done", "released {tag} (commit {commit})", "已发布 {tag}（提交 {commit}）"},
    Entry{"release/no-tag", "no release {tag}", "没有发布版本 {tag}"},
    Entry{"release/none", "no releases yet", "尚无发布版本"},
    // Release verify.
    Entry{"verify/tag", "tag {tag} is annotated and carries the manifest hash", "标签 {tag} 为附注标签并带有清单哈希"},
    Entry{"verify/tag-detail", "not an annotated release tag with a manifest-sha256 line",
          "不是带 manifest-sha256 行的附注发布标签"},
    Entry{"verify/manifest-present", "{path} is in the tagged tree", "{path} 在标签所指的版本中"},
    Entry{"verify/manifest-hash", "the manifest hashes to the tag's manifest-sha256",
          "清单的哈希与标签中的 manifest-sha256 一致"},
    Entry{"verify/manifest-format", "the manifest is well formed", "清单格式正确"},
    Entry{"verify/manifest-format-detail", "a line is not '<sha256>  <name>'", "某行不是“<sha256>  <文件名>”格式"},
    Entry{"verify/file", "{path} matches the manifest", "{path} 与清单一致"},
    Entry{"verify/unlisted", "every file in {path} is in the manifest", "{path} 中的每个文件都在清单中"},
    Entry{"verify/export-listed", "the manifest lists the export {name}", "清单列出了导出文件 {name}"},
    Entry{"verify/export-derived", "the export follows from the tagged cases and rubrics",
          "导出文件可由标签所指的病例和评分标准重新生成"},
    Entry{"verify/export-file", "{path} is the released export", "{path} 即发布的导出文件"},
    Entry{"verify/ok", "release {tag} verified", "发布版本 {tag} 校验通过"},
    Entry{"verify/failed", "release {tag}: {n, plural, one {# check} other {# checks}} failed",
          "发布版本 {tag}：{n} 项校验失败"},
    // Hook.
    Entry{"hook/foreign", "{path} exists and was not written by clinconsensus; use --force to replace it",
          "{path} 已存在且不是 clinconsensus 写入的；如需替换请加 --force"},
    Entry{"hook/installed", "installed {path}", "已安装 {path}"},
};
static_assert(messages::well_formed(kCatalog), "an entry breaks the rules of core/messages/check.h");

}  // namespace

std::string release_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc
