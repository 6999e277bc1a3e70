#pragma once
// Schema findings: a field missing, unknown, of the wrong type or out of range (schema/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kSchema = {
    Entry{"schema/required", "missing required field '{field}'{hint_en}; add it", "缺少必填字段“{field}”；请补充"},
    Entry{"schema/unknown-key", "unknown field '{field}'; allowed here: {allowed}{suggestion}",
          "未知字段“{field}”；此处允许的字段：{allowed}{suggestion}"},
    Entry{"schema/type", "'{field}' must be {expected}, not {actual}", "“{field}”应为{expected}，而不是{actual}"},
    Entry{"schema/enum", "'{value}' is not allowed for '{field}'; use one of: {allowed}",
          "“{field}”不能取值“{value}”；可选值：{allowed}"},
    Entry{"schema/pattern", "'{value}' is not a valid '{field}'{hint}", "“{value}”不是有效的“{field}”{hint}"},
    Entry{"schema/min-items", "''{field}'' needs at least {n, plural, one {# item} other {# items}}",
          "“{field}”至少需要 {n} 项"},
    Entry{"schema/max-items", "''{field}'' allows at most {n, plural, one {# item} other {# items}}",
          "“{field}”最多允许 {n} 项"},
    Entry{"schema/min-length", "'{field}' must not be empty", "“{field}”不能为空"},
    Entry{"schema/max-length", "'{field}' is too long", "“{field}”过长"},
    Entry{"schema/unique-items", "'{field}' lists the same value twice (items {a} and {b}); remove the repeat",
          "“{field}”的第 {a} 项与第 {b} 项重复；请删除重复项"},
    Entry{"schema/range", "'{field}' is out of range: {detail}", "“{field}”超出允许范围：{detail}"},
    Entry{"schema/invalid", "'{field}' is invalid: {detail}", "“{field}”无效：{detail}"},
    Entry{"schema/unusable", "schema {file} cannot be used: {detail}", "无法使用模式文件 {file}：{detail}"},
    // The details of schema/range and schema/invalid (checks/schema_detail.cpp).
    Entry{"schema/detail.minimum", "must be at least {n}", "应不小于 {n}"},
    Entry{"schema/detail.exclusive-minimum", "must be greater than {n}", "应大于 {n}"},
    Entry{"schema/detail.maximum", "must be at most {n}", "应不大于 {n}"},
    Entry{"schema/detail.exclusive-maximum", "must be less than {n}", "应小于 {n}"},
    Entry{"schema/detail.multiple-of", "must be a multiple of {n}", "应为 {n} 的整数倍"},
    Entry{"schema/detail.min-properties", "needs at least {n, plural, one {# field} other {# fields}}",
          "至少需要 {n} 个字段"},
    Entry{"schema/detail.max-properties", "allows at most {n, plural, one {# field} other {# fields}}",
          "最多允许 {n} 个字段"},
    Entry{"schema/detail.const", "must be exactly the value the schema sets", "必须等于模式文件规定的值"},
    Entry{"schema/detail.any-of", "matches none of the forms the schema allows", "不符合模式文件允许的任何一种形式"},
    Entry{"schema/detail.one-of", "must match exactly one of the forms the schema allows",
          "必须恰好符合模式文件允许的一种形式"},
    Entry{"schema/detail.if-then-else", "does not meet the schema's condition for this value",
          "不符合模式文件对此取值的条件"},
    Entry{"schema/detail.dependency", "needs the field '{name}' beside it", "需要同时填写字段“{name}”"},
    Entry{"schema/detail.additional-items", "has more items than the schema allows", "项数超过模式文件允许的数量"},
    Entry{"schema/detail.contains", "holds no item of the kind the schema requires", "不包含模式文件要求的项"},
    // Schemas that no longer follow the taxonomy and config, and `schema sync`.
    Entry{"schema/out-of-date",
          "{file} no longer follows {taxonomy} and {config} ('{where}' differs), so editors check other labels or "
          "criteria counts than validate; run `clinconsensus schema sync`",
          "{file} 与 {taxonomy} 和 {config} 不一致（“{where}”不同），编辑器检查的取值或标准条数与 validate 不同；"
          "请运行 clinconsensus schema sync"},
    Entry{"schema/sync-updated", "updated {file}", "已更新 {file}"},
    Entry{"schema/sync-current", "{file} is up to date", "{file} 已是最新"},
    Entry{"schema/sync-stale", "{file} is out of date ('{where}' differs); run `clinconsensus schema sync`",
          "{file} 已过期（“{where}”不同）；请运行 clinconsensus schema sync"},
};

}  // namespace cc::messages
