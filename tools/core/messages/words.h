#pragma once
// Words used inside other messages: types, taxonomy dimensions, suggestions (word/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kWords = {
    Entry{"word/did-you-mean", "; did you mean '{value}'?", "；是否应为“{value}”？"},
    Entry{"word/did-you-mean-named", "; did you mean '{value}' ({name})?", "；是否应为“{value}”（{name}）？"},
    Entry{"word/or", " or ", "或"},
    Entry{"word/string", "text", "文本"},
    Entry{"word/array", "a list", "列表"},
    Entry{"word/object", "a mapping (key: value lines)", "映射（键: 值）"},
    Entry{"word/integer", "a whole number", "整数"},
    Entry{"word/number", "a number", "数字"},
    Entry{"word/boolean", "true or false", "true 或 false"},
    Entry{"word/null", "empty", "空值"},
    Entry{"word/specialty", "specialty", "科室"},
    Entry{"word/task", "task type", "任务类型"},
    Entry{"word/difficulty", "difficulty tier", "难度"},
    Entry{"word/care_stage", "care stage", "诊疗阶段"},
    Entry{"word/audience", "audience", "受众"},
    Entry{"word/axis", "rubric axis", "评分维度"},
    Entry{"word/status", "status", "状态"},
    Entry{"word/lay", "lay", "lay（非专业）"},
    Entry{"word/professional", "professional", "professional（专业）"},
    Entry{"word/met", "met", "满足"},
    Entry{"word/not-met", "not met", "未满足"},
    Entry{"word/unreadable", "unreadable", "无法识别"},
};

}  // namespace cc::messages
