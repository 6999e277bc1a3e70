#!/usr/bin/env bash
# The main job: install what is needed, build, and validate the benchmark shipped in
# this repository, with a short summary of what it holds; then score the synthetic example
# verdicts of reports/example/verdicts into build/example-scores and print the leaderboard.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$here/tools/scripts/install-deps.sh"
bash "$here/tools/scripts/build.sh" -DCLINCONSENSUS_BUILD_TESTS=OFF
"${BUILD_DIR:-$here/build}/clinconsensus" -C "$here" validate --summary "$@"
echo
echo "Example scores: SYNTHETIC verdicts of 4 made-up models (reports/example/verdicts/README.md)"
"${BUILD_DIR:-$here/build}/clinconsensus" -C "$here" score --verdicts reports/example/verdicts --k-sweep \
  --out "${BUILD_DIR:-$here/build}/example-scores"
