# scripts/lib/common.sh: what every sipsec-fuzz script shares: messages,
# installing missing tools, and configuring/building one build directory.
# Sourced, not run. Expects SF_ROOT to be the repository root.

SF_ROOT=${SF_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
SF_BUILD=${SF_BUILD:-$SF_ROOT/build}
SF_JOBS_BUILD=${SF_JOBS_BUILD:-$(nproc 2>/dev/null || echo 2)}

# sf_say prints one step of what the script is doing.
sf_say() { printf '==> %s\n' "$*"; }

# sf_warn prints a warning to stderr.
sf_warn() { printf 'warning: %s\n' "$*" >&2; }

# sf_die prints a sentence a newcomer can act on and exits.
sf_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Debian packages behind each tool the project needs.
#   clang, libclang-rt-14-dev  libFuzzer and the sanitizer runtimes
#   afl++                      afl-fuzz, afl-clang-fast, afl-tmin, afl-cmin
#   libssl-dev                 OpenSSL headers and libraries (CMS harnesses)
#   cmake, ninja-build, gcc    the build; gcc proves the code builds without clang
#   llvm                       llvm-symbolizer (readable stacks), llvm-profdata/-cov
#   python3                    small helpers in scripts
#   zip                        OSS-Fuzz seed corpus archives
# and, for scripts/bench (and its smoke test in scripts/test), the peers it
# compares with and its tools (SF_BENCH_PACKAGES):
#   pkg-config                 finds the peers' compiler flags
#   libosip2-dev, libsofia-sip-ua-dev, libgmime-3.0-dev   SIP and MIME peers
#   time                       /usr/bin/time (peak RSS); not the shell keyword
#
# cmake brings ninja-build along: with --no-install-recommends, Debian's cmake
# package pulls in no build tool (neither make nor ninja), so on a fresh
# minimal machine cmake alone cannot build anything. Asking for cmake is
# therefore asking for both, and the printed apt-get command names both.
sf_missing_packages() {
  local want=() missing=()
  local p
  for p in "$@"; do
    want+=("$p")
    [ "$p" = cmake ] && want+=(ninja-build)
  done
  for p in "${want[@]}"; do
    # Each package once, even if it was asked for twice (cmake ninja-build).
    [[ " ${missing[*]} " == *" $p "* ]] && continue
    case "$p" in
      clang) command -v clang >/dev/null 2>&1 || missing+=(clang) ;;
      libclang-rt-14-dev)
        # The libFuzzer runtime is the file that tells whether this package is there.
        if ! command -v clang >/dev/null 2>&1 ||
          [ ! -f "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ]; then
          missing+=(libclang-rt-14-dev)
        fi
        ;;
      afl++) command -v afl-fuzz >/dev/null 2>&1 && command -v afl-clang-fast >/dev/null 2>&1 || missing+=(afl++) ;;
      libssl-dev) [ -f /usr/include/openssl/cms.h ] || missing+=(libssl-dev) ;;
      cmake) command -v cmake >/dev/null 2>&1 || missing+=(cmake) ;;
      ninja-build) command -v ninja >/dev/null 2>&1 || missing+=(ninja-build) ;;
      gcc) command -v gcc >/dev/null 2>&1 || missing+=(gcc) ;;
      llvm) command -v llvm-symbolizer >/dev/null 2>&1 || missing+=(llvm) ;;
      python3) command -v python3 >/dev/null 2>&1 || missing+=(python3) ;;
      zip) command -v zip >/dev/null 2>&1 || missing+=(zip) ;;
      pkg-config) command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config) ;;
      # A peer is there when pkg-config finds its module (its .pc file).
      libosip2-dev) sf_has_pc libosip2 || missing+=(libosip2-dev) ;;
      libsofia-sip-ua-dev) sf_has_pc sofia-sip-ua || missing+=(libsofia-sip-ua-dev) ;;
      libgmime-3.0-dev) sf_has_pc gmime-3.0 || missing+=(libgmime-3.0-dev) ;;
      time) [ -x /usr/bin/time ] || missing+=(time) ;;
      *) command -v "$p" >/dev/null 2>&1 || missing+=("$p") ;;
    esac
  done
  printf '%s\n' "${missing[@]}"
}

# sf_has_pc MODULE: whether pkg-config knows MODULE (false without pkg-config).
sf_has_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }

# sf_ensure_packages PKG...: installs the missing ones when run as root (apt),
# otherwise prints the exact command to run and stops.
sf_ensure_packages() {
  local missing
  mapfile -t missing < <(sf_missing_packages "$@" | sed '/^$/d')
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    sf_die "missing: ${missing[*]}. Install them with:
    sudo apt-get install -y ${missing[*]}
and run this command again."
  fi
  command -v apt-get >/dev/null 2>&1 ||
    sf_die "missing: ${missing[*]}, and this is not a Debian-like system (no apt-get); install them by hand."
  sf_say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    sf_say "refreshing the package lists and trying again"
    apt-get update || sf_die "apt-get update failed: check the network or the apt sources."
    apt-get install -y --no-install-recommends "${missing[@]}" ||
      sf_die "apt-get could not install ${missing[*]}."
  fi
}

