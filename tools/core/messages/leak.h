#pragma once
// Leak findings: corpus files that cannot be scanned (corpus/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kLeak = {
    Entry{"corpus/unreadable", "cannot read corpus {path}: {why}", "无法读取语料 {path}：{why}"},
    Entry{"corpus/not-file", "not a file or folder", "既不是文件也不是文件夹"},
    Entry{"corpus/none", "no corpus given: name at least one file or folder with --corpus",
          "未指定语料：请用 --corpus 指定至少一个文件或文件夹"},
};

}  // namespace cc::messages
