#include "release/work_tree_status.h"

#include "release/release_messages.h"

namespace cc::git {

Result<std::vector<std::string>> dirty_paths(git_repository* repo, const std::string& prefix, Lang lang) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED;
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo, &opts) != 0) return last_error(release_message(lang, "git/status"));
  StatusListPtr list(raw);
  std::vector<std::string> out;
  const std::string cache = prefix + ".clinconsensus/";
  const size_t n = git_status_list_entrycount(list.get());
  for (size_t i = 0; i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    if (!e || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED)) continue;
    const git_diff_delta* d = e->head_to_index ? e->head_to_index : e->index_to_workdir;
    std::string path = d && d->new_file.path ? d->new_file.path : (d && d->old_file.path ? d->old_file.path : "");
    if (path.rfind(cache, 0) == 0 || path + "/" == cache) continue;
    out.push_back(path);
  }
  return out;
}

}  // namespace cc::git
