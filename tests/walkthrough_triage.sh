#!/usr/bin/env bash
# walkthrough_triage.sh: the crash workflow, end to end, on a planted bug.
#
# In a throwaway copy of the repository (never in the committed sources) it
# plants an over-read in the SIP URI parser (the escape check trusting one
# byte past a trailing '%'), then checks that:
#   1. scripts/fuzz sip_uri finds it (exit 1, a crash file in findings/);
#   2. scripts/triage groups it as one bug with an ASan signature in
#      sf_sip_parse_uri and a reproducer that still ends in '%', no bigger
#      than the smallest crash file (smaller when triage says it minimized);
#   3. scripts/triage --promote keeps it in crashes/sip_uri/ with an index
#      line (kind heap-buffer-overflow, found_by libFuzzer and today's date);
#   4. scripts/replay fails on it while the plant is there,
#   5. and passes once the plant is removed;
#   6. triage left the original findings in place;
#   7. scripts/minimize sip_uri, given 20 planted inputs that all fail at the
#      same spot, keeps at most one of them and every named seed, names every
#      file by its SHA-1 and prints its before/after table.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sf-walkthrough.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '\n=== %s\n' "$*"; }
fail() { printf 'WALKTHROUGH FAILED: %s\n' "$*" >&2; exit 1; }

step "copying the repository to $work"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$src" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | (cd "$work" && tar -xf -)
else
  (cd "$src" && tar --exclude=./build --exclude=./findings -cf - .) | (cd "$work" && tar -xf -)
fi
# Start from no known crash for this target (its files and index lines).
rm -rf "$work/crashes/sip_uri"
grep -v '^sip_uri/' "$src/crashes/INDEX.tsv" >"$work/crashes/INDEX.tsv"
started=$(date -u +%F)
target_file=$work/parsers/sip/uri.c
cp "$target_file" "$work/uri.c.orig"

