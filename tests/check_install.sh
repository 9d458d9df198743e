#!/usr/bin/env bash
# check_install.sh CMAKE BUILD_DIR: "sipsec-check is installed by the build"
# (issue #7), checked. `cmake --install BUILD_DIR --prefix TMP` must put an
# executable bin/sipsec-check under TMP, and that copy, run from outside the
# source and build trees, must answer --help with exit status 0 and its usage
# and check the draft's message 5.1 (exit 0, signature valid), so that it is a
# working program and not only a file.
set -euo pipefail
cmake=$1
build=$2
src=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(mktemp -d "${TMPDIR:-/tmp}/sf-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { printf 'INSTALL CHECK FAILED: %s\n' "$*" >&2; exit 1; }

echo "==> $cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" || fail "cmake --install exited $?"
bin=$prefix/bin/sipsec-check
[ -f "$bin" ] || fail "no bin/sipsec-check under the prefix; installed: $(cd "$prefix" && find . -type f | tr '\n' ' ')"
[ -x "$bin" ] || fail "bin/sipsec-check is not executable"

cd "$prefix"
help=$("$bin" --help) || fail "installed sipsec-check --help exited $?"
grep -q '^usage: sipsec-check ' <<<"$help" || fail "installed sipsec-check --help printed no usage line"

draft=$src/tests/data/draft
status=0
out=$("$bin" -q --ca "$draft/certs/ca-cert.pem" --at 2005-02-04T20:20:00Z \
  "$draft/messages/5.1-message-signed.sip") || status=$?
[ "$status" = 0 ] || fail "installed sipsec-check on 5.1 exited $status, want 0: $out"
grep -q 'id: smime.signature-valid' <<<"$out" || fail "installed sipsec-check did not verify 5.1: $out"
echo "installed bin/sipsec-check runs: --help exit 0, 5.1 checked with exit 0"
