#!/usr/bin/env bash
# `npm run fuzz`: builds the libFuzzer target with clang (ASan + UBSan) and runs it for a
# bounded time (FUZZ_SECONDS, default 60), then prints the executions and any findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
cmake --preset fuzz >/dev/null # clang, ASan + UBSan + libFuzzer (CMakePresets.json)
cmake --build --preset fuzz >/dev/null
mkdir -p build/fuzz/corpus
log=build/fuzz/last-run.log
if ./build/fuzz/core_fuzz -max_total_time="$seconds" -print_final_stats=1 build/fuzz/corpus >"$log" 2>&1; then
  echo "fuzz: no findings in ${seconds} s"
else
  echo "fuzz: FINDING — see $log"
  tail -40 "$log"
  exit 1
fi
grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed 's/^/fuzz: /'
