#pragma once
// Help in Chinese: CLI11 lays out `--help` with English labels ("Usage", "OPTIONS") and
// each command's description is written in English beside its option; under zh both
// are replaced from one table of Chinese texts (help_text.cpp).
#include <CLI/CLI.hpp>

namespace cc::cli {

// Gives `app` and every subcommand below it Chinese labels, group names and
// descriptions, for `--help` under `--lang zh`.
void use_chinese_help(CLI::App& app);

}  // namespace cc::cli
