#!/usr/bin/env bash
# Builds each libFuzzer harness (Tests/Fuzz/Harnesses) with AddressSanitizer
# and runs it for RUNS inputs (default 1,000,000), one at a time and
# niced: the machine is shared. Not part of CI (it takes a while).
#
#   Tests/Fuzz/run-fuzzers.sh                 # every harness, 10^6 inputs each
#   RUNS=20000 Tests/Fuzz/run-fuzzers.sh json # one harness, fewer inputs
#
# Swift on Linux has -sanitize=fuzzer and -sanitize=address; it has no
# -sanitize=undefined (the driver refuses it), but Swift's own checks
# (overflow, bounds, unwrapping nil, conversions) trap in every build, and
# libFuzzer reports a trap as a crash: those are the "undefined behaviour"
# findings. Each crashing input is written to Tests/Fuzz/crashes/HARNESS/
# by libFuzzer; copy it into Tests/Fuzz/Regressions/HARNESS/ once fixed,
# where `swift test` replays it (FuzzRegressionTests).
#
# Output: Tests/Fuzz/out/HARNESS.log per harness and a summary line per
# harness on standard output (inputs run, crashes found).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-1000000}
MAXLEN=${MAXLEN:-1024}
# A cap on each harness's run in seconds (0: none): on a shared machine
# 10^6 inputs can take hours; the summary says how many really ran.
SECONDS_EACH=${SECONDS_EACH:-0}
OUT=${OUT:-/tmp/greensilk-fuzz}
ONLY=${1:-}
ONLY_LIST=" ${*:-} "
mkdir -p "$OUT" Tests/Fuzz/out

SWIFTC=(nice swiftc -sanitize=fuzzer,address -parse-as-library -O -wmo -g -swift-version 6 -module-cache-path "$OUT/cache")
CORE=$(find Sources/GreenSilkCore -name '*.swift' | sort)
BUILT=$ROOT/.build/x86_64-unknown-linux-gnu/debug   # for TOMLKit and CNcursesw, built by `swift build`

# A harness is rebuilt only when a source is newer than its binary.
up_to_date() { # binary
  [ -f "$1" ] && [ -z "$(find Sources Tests/Fuzz/Harnesses -name '*.swift' -newer "$1" | head -1)" ]
}

# Every harness: GreenSilkCore and GreenSilkUI as instrumented static
# libraries (built once, -enable-testing), then the harness as a module of
# its own that imports them, linked against the TOMLKit objects `swift build` made (not
# instrumented: a dependency, not ours).
CTOML_MAP=$(find .build/checkouts/TOMLKit -name module.modulemap -path '*CTOML*' | head -1)
LIBS="$OUT/libs"
build_libraries() {
  [ -f "$LIBS/libGreenSilkUI.a" ] && return 0
  mkdir -p "$LIBS"
  "${SWIFTC[@]}" -enable-testing -module-name GreenSilkCore -emit-module -emit-module-path "$LIBS/GreenSilkCore.swiftmodule" \
    -emit-library -static $CORE -o "$LIBS/libGreenSilkCore.a" 2>"$OUT/core.build.log" ||
    { echo "GreenSilkCore library: build failed, see $OUT/core.build.log"; return 1; }
  "${SWIFTC[@]}" -enable-testing -module-name GreenSilkUI -emit-module -emit-module-path "$LIBS/GreenSilkUI.swiftmodule" \
    -I "$LIBS" -I "$BUILT/Modules" -Xcc -fmodule-map-file="$CTOML_MAP" \
    -emit-library -static $(find Sources/GreenSilkUI -name '*.swift' | sort) -o "$LIBS/libGreenSilkUI.a" 2>"$OUT/ui.build.log" ||
    { echo "GreenSilkUI library: build failed, see $OUT/ui.build.log"; return 1; }
}

build_ui_harness() { # name harness.swift [more sources]
  up_to_date "$OUT/$1" && return 0
  build_libraries || return 1
  local name=$1 file=$2
  shift 2
  "${SWIFTC[@]}" -module-name "Fuzz_$name" -I "$LIBS" -I "$BUILT/Modules" -I Sources/CNcursesw \
    -Xcc -fmodule-map-file="$CTOML_MAP" "Tests/Fuzz/Harnesses/$file" "$@" \
    -L "$LIBS" -lGreenSilkUI -lGreenSilkCore $(find "$BUILT/TOMLKit.build" "$BUILT/CTOML.build" -name '*.o' | sort) \
    -lncursesw -lstdc++ -o "$OUT/$name" 2>"$OUT/$name.build.log" ||
    { echo "$name: build failed, see $OUT/$name.build.log"; return 1; }
}

run() { # name
  local name=$1
  mkdir -p "$OUT/corpus/$name" "Tests/Fuzz/crashes/$name"
  # Seeds: the regression inputs and any seeds kept for the harness.
  for dir in "Tests/Fuzz/Seeds/$name" "Tests/Fuzz/Regressions/$name"; do
    [ -d "$dir" ] && cp -n "$dir"/* "$OUT/corpus/$name/" 2>/dev/null
  done
  GREENSILK_FUZZ_HEADER=$ROOT/Tests/GreenSilkCoreTests/Fixtures/aiddata/malaysia_projects.csv \
  GREENSILK_FUZZ_DATA=$ROOT/data ASAN_OPTIONS=detect_leaks=0 \
    nice "$OUT/$name" -runs="$RUNS" -max_total_time="$SECONDS_EACH" -max_len="$MAXLEN" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="Tests/Fuzz/crashes/$name/" -print_final_stats=1 \
    "$OUT/corpus/$name" >"Tests/Fuzz/out/$name.log" 2>&1
  local status=$?
  local done_runs
  done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "Tests/Fuzz/out/$name.log" | grep -o '[0-9]*$' | tail -1)
  local crashes
  crashes=$(ls "Tests/Fuzz/crashes/$name" 2>/dev/null | wc -l)
  echo "$name: status $status, ${done_runs:-?} inputs, $crashes crashing input(s) in Tests/Fuzz/crashes/$name"
}

HARNESSES="json:JSONRecords.swift:lib csv:CSVImport.swift:lib theme:ThemeTOML.swift:ui kiosk:KioskConfigTOML.swift:ui keys:KeyDecoding.swift:keys text:TextCells.swift:ui"
for entry in $HARNESSES; do
  IFS=: read -r name file kind <<<"$entry"
  [ -n "$ONLY" ] && [[ "$ONLY_LIST" != *" $name "* ]] && continue
  case $kind in
  keys) build_ui_harness "$name" "$file" Sources/GreenSilkTerminal/KeyDecoder.swift || continue ;;
  *) build_ui_harness "$name" "$file" || continue ;;
  esac
  run "$name"
done
