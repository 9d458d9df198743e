#!/usr/bin/env bash
# check_corpus.sh: the rules corpus/ lives by, checked.
#   - every seed file is named by the SHA-1 of its content;
#   - every named seed (sf_named_seeds: the tables of corpus/README.md under
#     "## <target>/", and every row of corpus/cms-seeds.tsv for der, cms,
#     cms_openssl and cms_diff) exists in corpus/<target>/: those are the
#     seeds scripts/minimize never drops, so one that vanished was dropped;
#   - the seeds still are what corpus/README.md and cms-seeds.tsv say they
#     were made from: each source file below, in the form given, has the
#     SHA-1 of a named seed of each target it was claimed for, and a named
#     seed labelled with a source file's name has that file's SHA-1 (so a
#     test file changed without its seed, or a seed changed without its
#     source, is noticed);
#   - every crashes/<target>/ file is named by its SHA-1 too, and has one
#     line in crashes/INDEX.tsv whose kind is in the vocabulary of
#     crashes/README.md and whose found_by carries a date (YYYY-MM-DD) unless
#     the kind is "regression seed".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/common.sh"
cd "$root"
bad=0
problem() {
  echo "$*"
  bad=1
}

for f in corpus/*/* crashes/*/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  sum=$(sha1sum "$f" | cut -c1-40)
  [ "$name" = "$sum" ] || problem "$f: named $name but its SHA-1 is $sum"
done

# The named seeds, and which source file each label names.
declare -A named by_label
listed=0
cms_listed=0
while IFS=$'\t' read -r target seed label; do
  listed=$((listed + 1))
  [[ " $SF_CMS_SEED_TARGETS " == *" $target "* ]] && cms_listed=$((cms_listed + 1))
  named["$target $seed"]=$label
  by_label["$target ${label##*/}"]=$seed
  [ -f "corpus/$target/$seed" ] ||
    problem "corpus/$target/$seed ($label) is a named seed but is not in corpus/$target/"
done < <(sf_named_seeds corpus)
[ "$listed" -gt 0 ] || problem "no named seeds found in corpus/README.md and corpus/cms-seeds.tsv"
[ "$cms_listed" -gt 0 ] || problem "no CMS named seeds found in corpus/cms-seeds.tsv"

# seed_form FORM FILE: prints the bytes of the seed FILE became.
#   raw   FILE byte for byte
#   der   a PEM certificate in DER: the base64 between the armour lines
#         (what `openssl x509 -outform DER` writes for it)
#   body  a SIP message's body in mime_multipart's input form: the value of
#         its Content-Type header, LF, then the body (docs/mime.md)
seed_form() {
  case "$1" in
    raw) cat "$2" ;;
    der) sed '/^-----/d' "$2" | base64 -d ;;
    body)
      python3 - "$2" <<'PY'
import re, sys
head, body = open(sys.argv[1], "rb").read().split(b"\r\n\r\n", 1)
for line in head.split(b"\r\n"):
    name, _, value = line.partition(b":")
    if name.strip().lower() in (b"content-type", b"c"):
        sys.stdout.buffer.write(value.strip() + b"\n" + body)
        break
else:
    sys.exit("%s has no Content-Type header" % sys.argv[1])
PY
      ;;
  esac
}

