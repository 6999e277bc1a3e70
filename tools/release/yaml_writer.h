#pragma once
// YAML writer: emits string values so that a YAML 1.2 reader gives back exactly the same
// string — plain when that is unambiguous, a literal block for long prose (what a
// physician would type), double-quoted with escapes for anything else.
#include <string>
#include <string_view>
#include <vector>

namespace cc::yaml_out {

// How string values are written.
enum class Style {
  Readable,  // plain where safe, literal blocks for prose
  Quoted,    // every value double-quoted: the fallback that represents any string
};

// Whether `s` can be written as a plain scalar and read back as the same string (not
// a number, boolean or null; no indicator, comment or line break).
bool plain_safe(std::string_view s);
// Whether `s` can be written as a literal block scalar (no characters that a block
// cannot hold, such as CR or other control characters).
bool block_safe(std::string_view s);
// `s` as a double-quoted scalar, escaping what YAML requires.
std::string double_quoted(std::string_view s);

// Appends `<indent>key: value\n`. `prose` asks for a literal block when the style is
// Readable and the value allows one.
void write_field(std::string& out, int indent, std::string_view key, std::string_view value, Style style,
                 bool prose = false);
// Appends `<indent>key:` and one `<indent+2>- item` line per value.
void write_list(std::string& out, int indent, std::string_view key, const std::vector<std::string>& values,
                Style style);

}  // namespace cc::yaml_out
