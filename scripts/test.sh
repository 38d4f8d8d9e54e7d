#!/usr/bin/env bash
# Every suite, after the build: style checks, the native core under Catch2 (CTest), and the
# WASM build under node:test. Exits non-zero on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null

echo "== lint"
bash scripts/lint.sh

echo "== native core (Catch2 through CTest)"
cmake --build build/native --parallel 2
ctest --test-dir build/native --output-on-failure

echo "== native core under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOSSPLAY_SANITIZE=ON >/dev/null
cmake --build build/asan --target core_tests --parallel 2 >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./build/asan/core_tests

echo "== wasm core (node:test) and the page in headless Chromium"
node --test tests/js/ tests/e2e/
