#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md (issue 7) with one command:
#
#   Tests/scripts/run-benchmarks.sh            # everything, ~10-15 minutes
#   Tests/scripts/run-benchmarks.sh --quick    # one run of each, 10 s idle: a smoke test
#
# 1. builds the release binary (scratch path .build-bench, so that it never
#    blocks a build in .build);
# 2. generates the synthetic data sets (1k, 20k, 100k projects; seed 1, as of
#    2026-11-29) and exports the 20k projects to CSV for VisiData;
# 3. runs the in-process Swift benchmarks (swift package benchmark);
# 4. runs the pseudo-terminal harness (Tests/scripts/pty-bench.py) on
#    GreenSilk and on VisiData over the same projects, in the same run;
# 5. prints the results as markdown and keeps everything under the work
#    directory (results.md, pty.json, swift-benchmarks.md).
#
# Options: --quick, --runs N, --idle-seconds S, --no-visidata, --no-swift,
# --no-pty, --work DIR (default ${TMPDIR:-/tmp}/greensilk-bench),
# --baseline DIR (an earlier run's work directory, or a copy of it: its
# figures are shown beside, e.g. `cp -r /tmp/greensilk-bench /tmp/before`).
# Environment: SCRATCH (default .build-bench).
# Installs pyte and visidata with pip when they are missing.
# Idempotent: the data sets are regenerated, the builds are incremental.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

runs=5
idle=60
visidata=1
swift_bench=1
pty_bench=1
work="${TMPDIR:-/tmp}/greensilk-bench"
baseline=""
while (($#)); do
  case "$1" in
    --quick) runs=1; idle=10 ;;
    --runs) runs="$2"; shift ;;
    --idle-seconds) idle="$2"; shift ;;
    --no-visidata) visidata=0 ;;
    --no-swift) swift_bench=0 ;;
    --no-pty) pty_bench=0 ;;
    --work) work="$2"; shift ;;
    --baseline) baseline="$2"; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scratch="${SCRATCH:-.build-bench}"
mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { printf '[run-benchmarks] %s\n' "$*" >&2; }
started=$(date +%s)
label="Sources at $(git log -1 --format=%h -- Sources 2>/dev/null || echo '?')"
git diff --quiet HEAD -- Sources 2>/dev/null || label="$label + uncommitted changes in Sources/"
if [[ -n "$baseline" ]]; then
  baseline=$(cd "$baseline" && pwd)
  [[ "$baseline" != "$work" ]] || { echo "run-benchmarks.sh: --baseline must not be the work directory" >&2; exit 2; }
fi

# --- tools -----------------------------------------------------------------
python3 -c 'import pyte' 2>/dev/null || { log "installing pyte"; pip install -q 'pyte==0.8.2'; }
vd=""
if ((visidata)); then
  python3 -c 'import visidata' 2>/dev/null || { log "installing visidata"; pip install -q 'visidata==3.4'; }
  # The real script, not a version manager's shim (which would add its own
  # start-up time to VisiData's).
  vd="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/vd"
  [[ -x "$vd" ]] || vd=$(command -v vd)
fi

# --- build -----------------------------------------------------------------
log "building the release binary (scratch path $scratch)"
swift build -c release --scratch-path "$scratch" --product greensilk 2>&1 | tail -n 1 >&2
binary="$repo/$scratch/release/greensilk"

# --- data ------------------------------------------------------------------
log "generating data sets under $work"
for n in 1000 20000 100000; do
  rm -rf "$work/p$n" "$work/.p$n-"*
  "$binary" generate --data "$repo/data" --projects "$n" --activities $((n / 10)) --seed 1 \
    --today 2026-11-29 --out "$work/p$n" >/dev/null
done
rm -f "$work/p20000.csv"
"$binary" export projects --format csv --data "$work/p20000" -o "$work/p20000.csv"
rm -rf "$work/vd-home"

# --- in-process benchmarks -------------------------------------------------
swift_md="$work/swift-benchmarks.md"
if ((swift_bench)); then
  log "running the Swift benchmarks (swift package benchmark)"
  GREENSILK_BENCH_DATA="$work" swift package --scratch-path "$scratch" benchmark \
    --target GreenSilkBenchmarks --no-progress --format markdown --path stdout >"$swift_md.tmp" 2>"$work/swift-benchmarks.log" \
    || { cat "$work/swift-benchmarks.log" >&2; exit 1; }
  mv "$swift_md.tmp" "$swift_md"
fi

# --- pseudo-terminal harness ------------------------------------------------
if ((pty_bench)); then
  log "running the pty harness: $runs runs, idle over $idle s"
  python3 Tests/scripts/pty-bench.py --binary "$binary" \
    --data-20k "$work/p20000" --data-100k "$work/p100000" --csv-20k "$work/p20000.csv" \
    --reference-data "$repo/data" --work "$work" \
    ${vd:+--vd "$vd"} --runs "$runs" --idle-seconds "$idle" --label "$label" --json "$work/pty.json" >/dev/null
fi

# --- report ----------------------------------------------------------------
{
  echo "## Machine"
  echo
  echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- kernel: $(uname -sr)"
  echo "- $(swift --version 2>/dev/null | head -n 1)"
  [[ -n "$vd" ]] && echo "- VisiData: $("$vd" --version 2>/dev/null | head -n 1)"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- finished: $(date '+%Y-%m-%d %H:%M'), $(( $(date +%s) - started )) s, $label"
  echo
  report=(--report)
  if ((swift_bench)); then report+=(--swift-markdown "$swift_md"); fi
  if ((pty_bench)); then report+=(--pty-json "$work/pty.json"); fi
  if [[ -n "$baseline" ]]; then
    report+=(--baseline-pty-json "$baseline/pty.json" --baseline-swift-markdown "$baseline/swift-benchmarks.md")
  fi
  python3 Tests/scripts/pty-bench.py "${report[@]}"
} | tee "$work/results.md"
log "done in $(( $(date +%s) - started )) s; results in $work/results.md"
