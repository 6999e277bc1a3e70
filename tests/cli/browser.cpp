#include "cli/browser.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "test_support.h"

namespace cc::test {
namespace {

constexpr int kTimeLimitSeconds = 90;

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs chromium with `mode` (--dump-dom or --screenshot=…) on `page` under `timeout`, with a
// profile of its own that is removed afterwards.
BrowserRun run(const std::string& chromium, const std::string& page, const std::string& mode) {
  TempDir scratch;
  const std::string out = scratch.path() + "/out", err = scratch.path() + "/err";
  std::string cmd = "timeout --kill-after=5 " + std::to_string(kTimeLimitSeconds) + " " + quoted(chromium) +
                    " --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9"
                    " --enable-logging=stderr --user-data-dir=" +
                    quoted(scratch.path() + "/profile") + " " + mode + " " + quoted("file://" + page) + " >" +
                    quoted(out) + " 2>" + quoted(err) + " </dev/null";
  BrowserRun r;
  int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_all(out);
  r.err = read_all(err);
  return r;
}

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

}  // namespace

std::optional<std::string> find_chromium() {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    for (const char* name : {"chromium", "chromium-browser"}) {
      std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  return std::nullopt;
}

BrowserRun dump_dom(const std::string& chromium, const std::string& page) { return run(chromium, page, "--dump-dom"); }

BrowserRun screenshot(const std::string& chromium, const std::string& page, const std::string& png) {
  return run(chromium, page, "--screenshot=" + quoted(png) + " --window-size=1280,2000 --hide-scrollbars");
}

std::string console_messages(const std::string& log) {
  std::istringstream in(log);
  std::string line, found;
  while (std::getline(in, line))
    if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos ||
        line.find("net::ERR_") != std::string::npos)
      found += line + "\n";
  return found;
}

std::optional<PngInk> png_ink(const std::string& path) {
  const std::string data = read_all(path);
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  if (data.size() < 8 || data.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
  unsigned width = 0, height = 0, channels = 0;
  std::string idat;
  for (size_t at = 8; at + 12 <= data.size();) {
    const uint32_t len = be32(p + at);
    if (at + 12 + len > data.size()) return std::nullopt;
    const std::string type = data.substr(at + 4, 4);
    const unsigned char* body = p + at + 8;
    if (type == "IHDR") {
      width = be32(body);
      height = be32(body + 4);
      if (body[8] != 8 || body[12] != 0) return std::nullopt;  // 8-bit, not interlaced
      channels = body[9] == 2 ? 3 : body[9] == 6 ? 4 : 0;
      if (channels == 0) return std::nullopt;
    } else if (type == "IDAT") {
      idat.append(reinterpret_cast<const char*>(body), len);
    }
    at += 12 + len;
  }
  if (width == 0 || height == 0) return std::nullopt;
  const size_t stride = size_t{width} * channels;
  std::vector<unsigned char> raw((stride + 1) * height);
  uLongf raw_len = raw.size();
  if (uncompress(raw.data(), &raw_len, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
      raw_len != raw.size())
    return std::nullopt;
  PngInk ink{width, height, 0};
  std::vector<unsigned char> prev(stride, 0), line(stride);
  for (unsigned y = 0; y < height; ++y) {
    const unsigned char filter = raw[y * (stride + 1)];
    const unsigned char* src = &raw[y * (stride + 1) + 1];
    for (size_t x = 0; x < stride; ++x) {
      const int a = x >= channels ? line[x - channels] : 0, b = prev[x], c = x >= channels ? prev[x - channels] : 0;
      int v = src[x];
      switch (filter) {
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) / 2; break;
        case 4: {
          const int pp = a + b - c, pa = std::abs(pp - a), pb = std::abs(pp - b), pc = std::abs(pp - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: break;
      }
      line[x] = static_cast<unsigned char>(v);
    }
    for (size_t x = 0; x < stride; x += channels)
      if (line[x] < 235 || line[x + 1] < 235 || line[x + 2] < 235) ++ink.inked;
    prev.swap(line);
  }
  return ink;
}

}  // namespace cc::test
