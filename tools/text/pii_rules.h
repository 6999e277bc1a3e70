#pragma once
// Privacy rules: personal data inside one string value of a case — resident ID numbers,
// phone numbers, e-mail addresses, hospital record numbers, names in name fields and
// exact birth dates next to a name. Every finding is an Error without a replacement:
// privacy data is never fixed automatically, a person removes or masks it.
//
// The scanner is hand-written over bytes (no std::regex): one pass that stops only at
// ASCII digits, '@' and the last byte of four trigger ideographs (号 名 生 者), then
// checks the context. Clinical numbers (doses, lab values, dates, ratios, BP, ICD codes,
// approval numbers, hotlines) are left alone; see pii_rules_test.cpp for what is kept.
//
// Ranges cover the personal data itself, not its label: for 住院号：20231234 the range
// is "20231234"; for 出生日期：1990年5月3日 it is the date; for 姓名：张三 the name.
// Messages never repeat the matched text, so reports and CI logs do not copy it.
#include <string_view>

#include "core/messages.h"
#include "text/text_finding.h"

namespace cc {

// Rules, each with a message of the same id in core/messages.cpp:
//   pii/id-card               18-digit resident ID (MOD 11-2 check digit, region, birth
//                             date); 15-digit old IDs only after 身份证/证件号 nearby
//   pii/mobile                1[3-9] + 9 digits, also 3-4-4 with spaces or hyphens,
//                             optional +86 / 86 prefix
//   pii/landline              (0AA)/0AAA + '-' or parentheses + 7-8 digits; 400/800 no
//   pii/email                 local@domain.tld (ASCII); reserved example domains no
//   pii/record-number         住院号 门诊号 病案号 病历号 登记号 就诊号 就诊卡号 ID号
//                             + ≥4 letters/digits with a digit (masked values no)
//   pii/name                  姓名：<surname + 1-2 ideographs> (张某, 王** no)
//   pii/birth-date-with-name  出生日期/出生于/生日 + full date, when the same value also
//                             names the patient (姓名 field or 患者<name>，男/女/N岁)
// Appends one TextFinding per match to `out`, in order of position.
void check_pii(std::string_view value, Lang lang, TextFindings& out);

}  // namespace cc