# sf_generator picks Ninja when it is there, Make otherwise (sf_build
# makes sure of ninja; scripts/build.sh runs in OSS-Fuzz's image, which may
# have only make).
sf_generator() {
  if command -v ninja >/dev/null 2>&1; then echo Ninja; else echo "Unix Makefiles"; fi
}

# sf_build NAME CMAKE_ARGS...: configures build/NAME once (again if the
# arguments changed) and builds it. Prints where it builds. It makes sure of
# cmake and ninja itself, so no script that builds can forget them (the
# scripts ask for them with their other packages first, so that a user
# without root gets one apt-get command with everything). Every build the
# scripts make requires OpenSSL (SF_REQUIRE_OPENSSL): CMake alone would leave
# the OpenSSL targets and tests out when it finds none, and a script must not
# test or fuzz less than it says without failing.
sf_build() {
  local name=$1
  shift
  sf_ensure_packages cmake
  set -- "$@" -DSF_REQUIRE_OPENSSL=ON
  local dir=$SF_BUILD/$name
  local stamp=$dir/.sf-configure-args
  local args="$*"
  if [ ! -f "$dir/CMakeCache.txt" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$args" ]; then
    sf_say "configuring build/$name ($args)"
    rm -rf "$dir"
    mkdir -p "$dir"
    cmake -S "$SF_ROOT" -B "$dir" -G "$(sf_generator)" "$@" >"$dir/configure.log" 2>&1 || {
      cat "$dir/configure.log" >&2
      sf_die "configuring build/$name failed (log above, also in build/$name/configure.log)."
    }
    printf '%s' "$args" >"$stamp"
  fi
  sf_say "building build/$name"
  cmake --build "$dir" -j "$SF_JOBS_BUILD" >"$dir/build.log" 2>&1 || {
    cat "$dir/build.log" >&2
    sf_die "building build/$name failed (log above, also in build/$name/build.log)."
  }
}

# The build directories every script agrees on.
#   test        clang, replay driver, ASan+UBSan, -Werror, unit tests
#   gcc         gcc, replay driver, no sanitizer, -Werror, unit tests
#   libfuzzer   clang -fsanitize=fuzzer, ASan+UBSan (or the --sanitizer given)
#   afl         afl-clang-fast, ASan+UBSan, persistent mode
#   afl-cmplog  afl-clang-fast with AFL_LLVM_CMPLOG, no sanitizer (afl-fuzz -c)
#   libfuzzer-memory  clang -fsanitize=fuzzer, MSan (scripts/fuzz --sanitizer memory)
sf_build_test() {
  sf_build test -DCMAKE_C_COMPILER=clang -DSF_ENGINE=replay \
    -DSF_SANITIZERS=address,undefined -DSF_WERROR=ON -DSF_BUILD_TESTS=ON -DSF_SMOKE_TESTS=ON "$@"
}
sf_build_gcc() {
  sf_build gcc -DCMAKE_C_COMPILER=gcc -DSF_ENGINE=replay -DSF_SANITIZERS= \
    -DSF_WERROR=ON -DSF_BUILD_TESTS=ON "$@"
}
# The two builds of scripts/bench (bench/, SF_BENCH=ON; they need the peers):
#   bench        clang -O2 (RelWithDebInfo), replay driver, no sanitizer, no
#                tests: bench_sip, bench_mime, bench_cms and the replay-driver
#                targets (table 4)
#   bench-fuzz   the flags of build/libfuzzer plus bench/'s two harnesses
# scripts/test builds both for the bench.smoke test.
sf_build_bench() {
  sf_build bench -DCMAKE_C_COMPILER=clang -DSF_ENGINE=replay -DSF_SANITIZERS= \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSF_BUILD_TESTS=OFF -DSF_BENCH=ON
}
sf_build_bench_fuzz() {
  sf_build bench-fuzz -DCMAKE_C_COMPILER=clang -DSF_ENGINE=libfuzzer \
    -DSF_SANITIZERS=address,undefined -DSF_BENCH=ON
}
# The packages scripts/bench needs beyond scripts/test's: the peers it
# compares with, pkg-config to find them and /usr/bin/time.
SF_BENCH_PACKAGES=(pkg-config libosip2-dev libsofia-sip-ua-dev libgmime-3.0-dev time)

# sf_build_engine ENGINE SANITIZERS: prints the build directory name it used.
sf_engine_dir() {
  local engine=$1 san=$2
  if [ "$san" = "address,undefined" ]; then echo "$engine"; else echo "$engine-${san//,/-}"; fi
}
sf_build_engine() {
  local engine=$1 san=$2 cc
  case "$engine" in
    libfuzzer) cc=clang ;;
    afl) cc=afl-clang-fast ;;
    *) sf_die "unknown engine '$engine' (use libfuzzer or afl)" ;;
  esac
  sf_build "$(sf_engine_dir "$engine" "$san")" -DCMAKE_C_COMPILER="$cc" -DSF_ENGINE="$engine" \
    -DSF_SANITIZERS="$san"
}

