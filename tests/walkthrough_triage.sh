#!/usr/bin/env bash
# walkthrough_triage.sh: the crash workflow, end to end, on a planted bug.
#
# In a throwaway copy of the repository (never in the committed sources) it
# plants an over-read in the SIP URI parser (the escape check trusting one
# byte past a trailing '%'), then checks that:
#   1. scripts/fuzz sip_uri finds it (exit 1, a crash file in findings/);
#   2. scripts/triage groups it as one bug with an ASan signature in
#      sf_sip_parse_uri and a reproducer that still ends in '%';
#   3. scripts/triage --promote keeps it in crashes/sip_uri/ with an index line;
#   4. scripts/replay fails on it while the plant is there,
#   5. and passes once the plant is removed;
#   6. triage left the original findings in place.
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
rm -rf "$work/crashes/sip_uri" # start from no known crash for this target
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
print("triage ok: %s  %s  (%d bytes)" % (b["id"], b["signature"], len(data)))
open(sys.argv[2] + "/bug-id", "w").write(b["id"])
PY
id=$(cat "$work/bug-id")

step "3. scripts/triage --promote $id"
"$work/scripts/triage" --promote "$id"
kept=$(ls "$work"/crashes/sip_uri/)
[ "$(echo "$kept" | wc -l)" -eq 1 ] || fail "expected one file in crashes/sip_uri/, got: $kept"
grep -q "^sip_uri/$kept	sip_uri	crash	" "$work/crashes/INDEX.tsv" || fail "no index line for crashes/sip_uri/$kept"

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

echo
echo "walkthrough passed: found, triaged, minimized, promoted, failing while planted, passing once fixed"
