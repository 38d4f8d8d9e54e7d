#!/usr/bin/env bash
# The native C++ suites: the core's Catch2 suite through CTest (preset `native`), then the same
# suite built with AddressSanitizer and UndefinedBehaviorSanitizer (preset `asan`, leak
# detection on). Presets: CMakePresets.json. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== native core (Catch2 through CTest)"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native

echo "== native core under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./build/asan/core_tests
