// Privacy rules (see pii_rules.h). One pass over the bytes: runs of ASCII digits go to
// the number rules, '@' to the e-mail rule, and the ideographs 号 名 生 者 (found by
// their last UTF-8 byte) to the label rules. Everything else is skipped, 16 bytes at a
// time with SSE2. A value without a trigger costs one pass and no allocation.
#include "text/pii_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cc {
namespace {

using Bytes = std::string_view;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

// Whether literal `lit` starts at byte i (at) or ends just before byte i (ends_at). The
// literal's length is a constant, so the comparison compiles to a few instructions.
template <size_t N>
bool at(Bytes s, size_t i, const char (&lit)[N]) {
  return i + (N - 1) <= s.size() && __builtin_memcmp(s.data() + i, lit, N - 1) == 0;
}
template <size_t N>
bool ends_at(Bytes s, size_t i, const char (&lit)[N]) {
  return i >= N - 1 && i <= s.size() && __builtin_memcmp(s.data() + i - (N - 1), lit, N - 1) == 0;
}
bool at(Bytes s, size_t i, Bytes lit) { return i <= s.size() && s.substr(i).starts_with(lit); }
bool ends_at(Bytes s, size_t i, Bytes lit) { return i >= lit.size() && i <= s.size() && s.substr(0, i).ends_with(lit); }

size_t digits_from(Bytes s, size_t i) {
  size_t e = i;
  while (e < s.size() && is_digit(s[e])) ++e;
  return e;
}

int number(Bytes s, size_t b, size_t e) {
  int v = 0;
  for (size_t i = b; i < e; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// The code point at byte i when it is ASCII or a 3-byte sequence (all of CJK), with its
// length; anything else (end of text, other lengths, malformed) is U+FFFD of length 1.
char32_t cp_at(Bytes s, size_t i, size_t* len) {
  auto u = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k])); };
  *len = 1;
  if (i >= s.size()) return 0xFFFD;
  if (u(i) < 0x80) return u(i);
  if ((u(i) & 0xF0) != 0xE0 || i + 3 > s.size() || (u(i + 1) & 0xC0) != 0x80 || (u(i + 2) & 0xC0) != 0x80)
    return 0xFFFD;
  *len = 3;
  return (u(i) & 0x0F) << 12 | (u(i + 1) & 0x3F) << 6 | (u(i + 2) & 0x3F);
}

bool is_ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// A number glued to letters, digits or a code ("0.13812345678", "A-1381...", "x@y") is
// part of something longer. '/' glues only to letters: 140/90 and 138.../139... are two.
bool glued_left(Bytes s, size_t b) {
  if (b == 0) return false;
  char c = s[b - 1];
  if (is_alnum(c)) return true;
  if (c == '.' || c == '_' || c == '-') return b >= 2 && is_alnum(s[b - 2]);
  if (c == '/') return b >= 2 && is_alpha(s[b - 2]);
  return false;
}

bool glued_right(Bytes s, size_t e) {
  if (e >= s.size()) return false;
  char c = s[e];
  if (is_alnum(c) || c == '@') return true;
  if (c == '.' || c == '_' || c == '-') return e + 1 < s.size() && is_alnum(s[e + 1]);
  if (c == '/') return e + 1 < s.size() && is_alpha(s[e + 1]);
  return false;
}

// A unit or multiplier after a number makes it a measurement: "1350000000 个/L", "… mg".
bool unit_follows(Bytes s, size_t e) {
  if (e < s.size() && s[e] == ' ') {
    ++e;
    size_t w = e;
    while (w < s.size() && is_alpha(s[w])) ++w;
    static constexpr Bytes kUnits[] = {"g",    "mg",   "ug", "kg", "ml",     "mL",    "L",   "l",
                                       "mmol", "umol", "IU", "U",  "copies", "cells", "cfu", "CFU"};
    for (Bytes unit : kUnits)
      if (s.substr(e, w - e) == unit) return true;
  }
  if (e >= s.size()) return false;
  if (s[e] == '%' || s[e] == '*' || s[e] == '^') return true;
  if (at(s, e, "×")) return true;
  // UTF-8 lead and continuation bytes differ, so a 3-byte match is always aligned.
  return e + 3 <= s.size() &&
         Bytes("个次元毫微纳克升例倍万亿千百拷份片粒支袋瓶盒只株").find(s.substr(e, 3)) != Bytes::npos;
}

bool valid_date(int y, int m, int d) {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && !leap ? 28 : kDays[m - 1]);
}

