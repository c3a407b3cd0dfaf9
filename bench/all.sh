#!/usr/bin/env bash
# Every benchmark in one invocation: the config scan against grep -ri and ripgrep on four
# layouts, scaling and peak memory at 1x, 4x and 16x, go vet against a no-op vet tool on a
# generated and on a real module, and hostile inputs against a plain tree. The figures in
# bench/RESULTS.md come from these scripts. (The real-module vet takes a few minutes.)
set -euo pipefail
cd "$(dirname "$0")"
for layout in mixed k8s real js; do
	echo "== config scan against grep -ri and ripgrep: $layout layout"
	LAYOUT=$layout ./configscan.sh
	echo
done
for layout in mixed k8s; do
	echo "== scaling and peak memory: $layout layout"
	LAYOUT=$layout ./scaling.sh
	echo
done
echo "== go vet against a no-op vet tool: generated module"
./vet.sh
echo
echo "== go vet against a no-op vet tool: golang.org/x/tools"
MODULE=xtools ./vet.sh
echo
echo "== hostile inputs: peak memory and time beside a plain tree"
./hostile.sh
