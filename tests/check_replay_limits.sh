#!/usr/bin/env bash
# check_replay_limits.sh TARGET BUILD_DIR: the per-input limits of the replay
# driver and of scripts/replay do stop an input.
#
# TARGET is tests/replay_limits_target.c linked with the replay driver: it
# spins forever on an input starting with "spin" and touches 256 MB on one
# starting with "grow". Each must fail with the driver's time-out or
# memory-limit message and a non-zero exit, and a benign input must pass:
#   1. the driver itself, with --timeout=1 and --rss-limit-mb=100;
#   2. scripts/replay, through a view of BUILD_DIR whose only target is
#      TARGET with a fuzzing time-out of 3 s, so that its own default limit
#      (a third of that, rounded up: 1 s) and --rss-limit-mb 100 apply.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

# Inputs in a crashes/<target>/ folder, as scripts/replay expects them.
inputs=$work/crashes/replay_limits
mkdir -p "$inputs"
printf 'spin forever' >"$inputs/spin"
printf 'grow 256 MB' >"$inputs/grow"
printf 'nothing to see' >"$inputs/benign"

# expect NAME PATTERN COMMAND...: COMMAND must exit non-zero (or zero when
# PATTERN is "ok") and print a line matching PATTERN. A COMMAND whose limit
# does not work would spin for ever: it gets 30 s, then fails the test.
expect() {
  local name=$1 pattern=$2 rc
  shift 2
  set +e
  timeout 30 "$@" >"$work/out" 2>&1
  rc=$?
  set -e
  [ "$rc" -ne 124 ] || fail "$name: still running after 30 s"
  sed 's/^/    /' "$work/out"
  if [ "$pattern" = ok ]; then
    [ "$rc" -eq 0 ] || fail "$name: exit $rc, expected 0"
  else
    [ "$rc" -ne 0 ] || fail "$name: exit 0, expected a failure"
    grep -Eq "$pattern" "$work/out" || fail "$name: no line matching '$pattern'"
  fi
  echo "ok: $name"
}

echo "== the driver"
expect "driver, spin" '^FAIL .*/spin .*timeout: still running after 1 s' \
  "$target" --timeout=1 --rss-limit-mb=100 "$inputs/spin"
expect "driver, grow" '^FAIL .*/grow .*out of memory: peak RSS [0-9]+ MB > limit 100 MB' \
  "$target" --timeout=1 --rss-limit-mb=100 "$inputs/grow"
expect "driver, benign" ok "$target" --timeout=1 --rss-limit-mb=100 "$inputs/benign"
# Limits apply per input: one failing input does not stop the others.
expect "driver, all three" '^replayed 3 input\(s\): 1 passed, 2 failed' \
  "$target" --timeout=1 --rss-limit-mb=100 "$inputs"

echo "== scripts/replay"
view=$work/build
mkdir -p "$view/fuzz"
printf 'name\tbinary\tdict\tmax_len\ttimeout\topenssl\n' >"$view/fuzz/targets.tsv"
# (No empty column: the scripts read this file with IFS=tab, which merges
# consecutive tabs. The dictionary is never read by scripts/replay.)
printf 'replay_limits\t%s\tnone.dict\t4096\t3\t0\n' "$target" >>"$view/fuzz/targets.tsv"
grep '^SF_ENGINE:STRING=' "$build/CMakeCache.txt" >"$view/CMakeCache.txt"
replay=("$root/scripts/replay" --no-build --build-dir "$view" --rss-limit-mb 100)
expect "scripts/replay, spin" 'timeout: still running after 1 s' "${replay[@]}" "$inputs/spin"
expect "scripts/replay, grow" 'out of memory: peak RSS [0-9]+ MB > limit 100 MB' "${replay[@]}" "$inputs/grow"
expect "scripts/replay, benign" ok "${replay[@]}" "$inputs/benign"
echo "replay limits ok"
