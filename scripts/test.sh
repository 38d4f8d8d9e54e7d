#!/usr/bin/env bash
# Every suite, after the build: style checks, the native core under Catch2 (CTest), and the
# WASM build under node:test. Exits non-zero on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Configured first: lint's clang-tidy reads build/native/compile_commands.json.
cmake --preset native >/dev/null

echo "== lint"
bash scripts/lint.sh

bash scripts/test_cpp.sh

echo "== wasm core (node:test) and the page in headless Chromium"
node --test tests/js/ tests/e2e/
