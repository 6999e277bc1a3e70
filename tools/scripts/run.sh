#!/usr/bin/env bash
# The main job: install what is needed, build, and validate the benchmark shipped in
# this repository, with a short summary of what it holds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$here/tools/scripts/install-deps.sh"
bash "$here/tools/scripts/build.sh" -DCLINCONSENSUS_BUILD_TESTS=OFF
"${BUILD_DIR:-$here/build}/clinconsensus" -C "$here" validate --summary "$@"