// Province-level region codes (first two digits of a resident ID).
bool valid_region(Bytes s, size_t b) {
  int p = number(s, b, b + 2);
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
         (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || (p >= 81 && p <= 83);
}

// 17 digits at b and the check character at b+17 (ISO 7064 MOD 11-2).
bool valid_id18(Bytes s, size_t b) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (!valid_region(s, b)) return false;
  if (!valid_date(number(s, b + 6, b + 10), number(s, b + 10, b + 12), number(s, b + 12, b + 14))) return false;
  int sum = 0;
  for (size_t k = 0; k < 17; ++k) sum += (s[b + k] - '0') * kWeights[k];
  return (s[b + 17] == 'x' ? 'X' : s[b + 17]) == "10X98765432"[sum % 11];
}

// 15 digits: region + YYMMDD (19YY) + sequence, and only after an ID label nearby.
bool valid_id15(Bytes s, size_t b) {
  if (!valid_region(s, b)) return false;
  if (!valid_date(1900 + number(s, b + 6, b + 8), number(s, b + 8, b + 10), number(s, b + 10, b + 12))) return false;
  size_t from = b > 36 ? b - 36 : 0;
  Bytes before = s.substr(from, b - from);
  return before.find("身份证") != Bytes::npos || before.find("证件号") != Bytes::npos;
}

// Separators between a label and its value: ：: 为 是 在 # and spaces, at most four.
size_t skip_separators(Bytes s, size_t i, int* count = nullptr) {
  int n = 0;
  for (; n < 4; ++n) {
    if (i < s.size() && (s[i] == ':' || s[i] == ' ' || s[i] == '#'))
      ++i;
    else if (at(s, i, "：") || at(s, i, "为") || at(s, i, "是") || at(s, i, "在") || at(s, i, "\u3000"))
      i += 3;
    else
      break;
  }
  if (count) *count = n;
  return i;
}

// A full date at i: YYYY年M月D日 (or 号), YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD; its end or 0.
size_t parse_date(Bytes s, size_t i) {
  size_t y = digits_from(s, i);
  if (y - i != 4 || y >= s.size()) return 0;
  size_t m0, m1, d0, d1, end;
  if (at(s, y, "年")) {
    m0 = y + 3, m1 = digits_from(s, m0);
    if (!at(s, m1, "月")) return 0;
    d0 = m1 + 3, d1 = digits_from(s, d0);
    if (!at(s, d1, "日") && !at(s, d1, "号")) return 0;
    end = d1 + 3;
  } else if (s[y] == '-' || s[y] == '/' || s[y] == '.') {
    m0 = y + 1, m1 = digits_from(s, m0);
    if (m1 >= s.size() || s[m1] != s[y]) return 0;
    d0 = m1 + 1, d1 = end = digits_from(s, d0);
    if (glued_right(s, end)) return 0;
  } else {
    return 0;
  }
  if (m1 - m0 < 1 || m1 - m0 > 2 || d1 - d0 < 1 || d1 - d0 > 2) return 0;
  return valid_date(number(s, i, y), number(s, m0, m1), number(s, d0, d1)) ? end : 0;
}

// About the hundred most common surnames, then compound ones; all 3-byte UTF-8.
constexpr Bytes kSurnames =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁"
    "任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴"
    "严欧莫孔向常汤康易乔赖文施洪辛";
constexpr Bytes kCompoundSurnames = "欧阳司马上官诸葛东方皇甫尉迟公孙慕容令狐夏侯长孙宇文司徒端木";
// Given-name parts that are titles or masks, not names.
constexpr std::array<Bytes, 12> kNotGivenNames = {"先生", "女士", "小姐", "老师", "医生", "大夫",
                                                  "同学", "师傅", "阿姨", "某某", "氏",   "老"};

// One bit per ideograph U+4E00..U+9FFF: set for the surnames above. Built at compile time.
constexpr auto kSurnameBits = [] {
  std::array<uint64_t, (0xA000 - 0x4E00) / 64> bits{};
  for (size_t i = 0; i + 3 <= kSurnames.size(); i += 3) {
    auto b = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(kSurnames[i + k])); };
    unsigned c = ((b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F)) - 0x4E00;
    bits[c / 64] |= uint64_t{1} << (c % 64);
  }
  return bits;
}();

