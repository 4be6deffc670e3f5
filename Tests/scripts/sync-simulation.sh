#!/usr/bin/env bash
# The randomised sync simulation at full size (issue 14): 3 offices x N
# random edits (default 250) with random sync order through a hub, real
# git and the real merge driver. Prints edits made / present / held in
# conflicts / superseded / lost (must be 0) and whether the offices
# converged. Usage: Tests/scripts/sync-simulation.sh [EDITS_PER_OFFICE] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --build-tests >/dev/null
GREENSILK_SYNC_SIM_EDITS="${1:-250}" GREENSILK_SYNC_SIM_SEED="${2:-20261202}" \
  swift test --skip-build --filter SyncSimulationTests 2>&1 | grep -E "sync simulation:|passed|failed|error"
