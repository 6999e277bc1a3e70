#include "leak/leak_messages.h"

#include <array>

#include "core/messages/check.h"

namespace cc::leak {
namespace {

using Entry = MessageEntry;

constexpr std::array kCatalog = {
    // leak: report.
    Entry{
        "scan/head",
        "scanned {bytes} in {files} files for {texts} cases ({n}-grams): {listed} at or over {threshold} overlap",
        "已扫描 {files} 个文件共 {bytes}，查找 {texts} 个病例（{n} 字符 n-gram）：{listed} 个重合率不低于 {threshold}"},
    Entry{"scan/line", "{case_id}  overlap {overlap}  longest run {longest} characters",
          "{case_id}  重合率 {overlap}  最长连续重合 {longest} 个字符"},
    Entry{"scan/offset", "byte {offset}", "第 {offset} 字节"},
    Entry{"scan/none", "No case reaches the threshold.", "没有病例达到阈值。"},
    // leak --probe.
    Entry{"probe/head",
          "probed {endpoint} with {cases} public-tier cases: {listed} at or over {threshold} (LCS or shared {n}-grams)",
          "已用 {cases} 个公开层级病例探测 {endpoint}：{listed} 个达到 {threshold}（最长公共子序列或共享 {n}-gram）"},
    Entry{"probe/line", "{case_id}  LCS {lcs}  shared n-grams {grams}",
          "{case_id}  最长公共子序列 {lcs}  共享 n-gram {grams}"},
    Entry{"probe/failed", "{n} cases had no answer after their retries and are not judged: {ids}",
          "有 {n} 个病例重试后仍无回答，未作判断：{ids}"},
    Entry{"probe/no-cases", "no public-tier case to probe (approved cases of difficulty {tier})",
          "没有可探测的公开层级病例（难度为 {tier} 的已批准病例）"},
    Entry{"probe/dry-run",
          "dry run: {endpoint} ({url}) would be probed with {cases} public-tier cases: {calls} calls still needed "
          "({cached} in the cache), about {input} input + {output} output tokens, estimated cost {cost}; nothing was "
          "sent",
          "试运行：将用 {cases} 个公开层级病例探测 {endpoint}（{url}）：仍需 {calls} 次调用（缓存中已有 {cached} 次），"
          "约 {input} 个输入词元 + {output} 个输出词元，估计费用 {cost}；未发送任何请求"},
    Entry{"probe/first-prompt", "first prompt ({case_id}):", "第一个提示（{case_id}）："},
    Entry{"probe/interrupted",
          "interrupted: answers received so far are in the cache; run the same command again to resume",
          "已中断：已收到的回答保存在缓存中；再次运行同一命令即可继续"},
    // release cut --leak-corpus.
    Entry{"gate/head", "Leaked cases", "已泄露的病例"},
    Entry{"gate/intro",
          "Approved cases found in the leak corpus ({corpus}) with at least {threshold} of their {n}-grams:",
          "在泄露检查语料（{corpus}）中找到、且至少 {threshold} 的 {n}-gram 重合的已批准病例："},
    Entry{"gate/none", "No approved case was found in the leak corpus ({corpus}).",
          "泄露检查语料（{corpus}）中未发现已批准病例。"},
    Entry{"gate/refused", "{n} approved cases are in the leak corpus; the cut is refused (--leak-fail)",
          "有 {n} 个已批准病例出现在泄露检查语料中；已拒绝发布（--leak-fail）"},
};
static_assert(messages::well_formed(kCatalog), "an entry breaks the rules of core/messages/check.h");

}  // namespace

std::string leak_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::leak
