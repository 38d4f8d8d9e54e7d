#!/usr/bin/env bash
# Formatting and lint checks for C++ (clang-format) and JS (prettier, eslint, tsc --checkJs).
set -euo pipefail
cd "$(dirname "$0")/.."

cpp_files=(cpp/*/*.cpp cpp/*/*.hpp tests/cpp/*.cpp tests/cpp/*.hpp)
if command -v clang-format >/dev/null; then
  clang-format --dry-run --Werror "${cpp_files[@]}"
else
  echo "lint: clang-format not installed, C++ formatting not checked"
fi
# clang-tidy needs the native build's compile_commands.json (scripts/test.sh configures it first).
if command -v clang-tidy >/dev/null && [ -f build/native/compile_commands.json ]; then
  clang-tidy --quiet -p build/native cpp/core/*.cpp 2>/dev/null
fi
npx --no-install prettier --check --log-level warn .
npx --no-install eslint --max-warnings 0 .
# Types from JSDoc (tsconfig.json): each panel against the PanelSpec contract, no TS sources.
npx --no-install tsc -p .
echo "lint: clean"
