#include "core/os_error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace cc {
namespace {

// The Chinese text of each errno value a file, pipe or network call commonly gives.
struct OsErrorText {
  int errnum;
  std::string_view zh;
};

constexpr OsErrorText kOsErrors[] = {
    {ENOENT, "文件或文件夹不存在"},
    {EACCES, "权限不足"},
    {EPERM, "操作不被允许"},
    {EISDIR, "这是一个文件夹"},
    {ENOTDIR, "路径中的某一部分不是文件夹"},
    {ELOOP, "符号链接层级过多（可能形成循环）"},
    {ENAMETOOLONG, "文件名过长"},
    {ENOSPC, "磁盘空间不足"},
    {EDQUOT, "超出磁盘配额"},
    {EROFS, "文件系统为只读"},
    {EIO, "输入/输出错误"},
    {EMFILE, "打开的文件过多"},
    {ENFILE, "系统中打开的文件过多"},
    {ENOMEM, "内存不足"},
    {EEXIST, "文件已存在"},
    {ENOTEMPTY, "文件夹不为空"},
    {EXDEV, "不能跨文件系统移动"},
    {EBUSY, "设备或资源忙"},
    {ETXTBSY, "文件正被执行"},
    {EFBIG, "文件过大"},
    {EPIPE, "管道已断开"},
    {EINVAL, "参数无效"},
    {ENXIO, "设备或地址不存在"},
    {ENODEV, "设备不存在"},
    {EAGAIN, "资源暂时不可用"},
    {EINTR, "系统调用被中断"},
    {ECONNREFUSED, "连接被拒绝"},
    {ECONNRESET, "连接被对方重置"},
    {ETIMEDOUT, "连接超时"},
    {EHOSTUNREACH, "无法访问主机"},
    {ENETUNREACH, "无法访问网络"},
};

// (English text as this C library words it, Chinese text), longest English first, so
// "Too many open files in system" is replaced before "Too many open files".
const std::vector<std::pair<std::string, std::string_view>>& os_error_pairs() {
  static const auto pairs = [] {
    std::vector<std::pair<std::string, std::string_view>> out;
    for (const auto& e : kOsErrors) out.emplace_back(std::strerror(e.errnum), e.zh);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return out;
  }();
  return pairs;
}

}  // namespace

std::string chinese_os_errors(std::string text) {
  // Every strerror text starts with a capital letter: a message without one needs no look.
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return text;
  for (const auto& [en, zh] : os_error_pairs())
    for (size_t at = text.find(en); at != std::string::npos; at = text.find(en, at + zh.size()))
      text.replace(at, en.size(), zh);
  return text;
}

}  // namespace cc
