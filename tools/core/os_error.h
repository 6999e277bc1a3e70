#pragma once
// OS errors in the reader's language: the C library words its errors in English
// (strerror: "No such file or directory", also inside std::error_code messages), and a
// message naming one must read in one language. The common errno values have Chinese
// texts here; message_from (core/messages.h) puts them in the reason (`detail`, `why`)
// of every Chinese message.
#include <string>

namespace cc {

// `text` with every C library error text of a common errno value in it replaced by its
// Chinese one ("无法读取文件：No such file or directory" → "无法读取文件：文件或文件夹不存在").
// Text naming no such error, and errno values without a Chinese text, stay as they are.
std::string chinese_os_errors(std::string text);

}  // namespace cc
