#!/usr/bin/env bash
# Every benchmark in one invocation: config scan against grep, scaling and memory at 1x, 4x
# and 16x, go vet against a no-op vet tool, and hostile inputs against a plain tree. The figures in bench/RESULTS.md come from
# these scripts.
set -euo pipefail
cd "$(dirname "$0")"
echo "== config scan against grep -rE"
./configscan.sh
echo
echo "== scaling and peak memory"
./scaling.sh
echo
echo "== go vet against a no-op vet tool"
./vet.sh
echo
echo "== hostile inputs: peak memory and time beside a plain tree"
./hostile.sh
