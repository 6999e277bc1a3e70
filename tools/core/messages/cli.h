#pragma once
// Command-line usage errors (tools/cli/usage_errors.cpp), in the reader's language: the
// English is CLI11's own wording. Part of the one catalog (core/messages.cpp joins the
// families and checks them at compile time).
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kCli = {
    Entry{"cli/chdir", "cannot run in '{dir}' (-C): {detail}", "无法在“{dir}”中运行（-C）：{detail}"},
    Entry{"cli/unknown-command", "unknown command '{name}'{suggestion}; `clinconsensus --help` lists the commands",
          "未知命令“{name}”{suggestion}；运行 clinconsensus --help 查看可用命令"},
    Entry{"cli/unexpected", "unexpected argument(s): {args}", "无法识别或多余的参数：{args}"},
    Entry{"cli/subcommand-required", "a subcommand is required", "需要指定子命令"},
    Entry{"cli/required", "{name} is required", "缺少必需的参数 {name}"},
    Entry{"cli/not-allowed", "{name}: '{value}' is not allowed; one of: {allowed}",
          "{name} 不能取值“{value}”；可选值：{allowed}"},
    Entry{"cli/not-in-range", "{name}: '{value}' is not between {min} and {max}",
          "{name} 的取值“{value}”不在 {min} 到 {max} 之间"},
    Entry{"cli/invalid-value", "{name}: invalid value", "{name} 的取值无效"},
    Entry{"cli/not-converted", "{name}: '{value}' is not of the kind this option takes",
          "{name} 的取值“{value}”格式不正确"},
    Entry{"cli/missing-value", "{name} needs a value", "{name} 缺少取值"},
    Entry{"cli/value-count", "{name}: wrong number of values", "{name} 的取值个数不正确"},
    Entry{"cli/requires", "{a} requires {b}", "{a} 需要同时给出 {b}"},
    Entry{"cli/excludes", "{a} cannot be used with {b}", "{a} 不能与 {b} 同时使用"},
    Entry{"cli/unknown-value", "unknown value '{value}'; one of: {allowed}{suggestion}",
          "未知取值“{value}”；可选值：{allowed}{suggestion}"},
    Entry{"cli/usage", "{detail}", "命令行参数有误：{detail}"},
    Entry{"cli/see-help", "Run with --help for more information.", "加 --help 运行可查看用法。"},
};

}  // namespace cc::messages
