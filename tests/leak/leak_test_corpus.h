#pragma once
// Generated texts and corpora for the leak tests: cases drawn from a fixed alphabet of
// Chinese characters, digits, units and punctuation; noise from the same alphabet (so a
// clean corpus looks like the cases character by character and shares no long run); and
// the ways a case is planted — whole, reformatted (width, punctuation, spacing, line
// breaks) and by half.
#include <random>
#include <string>
#include <vector>

#include "leak/gram_index.h"

namespace cc::test {

class LeakCorpusMaker {
 public:
  explicit LeakCorpusMaker(uint32_t seed) : rng_(seed) {}

  // One random piece of the alphabet: a Chinese character (most often), a number with a
  // unit, or a punctuation mark.
  std::string piece() {
    static const std::vector<std::string> han = {
        "患", "者", "女", "男", "岁", "月", "反", "复", "发", "作", "心", "悸", "血", "压", "糖",
        "尿", "病", "服", "用", "药", "物", "每", "日", "次", "检", "查", "示", "肾", "功", "能",
        "医", "生", "建", "议", "治", "疗", "抗", "凝", "出", "头", "痛", "咳", "嗽", "热", "胸",
        "闷", "气", "短", "肝", "肺", "胃", "肠", "骨", "关", "节", "疼", "缓", "解", "加", "重"};
    static const std::vector<std::string> punct = {"，", "。", "；", "：", "、", "（", "）"};
    static const std::vector<std::string> units = {" mg", " g", " mmHg", " mL", "%", " U/L"};
    const int r = static_cast<int>(rng_() % 100);
    if (r < 82) return han[rng_() % han.size()];
    if (r < 92) return punct[rng_() % punct.size()];
    return std::to_string(rng_() % 200) + units[rng_() % units.size()];
  }
  std::string text(size_t pieces) {
    std::string s;
    for (size_t i = 0; i < pieces; ++i) s += piece();
    return s;
  }
  // Noise lines of about `width` pieces each, `bytes` in all.
  std::string noise(size_t bytes, size_t width = 40) {
    std::string s;
    while (s.size() < bytes) s += text(width) + "\n";
    return s;
  }
  // `count` cases "CASE-i", each a context of 220 pieces and a request of 50.
  std::vector<leak::LeakText> cases(size_t count) {
    std::vector<leak::LeakText> out;
    for (size_t i = 0; i < count; ++i) out.push_back({"CASE-" + std::to_string(i), {text(220), text(50)}});
    return out;
  }

  // The text reformatted: Chinese punctuation → ASCII with spaces, ASCII digits → full
  // width, extra spaces, and a line break every `wrap` bytes or so.
  static std::string reformat(const std::string& s, size_t wrap = 60) {
    std::string out;
    size_t since = 0;
    for (size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      const std::string c = s.substr(i, len);
      i += len;
      if (c == "，")
        out += ", ";
      else if (c == "。")
        out += ". ";
      else if (c == "；")
        out += " ; ";
      else if (c == "：")
        out += ":";
      else if (c == "（")
        out += " (";
      else if (c == "）")
        out += ") ";
      else if (len == 1 && c[0] >= '0' && c[0] <= '9')
        out += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c[0] - '0')));
      else if (c == " ")
        out += "  ";
      else
        out += c;
      if ((since += len) >= wrap && len == 3) out += "\n", since = 0;
    }
    return out;
  }
  // The first half of a text, by bytes, cut at a character.
  static std::string first_half(const std::string& s) {
    size_t cut = s.size() / 2;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    return s.substr(0, cut);
  }

 private:
  std::mt19937 rng_;
};

}  // namespace cc::test
