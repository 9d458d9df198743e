#!/usr/bin/env bash
# scripts/build.sh: the OSS-Fuzz / ClusterFuzzLite build contract for
# sipsec-fuzz.
#
# oss-fuzz/build.sh and .clusterfuzzlite/build.sh run it inside OSS-Fuzz's
# base-builder image, after `compile` has set the build configuration;
# scripts/oss-fuzz-check runs it here with the same environment. It uses only
# what `compile` provides, and adds no sanitizer or engine flag of its own
# (the one exception, for OpenSSL's code only, is explained below):
#   CC CXX CFLAGS CXXFLAGS   compilers and flags (sanitizer and coverage flags
#                            are already in CFLAGS/CXXFLAGS)
#   LIB_FUZZING_ENGINE       what every fuzz target is linked with
#   SANITIZER FUZZING_ENGINE ARCHITECTURE   which configuration this is
#   SRC WORK OUT             sources, scratch space, results
# For every fuzz target T the CMake build registers (build/<x>/fuzz/targets.tsv)
# it writes:
#   $OUT/T                   the fuzz target, no extension
#   $OUT/T_seed_corpus.zip   corpus/T/ plus crashes/T/: every input that once
#                            crashed stays a seed, so ClusterFuzz keeps running it
#   $OUT/T.dict              the target's dictionary, joined from dict/ by CMake
#   $OUT/T.options           [libfuzzer] dict, max_len and timeout
#
# OpenSSL (the targets registered with OPENSSL): if OpenSSL's source is in
# $SF_OPENSSL_SRC (default $SRC/openssl; both Dockerfiles clone a release
# there), libcrypto is built from it with $CC and $CFLAGS, so it carries the
# same sanitizer and coverage instrumentation as everything else, and is linked
# statically. Otherwise the system's static libcrypto.a (Debian/Ubuntu
# libssl-dev) is linked: fine for ASan, UBSan, AFL++ and coverage, but not
# instrumented, so MemorySanitizer would report every byte libcrypto writes as
# uninitialised. The OpenSSL targets are then left out of MSan builds (and
# this script says so).
set -euo pipefail
SF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$SF_ROOT/scripts/lib/common.sh"

for v in CC CXX CFLAGS CXXFLAGS LIB_FUZZING_ENGINE SANITIZER FUZZING_ENGINE WORK OUT; do
  [ -n "${!v+set}" ] || sf_die "\$$v is not set. This script expects the environment of OSS-Fuzz's compile
(run it through infra/helper.py build_fuzzers, ClusterFuzzLite, or scripts/oss-fuzz-check)."
done
ARCHITECTURE=${ARCHITECTURE:-x86_64}
SRC=${SRC:-$(dirname "$SF_ROOT")}
command -v cmake >/dev/null 2>&1 || sf_die "cmake is missing from the build image (apt-get install cmake)."
command -v zip >/dev/null 2>&1 || sf_die "zip is missing from the build image (apt-get install zip)."
mkdir -p "$OUT" "$WORK"

# sanitizes CHECK: true if $CFLAGS turns on the sanitizer check CHECK
# (-fsanitize=a,b,CHECK,...).
sanitizes() {
  local f
  for f in $CFLAGS; do
    [[ "$f" == -fsanitize=* && ",${f#-fsanitize=}," == *",$1,"* ]] && return 0
  done
  return 1
}

config=$FUZZING_ENGINE-$SANITIZER-$ARCHITECTURE
work=$WORK/sipsec-fuzz/$config
jobs=$(nproc 2>/dev/null || echo 2)
sf_say "sipsec-fuzz: building the fuzz targets for $config into $OUT"
echo "    CC=$CC CXX=$CXX"
echo "    CFLAGS=$CFLAGS"
echo "    CXXFLAGS=$CXXFLAGS"
echo "    LIB_FUZZING_ENGINE=$LIB_FUZZING_ENGINE"

