#pragma once
// The project and the command line: config, taxonomy, -C and command names (config/, taxonomy/, cli/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kProject = {
    Entry{"config/not-found",
          "no clinconsensus.yaml found in {dir} or any parent; run inside a benchmark repository or pass -C DIR",
          "在 {dir} 及其上级目录中未找到 clinconsensus.yaml；请在基准仓库内运行或使用 -C DIR"},
    Entry{"config/invalid", "{detail}", "{detail}"},
    Entry{"taxonomy/invalid", "taxonomy {detail}", "分类表 {detail}"},
};

}  // namespace cc::messages
