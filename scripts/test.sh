#!/usr/bin/env bash
# Every suite, after the build: style checks, the native core (Catch2 natively and under the
# sanitizers), the built core and the pure JS under node:test, then the pages in headless
# Chromium. Prints each part's wall time and each browser file's, also when a part fails.
# Exits non-zero on the first failing part.
# The same parts run alone: npm run lint, test:cpp, test:unit, test:e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
file_timings=()
timed() {
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  timings+=("$name $((SECONDS - start)) s")
  return "$status"
}
report_times() {
  if [ ${#file_timings[@]} -gt 0 ]; then
    echo "== wall time per browser file:"
    printf '   %s\n' "${file_timings[@]}"
  fi
  echo "== wall time: ${timings[*]}"
}
trap report_times EXIT

# One `node --test` per file, one after the other (node --test gives every file its own
# process anyway): the log gets each file's wall time, and every file runs after one fails.
browser_files() {
  local file start failed=()
  for file in tests/e2e/*.test.mjs; do
    start=$SECONDS
    node --test "$file" || failed+=("$file")
    file_timings+=("$(basename "$file" .test.mjs) $((SECONDS - start)) s")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "test: failed in ${failed[*]}" >&2
    return 1
  fi
}

# Configured first: lint's clang-tidy reads build/native/compile_commands.json.
cmake --preset native >/dev/null

echo "== lint"
timed lint bash scripts/lint.sh
timed test:cpp bash scripts/test_cpp.sh
echo "== the built core and the pure JS (node:test)"
timed test:unit node --test tests/js/
# The host-sites suite's own packages (VitePress, reveal.js): timed apart from the suite.
timed hosts-install node scripts/ensure_packages.mjs tests/hosts
echo "== the pages in headless Chromium (node:test, one file at a time)"
timed test:e2e browser_files
