#!/usr/bin/env bash
# Sync benchmarks at the 21,000-project GCDF scale (issue 14), recorded in
# BENCHMARKS.md:
#  1. the merge driver on the 21,000-record projects.jsonl (one record
#     changed on each side, plus one true conflict), 7 runs;
#  2. one changed record synced end to end over SSH on loopback (a real
#     sshd with throwaway keys, a bare hub, two offices), 5 runs each of:
#     office A sends (commit, fetch, push); office B, with a change of its
#     own, receives (commit, fetch, merge with the driver, push).
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
CSV=/tmp/gcdf21k.csv
[ -s "$CSV" ] || python3 Tests/scripts/make-gcdf-rows.py 21000 "$CSV"
cp -r data "$WORK/A"
rm -f "$WORK/A/.greensilk.lock"
"$BIN" import aiddata --data "$WORK/A" "$CSV" >/dev/null
echo "projects.jsonl: $(wc -l < "$WORK/A/projects.jsonl") lines, $(du -h "$WORK/A/projects.jsonl" | cut -f1)"

if [ -z "${SKIP_DRIVER:-}" ]; then
echo "== merge driver on projects.jsonl"
P="$WORK/A/projects.jsonl"
python3 - "$P" "$WORK" <<'PY'
import sys, re
path, work = sys.argv[1], sys.argv[2]
lines = open(path, encoding='utf-8').read().split('\n')
def retitle(i, title):
    l = lines[i]
    return re.sub(r'"title":"(?:[^"\\]|\\.)*"', '"title":"%s"' % title, l, count=1)
ours, theirs = list(lines), list(lines)
ours[100] = retitle(100, "Changed in office A")
theirs[15000] = retitle(15000, "Changed in office B")
ours[7000] = retitle(7000, "Conflict: A's title")
theirs[7000] = retitle(7000, "Conflict: B's title")
open(work + '/O', 'w', encoding='utf-8').write('\n'.join(lines))
open(work + '/A0', 'w', encoding='utf-8').write('\n'.join(ours))
open(work + '/B', 'w', encoding='utf-8').write('\n'.join(theirs))
PY
for i in 1 2 3 4 5 6 7; do
  cp "$WORK/A0" "$WORK/Acopy"
  t0=$(now); "$BIN" merge-driver "$WORK/O" "$WORK/Acopy" "$WORK/B" projects.jsonl 2>/dev/null; t1=$(now)
  echo "$t1 - $t0" | bc
done | tee "$WORK/driver.times" | tr '\n' ' '; echo
echo "merge driver median: $(median < "$WORK/driver.times") s"
grep -c '"merge_conflict"' "$WORK/Acopy" | sed 's/^/records holding a conflict after the merge: /'
# The driver's three sides are gone before office B is cloned into $WORK/B.
rm -f "$WORK/O" "$WORK/Acopy" "$WORK/B"
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
IDS=($(head -c 2000000 "$WORK/A/projects.jsonl" | grep -o '^{"id":"[^"]*"' | cut -d'"' -f4 | head -20 || true))  # head closes the pipe early (SIGPIPE under pipefail)

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
cmp "$WORK/A/projects.jsonl" "$WORK/B/projects.jsonl" && echo "offices A and B hold identical projects.jsonl"
