#!/usr/bin/env bash
# Make sure the binaries the tests (and the embedded default Redis of `npm start`) need are present.
# Installs them from Debian's packages when missing and we are root; otherwise says exactly what to run.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
[ ${#missing[@]} -eq 0 ] && exit 0

pkgs=()
for m in "${missing[@]}"; do
  case "$m" in
    redis-server) pkgs+=(redis-server) ;;
    kubectl) pkgs+=(kubernetes-client) ;;
  esac
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-tools: installing ${pkgs[*]} (missing: ${missing[*]})" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null || true
fi

still=()
for m in "${missing[@]}"; do command -v "$m" >/dev/null 2>&1 || still+=("$m"); done
if [ ${#still[@]} -gt 0 ]; then
  echo "ensure-tools: missing ${still[*]}." >&2
  echo "  Debian/Ubuntu: sudo apt-get install -y redis-server   (kubectl: https://kubernetes.io/docs/tasks/tools/)" >&2
  echo "  macOS:         brew install redis kubectl" >&2
  exit 1
fi
