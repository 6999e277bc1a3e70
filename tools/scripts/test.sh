#!/usr/bin/env bash
# Install what is needed, build everything, and run the whole test suite with ctest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$here/tools/scripts/install-deps.sh"
bash "$here/tools/scripts/build.sh" -DCLINCONSENSUS_BUILD_TESTS=ON
cd "${BUILD_DIR:-$here/build}"
ctest --output-on-failure --parallel "$(nproc)"
