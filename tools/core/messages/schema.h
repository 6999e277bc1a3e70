#pragma once
// Schema findings: a field missing, unknown, of the wrong type or out of range (schema/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kSchema = {
    Entry{"schema/required", "missing required field '{field}'{hint_en}; add it",
          "缺少必填字段“{field}”；请补充"},
    Entry{"schema/unknown-key", "unknown field '{field}'; allowed here: {allowed}{suggestion}",
          "未知字段“{field}”；此处允许的字段：{allowed}{suggestion}"},
    Entry{"schema/type", "'{field}' must be {expected}, not {actual}", "“{field}”应为{expected}，而不是{actual}"},
    Entry{"schema/enum", "'{value}' is not allowed for '{field}'; use one of: {allowed}",
          "“{field}”不能取值“{value}”；可选值：{allowed}"},
    Entry{"schema/pattern", "'{value}' is not a valid '{field}'{hint}", "“{value}”不是有效的“{field}”{hint}"},
    Entry{"schema/min-items", "''{field}'' needs at least {n, plural, one {# item} other {# items}}", "“{field}”至少需要 {n} 项"},
    Entry{"schema/max-items", "''{field}'' allows at most {n, plural, one {# item} other {# items}}", "“{field}”最多允许 {n} 项"},
    Entry{"schema/min-length", "'{field}' must not be empty", "“{field}”不能为空"},
    Entry{"schema/max-length", "'{field}' is too long", "“{field}”过长"},
    Entry{"schema/unique-items", "'{field}' lists the same value twice (items {a} and {b}); remove the repeat",
          "“{field}”的第 {a} 项与第 {b} 项重复；请删除重复项"},
    Entry{"schema/range", "'{field}' is out of range: {detail}", "“{field}”超出允许范围：{detail}"},
    Entry{"schema/invalid", "'{field}' is invalid: {detail}", "“{field}”无效：{detail}"},
    Entry{"schema/unusable", "schema {file} cannot be used: {detail}", "无法使用模式文件 {file}：{detail}"},
};

}  // namespace cc::messages