// A surname at i: its end, or 0.
size_t parse_surname(Bytes s, size_t i) {
  if (i + 6 <= s.size())
    for (size_t k = 0; k < kCompoundSurnames.size(); k += 6)
      if (__builtin_memcmp(s.data() + i, kCompoundSurnames.data() + k, 6) == 0) return i + 6;
  size_t len;
  char32_t c = cp_at(s, i, &len);
  if (c < 0x4E00 || c >= 0xA000) return 0;
  return kSurnameBits[(c - 0x4E00) / 64] >> ((c - 0x4E00) % 64) & 1 ? i + 3 : 0;
}

// Up to `max` ideographs of a given name after a surname; *end gets the end of each.
int parse_given(Bytes s, size_t i, int max, std::array<size_t, 3>& ends) {
  int n = 0;
  for (; n < max; ++n) {
    size_t len;
    char32_t c = cp_at(s, i, &len);
    if (!is_ideograph(c) || c == U'某') break;
    i += len;
    ends[n] = i;
  }
  return n;
}

bool real_given_name(Bytes given) {
  return std::find(kNotGivenNames.begin(), kNotGivenNames.end(), given) == kNotGivenNames.end() &&
         given.find("某") == Bytes::npos;
}

// Words a surname character starts in clinical prose (患者高龄，女): not names.
bool clinical_word(Bytes s, size_t i) {
  static constexpr Bytes kWords[] = {"高龄", "高热", "高烧", "高危", "高血", "康复",
                                     "严重", "易感", "常规", "常年", "孔径", "方便"};
  for (Bytes w : kWords)
    if (at(s, i, w)) return true;
  return false;
}

// A cue after a patient's name: ，男 / ，女 / ，58岁 / 先生 / 女士.
bool gender_age_cue(Bytes s, size_t i) {
  if (at(s, i, "先生") || at(s, i, "女士")) return true;
  if (i < s.size() && (s[i] == ',' || s[i] == ' '))
    ++i;
  else if (at(s, i, "，") || at(s, i, "、"))
    i += 3;
  else
    return false;
  if (at(s, i, "男") || at(s, i, "女")) return true;
  size_t d = digits_from(s, i);
  return d > i && d - i <= 3 && at(s, d, "岁");
}

// The ideographs a label rule starts at, each written once: the scanner compares their
// three UTF-8 bytes, taken from the literal at compile time.
struct Trigger {
  unsigned char b0, b1, b2;
  bool ends_at(const unsigned char* p) const { return p[0] == b2 && p[-1] == b1 && p[-2] == b0; }
};
template <size_t N>
constexpr Trigger trigger_of(const char (&utf8)[N]) {
  static_assert(N == 4, "a trigger is one three-byte UTF-8 character");
  return Trigger{static_cast<unsigned char>(utf8[0]), static_cast<unsigned char>(utf8[1]),
                 static_cast<unsigned char>(utf8[2])};
}
constexpr Trigger kRecordTrigger = trigger_of("号");   // 住院号 门诊号 …
constexpr Trigger kNameTrigger = trigger_of("名");     // 姓名
constexpr Trigger kBirthTrigger = trigger_of("生");    // 出生日期 生日
constexpr Trigger kPatientTrigger = trigger_of("者");  // 患者
constexpr std::array kTriggers = {kRecordTrigger, kNameTrigger, kBirthTrigger, kPatientTrigger};
// The scalar loop stops at a trigger's last byte: those must be distinct, and none may be
// an ASCII byte (which the digit and '@' tests own).
static_assert([] {
  for (size_t a = 0; a < kTriggers.size(); ++a) {
    if (kTriggers[a].b2 < 0x80) return false;
    for (size_t b = a + 1; b < kTriggers.size(); ++b)
      if (kTriggers[a].b2 == kTriggers[b].b2) return false;
  }
  return true;
}());

// The first byte at or after i where a rule may start: an ASCII digit, '@', or the last
// byte of a trigger ideograph. With SSE2, 16 bytes at a time, comparing each byte and the
// two before it; the scalar loop may stop early.
size_t next_stop(Bytes s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#if defined(__SSE2__)
  for (; i < 2 && i < n; ++i)  // the loads below read two bytes back
    if (is_digit(s[i]) || s[i] == '@') return i;
  auto eq = [](__m128i v, int b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  auto ideograph = [&](__m128i v0, __m128i v1, __m128i v2, const Trigger& t) {
    return _mm_and_si128(_mm_and_si128(eq(v0, t.b0), eq(v1, t.b1)), eq(v2, t.b2));
  };
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i x1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 1));
    __m128i x2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 2));
    __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d), eq(x, '@'));
    for (const Trigger& t : kTriggers) m = _mm_or_si128(m, ideograph(x2, x1, x, t));
    if (int mask = _mm_movemask_epi8(m)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  auto is_trigger_end = [](unsigned char c) {
    return std::any_of(kTriggers.begin(), kTriggers.end(), [c](const Trigger& t) { return t.b2 == c; });
  };
  while (i < n && !is_digit(s[i]) && s[i] != '@' && !is_trigger_end(p[i])) ++i;
  return i;
}

