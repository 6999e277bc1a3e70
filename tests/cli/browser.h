#pragma once
// A real browser for the HTML report tests: headless Chromium, started from a file:// URL
// with the network cut off (every request goes to a proxy on 127.0.0.1:9, where nothing
// listens), a fresh profile, and a time limit so a hung browser cannot hang the suite.
#include <optional>
#include <string>

namespace cc::test {

// The chromium binary on PATH ("chromium", "chromium-browser"), or nullopt when there is
// none (the browser tests then skip, saying so).
std::optional<std::string> find_chromium();

struct BrowserRun {
  int exit_code = -1;  // 124: killed at the time limit
  std::string out;     // --dump-dom: the DOM after the page loaded, as HTML
  std::string err;     // the browser's log (--enable-logging=stderr)
};

// `chromium --dump-dom file://<page>`.
BrowserRun dump_dom(const std::string& chromium, const std::string& page);
// `chromium --screenshot=<png> --window-size=1280,2000 file://<page>`.
BrowserRun screenshot(const std::string& chromium, const std::string& page, const std::string& png);

// The lines of a browser log that are messages of the page's console (console.log/error,
// uncaught exceptions, failed loads), joined by '\n'; "" when there are none.
std::string console_messages(const std::string& log);

// A decoded PNG (8-bit RGB or RGBA, non-interlaced): its size and how many pixels are not
// (near) white. Absent when the file is not such a PNG.
struct PngInk {
  unsigned width = 0, height = 0;
  unsigned long long inked = 0;  // pixels with any channel below 235
};
std::optional<PngInk> png_ink(const std::string& path);

}  // namespace cc::test
