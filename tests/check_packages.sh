#!/usr/bin/env bash
# check_packages.sh: the scripts ask for every Debian package a build needs.
#
# On a fresh minimal Debian 12 machine, apt-get install --no-install-recommends
# cmake brings no build tool (neither make nor ninja), so a script that asks
# only for cmake cannot configure anything. scripts/lib/common.sh therefore
# counts ninja-build as part of cmake. This test runs its package check in a
# PATH that has cmake and clang but no ninja, as a user who is not root, and
# requires the apt-get command it prints to name ninja-build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
for tool in cmake clang dirname sed; do
  ln -s "$(command -v "$tool")" "$fake/$tool"
done
set +e
out=$(PATH=$fake /bin/bash -c '
  source "$1/scripts/lib/common.sh"
  id() { echo 1000; } # not root: print the command instead of installing
  sf_ensure_packages cmake clang' _ "$root" 2>&1)
rc=$?
set -e
printf '%s\n' "$out"
fail() { echo "FAILED: $*"; exit 1; }
[ "$rc" -ne 0 ] || fail "sf_ensure_packages cmake went on without ninja"
grep -q 'apt-get install -y .*ninja-build' <<<"$out" || fail "the printed apt-get command does not name ninja-build"
grep -q 'apt-get install -y .*clang' <<<"$out" && fail "clang is there, yet the command asks for it"
# sf_build must make sure of the build tools itself.
awk '/^sf_build\(\) \{/ { f = 1 } f && /sf_ensure_packages cmake/ { ok = 1 } f && /^\}/ { exit } END { exit !ok }' \
  "$root/scripts/lib/common.sh" || fail "sf_build does not call sf_ensure_packages cmake"
echo "packages ok: asking for cmake asks for ninja-build too"