struct Match {
  int rule;  // index into kRules; also the priority when matches overlap
  size_t begin, end;
};

// The rules in order of priority, each beside its id; the static_assert keeps the table
// and the enum in step (a rule added to one only does not compile).
enum Rule { kIdCard, kMobile, kLandline, kEmail, kRecord, kName, kBirthDate, kRuleCount };
struct RuleId {
  Rule rule;
  const char* id;
};
constexpr std::array kRules = {RuleId{kIdCard, "pii/id-card"},
                               RuleId{kMobile, "pii/mobile"},
                               RuleId{kLandline, "pii/landline"},
                               RuleId{kEmail, "pii/email"},
                               RuleId{kRecord, "pii/record-number"},
                               RuleId{kName, "pii/name"},
                               RuleId{kBirthDate, "pii/birth-date-with-name"}};
static_assert(kRules.size() == kRuleCount, "one kRules entry per Rule");
static_assert(
    [] {
      for (size_t i = 0; i < kRules.size(); ++i)
        if (kRules[i].rule != static_cast<Rule>(i)) return false;
      return true;
    }(),
    "kRules in the order of Rule");

// The state of one scan over one value.
struct Scanner {
  Bytes s;
  std::vector<Match> found;
  std::vector<Match> birth_dates;  // kept until the end: they count only next to a name
  bool names_patient = false;

  void add(Rule r, size_t b, size_t e) { found.push_back({r, b, e}); }

  // Mobile number [b, e): extend over a +86 / 86 prefix, then check both sides.
  void mobile(size_t b, size_t e) {
    size_t p = b;
    size_t q = p > 0 && (s[p - 1] == ' ' || s[p - 1] == '-') ? p - 1 : p;
    if (q >= 2 && s[q - 2] == '8' && s[q - 1] == '6' && (q == 2 || !is_digit(s[q - 3]))) {
      if (q >= 3 && s[q - 3] == '+')
        p = q - 3;
      else if (q == p)
        p = q - 2;  // "86" attached without '+': part of the digit run
    } else if (p > 0 && s[p - 1] == '+') {
      p = p - 1;
    }
    if (glued_left(s, p) || glued_right(s, e) || unit_follows(s, e)) return;
    add(kMobile, p, e);
  }

  // A run of digits at b: every number rule. Returns where scanning continues.
  size_t digits(size_t b) {
    size_t e = digits_from(s, b);
    size_t len = e - b;
    bool mobile_start = len >= 2 && s[b] == '1' && s[b + 1] >= '3';
    if (len == 11 && mobile_start) {
      mobile(b, e);
    } else if (len == 13 && s[b] == '8' && s[b + 1] == '6' && s[b + 2] == '1' && s[b + 3] >= '3') {
      mobile(b + 2, e);
    } else if ((len == 18 || (len == 17 && e < s.size() && (s[e] == 'X' || s[e] == 'x'))) && !glued_left(s, b) &&
               !glued_right(s, b + 18) && valid_id18(s, b)) {
      add(kIdCard, b, b + 18);
      return b + 18;
    } else if (len == 15 && !glued_left(s, b) && !glued_right(s, e) && valid_id15(s, b)) {
      add(kIdCard, b, e);
    } else if (len == 3 && mobile_start) {
      return mobile_spaced(b, e);
    } else if ((len == 3 || len == 4) && s[b] == '0') {
      return landline(b, e);
    }
    return e;
  }

  // 138 1234 5678 / 138-1234-5678.
  size_t mobile_spaced(size_t b, size_t e) {
    if (e + 1 >= s.size() || (s[e] != ' ' && s[e] != '-')) return e;
    char sep = s[e];
    size_t e2 = digits_from(s, e + 1);
    if (e2 - (e + 1) != 4 || e2 + 1 >= s.size() || s[e2] != sep) return e;
    size_t e3 = digits_from(s, e2 + 1);
    if (e3 - (e2 + 1) != 4) return e;
    size_t before = found.size();
    mobile(b, e3);
    return found.size() > before ? e3 : e;
  }