step "planting the bug in the copy's parsers/sip/uri.c"
awk '
  /^int sf_sip_parse_uri\(/ { in_sig = 1 }
  { print }
  in_sig && /\{$/ {
    print "  /* PLANTED by tests/walkthrough_triage.sh: reads one byte past a trailing %. */"
    print "  if (text.len > 0 && text.ptr[text.len - 1] == (uint8_t)0x25 && text.ptr[text.len] == 0x7f) return SF_SIP_BAD_ESCAPE;"
    in_sig = 0; planted = 1
  }
  END { if (!planted) exit 3 }
' "$work/uri.c.orig" >"$target_file" || fail "could not find sf_sip_parse_uri in parsers/sip/uri.c to plant the bug"
grep -n PLANTED "$target_file"

step "1. scripts/fuzz sip_uri must find it"
set +e
"$work/scripts/fuzz" sip_uri --time 120
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "scripts/fuzz exited $rc, expected 1 (a crash)"
ls "$work"/findings/sip_uri/crash-* >/dev/null 2>&1 || fail "no crash file in findings/sip_uri/"
ls "$work"/findings/sip_uri/ | grep -E '^(crash|leak|timeout|oom)-' >"$work/originals"

step "2. scripts/triage must report one bug in sf_sip_parse_uri"
"$work/scripts/triage"
report=$work/findings/triage/report.json
python3 - "$report" "$work" <<'PY'
import json, sys
bugs = json.load(open(sys.argv[1]))["bugs"]
assert len(bugs) == 1, "expected one distinct bug, got %d: %s" % (len(bugs), [b["signature"] for b in bugs])
b = bugs[0]
assert b["target"] == "sip_uri", b
assert "heap-buffer-overflow READ" in b["signature"], b["signature"]
assert "sf_sip_parse_uri" in b["signature"], b["signature"]
data = open(sys.argv[2] + "/" + b["reproducer"], "rb").read()
assert data.endswith(b"%"), "the reproducer does not end in %%: %r" % data
assert b["reproducer_bytes"] == len(data), b
# Minimization never makes a reproducer bigger than the crash it came from,
# and where it could shrink (any input longer than the one byte "%" still
# crashes here), triage must say it minimized and show it.
smallest = min(len(open(sys.argv[2] + "/" + f, "rb").read()) for f in b["files"])
assert len(data) <= smallest, "the reproducer (%d bytes) is bigger than the smallest crash (%d)" % (
    len(data), smallest)
assert b["minimized"] in (True, False), b["minimized"]
if smallest > 1:
    assert b["minimized"] and len(data) < smallest, \
        "triage did not minimize a %d-byte crash (minimized=%s, %d bytes)" % (
            smallest, b["minimized"], len(data))
print("triage ok: %s  %s  (%d bytes from %d, minimized=%s)" % (
    b["id"], b["signature"], len(data), smallest, b["minimized"]))
open(sys.argv[2] + "/bug-id", "w").write(b["id"])
PY
id=$(cat "$work/bug-id")

step "3. scripts/triage --promote $id"
"$work/scripts/triage" --promote "$id"
kept=$(ls "$work"/crashes/sip_uri/)
[ "$(echo "$kept" | wc -l)" -eq 1 ] || fail "expected one file in crashes/sip_uri/, got: $kept"
# The kind is ASan's report type, found_by the engine and today's date (UTC).
line=$(grep "^sip_uri/$kept	" "$work/crashes/INDEX.tsv") || fail "no index line for crashes/sip_uri/$kept"
printf '%s\n' "$line"
[ "$(cut -f2,3 <<<"$line")" = "sip_uri	heap-buffer-overflow" ] ||
  fail "the index line's target and kind are not sip_uri and heap-buffer-overflow"
found=$(cut -f5 <<<"$line")
[[ "$found" == "libFuzzer, $started "* || "$found" == "libFuzzer, $(date -u +%F) "* ]] ||
  fail "the index line's found_by does not start with 'libFuzzer, <today>'"
[ "$(cut -f6 <<<"$line")" = unfixed ] || fail "the index line's fixed_in is not 'unfixed'"
"$work/tests/check_corpus.sh" >/dev/null || fail "tests/check_corpus.sh rejects the promoted line"

step "4. scripts/replay must fail while the bug is planted"
set +e
"$work/scripts/replay" "$work/crashes/sip_uri/$kept" >"$work/replay.log" 2>&1
rc=$?
set -e
cat "$work/replay.log"
[ "$rc" -ne 0 ] || fail "scripts/replay passed with the bug still planted"
grep -q "heap-buffer-overflow" "$work/replay.log" || fail "the replay did not show the ASan report"
grep -q "gdb --args" "$work/replay.log" || fail "the replay printed no debugger command"

step "5. scripts/replay must pass once the plant is removed"
cp "$work/uri.c.orig" "$target_file"
"$work/scripts/replay" "$work/crashes/sip_uri/$kept"

step "6. triage must have left the original findings alone"
ls "$work"/findings/sip_uri/ | grep -E '^(crash|leak|timeout|oom)-' | diff "$work/originals" - ||
  fail "the original findings changed"

step "7. scripts/minimize sip_uri must drop redundant inputs and keep the named seeds"
# 20 two-byte inputs that all fail on their first byte (a digit cannot
# start a scheme): the same coverage, so a minimized corpus needs at most one.
grown=$work/findings/sip_uri/libfuzzer/corpus
[ -d "$grown" ] || fail "scripts/fuzz left no working corpus in findings/sip_uri/libfuzzer/corpus"
: >"$work/planted"
for c in a b c d e f g h i j k l m n o p q r s t; do
  printf '1%s' "$c" >"$work/input"
  sum=$(sha1sum "$work/input" | cut -c1-40)
  cp "$work/input" "$grown/planted-$c"
  echo "$sum" >>"$work/planted"
done
committed=$(find "$work/corpus/sip_uri" -type f | wc -l)
set +e
"$work/scripts/minimize" sip_uri >"$work/minimize.log" 2>&1
rc=$?
set -e
cat "$work/minimize.log"
[ "$rc" -eq 0 ] || fail "scripts/minimize sip_uri exited $rc"
pooled=$(sed -n 's/.*minimizing sip_uri: \([0-9]*\) distinct input(s) pooled.*/\1/p' "$work/minimize.log")
if [ -z "$pooled" ] || [ "$pooled" -lt $((committed + 20)) ]; then
  fail "minimize pooled '${pooled}' inputs, not the $committed committed ones plus the 20 planted"
fi
grep -Eq '^target +files before +bytes before +files after +bytes after$' "$work/minimize.log" ||
  fail "minimize printed no before/after table"
grep -Eq "^sip_uri +$committed +[0-9]+ +[0-9]+ +[0-9]+$" "$work/minimize.log" ||
  fail "minimize's table has no sip_uri row starting from the $committed committed files"
missing=0
while IFS=$'\t' read -r t seed label; do
  [ "$t" = sip_uri ] || continue
  [ -f "$work/corpus/sip_uri/$seed" ] || { echo "named seed $seed ($label) was dropped"; missing=1; }
done < <(source "$work/scripts/lib/common.sh" && sf_named_seeds "$work/corpus")
[ "$missing" = 0 ] || fail "minimize dropped named seeds of sip_uri"
survived=$(grep -cxFf <(ls "$work/corpus/sip_uri") "$work/planted" || true)
[ "$survived" -le 1 ] || fail "$survived of the 20 redundant planted inputs survived minimization"
for f in "$work"/corpus/sip_uri/*; do
  [ "$(basename "$f")" = "$(sha1sum "$f" | cut -c1-40)" ] || fail "${f#"$work"/} is not named by its SHA-1"
done
"$work/tests/check_corpus.sh" || fail "tests/check_corpus.sh rejects the minimized corpus"
echo "minimize ok: $survived of 20 planted inputs kept, every named seed of sip_uri kept"

echo
echo "walkthrough passed: found, triaged, minimized, promoted, failing while planted, passing once fixed, corpus minimized"
