#pragma once
// Reading files, writing output, and the YAML loader's refusals (io/, yaml/).
// Part of the one catalog of findings (core/messages.cpp joins the families and checks
// them at compile time); the id of a finding's message is its rule id.
#include <array>

#include "core/messages.h"

namespace cc::messages {

using Entry = MessageEntry;

inline constexpr std::array kIoYaml = {
    Entry{"io/read", "cannot read the file: {detail}", "无法读取文件：{detail}"},
    Entry{"io/write-output", "cannot write {path}: {detail}", "无法写入 {path}：{detail}"},
    Entry{"io/write-stdout", "cannot write standard output: {detail}", "无法写入标准输出：{detail}"},
    Entry{"yaml/syntax", "YAML syntax error: {detail}; check indentation and quoting near here",
          "YAML 语法错误：{detail}；请检查此处附近的缩进和引号"},
    Entry{"yaml/duplicate-key", "duplicate key '{key}' (first at line {line}); keep only one",
          "键“{key}”重复（首次出现在第 {line} 行）；请只保留一个"},
    Entry{"yaml/ambiguous-break",
          "{code} is a line break to some YAML readers and text to others; delete it (clinconsensus fix removes it)",
          "{code} 在部分 YAML 解析器中是换行、在另一些中是普通字符；请删除它（clinconsensus fix 可删除）"},
    Entry{"yaml/alias-budget",
          "anchors and aliases expand to more than {limit} values or {bytes} bytes; write the values out instead",
          "锚点和别名展开后超过 {limit} 个值或 {bytes} 字节；请直接写出内容，不要使用别名"},
    Entry{"yaml/too-deep", "nesting is deeper than {limit} levels; case and rubric files need far fewer",
          "嵌套层级超过 {limit} 层；病例和评分标准文件不需要这么深的结构"},
    Entry{"yaml/too-large",
          "the file is {size} bytes, over the limit of {limit}; check that nothing was pasted by mistake",
          "文件大小为 {size} 字节，超过上限 {limit}；请检查是否误粘贴了内容"},
    Entry{"yaml/bom", "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
          "文件以字节顺序标记（BOM）开头；请保存为不带 BOM 的 UTF-8"},
    Entry{"yaml/multiple-documents", "more than one YAML document ('---'); keep one case or rubric per file",
          "文件包含多个 YAML 文档（“---”）；每个文件只能有一个病例或评分标准"},
    Entry{"yaml/complex-key", "a key must be plain text, not a list or mapping",
          "键必须是普通文本，不能是列表或映射"},
    Entry{"yaml/empty", "the file is empty; run `clinconsensus new` to start from a template",
          "文件为空；可运行 clinconsensus new 生成模板"},
    Entry{"io/write", "cannot write the file: {detail}", "无法写入文件：{detail}"},
    // What yaml/syntax says in {detail}: the parser's problems in words a user can act on.
    Entry{"yaml/syntax.undefined-alias", "the alias *{anchor} refers to no anchor &{anchor} before it",
          "别名 *{anchor} 之前没有定义锚点 &{anchor}"},
    Entry{"yaml/syntax.control-character", "control character {code} is not allowed; delete it (clinconsensus fix removes it)",
          "不允许出现控制字符 {code}；请删除它（clinconsensus fix 可删除）"},
    Entry{"yaml/syntax.out-of-memory", "out of memory", "内存不足"},
    Entry{"yaml/syntax.unclosed-quote", "the quote opened here is never closed", "此处的引号到文件末尾都未闭合"},
    Entry{"yaml/syntax.unclosed", "what starts here ({context}) runs to the end of the file",
          "此处开始的结构（{context}）到文件末尾都未结束"},
    Entry{"yaml/syntax.context", " ({context} that starts on line {line})", "；相关的结构（{context}）始于第 {line} 行"},
    Entry{"yaml/syntax.open-quote",
          "; the quoted value that starts on line {line} runs over several lines (is its closing quote missing?)",
          "；第 {line} 行开始的引号值跨了多行（是否缺少右引号？）"},
    Entry{"yaml/syntax.colon-in-value", "a ':' where no key can start (text with ': ' in it needs quotes)", "此处不能出现“:”（含“: ”的文本请加引号）"},
    Entry{"yaml/syntax.expected-key", "expected a key here (is the indentation consistent?)", "此处应为一个键（缩进是否一致？）"},
    Entry{"yaml/syntax.bad-start", "a character that cannot start a value (a tab used for indentation, or a leading @ or `)", "出现不能作为值开头的字符（用制表符缩进，或以 @、` 开头）"},
    Entry{"yaml/syntax.end-inside-value", "the file ends inside a value (an unclosed quote or bracket?)", "文件在一个值的中途结束（引号或括号未闭合？）"},
    Entry{"yaml/syntax.unclosed-bracket", "expected ',' or ']' (an unclosed '['?)", "此处应为“,”或“]”（“[”未闭合？）"},
    Entry{"yaml/syntax.unclosed-brace", "expected ',' or '}' (an unclosed '{'?)", "此处应为“,”或“}”（“{”未闭合？）"},
    Entry{"yaml/syntax.missing-value", "a value is missing here", "此处缺少一个值"},
    Entry{"yaml/syntax.expected-item", "expected a list item ('- ') here (is the indentation consistent?)", "此处应为列表项“- ”（缩进是否一致？）"},
    Entry{"yaml/syntax.item-not-allowed", "a list item ('- ') where a value cannot start", "此处不能出现列表项“- ”"},
    Entry{"yaml/syntax.missing-colon", "this line has no ':' after its key (write 'key: value')", "这一行的键后缺少“:”（应写作“键: 值”）"},
    Entry{"yaml/syntax.tab-indent", "a tab used for indentation; indent with spaces", "用制表符缩进；请用空格缩进"},
    Entry{"yaml/syntax.anchor-name", "an anchor (&) or alias (*) needs a name of letters or digits", "锚点（&）或别名（*）后需要由字母或数字组成的名称"},
    Entry{"yaml/syntax.after-document", "text after the end of the document (a stray '%' or '...'?)", "文档结束后还有内容（多余的“%”或“...”？）"},
    Entry{"yaml/syntax.question-key", "a '?' key where no key can start", "此处不能出现“?”键"},
    Entry{"yaml/syntax.document-marker-in-quote", "a '---' or '...' line inside a quoted value", "引号值中出现了“---”或“...”行"},
    Entry{"yaml/syntax.text-after-value", "text after a value on the same line (quote the whole value)", "值后面同一行还有内容（请给整个值加引号）"},
    Entry{"yaml/syntax.unknown-escape", "an unknown escape after '\\' in double quotes; write '\\\\' for a backslash", "双引号中“\\”后的转义字符无效；反斜杠请写作“\\\\”"},
    // Why an entry cannot be read (core/repository.h).
    Entry{"io/cannot-list", "cannot list this folder: {detail}", "无法列出此文件夹：{detail}"},
    Entry{"io/not-regular", "not a regular file", "不是普通文件"},
    Entry{"io/no-such-path", "no such file or folder", "文件或文件夹不存在"},
    Entry{"io/outside-repository", "outside the repository", "位于仓库之外"},
    Entry{"io/link-loops", "a symbolic link that loops ({detail})", "符号链接形成循环（{detail}）"},
    Entry{"io/link-dangling", "a symbolic link to {detail}, which does not exist", "符号链接指向的 {detail} 不存在"},
    Entry{"io/link-broken", "a symbolic link that cannot be followed: {detail}", "无法跟随的符号链接：{detail}"},
    Entry{"io/link-outside",
          "a symbolic link to {detail}, outside the repository; links leaving the repository are not followed",
          "符号链接指向仓库之外的 {detail}；不会跟随指向仓库之外的链接"},
    // The steps of an atomic write (core/atomic_write.h).
    Entry{"io/atomic-link", "cannot resolve the symbolic link {path}: {detail}", "无法解析符号链接 {path}：{detail}"},
    Entry{"io/atomic-temp", "cannot create a temporary file beside {path}: {detail}",
          "无法在 {path} 旁创建临时文件：{detail}"},
    Entry{"io/atomic-write", "cannot write {path}: {detail}", "无法写入 {path}：{detail}"},
    Entry{"io/atomic-owner", "cannot keep the owner and group of {path}: {detail}",
          "无法保留 {path} 的所有者和组：{detail}"},
    Entry{"io/atomic-mode", "cannot set permissions of {path}: {detail}", "无法设置 {path} 的权限：{detail}"},
    Entry{"io/atomic-flush", "cannot flush {path}: {detail}", "无法将 {path} 写入磁盘：{detail}"},
    Entry{"io/atomic-close", "cannot close {path}: {detail}", "无法关闭 {path}：{detail}"},
    Entry{"io/atomic-replace", "cannot replace {path}: {detail}", "无法替换 {path}：{detail}"},
};

}  // namespace cc::messages
