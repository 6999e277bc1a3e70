#include "core/jsonl.h"

#include "core/yaml_loader.h"

namespace cc {

Result<void> for_each_jsonl_line(std::string_view text, const std::function<Result<void>(const JsonlLine&)>& each) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t pos = 0;
  for (int n = 1; pos < text.size(); ++n) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    CC_TRY(each(JsonlLine{n, line, nlohmann::json::parse(line.begin(), line.end(), nullptr, false)}));
  }
  return {};
}

Result<void> for_each_jsonl_object(const std::string& path, const JsonlMessages& messages,
                                   const std::function<Result<void>(const nlohmann::json&, int line)>& each) {
  Result<std::string> text = read_file(path);
  if (!text)
    return Error(messages.unreadable ? messages.unreadable(text.error().message)
                                     : "cannot read " + path + ": " + text.error().message,
                 Error::Kind::Input);
  return for_each_jsonl_line(*text, [&](const JsonlLine& line) -> Result<void> {
    if (!line.value.is_object())
      return Error(path + ":" + std::to_string(line.number) + ": " + messages.not_object, Error::Kind::Input);
    return each(line.value, line.number);
  });
}

}  // namespace cc
