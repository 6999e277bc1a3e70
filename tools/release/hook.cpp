#include "release/hook.h"

#include <sys/stat.h>

#include <filesystem>

#include "core/atomic_write.h"
#include "core/yaml_loader.h"
#include "release/git.h"
#include "release/git_files.h"
#include "release/release_messages.h"

namespace fs = std::filesystem;

namespace cc {
namespace {

// `s` as one single-quoted shell word.
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The hooks folder: core.hooksPath when set (relative to the work tree), else .git/hooks.
git::Result<std::string> hooks_dir(git_repository* repo, Lang lang) {
  git_config* cfg_raw = nullptr;
  if (git_repository_config_snapshot(&cfg_raw, repo) == 0) {
    git::ConfigPtr cfg(cfg_raw);
    const char* value = nullptr;
    if (git_config_get_string(&value, cfg.get(), "core.hooksPath") == 0 && value && *value) {
      fs::path p(value);
      if (p.is_relative()) p = fs::path(git::workdir(repo)) / p;
      return p.lexically_normal().string();
    }
  }
  git_buf buf = GIT_BUF_INIT;
  if (git_repository_item_path(&buf, repo, GIT_REPOSITORY_ITEM_HOOKS) != 0)
    return git::last_error(release_message(lang, "git/hooks-folder"));
  std::string dir(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace

std::string hook_script(const std::string& binary, const std::string& benchmark_dir) {
  std::string s = "#!/bin/sh\n";
  s += std::string(kHookMarker) + " (written by `clinconsensus hook install`; re-run it to update).\n";
  s += "# Checks what is being committed — the git index, not the work tree — with\n";
  s += "# `clinconsensus validate --staged`. Skip once with `git commit --no-verify`.\n";
  s += "# The binary: $CLINCONSENSUS when set, else the one that installed this hook, else\n";
  s += "# clinconsensus on PATH.\n";
  s += "cc=\"${CLINCONSENSUS:-}\"\n";
  s += "if [ -z \"$cc\" ]; then\n";
  s += "  if [ -x " + shell_quote(binary) + " ]; then\n";
  s += "    cc=" + shell_quote(binary) + "\n";
  s += "  elif command -v clinconsensus >/dev/null 2>&1; then\n";
  s += "    cc=clinconsensus\n";
  s += "  else\n";
  s += "    echo 'pre-commit: clinconsensus not found; install it, set CLINCONSENSUS, or skip with git commit "
       "--no-verify' >&2\n";
  s += "    exit 1\n";
  s += "  fi\n";
  s += "fi\n";
  s += "exec \"$cc\" -C " + shell_quote(benchmark_dir.empty() ? "." : benchmark_dir) + " validate --staged\n";
  return s;
}

HookInstallResult install_hook(const std::string& root, const std::string& binary, bool force, Lang lang) {
  HookInstallResult res;
  auto repo = git::open_repository(root, lang);
  if (!repo) return HookInstallResult{RunOutcome::Unusable, repo.error().message, ""};
  auto prefix = git::root_prefix(repo->get(), root, lang);
  if (!prefix) return HookInstallResult{RunOutcome::Unusable, prefix.error().message, ""};
  auto dir = hooks_dir(repo->get(), lang);
  if (!dir) return HookInstallResult{RunOutcome::Unusable, dir.error().message, ""};
  res.path = *dir + "/pre-commit";
  std::string benchmark_dir = *prefix;
  if (!benchmark_dir.empty()) benchmark_dir.pop_back();  // "sub/dir/" → "sub/dir"
  if (auto old = read_file(res.path); old && old->find(kHookMarker) == std::string::npos && !force) {
    res.outcome = RunOutcome::Findings;
    res.message = release_message(lang, "hook/foreign", {{"path", res.path}});
    return res;
  }
  auto written = write_file_atomic(res.path, hook_script(binary, benchmark_dir));
  if (!written || ::chmod(res.path.c_str(), 0755) != 0) {
    res.outcome = RunOutcome::Unusable;
    res.message = written ? "cannot make " + res.path + " executable" : written.error().message;
    return res;
  }
  res.message = release_message(lang, "hook/installed", {{"path", res.path}});
  return res;
}

}  // namespace cc
