#!/bin/sh
# Lints a Dockerfile (default: ./Dockerfile) with dockerlinter (hadolint's rules in JS, npm devDependency)
# plus ShellCheck on every RUN. Any finding, down to level "info", fails.
#   npm run lint:dockerfile            scripts/lint-dockerfile.sh path/to/Dockerfile
# ShellCheck comes from Debian (installed here when missing and root); dockerlinter's own postinstall download is denied
# in package.json "allowScripts". Without shellcheck on PATH the RUN lines are not shell-checked, and this says so.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
file=$(cd "$(dirname "${1:-$repo/Dockerfile}")" && pwd)/$(basename "${1:-Dockerfile}")
linter="$repo/node_modules/dockerlinter/bin/dockerfilelinter.js"
[ -f "$linter" ] || { echo "lint-dockerfile: dockerlinter is not installed (run npm ci)" >&2; exit 2; }
node=$repo/node_modules/.bin/node
[ -x "$node" ] || node=node
shell=sh
if ! command -v shellcheck >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "lint-dockerfile: installing shellcheck from Debian" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; } >/dev/null 2>&1 || true
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-dockerfile: WARNING shellcheck not found, RUN lines are not shell-checked (apt-get install shellcheck)" >&2
  shell=none
fi
# dockerlinter writes one temp script per RUN into the current directory: give it its own.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
"$node" "$linter" -f "$file" -s "$shell" -e info
echo "lint-dockerfile: $file is clean (dockerlinter, shellcheck: $shell)"
