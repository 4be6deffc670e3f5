#!/usr/bin/env bash
# Kills a saving greensilk process with SIGKILL thousands of times and
# checks the data after each kill (see Tests/EndToEndTests/CrashSafetyTests.swift).
# Usage: Tests/scripts/crash-soak.sh [ITERATIONS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
GREENSILK_CRASH_ITERATIONS="${1:-2000}" swift test --filter CrashSafetyTests
