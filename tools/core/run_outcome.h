#pragma once
// RunOutcome: how a command's run ended, in the library's words. Libraries (score, agree,
// release cut/verify, export, hook, eval) report one; only tools/cli/exit_status.h turns it
// into a process exit status, so the numbers of CLI.md live in one place.

namespace cc {

enum class RunOutcome {
  Done,      // everything asked for was done
  Findings,  // the input was read, but it has findings (or a check failed) that stop the run
  Unusable,  // the request or its input could not be used: usage, unreadable file, refused
};

}  // namespace cc
