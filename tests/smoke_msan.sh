#!/usr/bin/env bash
# smoke_msan.sh FINDINGS_DIR TARGET OPENSSL_TARGET [SECONDS]: scripts/fuzz
# --sanitizer memory does what README and docs/oss-fuzz.md say:
#   1. asked for TARGET and OPENSSL_TARGET, it fuzzes TARGET under libFuzzer
#      with a MemorySanitizer build (build/libfuzzer-memory), which executes
#      inputs, and leaves OPENSSL_TARGET out, naming it with the reason
#      (the system's libcrypto is not MSan-instrumented);
#   2. asked for OPENSSL_TARGET alone, it refuses with a sentence saying why,
#      and exits 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/common.sh" # SF_BUILD, sf_engine_dir, sf_targets
[ $# -ge 3 ] || { echo "usage: $0 FINDINGS_DIR TARGET OPENSSL_TARGET [SECONDS]" >&2; exit 2; }
findings=$1 t=$2 ossl=$3 seconds=${4:-5}
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

rm -rf "$findings"
mkdir -p "$findings"
log=$findings/scripts-fuzz.out
rc=0
"$root/scripts/fuzz" "$t" "$ossl" --sanitizer memory --time "$seconds" --findings "$findings" 2>&1 |
  tee "$log" || rc=$?
[ "$rc" -eq 0 ] || fail "scripts/fuzz $t $ossl --sanitizer memory exited $rc."

# 1a. It ran the MSan build of TARGET.
build=$SF_BUILD/$(sf_engine_dir libfuzzer memory)
bin=$(sf_targets "$build" | awk -F'\t' -v t="$t" '$1 == t { print $2 }')
[ -x "$bin" ] || fail "no $t in $build/fuzz/targets.tsv."
# (grep reads all of nm's output: with pipefail, an early exit would fail nm.)
[ "$(nm "$bin" | grep -c ' T __msan_init$')" -gt 0 ] ||
  fail "$bin is not built with MemorySanitizer (no __msan_init)."
grep -q "^==> summary (.*engine libfuzzer, sanitizers memory," "$log" ||
  fail "scripts/fuzz's summary does not say it fuzzed with sanitizers memory."
# 1b. It executed inputs (libFuzzer's final statistics).
[ -f "$findings/$t/libfuzzer/fuzz.log" ] || fail "no libFuzzer log $findings/$t/libfuzzer/fuzz.log."
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$findings/$t/libfuzzer/fuzz.log" | tail -1)
[[ "$execs" =~ ^[1-9][0-9]*$ ]] || fail "$t executed nothing under MSan (executed units '${execs}')."
echo "ok: $t ran $execs inputs under MemorySanitizer ($bin)"
# 1c. OPENSSL_TARGET was left out, and the output says which and why.
[ ! -e "$findings/$ossl/libfuzzer" ] || fail "$ossl was fuzzed under MSan."
grep -q "not fuzzing under MemorySanitizer: $ossl\. .*libcrypto, which is not built with MSan" "$log" ||
  fail "scripts/fuzz did not say why it skipped $ossl."
grep -q "^Not fuzzed under MemorySanitizer (.*): $ossl\$" "$log" ||
  fail "the summary does not name $ossl as not fuzzed."
echo "ok: $ossl left out with its reason"

# 2. OPENSSL_TARGET alone: refused with a sentence, exit status 1.
rc=0
"$root/scripts/fuzz" "$ossl" --sanitizer memory --time "$seconds" --findings "$findings" >"$log" 2>&1 || rc=$?
cat "$log"
[ "$rc" -eq 1 ] || fail "scripts/fuzz $ossl --sanitizer memory exited $rc, not 1."
grep -q "^error: none of the targets asked for can run under MemorySanitizer (all link OpenSSL)\.$" "$log" ||
  fail "scripts/fuzz $ossl --sanitizer memory did not say why it refused."
echo "ok: $ossl alone is refused"
