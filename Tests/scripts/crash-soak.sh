#!/usr/bin/env bash
# Kills a saving greensilk process with SIGKILL thousands of times and
# checks the data after each kill, then kills `greensilk import csv`
# hundreds of times and checks that no change lacks its audit entry and
# no file is torn (see Tests/EndToEndTests/CrashSafetyTests.swift).
# Usage: Tests/scripts/crash-soak.sh [SAVE_KILLS] [IMPORT_KILLS]   (default 2000 and 300)
# The import test prints its figures on a line "import kills: ...".
set -uo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
GREENSILK_CRASH_ITERATIONS="${1:-2000}" GREENSILK_IMPORT_KILL_ITERATIONS="${2:-300}" \
  swift test --filter CrashSafetyTests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
echo "---"
grep -E "import kills:" "$log"
rm -f "$log"
exit "$status"
