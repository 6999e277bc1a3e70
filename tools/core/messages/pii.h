#pragma once
// Privacy findings: personal data in a case (pii/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kPii = {
    Entry{"pii/id-card",
          "this looks like a Chinese resident ID number; remove it (cases must not contain personal data) or, if it is "
          "not one, record a reviewed exception",
          "疑似居民身份证号码；请删除（病例中不得含有个人信息），如确认不是身份证号，请登记经审核的例外"},
    Entry{"pii/mobile",
          "this looks like a mobile phone number; remove it or, if it is not one, record a reviewed exception",
          "疑似手机号码；请删除，如确认不是手机号，请登记经审核的例外"},
    Entry{"pii/landline",
          "this looks like a landline phone number; remove it or, if it is not one, record a reviewed exception",
          "疑似固定电话号码；请删除，如确认不是电话号码，请登记经审核的例外"},
    Entry{"pii/email",
          "this looks like an e-mail address; remove it or, if it is not personal, record a reviewed exception",
          "疑似电子邮箱地址；请删除，如确认不属于个人信息，请登记经审核的例外"},
    Entry{"pii/record-number",
          "this looks like a hospital record number (admission, outpatient or chart number); remove it or mask it "
          "(e.g. XXXX), or record a reviewed exception",
          "疑似医院病历号（住院号、门诊号、病案号等）；请删除或脱敏（如改为 XXXX），如确认无误，请登记经审核的例外"},
    Entry{"pii/name",
          "this looks like a real personal name in a name field; mask it (e.g. 张某) or remove it, or record a "
          "reviewed exception",
          "姓名栏中疑似真实姓名；请脱敏（如改为“张某”）或删除，如确认无误，请登记经审核的例外"},
    Entry{
        "pii/birth-date-with-name",
        "an exact date of birth in the same text as the patient's name; give the age instead (e.g. 58岁) or remove the "
        "name, or record a reviewed exception",
        "精确出生日期与患者姓名出现在同一段文本中；请改写为年龄（如“58岁”）或删除姓名，如确认无误，请登记经审核的例外"},
};

}  // namespace cc::messages
