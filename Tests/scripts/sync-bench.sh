#!/usr/bin/env bash
# Sync benchmarks at the 21,000-project GCDF scale (issue 14), recorded in
# BENCHMARKS.md. Past 2,000 projects they live in parts, projects/00..63.jsonl
# (ProjectParts):
#  1. the merge driver on a 21,000-record file (the parts concatenated into
#     one file sorted by id, as the issue asks) and on one part (what a sync
#     now hands the driver), one record changed on each side plus one true
#     conflict, 7 runs each;
#  2. one changed record synced end to end over SSH on loopback (a real
#     sshd with throwaway keys, a bare hub, two offices), 5 runs each of:
#     office A sends (commit, fetch, push); office B, with a change of its
#     own, receives (commit, fetch, merge with the driver, push).
# GIT_PROFILE=1 adds one send and one receive under GIT_TRACE_PERFORMANCE
# and prints the time of each git command.
# Usage: Tests/scripts/sync-bench.sh [GREENSILK_BINARY]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${1:-$PWD/.build/release/greensilk}"
[ -x "$BIN" ] || { echo "build first: swift build -c release --product greensilk" >&2; exit 2; }
WORK=$(mktemp -d /tmp/greensilk-sync-bench-XXXXXX)
SSHD_PID=""
cleanup() { [ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

echo "== data: 21,000 GCDF-shaped projects (make-gcdf-rows.py + import aiddata)"
# DATA_DIR=DIR copies a directory already made this way (set-up only: the
# import is not what is measured).
if [ -n "${DATA_DIR:-}" ]; then
  cp -r "$DATA_DIR" "$WORK/A"
  rm -rf "$WORK/A/.git" "$WORK/A/.greensilk.lock"
else
  CSV=/tmp/gcdf21k.csv
  [ -s "$CSV" ] || python3 Tests/scripts/make-gcdf-rows.py 21000 "$CSV"
  cp -r data "$WORK/A"
  rm -f "$WORK/A/.greensilk.lock"
  "$BIN" import aiddata --data "$WORK/A" "$CSV" >/dev/null
fi
[ -d "$WORK/A/projects" ] || { echo "expected the projects in parts (projects/)" >&2; exit 1; }
LARGEST=$(ls -S "$WORK/A/projects" | head -1)
echo "projects/: $(ls "$WORK/A/projects" | wc -l) parts, $(cat "$WORK/A/projects"/*.jsonl | wc -l) lines, $(du -sh "$WORK/A/projects" | cut -f1); largest part $LARGEST $(du -h "$WORK/A/projects/$LARGEST" | cut -f1); sources/ $(du -sh "$WORK/A/sources" 2>/dev/null | cut -f1)"

# driver_bench FILE PATH_FOR_THE_KIND LABEL: three versions of FILE (one
# record changed on each side, one changed on both), 7 runs of the driver.
driver_bench() {
  python3 - "$1" "$WORK" <<'EDITS'
import sys, re
path, work = sys.argv[1], sys.argv[2]
lines = open(path, encoding='utf-8').read().split('\n')
n = len([l for l in lines if l])
def retitle(i, title):
    return re.sub(r'"title":"(?:[^"\\]|\\.)*"', '"title":"%s"' % title, lines[i], count=1)
ours, theirs = list(lines), list(lines)
a, b, c = n // 200, (n * 5) // 7, n // 3
ours[a] = retitle(a, "Changed in office A")
theirs[b] = retitle(b, "Changed in office B")
ours[c] = retitle(c, "Conflict: A's title")
theirs[c] = retitle(c, "Conflict: B's title")
open(work + '/O', 'w', encoding='utf-8').write('\n'.join(lines))
open(work + '/A0', 'w', encoding='utf-8').write('\n'.join(ours))
open(work + '/B', 'w', encoding='utf-8').write('\n'.join(theirs))
EDITS
  for _ in 1 2 3 4 5 6 7; do
    cp "$WORK/A0" "$WORK/Acopy"
    t0=$(now); "$BIN" merge-driver "$WORK/O" "$WORK/Acopy" "$WORK/B" "$2" 2>/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc
  done > "$WORK/driver.times"
  echo "$3 ($(wc -l < "$1") records, $(du -h "$1" | cut -f1)): $(tr '\n' ' ' < "$WORK/driver.times")-> median $(median < "$WORK/driver.times") s; records holding a conflict after: $(grep -c '"merge_conflict"' "$WORK/Acopy")"
  rm -f "$WORK/O" "$WORK/A0" "$WORK/Acopy" "$WORK/B"
}

if [ -z "${SKIP_DRIVER:-}" ]; then
  echo "== merge driver"
  # The parts concatenated and sorted by id: one 21,000-record file.
  python3 - "$WORK/A/projects" "$WORK/all.jsonl" <<'CONCAT'
import sys, os, re
folder, out = sys.argv[1], sys.argv[2]
lines = []
for name in sorted(os.listdir(folder)):
    lines += [l for l in open(os.path.join(folder, name), encoding='utf-8').read().split('\n') if l]
lines.sort(key=lambda l: re.match(r'\{"id":"([^"]*)"', l).group(1).encode())
open(out, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
CONCAT
  driver_bench "$WORK/all.jsonl" projects.jsonl "merge driver, one 21,000-record file"
  rm -f "$WORK/all.jsonl"
  driver_bench "$WORK/A/projects/$LARGEST" "projects/$LARGEST" "merge driver, one part (projects/$LARGEST)"
fi

echo "== sshd on loopback"
for k in host_key client_key; do ssh-keygen -q -t ed25519 -N '' -f "$WORK/$k"; done
cp "$WORK/client_key.pub" "$WORK/authorized_keys"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_key
AuthorizedKeysFile $WORK/authorized_keys
PidFile $WORK/sshd.pid
StrictModes no
UsePAM no
PermitRootLogin yes
PasswordAuthentication no
PubkeyAuthentication yes
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
SSHD_PID=$!
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
export GIT_SSH_COMMAND="ssh -i $WORK/client_key -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
HUB="ssh://$(id -un)@127.0.0.1:$PORT$WORK/hub.git"
git init -q --bare -b main "$WORK/hub.git"
# The first commit by hand: the import's 21,000 audit entries are set-up,
# not what is measured.
git -C "$WORK/A" init -q -b main
git -C "$WORK/A" add -A
git -C "$WORK/A" -c user.name=bench -c user.email=bench@localhost commit -q -m "21,000 GCDF projects"
"$BIN" sync init --data "$WORK/A" --remote "$HUB" >/dev/null
git clone -q "$HUB" "$WORK/B"
"$BIN" sync init --data "$WORK/B" >/dev/null
# Ids spread over the parts (one every 997 lines of the concatenated parts).
IDS=($(cat "$WORK/A/projects"/*.jsonl | grep -o '^{"id":"[^"]*"' | cut -d'"' -f4 | awk 'NR % 997 == 1' | head -20))

echo "== one changed record, end to end over SSH"
: > "$WORK/send.times"; : > "$WORK/receive.times"
for i in 1 2 3 4 5; do
  "$BIN" stress-save --data "$WORK/A" --id "${IDS[$i]}" --count 1 >/dev/null
  t0=$(now); "$BIN" sync --quiet --data "$WORK/A"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$WORK/send.times"
  "$BIN" stress-save --data "$WORK/B" --id "${IDS[$((i + 10))]}" --count 1 >/dev/null
  t0=$(now); "$BIN" sync --quiet --data "$WORK/B"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$WORK/receive.times"
  "$BIN" sync --quiet --data "$WORK/A"
done
echo "office A sends one record (commit, fetch, push): $(tr '\n' ' ' < "$WORK/send.times")-> median $(median < "$WORK/send.times") s"
echo "office B receives it and sends its own (commit, fetch, merge with the driver, push): $(tr '\n' ' ' < "$WORK/receive.times")-> median $(median < "$WORK/receive.times") s"
if [ -n "${GIT_PROFILE:-}" ]; then
  "$BIN" stress-save --data "$WORK/A" --id "${IDS[17]}" --count 1 >/dev/null
  GIT_TRACE_PERFORMANCE="$WORK/trace-send.txt" "$BIN" sync --quiet --data "$WORK/A"
  "$BIN" stress-save --data "$WORK/B" --id "${IDS[18]}" --count 1 >/dev/null
  GIT_TRACE_PERFORMANCE="$WORK/trace-receive.txt" "$BIN" sync --quiet --data "$WORK/B"
  "$BIN" sync --quiet --data "$WORK/A"
  for t in send receive; do
    echo "-- git commands of one $t (seconds each):"
    grep 'performance: .* s: git command:' "$WORK/trace-$t.txt" | sed -E 's/.*performance: ([0-9.]+) s: +git command: (.*)/\1 \2/' | cut -c1-120
  done
fi
diff -r -q -x .git -x .greensilk.lock "$WORK/A" "$WORK/B" && echo "offices A and B hold identical data directories"
