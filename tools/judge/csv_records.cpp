#include "judge/csv_records.h"

#include "judge/judge_messages.h"
#include "scoring/output/text_format.h"

namespace cc::judge {

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, Lang lang) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  std::string field;
  int line = 1;
  bool in_record = false;  // a field of this record has begun
  size_t i = 0;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.push_back(std::move(rec));
    rec = CsvRecord{};
    in_record = false;
  };
  while (i < text.size()) {
    if (!in_record) {
      rec.line = line;
      in_record = true;
    }
    char c = text[i];
    if (c == '"' && field.empty()) {
      int opened = line;
      ++i;
      for (;;) {
        if (i >= text.size())
          return Error(judge_message(lang, "csv/unclosed", {{"line", std::to_string(opened)}}), Error::Kind::Input);
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        return Error(judge_message(lang, "csv/after-quote", {{"line", std::to_string(line)}}), Error::Kind::Input);
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      end_record();
      continue;
    }
    field += c;
    ++i;
  }
  if (in_record) {
    end_record();
  }
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += scoring::csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace cc::judge