# claim "TARGET..." FORM FILE...: corpus/README.md (or cms-seeds.tsv) says
# that each FILE, in FORM, is a named seed of each TARGET.
checked=0
claim() {
  local targets=$1 form=$2 f sum label t
  shift 2
  for f in "$@"; do
    [ -f "$f" ] || { problem "$f: claimed as a seed source but missing"; continue; }
    sum=$(seed_form "$form" "$f" | sha1sum | cut -c1-40)
    label=$(basename "$f")
    [ "$form" = der ] && label=${label%.pem}.der
    for t in $targets; do
      checked=$((checked + 1))
      if [ -z "${named["$t $sum"]+x}" ]; then
        problem "$f ($form, SHA-1 $sum) is claimed as a seed of $t (corpus/README.md, cms-seeds.tsv), but no named seed of $t has that SHA-1: the seed and its source have drifted apart"
      fi
      if [ "$form" != body ] && [ -n "${by_label["$t $label"]+x}" ] && [ "${by_label["$t $label"]}" != "$sum" ]; then
        problem "the named seed ${by_label["$t $label"]} of $t is labelled $label, but $f ($form) has SHA-1 $sum"
      fi
    done
  done
}
# What corpus/README.md and corpus/cms-seeds.tsv say the seeds were made of.
claim "sip_message sip_body sip_smime" raw tests/data/draft/messages/*.sip
claim sip_message raw tests/data/rfc4475/messages/*
claim sip_body raw tests/data/rfc4475/messages/mpart01.dat
claim sip_smime raw tests/data/sipsec-check/*.sip
claim mime_multipart body tests/data/draft/messages/5.1-message-signed.sip \
  tests/data/draft/messages/5.3-message-encrypted-signed.sip tests/data/rfc4475/messages/mpart01.dat
claim "$SF_CMS_SEED_TARGETS" raw tests/data/draft/cms/*.der
claim "$SF_CMS_SEED_TARGETS" der tests/data/draft/certs/*-cert.pem

# crashes/INDEX.tsv: one line per file, kinds from crashes/README.md (the
# words scripts/triage writes), a date for everything a fuzzer found.
# ASan's report types as its SUMMARY line names them (compiler-rt's
# asan_errors), and MSan's.
asan_kinds=" heap-buffer-overflow heap-use-after-free stack-buffer-overflow
  stack-buffer-underflow stack-use-after-return stack-use-after-scope
  global-buffer-overflow dynamic-stack-buffer-overflow intra-object-overflow
  container-overflow use-after-poison initialization-order-fiasco unknown-crash
  SEGV BUS FPE ILL stack-overflow double-free bad-free alloc-dealloc-mismatch
  new-delete-type-mismatch bad-malloc_usable_size calloc-overflow
  reallocarray-overflow pvalloc-overflow invalid-allocation-alignment
  invalid-aligned-alloc-alignment invalid-posix-memalign-alignment
  allocation-size-too-big negative-size-param odr-violation invalid-pointer-pair
  use-of-uninitialized-value "
index=crashes/INDEX.tsv
rows=0
declare -A indexed
if [ "$(head -1 "$index")" != $'file\ttarget\tkind\tdescription\tfound_by\tfixed_in' ]; then
  problem "$index: the header line is not file, target, kind, description, found_by, fixed_in"
fi
while IFS=$'\t' read -r file target kind description found fixed extra; do
  rows=$((rows + 1))
  where="$index line $((rows + 1)) ($file)"
  [ -n "$fixed" ] && [ -z "$extra" ] || { problem "$where: not six tab-separated columns"; continue; }
  [ -n "${indexed[$file]+x}" ] && problem "$where: the file has two lines"
  indexed[$file]=1
  [ -f "crashes/$file" ] || problem "$where: crashes/$file does not exist"
  [ "${file%%/*}" = "$target" ] || problem "$where: target $target, but the file is under crashes/${file%%/*}/"
  case "$kind" in
    "regression seed" | invariant | timeout | oom | leak | "deadly signal" | crash) ;;
    ubsan\ *) [[ "$kind" =~ ^ubsan\ [a-z-]+$ ]] || problem "$where: kind '$kind' is not 'ubsan <check>'" ;;
    *) [[ "$asan_kinds" == *" $kind "* || "$kind" =~ ^[a-z]+-param-overlap$ ]] ||
      problem "$where: kind '$kind' is not in the vocabulary of crashes/README.md" ;;
  esac
  if [ "$kind" != "regression seed" ] && ! [[ "$found" =~ (^|[^0-9])[0-9]{4}-[0-1][0-9]-[0-3][0-9]($|[^0-9]) ]]; then
    problem "$where: found_by '$found' has no date (YYYY-MM-DD)"
  fi
done < <(tail -n +2 "$index")
for f in crashes/*/*; do
  [ -f "$f" ] || continue
  [ -n "${indexed[${f#crashes/}]+x}" ] || problem "$f has no line in $index"
done

[ "$bad" = 0 ] && echo "crashes ok: $rows lines in $index, kinds from crashes/README.md, fuzz finds dated"
[ "$bad" = 0 ] && echo "corpus ok: $listed named seeds present ($cms_listed of them the CMS seeds of corpus/cms-seeds.tsv in ${SF_CMS_SEED_TARGETS// /, }), $checked source claims hold, every file named by its SHA-1"
exit "$bad"
