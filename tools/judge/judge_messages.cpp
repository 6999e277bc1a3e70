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
    Entry{"dry/arbiter",
          "arbiter {arbiter}: asked only where the judges differ, which the dry run cannot know yet",
          "仲裁评审 {arbiter}：仅在两评审不一致时调用，试运行尚无法得知其数量"},
    // judge: final verdicts.
    Entry{"final/summary", "{n} criteria without a final verdict: {why} (see final_missing.jsonl)",
          "{n} 条评分标准没有最终判定：{why}（见 final_missing.jsonl）"},
    Entry{"final/no-first", "the first judge gave no verdict", "第一评审未给出判定"},
    Entry{"final/no-second", "the second judge gave no verdict", "第二评审未给出判定"},
    Entry{"final/differ", "the judges differ (policy agreed-only)", "两评审不一致（策略 agreed-only）"},
    Entry{"final/review", "the judges differ; awaiting physician review (review export)",
          "两评审不一致，等待医师复核（review export）"},
};

}  // namespace

std::string judge_message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc::judge
