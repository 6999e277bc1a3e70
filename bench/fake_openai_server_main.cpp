// cc_fake_openai_server: the tests' FakeOpenAiServer as a program, answering as a
// well-behaved model and judge, for benchmarks of generate/judge/eval and for trying
// the commands by hand without a real endpoint or key.
//
//   cc_fake_openai_server [--port N] [--delay-ms D]
//
// Prints "listening on http://127.0.0.1:PORT/v1" (flushed, so a script can read the port
// from a pipe) and serves until SIGTERM or SIGINT; then prints to stderr how many chat
// requests it served and the most it had in flight at once. Without --port the port is
// ephemeral. --delay-ms holds every answer that long, like a model generating.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "judge/fake_openai_server.h"

namespace {

bool parse_int(const char* text, int min, int max, int& out) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < min || v > max) return false;
  out = static_cast<int>(v);
  return true;
}

int usage(const char* why) {
  if (why) std::fprintf(stderr, "cc_fake_openai_server: %s\n", why);
  std::fprintf(stderr, "usage: cc_fake_openai_server [--port N] [--delay-ms D]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int delay_ms = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      usage(nullptr);
      return 0;
    }
    if ((arg == "--port" || arg == "--delay-ms") && i + 1 >= argc) return usage((arg + " needs a value").c_str());
    if (arg == "--port") {
      if (!parse_int(argv[++i], 1, 65535, port)) return usage("--port must be 1..65535");
    } else if (arg == "--delay-ms") {
      if (!parse_int(argv[++i], 0, 3600 * 1000, delay_ms)) return usage("--delay-ms must be 0..3600000");
    } else {
      return usage(("unknown argument " + arg).c_str());
    }
  }

  // Blocked before the server starts its threads, which inherit the mask, so that the
  // signals reach sigwait below and nowhere else.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  cc::test::FakeOpenAiServer server(
      [delay_ms](const nlohmann::json& request, int) {
        cc::test::FakeReply reply = cc::test::well_behaved_reply(request);
        reply.delay_ms = delay_ms;
        return reply;
      },
      port);
  if (server.port() == 0) {
    std::fprintf(stderr, "cc_fake_openai_server: could not listen (is the port in use?)\n");
    return 1;
  }
  std::printf("listening on %s\n", server.base_url().c_str());
  std::fflush(stdout);

  int received = 0;
  sigwait(&stop_signals, &received);
  std::fprintf(stderr, "cc_fake_openai_server: %s; served %d chat requests, at most %d in flight\n",
               strsignal(received), server.requests(), server.max_in_flight());
  return 0;
}
