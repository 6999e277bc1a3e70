# Message tables as data: a JSON file beside a library holds its messages, and configure
# turns it into a header of constexpr MessageEntry entries, so translators edit text without
# touching C++ while the tables stay checked at compile time (core/messages/check.h) and
# inside the one binary. CMake's own string(JSON) reads the file; no other tool is needed.
#
# The JSON file is an array. Each object is either a message, {"id", "en", "zh"}, all
# three non-empty text, or a comment, {"about"}, written into the header where it stands.

# The raw-literal delimiter of the generated text: R"m(...)m".
set(CC_MESSAGE_DELIMITER "m")

# Stops configure with `what`, naming the JSON file `shown` and, where known, the entry.
function(_cc_message_fail what)
  message(FATAL_ERROR "${shown}: ${what}")
endfunction()

# Sets `out` to `stem` in the form of a C++ constant: "io_yaml" -> "kIoYaml".
function(_cc_message_constant_name stem out)
  string(REPLACE "_" ";" parts "${stem}")
  set(name "k")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 head)
    string(SUBSTRING "${part}" 1 -1 tail)
    string(TOUPPER "${head}" head)
    string(APPEND name "${head}${tail}")
  endforeach()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# cc_message_table(JSON <file> HEADER <include path> NAMESPACE <ns> [NAME <constant>])
#
# Reads the JSON file (relative to the current source folder) and writes
# ${CMAKE_BINARY_DIR}/generated/<include path>, holding
#   inline constexpr std::array <constant> = { MessageEntry{R"m(id)m", R"m(en)m", R"m(zh)m"}, ... };
# in namespace <ns>. <constant> defaults to the file's name: io_yaml.json -> kIoYaml.
# The header is rewritten only when its text changes, so an unchanged table rebuilds
# nothing; an edit of the JSON file reconfigures. A file that is not such an array, an
# entry without id, en or zh, a key of another name, or a text holding the delimiter
# ")m\"" stops configure with a message naming the file and the entry.
function(cc_message_table)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "JSON;HEADER;NAMESPACE;NAME" "")
  if(NOT arg_JSON OR NOT arg_HEADER OR NOT arg_NAMESPACE)
    message(FATAL_ERROR "cc_message_table needs JSON, HEADER and NAMESPACE")
  endif()
  get_filename_component(json "${arg_JSON}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  file(RELATIVE_PATH shown "${CMAKE_SOURCE_DIR}" "${json}")
  set(name "${arg_NAME}")
  if(NOT name)
    get_filename_component(stem "${json}" NAME_WE)
    _cc_message_constant_name("${stem}" name)
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${json}")

  if(NOT EXISTS "${json}")
    _cc_message_fail("missing; it holds the messages of ${arg_HEADER}")
  endif()
  file(READ "${json}" text)
  string(JSON type ERROR_VARIABLE err TYPE "${text}")
  if(err)
    _cc_message_fail("not valid JSON: ${err}")
  elseif(NOT type STREQUAL "ARRAY")
    _cc_message_fail("must be an array of messages, not ${type}")
  endif()
  string(JSON count LENGTH "${text}")
  if(count EQUAL 0)
    _cc_message_fail("holds no message")
  endif()

  set(close ")${CC_MESSAGE_DELIMITER}\"")
  set(body "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    math(EXPR number "${i} + 1")
    # The one parse of the whole file per entry; the entry's fields are read from its own
    # text (a text or a number comes back bare, which does not parse as an object).
    string(JSON entry GET "${text}" ${i})
    string(JSON type ERROR_VARIABLE err TYPE "${entry}")
    if(err OR NOT type STREQUAL "OBJECT")
      _cc_message_fail("entry ${number} must be an object, {\"id\", \"en\", \"zh\"} or {\"about\"}: ${entry}")
    endif()
    string(JSON about ERROR_VARIABLE no_about GET "${entry}" about)
    if(NOT no_about)
      string(JSON members LENGTH "${entry}")
      if(NOT members EQUAL 1)
        _cc_message_fail("entry ${number}: an {\"about\"} comment holds nothing else")
      endif()
      if(about MATCHES "\\\\$")
        _cc_message_fail("entry ${number}: an {\"about\"} comment may not end with a backslash")
      endif()
      string(REPLACE "\n" "\n    // " about "${about}")
      string(APPEND body "    // ${about}\n")
      continue()
    endif()

    string(JSON id ERROR_VARIABLE err GET "${entry}" id)
    if(err)
      _cc_message_fail("entry ${number} has no \"id\" (nor is it an {\"about\"} comment)")
    endif()
    foreach(key id en zh)
      set(where "entry ${number} (\"${id}\")")
      string(JSON type ERROR_VARIABLE err TYPE "${entry}" ${key})
      if(err)
        _cc_message_fail("${where} has no \"${key}\"; every message needs id, en and zh")
      endif()
      if(NOT type STREQUAL "STRING")
        _cc_message_fail("${where}: \"${key}\" must be text, not ${type}")
      endif()
      string(JSON v_${key} GET "${entry}" ${key})
      if(v_${key} STREQUAL "")
        _cc_message_fail("${where}: \"${key}\" is empty")
      endif()
      string(FIND "${v_${key}}" "${close}" at)
      if(at GREATER -1)
        set(why "holds ${close}, which would end the generated literal early")
        _cc_message_fail("${where}: \"${key}\" ${why}; reword it or change CC_MESSAGE_DELIMITER")
      endif()
    endforeach()
    string(JSON members LENGTH "${entry}")
    if(NOT members EQUAL 3)
      _cc_message_fail("entry ${number} (\"${id}\") has a key other than id, en and zh")
    endif()
    set(d "${CC_MESSAGE_DELIMITER}")
    string(APPEND body "    MessageEntry{R\"${d}(${v_id})${d}\",\n"
                       "                 R\"${d}(${v_en})${d}\",\n"
                       "                 R\"${d}(${v_zh})${d}\"},\n")
  endforeach()

  set(header "${CMAKE_BINARY_DIR}/generated/${arg_HEADER}")
  set(content "#pragma once
// Generated at configure time by cmake/MessageTables.cmake from ${shown}:
// edit the JSON file, not this header.
#include <array>

#include \"core/messages.h\"
#include \"core/messages/check.h\"

namespace ${arg_NAMESPACE} {

inline constexpr std::array ${name} = {
${body}};
static_assert(::cc::messages::well_formed(${name}),
              \"an entry of ${shown} breaks the rules of core/messages/check.h\");

}  // namespace ${arg_NAMESPACE}
")
  set(old "")
  if(EXISTS "${header}")
    file(READ "${header}" old)
  endif()
  if(NOT old STREQUAL content)
    file(WRITE "${header}" "${content}")
  endif()
endfunction()
