#pragma once
// The case file the fix tests work on, broken and as a careful author would have written
// it — shared by the fix tests run in process (tests/checks/fix_test.cpp) and those that
// start the binary (tests/cli/fix_test.cpp). Every expected byte is written by hand.
#include <fstream>
#include <sstream>
#include <string>

#include "test_support.h"

namespace cc::test::fix_samples {

// A case with a comment on most lines, a literal block indented by four, a folded block
// with two one-line paragraphs, flow lists, quoted strings and a four-space sequence. The
// comments hold the same kinds of "mistakes" as the values; only the values may change.
inline const std::string kBroken =
    "# yaml-language-server: $schema=../../schema/case.schema.json\n"                     // 1
    "# 注释原样保留：半角,逗号、全角１２３、繁體醫、零宽\u200B空格。\n"                   // 2
    "case_id: CC-0001\n"                                                                  // 3
    "status: draft\n"                                                                     // 4
    "difficulty: medium\n"                                                                // 5
    "subject: 心血管内科\n"                                                               // 6
    "subject_labels: [心血管内科]   # 流式列表,不改\n"                                    // 7
    "task: 治疗方案制定\n"                                                                // 8
    "task_labels:\n"                                                                      // 9
    "    - 治疗方案制定\n"                                                                // 10
    "    - 用药指导\n"                                                                    // 11
    "care_stage: 干预\n"                                                                  // 12
    "user_role: \"患者女儿,代母亲提问\"\n"                                                // 13
    "audience: lay\n"                                                                     // 14
    "clinical_context: |   # 字面块：逐字保留\n"                                          // 15
    "    患者女,７１岁,退休教师。近3个月反复发作心悸\u200B,每次持续数小时可自行缓解。\n"  // 16
    "    目前用药:氨氯地平5\u00A0mg每日1次,二甲双胍0．5 g每日2次。\n"                     // 17
    "    血压148/86 mmHg，心率72次/分。。\n"                                              // 18
    "user_request: >\n"                                                                   // 19
    "  医生说我妈妈要开始吃抗凝药,可她已经吃了好几年阿司匹林?\n"                          // 20
    "\n"                                                                                  // 21
    "  她年纪大了,平时要注意些什么?\n"                                                    // 22
    "authors: [示例作者(心血管内科), '第二作者']\n"                                       // 23
    "provenance:\n"                                                                       // 24
    "  source: synthetic\n"                                                               // 25
    "  created: \"2026-11-22\"\n"                                                         // 26
    "  notes: 示例病例（参考Pe\u0301rez格式）,仅用于演示工具链。\n";                      // 27

// The same file as a careful author would have written it.
inline const std::string kFixed =
    "# yaml-language-server: $schema=../../schema/case.schema.json\n"
    "# 注释原样保留：半角,逗号、全角１２３、繁體醫、零宽\u200B空格。\n"
    "case_id: CC-0001\n"
    "status: draft\n"
    "difficulty: medium\n"
    "subject: 心血管内科\n"
    "subject_labels: [心血管内科]   # 流式列表,不改\n"
    "task: 治疗方案制定\n"
    "task_labels:\n"
    "    - 治疗方案制定\n"
    "    - 用药指导\n"
    "care_stage: 干预\n"
    "user_role: \"患者女儿，代母亲提问\"\n"
    "audience: lay\n"
    "clinical_context: |   # 字面块：逐字保留\n"
    "    患者女，71岁，退休教师。近3个月反复发作心悸，每次持续数小时可自行缓解。\n"
    "    目前用药：氨氯地平5 mg每日1次，二甲双胍0.5 g每日2次。\n"
    "    血压148/86 mmHg，心率72次/分。\n"
    "user_request: >\n"
    "  医生说我妈妈要开始吃抗凝药，可她已经吃了好几年阿司匹林？\n"
    "\n"
    "  她年纪大了，平时要注意些什么？\n"
    "authors: [示例作者（心血管内科）, '第二作者']\n"
    "provenance:\n"
    "  source: synthetic\n"
    "  created: \"2026-11-22\"\n"
    "  notes: 示例病例（参考P\u00E9rez格式），仅用于演示工具链。\n";

// A repository with the shipped CC-0001 rubric and `case_text` as its case.
inline void write_case(const TempRepo& repo, const std::string& case_text) {
  repo.add_shipped_case("cardiology", "CC-0001");
  repo.write(kCase, case_text);
}

// The bytes of a file of the shipped benchmark.
inline std::string shipped(const std::string& rel) {
  std::ifstream in(source_dir() + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace cc::test::fix_samples
