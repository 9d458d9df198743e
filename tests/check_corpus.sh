#!/usr/bin/env bash
# check_corpus.sh: the rules corpus/ lives by, checked.
#   - every seed file is named by the SHA-1 of its content;
#   - every seed listed in a table of corpus/README.md (under "## <target>/")
#     exists in corpus/<target>/: those are the named seeds scripts/minimize
#     never drops, so a listed seed that vanished means one was dropped;
#   - every crashes/<target>/ file is named by its SHA-1 too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/common.sh"
bad=0
for f in "$root"/corpus/*/* "$root"/crashes/*/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  sum=$(sha1sum "$f" | cut -c1-40)
  if [ "$name" != "$sum" ]; then
    echo "${f#$root/}: named $name but its SHA-1 is $sum"
    bad=1
  fi
done
listed=0
while IFS=$'\t' read -r target seed; do
  listed=$((listed + 1))
  if [ ! -f "$root/corpus/$target/$seed" ]; then
    echo "corpus/README.md lists $target/$seed, which is not in corpus/$target/"
    bad=1
  fi
done < <(sf_named_seeds "$root/corpus/README.md")
[ "$listed" -gt 0 ] || { echo "no named seeds found in corpus/README.md"; bad=1; }
[ "$bad" = 0 ] && echo "corpus ok: $listed named seeds present, every file named by its SHA-1"
exit "$bad"
