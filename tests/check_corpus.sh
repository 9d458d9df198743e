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
#   - every crashes/<target>/ file is named by its SHA-1 too.
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

[ "$bad" = 0 ] && echo "corpus ok: $listed named seeds present ($cms_listed of them the CMS seeds of corpus/cms-seeds.tsv in ${SF_CMS_SEED_TARGETS// /, }), $checked source claims hold, every file named by its SHA-1"
exit "$bad"
