#include <catch2/catch.hpp>

#include "core/suggest.h"

using namespace cc;

TEST_CASE("suggest: edit_distance counts code points, not bytes", "[core][suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "心内科") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("status", "stauts") == 2);
  CHECK(edit_distance("心血管内科", "心血管外科") == 1);  // one character, three bytes
  CHECK(edit_distance("心内科", "心血管内科") == 2);
  CHECK(edit_distance("😀a", "a") == 1);  // a four-byte code point
  CHECK(edit_distance("准确性", "准确性") == 0);
  CHECK(edit_distance("ab", "ba") == 2);  // plain Levenshtein: no transpositions
}

TEST_CASE("suggest: edit_distance is symmetric", "[core][suggest]") {
  CHECK(edit_distance("内分泌科", "内分泌代谢科") == edit_distance("内分泌代谢科", "内分泌科"));
  CHECK(edit_distance("subject", "subjcet") == edit_distance("subjcet", "subject"));
}

TEST_CASE("suggest: nearest accepts plausible slips", "[core][suggest]") {
  const std::vector<std::string> keys{"case_id", "status", "subject", "subject_labels", "task"};
  CHECK(nearest("stauts", keys) == std::optional<std::string>("status"));
  CHECK(nearest("subjcet", keys) == std::optional<std::string>("subject"));
  CHECK(nearest("STATUS", keys) == std::optional<std::string>("status"));  // ASCII case ignored
  CHECK(nearest("caseid", keys) == std::optional<std::string>("case_id"));
  // A one-character slip in a Chinese label is as close as one in English.
  CHECK(nearest("心血管外科", {"神经外科", "心血管内科"}) == std::optional<std::string>("心血管内科"));
  // Containment counts even when the distance is large.
  CHECK(nearest("provenance_notes", {"authors", "provenance"}) == std::optional<std::string>("provenance"));
  // The closest candidate wins, not the first acceptable one.
  CHECK(nearest("subject_label", keys) == std::optional<std::string>("subject_labels"));
}

TEST_CASE("suggest: nearest rejects what is not a slip", "[core][suggest]") {
  const std::vector<std::string> keys{"case_id", "status", "subject"};
  CHECK_FALSE(nearest("", keys));
  CHECK_FALSE(nearest("xyzzy", keys));
  CHECK_FALSE(nearest("a", {"b"}));
  CHECK_FALSE(nearest("ab", {"xy"}));
  CHECK_FALSE(nearest("治疗", {"预防", "诊断", "干预", "随访"}));
  CHECK_FALSE(nearest("status", {}));
  // A single character is contained in many words; containment needs two or more.
  CHECK_FALSE(nearest("s", {"subject_labels"}));
}

TEST_CASE("suggest: nearest threshold is about a third of the longer string", "[core][suggest]") {
  // distance 1 of 3: accepted; distance 2 of 4 (2·3 > 4+1): rejected.
  CHECK(nearest("abd", {"abc"}) == std::optional<std::string>("abc"));
  CHECK_FALSE(nearest("abxy", {"abcd"}));
  // distance 2 of 6 (2·3 ≤ 6+1): accepted.
  CHECK(nearest("abcdxy", {"abcdef"}) == std::optional<std::string>("abcdef"));
}
