#!/usr/bin/env bash
# Installs what lossplay needs and is missing, and nothing else:
#   Debian packages: a C++ toolchain, CMake, Catch2 (v2), Emscripten, hunspell with its US
#   English dictionary (the spelling test); Chromium for the
#   browser tests (set LOSSPLAY_SKIP_BROWSER=1 to leave it out);
#   npm packages: `npm ci` when node_modules is missing or older than package-lock.json
#   (scripts/ensure_packages.mjs; bench/lighthouse/ and tests/hosts/ have their own packages,
#   installed the same way by the command that needs them).
# Safe to run repeatedly; it is the first step of `npm start`, `npm test` and `npm run bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v g++ >/dev/null || missing+=(g++)
command -v cmake >/dev/null || missing+=(cmake)
command -v emcc >/dev/null || missing+=(emscripten)
[ -f /usr/include/catch2/catch.hpp ] || missing+=(catch2)
command -v hunspell >/dev/null || missing+=(hunspell)
[ -f /usr/share/hunspell/en_US.dic ] || missing+=(hunspell-en-us)
if [ "${LOSSPLAY_SKIP_BROWSER:-0}" != 1 ]; then
  command -v chromium >/dev/null || missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: missing ${missing[*]}; install them with your package manager (see README)." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node scripts/ensure_packages.mjs
