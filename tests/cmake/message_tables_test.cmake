# Tests of cmake/MessageTables.cmake, run by ctest as `cmake -DMODULE=… -DWORK=… -P` this
# file: a table with awkward text becomes the expected header, is not rewritten when
# nothing changed, and each kind of bad file stops configure naming the file and the entry.
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK}")
set(failures 0)

# Runs cc_message_table on `json` (the text of t.json) in folder WORK/<name>; sets rc,
# err and header (the generated text, if any) in the caller.
function(run_table name json)
  set(dir "${WORK}/${name}")
  file(MAKE_DIRECTORY "${dir}")
  file(WRITE "${dir}/t.json" "${json}")
  file(WRITE "${dir}/driver.cmake" "
cmake_minimum_required(VERSION 3.25)
set(CMAKE_SOURCE_DIR \"${dir}\")
set(CMAKE_BINARY_DIR \"${dir}/build\")
set(CMAKE_CURRENT_SOURCE_DIR \"${dir}\")
include(\"${MODULE}\")
cc_message_table(JSON t.json HEADER lib/t_table.h NAMESPACE cc::t)
")
  execute_process(COMMAND "${CMAKE_COMMAND}" -P driver.cmake WORKING_DIRECTORY "${dir}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  set(header "")
  if(EXISTS "${dir}/build/generated/lib/t_table.h")
    file(READ "${dir}/build/generated/lib/t_table.h" header)
  endif()
  set(rc "${rc}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
  set(header "${header}" PARENT_SCOPE)
endfunction()

function(fail what)
  message(SEND_ERROR "FAILED: ${what}")
  math(EXPR n "${failures} + 1")
  set(failures ${n} PARENT_SCOPE)
endfunction()

# Expects configure to stop with a message holding every one of ARGN.
function(expect_refused name json)
  run_table(${name} "${json}")
  if(rc EQUAL 0)
    fail("${name}: configure went on")
  endif()
  foreach(part IN LISTS ARGN)
    string(FIND "${err}" "${part}" at)
    if(at EQUAL -1)
      fail("${name}: the message lacks '${part}':\n${err}")
    endif()
  endforeach()
  set(failures ${failures} PARENT_SCOPE)
endfunction()

# A good table: ';', a backslash, quotes, \u escapes and a two-line comment come through.
set(good [=[[
  {"about": "Two lines\nof comment."},
  {"id": "a/one", "en": "x; y \\ \"q\" {n}", "zh": "\u4e2d\u6587 {n}"},
  {"id": "a/two", "en": "it's", "zh": "是"}
]
]=])
run_table(good "${good}")
set(expected [=[#pragma once
// Generated at configure time by cmake/MessageTables.cmake from t.json:
// edit the JSON file, not this header.
#include <array>

#include "core/messages.h"
#include "core/messages/check.h"

namespace cc::t {

inline constexpr std::array kT = {
    // Two lines
    // of comment.
    MessageEntry{R"m(a/one)m",
                 R"m(x; y \ "q" {n})m",
                 R"m(中文 {n})m"},
    MessageEntry{R"m(a/two)m",
                 R"m(it's)m",
                 R"m(是)m"},
};
static_assert(::cc::messages::well_formed(kT),
              "an entry of t.json breaks the rules of core/messages/check.h");

}  // namespace cc::t
]=])
if(NOT rc EQUAL 0)
  fail("good: configure stopped:\n${err}")
elseif(NOT header STREQUAL expected)
  fail("good: the header differs:\n${header}")
endif()

# Unchanged text leaves the header alone (its old time stays); changed text rewrites it.
set(h "${WORK}/good/build/generated/lib/t_table.h")
execute_process(COMMAND touch -d "2001-02-03 04:05:06" "${h}")
run_table(good "${good}")
file(TIMESTAMP "${h}" stamp "%Y")
if(NOT stamp STREQUAL "2001")
  fail("unchanged: the header was rewritten")
endif()
string(REPLACE "it's" "it is" changed "${good}")
run_table(good "${changed}")
file(TIMESTAMP "${h}" stamp "%Y")
if(stamp STREQUAL "2001" OR NOT header MATCHES "it is")
  fail("changed: the header was not rewritten")
endif()

expect_refused(malformed "[{\"id\": \"a\", \"en\": \"b\",, \"zh\": \"c\"}]" "t.json: not valid JSON")
expect_refused(not-array "{\"id\": \"a\"}" "t.json: must be an array of messages, not OBJECT")
expect_refused(empty "[]" "t.json: holds no message")
expect_refused(no-zh "[{\"id\": \"a/b\", \"en\": \"x\"}]" "t.json: entry 1 (\"a/b\") has no \"zh\"")
expect_refused(no-id "[{\"en\": \"x\", \"zh\": \"y\"}]" "t.json: entry 1 has no \"id\"")
expect_refused(number "[{\"about\": \"c\"}, {\"id\": \"a/b\", \"en\": 3, \"zh\": \"y\"}]"
               "t.json: entry 2 (\"a/b\"): \"en\" must be text, not NUMBER")
expect_refused(empty-text "[{\"id\": \"a/b\", \"en\": \"\", \"zh\": \"y\"}]" "entry 1 (\"a/b\"): \"en\" is empty")
expect_refused(extra-key "[{\"id\": \"a/b\", \"en\": \"x\", \"zh\": \"y\", \"zh_TW\": \"z\"}]"
               "entry 1 (\"a/b\") has a key other than id, en and zh")
expect_refused(bare-text "[\"a/b\"]" "t.json: entry 1 must be an object")
expect_refused(delimiter "[{\"id\": \"a/b\", \"en\": \"x)m\\\" y\", \"zh\": \"y\"}]"
               "entry 1 (\"a/b\"): \"en\" holds )m\"")
expect_refused(about-and-id "[{\"about\": \"c\", \"id\": \"a/b\"}]" "entry 1: an {\"about\"} comment holds nothing else")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} message-table checks failed")
endif()
