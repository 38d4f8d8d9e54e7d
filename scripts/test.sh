#!/usr/bin/env bash
# Every suite, after the build: style checks, the native core (Catch2 natively and under the
# sanitizers), the built core and the pure JS under node:test, then the pages in headless
# Chromium. Prints each part's wall time. Exits non-zero on the first failing suite.
# The same parts run alone: npm run lint, test:cpp, test:unit, test:e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
timed() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  timings+=("$name $((SECONDS - start)) s")
}

# Configured first: lint's clang-tidy reads build/native/compile_commands.json.
cmake --preset native >/dev/null

echo "== lint"
timed lint bash scripts/lint.sh
timed test:cpp bash scripts/test_cpp.sh
echo "== the built core and the pure JS (node:test)"
timed test:unit node --test tests/js/
echo "== the pages in headless Chromium (node:test, one suite at a time)"
timed test:e2e node --test --test-concurrency=1 tests/e2e/

echo "== wall time: ${timings[*]}"