  // 010-12345678, 0755-1234567(-801), (010)12345678, （0755）12345678.
  size_t landline(size_t b, size_t e) {
    // Three-digit area codes are 010 and 02X; four-digit ones 03XX to 09XX.
    bool area_ok = e - b == 3 ? ((s[b + 1] == '1' && s[b + 2] == '0') || s[b + 1] == '2') : s[b + 1] >= '3';
    if (!area_ok) return e;
    size_t start = b, q = e;
    if (b >= 1 && s[b - 1] == '(' && e < s.size() && s[e] == ')')
      start = b - 1, q = e + 1;
    else if (ends_at(s, b, "（") && at(s, e, "）"))
      start = b - 3, q = e + 3;
    if (start == b) {
      if (glued_left(s, b) || q >= s.size() || s[q] != '-') return e;
      ++q;
    } else if (q < s.size() && (s[q] == ' ' || s[q] == '-')) {
      ++q;
    }
    size_t local_end = digits_from(s, q);
    size_t local = local_end - q;
    if (local < 7 || local > 8 || (e - b == 3 && local != 8) || s[q] == '0') return e;
    size_t end = local_end;
    if (end + 1 < s.size() && s[end] == '-') {  // an extension: -801
      size_t x = digits_from(s, end + 1);
      if (x - (end + 1) >= 1 && x - (end + 1) <= 6 && !glued_right(s, x)) end = x;
    }
    if (glued_right(s, end)) return e;
    add(kLandline, start, end);
    return end;
  }

