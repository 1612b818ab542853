#!/usr/bin/env bash
# The test command (README, DESIGN §3): dependencies → configure → build → every test but the
# benchmarks. Exits non-zero on any failure. CI (.ci/run) runs exactly this.
#   CASEDESK_BUILD_DIR   build directory (default: build/test)
#   CASEDESK_SANITIZE=1  also build and run the unit tests under ASan/UBSan (CI sets it)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

scripts/install-deps.sh

build_dir=${CASEDESK_BUILD_DIR:-build/test}
jobs=$(nproc)

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCASEDESK_BUILD_TESTS=ON -DCASEDESK_WERROR=ON -DCASEDESK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" --parallel "$jobs"
status=0
(cd "$build_dir" && ctest --output-on-failure --label-exclude bench --parallel "$jobs" --timeout 600) || status=$?

if [ "${CASEDESK_SANITIZE:-0}" = "1" ]; then
    sanitize_dir=${build_dir}-sanitize
    cmake -S "$source_dir" -B "$sanitize_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASEDESK_SANITIZE=ON \
        -DCASEDESK_WERROR=ON -DCASEDESK_BUILD_APP=OFF -DCASEDESK_BUILD_SERVER=OFF >/dev/null
    cmake --build "$sanitize_dir" --parallel "$jobs"
    (cd "$sanitize_dir" && ctest --output-on-failure --label-regex unit --parallel "$jobs") || status=$?
fi
exit $status
