#!/usr/bin/env bash
# Config scan against grep -rE over the same generated tree, run side by side in this one
# invocation: prints the median wall time of each over RUNS runs and their ratio.
#   bench/configscan.sh [FILES] [SIZE_BYTES]      (default 2000 files of 20 KB: ~40 MB)
#   LAYOUT=k8s bench/configscan.sh                  (Kubernetes-like: deep YAML, JSON env arrays)
# ripgrep (rg -c -i zoho) runs as a second baseline where it is installed (apt-get install
# ripgrep; the script tries, and says so when it cannot).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-2000}
SIZE=${2:-20480}
RUNS=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
LAYOUT=${LAYOUT:-mixed}
ratio=0.02
if [ "$LAYOUT" = k8s ]; then ratio=0.026; fi # 2.6% of the files mention Zoho, as measured
go run ./bench/gentree -out "$work/tree" -files "$FILES" -size "$SIZE" -layout "$LAYOUT" -ratio "${RATIO:-$ratio}"
if ! command -v rg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
	apt-get install -y -qq ripgrep >/dev/null 2>&1 || true
fi
mb=$(du -sm "$work/tree" | cut -f1)
pattern='(Zoho[A-Za-z]*|ZOHO[A-Z]*|AaaServer)\.[A-Za-z_]+(\.[A-Za-z_]+)*\.(ALL|READ|CREATE|UPDATE|DELETE|WRITE|CUSTOM)'

# median of the wall times (ms) of RUNS runs of a command. Output goes to a file, not to
# /dev/null: GNU grep treats a /dev/null stdout like -q and stops at the first match.
median_ms() {
	local times=()
	for _ in $(seq "$RUNS"); do
		local s e
		s=$(date +%s%N)
		"$@" >"$work/out" 2>&1 || true
		e=$(date +%s%N)
		times+=($(( (e - s) / 1000000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# Warm the page cache so that both read from memory.
cat $(find "$work/tree" -type f) >/dev/null
grep_ms=$(median_ms grep -rE "$pattern" "$work/tree")
zs_ms=$(median_ms "$work/zscopelint" -fail-on never "$work/tree/...")
found=$("$work/zscopelint" -fail-on never "$work/tree/..." | wc -l)
echo "tree ($LAYOUT): $FILES files, ${mb} MB; zscopelint findings: $found"
printf '%-28s %8s\n' "command" "median ms"
printf '%-28s %8d\n' "grep -rE" "$grep_ms"
printf '%-28s %8d\n' "zscopelint (config scan)" "$zs_ms"
awk -v z="$zs_ms" -v g="$grep_ms" 'BEGIN { printf "ratio zscopelint/grep: %.2f (target <= 1.5)\n", (g > 0 ? z / g : 0) }'
if command -v rg >/dev/null 2>&1; then
	rg_ms=$(median_ms rg -c -i zoho "$work/tree")
	printf '%-28s %8d\n' "rg -c -i zoho" "$rg_ms"
	awk -v z="$zs_ms" -v g="$rg_ms" 'BEGIN { printf "ratio zscopelint/ripgrep: %.2f (target <= 2)\n", (g > 0 ? z / g : 0) }'
else
	echo "ripgrep is not installed and could not be: no second baseline"
fi