# sf_build_afl_cmplog: build/afl-cmplog, the CMPLOG (RedQueen) build of the
# AFL++ targets that afl-fuzz runs with -c next to build/afl. AFL_LLVM_CMPLOG
# is set for every compile through the compiler launcher, so a rebuild by hand
# stays a CMPLOG build. No sanitizer: afl-fuzz runs this binary only to log
# comparison operands, and every input it keeps is run by the main binary,
# which has them.
sf_build_afl_cmplog() {
  sf_build afl-cmplog -DCMAKE_C_COMPILER=afl-clang-fast -DSF_ENGINE=afl -DSF_SANITIZERS= \
    "-DCMAKE_C_COMPILER_LAUNCHER=env;AFL_LLVM_CMPLOG=1"
}

# sf_targets BUILD_DIR: the fuzz targets a build produced, one per line:
#   name binary dict max_len timeout openssl
sf_targets() {
  tail -n +2 "$1/fuzz/targets.tsv"
}

# sf_table aligns tab-separated lines on standard input into columns.
sf_table() {
  awk -F'\t' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) }
                 if (NF > nf) nf = NF }
       END { for (r = 1; r <= NR; r++) { line = ""
               for (i = 1; i <= nf; i++) line = line sprintf(i < nf ? "%-" w[i] "s  " : "%s", cell[r, i])
               print line } }'
}

# build/coverage: clang source-based coverage, replay driver, no sanitizer.
sf_build_coverage() {
  sf_build coverage -DCMAKE_C_COMPILER=clang -DSF_ENGINE=replay -DSF_SANITIZERS= \
    -DSF_COVERAGE=ON -DSF_BUILD_TESTS=OFF
}

# The targets that share the CMS seeds: every row of corpus/cms-seeds.tsv is
# a seed of each of them (scripts/gen-cms-seeds writes it into all four).
SF_CMS_SEED_TARGETS="der cms cms_openssl cms_diff"

# sf_named_seeds CORPUS_DIR: prints "target<TAB>sha1<TAB>label" for every
# named seed: the seeds whose origin is written down (the draft's messages,
# blobs and certificates, RFC 4475's messages, the seeds made by hand or by
# scripts/gen-cms-seeds), which scripts/minimize always keeps and
# tests/check_corpus.sh requires. They come from two places:
#   - CORPUS_DIR/README.md: each table row "| `<sha1>` | <label> | ..." under
#     a "## <target>/" heading (label: the second column);
#   - CORPUS_DIR/cms-seeds.tsv: each row is a named seed of every target of
#     SF_CMS_SEED_TARGETS (label: the seed's name, e.g. blob1-signed.der).
sf_named_seeds() {
  local dir=$1 line target="" t sha name _
  [ -f "$dir/README.md" ] || sf_die "$dir/README.md is missing: it lists the named seeds."
  [ -f "$dir/cms-seeds.tsv" ] || sf_die "$dir/cms-seeds.tsv is missing: it lists the CMS seeds."
  while IFS= read -r line; do
    if [[ "$line" =~ ^##\  ]]; then
      # Any heading ends the previous target's table; only "## <target>/"
      # starts one.
      target=""
      [[ "$line" =~ ^##\ ([a-z0-9_]+)/ ]] && target=${BASH_REMATCH[1]}
    elif [ -n "$target" ] && [[ "$line" =~ ^\|\ \`([0-9a-f]{40})\`\ \|\ ([^|]*[^|\ ])\ *\| ]]; then
      printf '%s\t%s\t%s\n' "$target" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    fi
  done <"$dir/README.md"
  while IFS=$'\t' read -r sha name _; do
    [[ "$sha" =~ ^[0-9a-f]{40}$ ]] || continue # the header line
    for t in $SF_CMS_SEED_TARGETS; do printf '%s\t%s\t%s\n' "$t" "$sha" "$name"; done
  done <"$dir/cms-seeds.tsv"
}

# sf_reap_stopped BINARY...: kills the stopped, orphaned processes of these
# binaries. afl-fuzz 4.04c starts its fork server in a session of its own
# (setsid) and, when it exits, can leave the persistent-mode target that
# server forked stopped (state T) and adopted by init, where it holds the
# output directory so the next run refuses it ("is in use"). Only processes
# that are stopped, have init as parent and run exactly one of the given
# binaries are killed.
sf_reap_stopped() {
  local want pid ppid stat exe
  for want in "$@"; do
    [ -n "$want" ] || continue
    while read -r pid ppid stat exe; do
      [ "$ppid" = 1 ] && [[ "$stat" == T* ]] && [ "$exe" = "$want" ] && kill -KILL "$pid" 2>/dev/null
    done < <(ps -eo pid=,ppid=,stat=,args= | awk '{ print $1, $2, $3, $4 }')
  done
  return 0
}

# sf_usage SCRIPT: prints the comment block at the top of SCRIPT (after the
# #! line) without its "# " prefixes: every script's --help.
sf_usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$1"
}

# sf_need_arg ARGC MESSAGE: for option parsing; dies with MESSAGE (e.g.
# "--time needs a number of seconds") unless a value follows the option.
sf_need_arg() {
  [ "$1" -ge 2 ] || sf_die "$2."
}