# 1. OpenSSL.
openssl_src=${SF_OPENSSL_SRC:-$SRC/openssl}
# SF_REQUIRE_OPENSSL: the CMake build would otherwise leave the OpenSSL
# targets out, silently, when it finds no OpenSSL.
openssl_args=(-DOPENSSL_USE_STATIC_LIBS=TRUE -DSF_REQUIRE_OPENSSL=ON)
openssl_instrumented=0
if [ -f "$openssl_src/Configure" ]; then
  prefix=$work/openssl
  sf_say "building libcrypto from $openssl_src with \$CC and \$CFLAGS (log: $work/openssl-build.log)"
  rm -rf "$prefix" "$work/openssl-build"
  mkdir -p "$work/openssl-build"
  ossl_opts=(no-shared no-module no-tests no-engine no-dso --prefix="$prefix" --libdir=lib)
  ossl_cflags=$CFLAGS
  # MSan cannot see what assembly writes: C code only, so every store is
  # instrumented (as OpenSSL's own OSS-Fuzz build does).
  if sanitizes memory; then ossl_opts+=(no-asm); fi
  # The one flag this script adds, to OpenSSL alone: OpenSSL 3.0 calls its
  # stack and hash-table callbacks through pointers of another function type,
  # which -fsanitize=function (part of OSS-Fuzz's UBSan set, checked in C since
  # clang 17) reports on every use (openssl/openssl#22375; OpenSSL itself now
  # builds with -fno-sanitize=function, #31837). Our own code keeps the check.
  if sanitizes function; then ossl_cflags+=" -fno-sanitize=function"; fi
  (
    cd "$work/openssl-build"
    "$openssl_src/config" "${ossl_opts[@]}" CC="$CC" CFLAGS="$ossl_cflags" &&
      make -j"$jobs" build_libs &&
      make install_dev
  ) >"$work/openssl-build.log" 2>&1 || {
    tail -40 "$work/openssl-build.log" >&2
    sf_die "building OpenSSL from $openssl_src failed (end of the log above, all of it in $work/openssl-build.log)."
  }
  openssl_args+=(-DOPENSSL_ROOT_DIR="$prefix")
  openssl_instrumented=1
fi

# 2. Configure. A fresh directory every time: CMake reads the compilers and
# flags only when it first configures a directory, and $WORK may hold the
# build of another configuration.
build=$work/cmake
rm -rf "$build"
sf_say "configuring (log: $build/configure.log)"
mkdir -p "$build"
cmake -S "$SF_ROOT" -B "$build" -G "$(sf_generator)" \
  -DSF_ENGINE=ossfuzz -DSF_BUILD_TESTS=OFF \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  "${openssl_args[@]}" >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  sf_die "configuring the CMake build failed (log above)."
}

# 3. Which targets this configuration gets.
targets=()
declare -A max_len timeout_s
while IFS=$'\t' read -r name _ _ m t ossl; do
  # ClusterFuzz runs only targets named with letters, digits, '_' and '-'.
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || sf_die "fuzz target '$name': OSS-Fuzz needs names of letters, digits, '_' and '-'."
  if [ "$ossl" = 1 ] && sanitizes memory && [ "$openssl_instrumented" = 0 ]; then
    sf_warn "leaving $name out of this MSan build: it links the system's libcrypto, which is not" \
      "MSan-instrumented (put OpenSSL's source in $openssl_src to build an instrumented one)."
    continue
  fi
  targets+=("$name")
  max_len[$name]=$m timeout_s[$name]=$t
done < <(sf_targets "$build")
[ ${#targets[@]} -gt 0 ] || sf_die "the CMake build registers no fuzz target for $config ($build/fuzz/targets.tsv)."

# 4. Build only those.
sf_say "building ${targets[*]} (log: $build/build.log)"
cmake --build "$build" -j "$jobs" --target "${targets[@]}" >"$build/build.log" 2>&1 || {
  tail -60 "$build/build.log" >&2
  sf_die "building the fuzz targets failed (end of the log above, all of it in $build/build.log)."
}

# 5. Install into $OUT.
seeds=$work/seeds
rm -rf "$seeds"
for t in "${targets[@]}"; do
  install -m 0755 "$build/fuzz/$t" "$OUT/$t"
  options="[libfuzzer]"
  # A dictionary with no entries (only CMake's header comment) is not shipped.
  if grep -qv -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$build/fuzz/$t.dict"; then
    cp "$build/fuzz/$t.dict" "$OUT/$t.dict"
    options+=$'\n'"dict = $t.dict"
  fi
  options+=$'\n'"max_len = ${max_len[$t]}"$'\n'"timeout = ${timeout_s[$t]}"
  printf '%s\n' "$options" >"$OUT/$t.options"
  # Seed corpus: files are named by the SHA-1 of their content, so a name in
  # both corpus/ and crashes/ is the same input and is stored once.
  mkdir -p "$seeds/$t"
  for d in "$SF_ROOT/corpus/$t" "$SF_ROOT/crashes/$t"; do
    [ -d "$d" ] || continue
    find "$d" -maxdepth 1 -type f ! -name '.*' -exec cp -f -t "$seeds/$t" {} +
  done
  rm -f "$OUT/${t}_seed_corpus.zip"
  if [ -n "$(ls -A "$seeds/$t")" ]; then
    (cd "$seeds/$t" && zip -q -X -r "$OUT/${t}_seed_corpus.zip" .)
  fi
  printf '    %-20s %s seeds, max_len %s, timeout %ss%s\n' "$t" "$(ls -A "$seeds/$t" | wc -l)" \
    "${max_len[$t]}" "${timeout_s[$t]}" "$([ -f "$OUT/$t.dict" ] && echo ", dictionary")"
done
sf_say "done: ${#targets[@]} fuzz target(s) in $OUT"