  // '@' at a: local@label.label(.label…) with an alphabetic top-level label.
  void email(size_t a) {
    auto local_char = [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
    size_t l = a;
    while (l > 0 && local_char(s[l - 1])) --l;
    while (l < a && !is_alnum(s[l])) ++l;
    if (l == a || a - l > 64 || (l > 0 && (s[l - 1] == ':' || s[l - 1] == '/'))) return;
    size_t r = a + 1, labels = 0, last = r;
    while (true) {
      size_t ls = r;
      while (r < s.size() && (is_alnum(s[r]) || s[r] == '-')) ++r;
      if (r == ls) return;
      ++labels, last = ls;
      if (r + 1 < s.size() && s[r] == '.' && is_alnum(s[r + 1]))
        ++r;
      else
        break;
    }
    if (labels < 2 || r - last < 2) return;
    for (size_t k = last; k < r; ++k)
      if (!is_alpha(s[k])) return;
    std::string domain(s.substr(a + 1, r - a - 1));
    for (char& c : domain) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static constexpr Bytes kReserved[] = {".example",    ".test",       ".invalid",   ".localhost",
                                          "example.com", "example.org", "example.net"};
    for (Bytes reserved : kReserved)
      if (Bytes(domain).ends_with(reserved)) return;
    add(kEmail, l, r);
  }

  // 号 at k: a record-number label before it, a value after it.
  void record_number(size_t k) {
    bool label = ends_at(s, k, "就诊卡");
    static constexpr Bytes kLabels[] = {"住院", "门诊", "病案", "病历", "登记", "就诊"};
    for (Bytes w : kLabels) label = label || ends_at(s, k, w);
    if (!label && k >= 2 && (s[k - 2] == 'I' || s[k - 2] == 'i') && (s[k - 1] == 'D' || s[k - 1] == 'd'))
      label = k == 2 || !is_alpha(s[k - 3]);
    if (!label) return;
    size_t v = k + 3;
    if (at(s, v, "码")) v += 3;
    v = skip_separators(s, v);
    size_t e = v;
    int alnum = 0, digit = 0;
    for (; e < s.size(); ++e) {  // letters and digits, with single hyphens inside
      if (is_alnum(s[e]))
        ++alnum, digit += is_digit(s[e]);
      else if (s[e] != '-' || e == v || e + 1 >= s.size() || !is_alnum(s[e + 1]))
        break;
    }
    if (alnum < 4 || digit == 0) return;
    Bytes value = s.substr(v, e - v);
    static constexpr Bytes kRegistries[] = {"NCT", "ChiCTR", "ISRCTN", "CTR20", "EudraCT"};  // trials
    for (Bytes registry : kRegistries)
      if (value.starts_with(registry)) return;
    bool masked = value.find("XX") != Bytes::npos || value.find("xx") != Bytes::npos ||
                  (e < s.size() && (s[e] == '*' || at(s, e, "＊") || at(s, e, "×") || at(s, e, "某")));
    if (!masked) add(kRecord, v, e);
  }

  // 名 at k: 姓名 + separator + a real-looking name is pii/name and names the patient.
  void name_field(size_t k) {
    if (!ends_at(s, k, "姓")) return;
    int seps = 0;
    size_t v = skip_separators(s, k + 3, &seps);
    size_t g = parse_surname(s, v);
    if (seps == 0 || g == 0 || (ends_at(s, v, "为") && at(s, v, "何"))) return;  // 姓名为何…
    std::array<size_t, 3> ends{};
    int n = parse_given(s, g, 3, ends);
    if (n < 1 || n > 2 || !real_given_name(s.substr(g, ends[n - 1] - g))) return;
    size_t len;
    if (cp_at(s, ends[n - 1], &len) == U'某') return;
    add(kName, v, ends[n - 1]);
    names_patient = true;
  }

  // 者 at k: 患者 + surname + 1-2 ideographs + a gender or age cue names the patient.
  void patient_name(size_t k) {
    if (!ends_at(s, k, "患")) return;
    size_t v = k + 3;
    if (v < s.size() && s[v] == ' ') ++v;
    size_t g = parse_surname(s, v);
    if (g == 0 || at(s, v, "于") || clinical_word(s, v)) return;
    std::array<size_t, 3> ends{};
    int n = parse_given(s, g, 2, ends);
    for (int i = n; i >= 1; --i)
      if (real_given_name(s.substr(g, ends[i - 1] - g)) && gender_age_cue(s, ends[i - 1])) names_patient = true;
  }

  // 生 at k: 出生日期 / 出生年月日 / 出生于 / 出生： / 生日 + separators + a full date.
  void birth_date(size_t k) {
    size_t v = k + 3;
    if (ends_at(s, k, "出")) {
      if (at(s, v, "日期"))
        v += 6;
      else if (at(s, v, "年月日"))
        v += 9;
      else if (at(s, v, "于"))
        v += 3;
      else if (!at(s, v, "：") && !(v < s.size() && s[v] == ':'))
        return;
    } else {
      if (!at(s, v, "日") || at(s, v, "日期")) return;  // 发生日期, 产生日期: not a birthday
      static constexpr Bytes kWordStarts[] = {"发", "产", "医", "先", "卫", "学", "再", "新",
                                              "寄", "衍", "派", "考", "原", "终", "共", "伴"};
      for (Bytes w : kWordStarts)
        if (ends_at(s, k, w)) return;
      v += 3;
    }
    v = skip_separators(s, v);
    if (size_t e = parse_date(s, v)) birth_dates.push_back({kBirthDate, v, e});
  }

  void run() {
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      i = next_stop(s, i);
      if (i >= n) break;
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c <= '9') {
        i = digits(i);
        continue;
      }
      if (c == '@') {
        email(i);
      } else if (i >= 2) {
        const auto* at_i = reinterpret_cast<const unsigned char*>(s.data()) + i;
        if (kRecordTrigger.ends_at(at_i))
          record_number(i - 2);
        else if (kNameTrigger.ends_at(at_i))
          name_field(i - 2);
        else if (kBirthTrigger.ends_at(at_i))
          birth_date(i - 2);
        else if (kPatientTrigger.ends_at(at_i))
          patient_name(i - 2);
      }
      ++i;
    }
    if (names_patient) found.insert(found.end(), birth_dates.begin(), birth_dates.end());
  }
};

}  // namespace

void check_pii(std::string_view value, Lang lang, TextFindings& out) {
  Scanner scan{value, {}, {}, false};
  scan.run();
  if (scan.found.empty()) return;
  // Where two rules claim the same bytes (住院号 holding a mobile number), the more
  // specific rule (the lower index) keeps them. Linear after the sort, whatever the count.
  std::sort(scan.found.begin(), scan.found.end(),
            [](auto& a, auto& b) { return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule; });
  std::vector<Match> kept;
  for (const Match& m : scan.found) {
    if (kept.empty() || m.begin >= kept.back().end)
      kept.push_back(m);
    else if (m.rule < kept.back().rule)
      kept.back() = m;
  }
  for (const Match& m : kept)
    out.push_back({kRules[m.rule].id, Severity::Error, m.begin, m.end, message(lang, kRules[m.rule].id), std::nullopt});
}

}  // namespace cc
