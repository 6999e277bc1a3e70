#pragma once
// Text findings: encoding, Unicode form, punctuation, spacing, placeholders (text/, fix/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kText = {
    Entry{"text/encoding", "the file is not UTF-8 (byte 0x{byte}){detected}; save it as UTF-8{how}",
          "文件不是 UTF-8 编码（字节 0x{byte}）{detected}；请另存为 UTF-8{how}"},
    Entry{"text/encoding.detected", "; it looks like {charset}", "；疑似 {charset} 编码"},
    Entry{"text/encoding.fix", ", or run `clinconsensus fix` to convert it", "，或运行 clinconsensus fix 自动转换"},
    Entry{"text/nfc", "text is not in Unicode NFC form ('{text}'); `clinconsensus fix` normalises it",
          "文本不是 Unicode NFC 规范形式（“{text}”）；clinconsensus fix 可自动规范化"},
    Entry{"text/invisible", "invisible character {name} (U+{code}); remove it",
          "不可见字符 {name}（U+{code}）；请删除"},
    Entry{"text/invisible.space", "{name} (U+{code}); use an ordinary space", "{name}（U+{code}）；请改为普通空格"},
    Entry{"text/fullwidth-alnum", "full-width letters or digits '{text}'; write '{fixed}'",
          "全角字母或数字“{text}”；应写作“{fixed}”"},
    Entry{"text/halfwidth-punct", "half-width '{char}' in a Chinese sentence; write '{fixed}'",
          "中文句子中使用了半角“{char}”；应写作“{fixed}”"},
    Entry{"text/fullwidth-punct", "full-width '{char}' inside a number or Latin text; write '{fixed}'",
          "数字或西文中使用了全角“{char}”；应写作“{fixed}”"},
    Entry{"text/mixed-quotes", "straight quote \" mixed with curly quotes “” in the same text; use “” throughout",
          "直引号 \" 与弯引号“”混用；请统一使用“”"},
    Entry{"text/repeated-punct", "repeated punctuation '{text}'; write '{fixed}'", "标点重复“{text}”；应写作“{fixed}”"},
    Entry{"text/double-space", "{n} spaces in a row; one is enough", "连续 {n} 个空格；保留一个即可"},
    Entry{"text/placeholder", "the placeholder {text} is still here; write the real text in its place",
          "占位文字 {text} 尚未替换；请填写实际内容"},
    Entry{"text/trailing-space", "whitespace at the end of the line; remove it", "行尾有多余空白；请删除"},
    Entry{"text/ideographic-space", "full-width space (U+3000) used as indentation; remove it",
          "使用全角空格（U+3000）缩进；请删除"},
    Entry{"text/traditional", "traditional character '{char}' in simplified text; the simplified form is '{fixed}'",
          "简体文本中出现繁体字“{char}”，简体为“{fixed}”"},
    Entry{"fix/refused", "the fixed file would no longer load; nothing was written — please report this file",
          "修复后的文件将无法读取，未写入任何内容；请反馈此文件"},
    Entry{"text/more",
          "{n} more text findings in this file are not listed; `clinconsensus fix` handles the fixable ones",
          "本文件另有 {n} 条文本问题未列出；clinconsensus fix 可自动修复其中可修复的部分"},
    Entry{"text/unit-spelling", "unit written '{text}' here but '{other}' elsewhere in this file; use one spelling",
          "单位在此写作“{text}”，本文件其他地方写作“{other}”；请统一写法"},
};

}  // namespace cc::messages
