#!/usr/bin/env bash
# smoke_afl_jobs.sh FINDINGS_DIR [TARGET] [SECONDS]: scripts/fuzz --engine afl
# --jobs 2 runs the two AFL++ instances it promises (README "Fuzzing"):
#   - a main instance, `-M main`, on build/afl (ASan+UBSan), without -c;
#   - a secondary, `-S secondary1`, on the same binary plus the CMPLOG build
#     (`-c .../afl-cmplog/fuzz/TARGET`).
# scripts/fuzz's summary adds the instances up, so the check reads what
# afl-fuzz itself wrote in FINDINGS_DIR/TARGET/afl/out/<instance>/:
# fuzzer_stats must exist (scripts/fuzz deletes it before the run, and this
# script starts from an empty FINDINGS_DIR), count executions (execs_done > 0)
# and hold the command line the instance was started with (command_line).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 FINDINGS_DIR [TARGET] [SECONDS]" >&2; exit 2; }
findings=$1 t=${2:-sip_message} seconds=${3:-15}
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

rm -rf "$findings"
"$root/scripts/fuzz" "$t" --engine afl --jobs 2 --time "$seconds" --findings "$findings" ||
  fail "scripts/fuzz $t --engine afl --jobs 2 failed (its output is above)."

out=$findings/$t/afl/out
# stat INSTANCE FIELD: one value of that instance's fuzzer_stats.
stat() { sed -n "s/^$2 *: *//p" "$out/$1/fuzzer_stats"; }
for inst in main secondary1; do
  [ -f "$out/$inst/fuzzer_stats" ] || fail "the AFL++ instance '$inst' wrote no $out/$inst/fuzzer_stats: it did not run."
  execs=$(stat "$inst" execs_done)
  [[ "$execs" =~ ^[1-9][0-9]*$ ]] ||
    fail "the AFL++ instance '$inst' executed nothing (execs_done '${execs}')."
  printf '%-11s execs_done %-8s command_line %s\n' "$inst" "$execs" "$(stat "$inst" command_line)"
done
[ ! -e "$out/secondary2" ] || fail "--jobs 2 started a third instance ($out/secondary2)."

main_cmd=" $(stat main command_line) "
secondary_cmd=" $(stat secondary1 command_line) "
[[ "$main_cmd" == *" -M main "* ]] || fail "the main instance was not started with -M main."
[[ "$main_cmd" != *" -c "* ]] || fail "the main instance was started with -c; only the secondary runs CMPLOG."
[[ "$secondary_cmd" == *" -S secondary1 "* ]] || fail "the secondary was not started with -S secondary1."
[[ "$secondary_cmd" =~ \ -c\ ([^ ]*/afl-cmplog/fuzz/$t)\  ]] ||
  fail "the secondary was not started with -c and the CMPLOG build (build/afl-cmplog/fuzz/$t)."
cmplog_bin=${BASH_REMATCH[1]}
# The CMPLOG binary is one: with AFL_LLVM_CMPLOG the parsers' own sf_*
# functions call __cmplog_ins_hook* at their comparisons. (AFL++'s runtime
# defines those hooks in every build, so the calls are what tells.)
hooks=$(objdump -d --no-show-raw-insn "$cmplog_bin" |
  awk '/^[0-9a-f]+ <.*>:$/ { fn = $2 } fn ~ /^<sf_/ && /call.*<__cmplog_ins_hook/ { n++ } END { print n + 0 }')
[ "$hooks" -gt 0 ] || fail "$cmplog_bin has no CMPLOG instrumentation (no sf_* function calls __cmplog_ins_hook*)."
echo "ok: $cmplog_bin is a CMPLOG build ($hooks comparison hooks in sf_* functions)"
echo "ok: main and CMPLOG secondary both ran"
