#include "core/messages.h"

#include <array>
#include <vector>

#include "core/os_error.h"

namespace cc {
namespace {

using Entry = MessageEntry;

// Keep ids sorted by family; the id of a finding's message is usually its rule id.
constexpr std::array kCatalog = {
    // Reading files.
    Entry{"io/read", "cannot read the file: {detail}", "无法读取文件：{detail}"},
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
    // Writing output.
    Entry{"io/write-output", "cannot write {path}: {detail}", "无法写入 {path}：{detail}"},
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
    // Schema.
    Entry{"schema/required", "missing required field '{field}'{hint}; add it",
          "缺少必填字段“{field}”；请补充"},
    Entry{"schema/unknown-key", "unknown field '{field}'; allowed here: {allowed}{suggestion}",
          "未知字段“{field}”；此处允许的字段：{allowed}{suggestion}"},
    Entry{"schema/type", "'{field}' must be {expected}, not {actual}", "“{field}”应为{expected}，而不是{actual}"},
    Entry{"schema/enum", "'{value}' is not allowed for '{field}'; use one of: {allowed}",
          "“{field}”不能取值“{value}”；可选值：{allowed}"},
    Entry{"schema/pattern", "'{value}' is not a valid '{field}'{hint}", "“{value}”不是有效的“{field}”{hint}"},
    Entry{"schema/min-items", "'{field}' needs at least {n} item(s)", "“{field}”至少需要 {n} 项"},
    Entry{"schema/max-items", "'{field}' allows at most {n} item(s)", "“{field}”最多允许 {n} 项"},
    Entry{"schema/min-length", "'{field}' must not be empty", "“{field}”不能为空"},
    Entry{"schema/max-length", "'{field}' is too long", "“{field}”过长"},
    Entry{"schema/unique-items", "'{field}' lists the same value twice (items {a} and {b}); remove the repeat",
          "“{field}”的第 {a} 项与第 {b} 项重复；请删除重复项"},
    Entry{"schema/range", "'{field}' is out of range: {detail}", "“{field}”超出允许范围：{detail}"},
    Entry{"schema/invalid", "'{field}' is invalid: {detail}", "“{field}”无效：{detail}"},
    // The details of schema/range and schema/invalid (checks/schema_detail.cpp).
    Entry{"schema/detail.minimum", "must be at least {n}", "应不小于 {n}"},
    Entry{"schema/detail.exclusive-minimum", "must be greater than {n}", "应大于 {n}"},
    Entry{"schema/detail.maximum", "must be at most {n}", "应不大于 {n}"},
    Entry{"schema/detail.exclusive-maximum", "must be less than {n}", "应小于 {n}"},
    Entry{"schema/detail.multiple-of", "must be a multiple of {n}", "应为 {n} 的整数倍"},
    Entry{"schema/detail.min-properties", "needs at least {n} field(s)", "至少需要 {n} 个字段"},
    Entry{"schema/detail.max-properties", "allows at most {n} field(s)", "最多允许 {n} 个字段"},
    Entry{"schema/detail.const", "must be exactly the value the schema sets", "必须等于模式文件规定的值"},
    Entry{"schema/detail.any-of", "matches none of the forms the schema allows", "不符合模式文件允许的任何一种形式"},
    Entry{"schema/detail.one-of", "must match exactly one of the forms the schema allows",
          "必须恰好符合模式文件允许的一种形式"},
    Entry{"schema/detail.if-then-else", "does not meet the schema's condition for this value",
          "不符合模式文件对此取值的条件"},
    Entry{"schema/detail.dependency", "needs the field '{name}' beside it", "需要同时填写字段“{name}”"},
    Entry{"schema/detail.additional-items", "has more items than the schema allows", "项数超过模式文件允许的数量"},
    Entry{"schema/detail.contains", "holds no item of the kind the schema requires", "不包含模式文件要求的项"},
    Entry{"schema/unusable", "schema {file} cannot be used: {detail}", "无法使用模式文件 {file}：{detail}"},
    Entry{"schema/out-of-date",
          "{file} no longer follows {taxonomy} and {config} ('{where}' differs), so editors check other labels or "
          "criteria counts than validate; run `clinconsensus schema sync`",
          "{file} 与 {taxonomy} 和 {config} 不一致（“{where}”不同），编辑器检查的取值或标准条数与 validate 不同；"
          "请运行 clinconsensus schema sync"},
    // `schema sync`.
    Entry{"schema/sync-updated", "updated {file}", "已更新 {file}"},
    Entry{"schema/sync-current", "{file} is up to date", "{file} 已是最新"},
    Entry{"schema/sync-stale", "{file} is out of date ('{where}' differs); run `clinconsensus schema sync`",
          "{file} 已过期（“{where}”不同）；请运行 clinconsensus schema sync"},
    // Integrity.
    Entry{"integrity/case-id-filename", "case_id '{id}' does not match the file name '{stem}'; rename the file or fix the id",
          "case_id“{id}”与文件名“{stem}”不一致；请重命名文件或修改编号"},
    Entry{"integrity/case-id-format", "case_id '{id}' should be {prefix} followed by {digits} or more digits, e.g. {example}",
          "case_id“{id}”应为 {prefix} 加至少 {digits} 位数字，例如 {example}"},
    Entry{"integrity/file-location", "this file is not in a specialty folder; put it under {dir}/<specialty code>/",
          "该文件不在科室文件夹中；请放到 {dir}/<科室代码>/ 下"},
    Entry{"integrity/not-benchmark-file", "'{path}' is neither under {cases}/ nor {rubrics}/; it is not a case or rubric",
          "“{path}”既不在 {cases}/ 也不在 {rubrics}/ 下，不是病例或评分标准文件"},
    Entry{"integrity/subject-folder", "the case is in folder '{folder}' but its subject {subject} belongs in '{expected}'; move it to {path}",
          "病例位于文件夹“{folder}”，但主科室“{subject}”对应“{expected}”；请移动到 {path}"},
    Entry{"integrity/rubric-folder", "the rubric is in folder '{folder}' but its case is in '{expected}'; move it to {path}",
          "评分标准位于文件夹“{folder}”，但对应病例位于“{expected}”；请移动到 {path}"},
    Entry{"integrity/missing-rubric", "case {id} has no rubric; create {path} (`clinconsensus new` writes both)",
          "病例 {id} 没有评分标准；请创建 {path}（clinconsensus new 会同时生成两个文件）"},
    Entry{"integrity/orphan-rubric", "rubric {id} has no case; create {path} or delete this rubric",
          "评分标准 {id} 没有对应病例；请创建 {path} 或删除该评分标准"},
    Entry{"integrity/duplicate-case-id", "case id {id} is also used by {other}; give every case its own id",
          "病例编号 {id} 同时被 {other} 使用；每个病例须有唯一编号"},
    Entry{"integrity/criteria-count", "the rubric has {n} criteria; exactly {expected} are required ({action})",
          "评分标准共有 {n} 条；要求恰好 {expected} 条（{action}）"},
    Entry{"integrity/criteria-count.add", "add {n}", "请补充 {n} 条"},
    Entry{"integrity/criteria-count.remove", "remove {n}", "请删除 {n} 条"},
    Entry{"integrity/duplicate-criterion-id", "criterion_id {cid} is used twice (first at line {line}); give each criterion its own id",
          "criterion_id {cid} 重复（首次出现在第 {line} 行）；每条标准须有唯一编号"},
    Entry{"integrity/criterion-id-prefix", "criterion_id {cid} must start with the case id, e.g. {expected}",
          "criterion_id {cid} 必须以病例编号开头，例如 {expected}"},
    Entry{"integrity/unknown-label", "'{value}' is not a known {dimension} (see {taxonomy}){suggestion}",
          "“{value}”不是已知的{dimension}（参见 {taxonomy}）{suggestion}"},
    Entry{"integrity/primary-not-in-labels", "the primary {dimension} '{value}' is missing from {list}; add it there",
          "主{dimension}“{value}”未列入 {list}；请加入"},
    Entry{"integrity/audience-role", "audience is '{audience}' but user_role '{role}' reads as {expected}; set audience: {expected} or reword the role",
          "audience 为“{audience}”，但 user_role“{role}”属于 {expected}；请改为 audience: {expected} 或修改提问者身份"},
    Entry{"integrity/min-axes", "the rubric uses {n} axis(es); use at least {min} (e.g. 准确性, 完整性, 安全性)",
          "评分标准只涉及 {n} 个维度；至少需要 {min} 个（如准确性、完整性、安全性）"},
    Entry{"integrity/safety-criterion", "the rubric has {n} 安全性 (safety) criteria; at least {min} expected",
          "评分标准只有 {n} 条安全性标准；至少需要 {min} 条"},
    Entry{"integrity/case-mismatch", "the rubric's case_id '{id}' is not the case of this file name '{stem}'",
          "评分标准的 case_id“{id}”与文件名“{stem}”不一致"},
    // Text.
    Entry{"text/encoding", "the file is not UTF-8 (byte 0x{byte}){detected}; save it as UTF-8{how}",
          "文件不是 UTF-8 编码（字节 0x{byte}）{detected}；请另存为 UTF-8{how}"},
    Entry{"text/encoding.detected", "; it looks like {charset}", "；疑似 {charset} 编码"},
    Entry{"text/encoding.fix", ", or run `clinconsensus fix` to convert it", "，或运行 clinconsensus fix 自动转换"},
    Entry{"text/nfc", "text is not in Unicode NFC form ('{text}'); `clinconsensus fix` normalises it",
          "文本不是 Unicode NFC 规范形式（“{text}”）；clinconsensus fix 可自动规范化"},
    Entry{"text/invisible", "invisible character {name} (U+{code}); remove it", "不可见字符 {name}（U+{code}）；请删除"},
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
    Entry{"io/write", "cannot write the file: {detail}", "无法写入文件：{detail}"},
    Entry{"text/more", "{n} more text findings in this file are not listed; `clinconsensus fix` handles the fixable ones",
          "本文件另有 {n} 条文本问题未列出；clinconsensus fix 可自动修复其中可修复的部分"},
    Entry{"text/unit-spelling", "unit written '{text}' here but '{other}' elsewhere in this file; use one spelling",
          "单位在此写作“{text}”，本文件其他地方写作“{other}”；请统一写法"},
    // Privacy.
    Entry{"pii/id-card",
          "this looks like a Chinese resident ID number; remove it (cases must not contain personal data) or, if it is not one, record a reviewed exception",
          "疑似居民身份证号码；请删除（病例中不得含有个人信息），如确认不是身份证号，请登记经审核的例外"},
    Entry{"pii/mobile",
          "this looks like a mobile phone number; remove it or, if it is not one, record a reviewed exception",
          "疑似手机号码；请删除，如确认不是手机号，请登记经审核的例外"},
    Entry{"pii/landline",
          "this looks like a landline phone number; remove it or, if it is not one, record a reviewed exception",
          "疑似固定电话号码；请删除，如确认不是电话号码，请登记经审核的例外"},
    Entry{"pii/email",
          "this looks like an e-mail address; remove it or, if it is not personal, record a reviewed exception",
          "疑似电子邮箱地址；请删除，如确认不属于个人信息，请登记经审核的例外"},
    Entry{"pii/record-number",
          "this looks like a hospital record number (admission, outpatient or chart number); remove it or mask it (e.g. XXXX), or record a reviewed exception",
          "疑似医院病历号（住院号、门诊号、病案号等）；请删除或脱敏（如改为 XXXX），如确认无误，请登记经审核的例外"},
    Entry{"pii/name",
          "this looks like a real personal name in a name field; mask it (e.g. 张某) or remove it, or record a reviewed exception",
          "姓名栏中疑似真实姓名；请脱敏（如改为“张某”）或删除，如确认无误，请登记经审核的例外"},
    Entry{"pii/birth-date-with-name",
          "an exact date of birth in the same text as the patient's name; give the age instead (e.g. 58岁) or remove the name, or record a reviewed exception",
          "精确出生日期与患者姓名出现在同一段文本中；请改写为年龄（如“58岁”）或删除姓名，如确认无误，请登记经审核的例外"},
    // Project files.
    Entry{"config/not-found", "no clinconsensus.yaml found in {dir} or any parent; run inside a benchmark repository or pass -C DIR",
          "在 {dir} 及其上级目录中未找到 clinconsensus.yaml；请在基准仓库内运行或使用 -C DIR"},
    Entry{"config/invalid", "{detail}", "{detail}"},
    // The command line.
    Entry{"cli/chdir", "cannot run in '{dir}' (-C): {detail}", "无法在“{dir}”中运行（-C）：{detail}"},
    Entry{"cli/unknown-command", "unknown command '{name}'{suggestion}; `clinconsensus --help` lists the commands",
          "未知命令“{name}”{suggestion}；运行 clinconsensus --help 查看可用命令"},
    // Usage errors (tools/cli/usage_errors.cpp): English is CLI11's own wording.
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
    Entry{"taxonomy/invalid", "taxonomy {detail}", "分类表 {detail}"},
    // Suggestions and words used inside messages.
    Entry{"word/did-you-mean", "; did you mean '{value}'?", "；是否应为“{value}”？"},
    Entry{"word/did-you-mean-named", "; did you mean '{value}' ({name})?", "；是否应为“{value}”（{name}）？"},
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
};

}  // namespace

std::string_view lang_code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

namespace {

std::string format_args(std::string_view tmpl, std::span<const MessageArg> args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

}  // namespace

std::string format_template(std::string_view tmpl, std::initializer_list<MessageArg> args) {
  return format_args(tmpl, std::span<const MessageArg>(args.begin(), args.size()));
}


std::string message_from(std::span<const MessageEntry> catalog, Lang lang, std::string_view id,
                         std::initializer_list<MessageArg> args) {
  for (const auto& e : catalog) {
    if (e.id != id) continue;
    if (lang == Lang::En) return format_template(e.en, args);
    // The reason of a failed system call ("detail" or "why": a file that cannot be read)
    // in Chinese too, so no English is left in a Chinese message. Only those arguments:
    // a quoted value of the user's stays as written.
    std::vector<MessageArg> zh_args(args);
    for (auto& [name, value] : zh_args)
      if (name == "detail" || name == "why") value = chinese_os_errors(std::move(value));
    return format_args(e.zh, zh_args);
  }
  return std::string(id);
}

std::string message(Lang lang, std::string_view id, std::initializer_list<MessageArg> args) {
  return message_from(kCatalog, lang, id, args);
}

}  // namespace cc
