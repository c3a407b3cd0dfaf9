#!/usr/bin/env bash
# Config scan at 1x, 4x and 16x tree size: wall time, peak memory (max RSS) and the
# scaling slope, with grep -rE over the same trees as the baseline, in one invocation.
#   bench/scaling.sh [BASE_FILES]       (default 500 files of 20 KB at 1x)
#   LAYOUT=k8s bench/scaling.sh         (the Kubernetes-like tree of bench/configscan.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
pattern='(Zoho[A-Za-z]*|ZOHO[A-Z]*|AaaServer)\.[A-Za-z_]+(\.[A-Za-z_]+)*\.(ALL|READ|CREATE|UPDATE|DELETE|WRITE|CUSTOM)'
measure() { # prints "ms maxrss_kb" of one run: wall time by the clock, memory by time(1)
	local s e
	s=$(date +%s%N)
	/usr/bin/time -f '%M' -o "$work/time" "$@" >"$work/out" 2>/dev/null || true
	e=$(date +%s%N)
	echo "$(((e - s) / 1000000)) $(cat "$work/time")"
}
printf '%-6s %8s %8s %10s %10s %12s %12s\n' size files MB grep_ms zs_ms ratio zs_maxrss_MB
first_ms=0
first_files=0
for mult in 1 4 16; do
	files=$((BASE * mult))
	go run ./bench/gentree -out "$work/t$mult" -files "$files" -layout "${LAYOUT:-mixed}" >/dev/null
	cat $(find "$work/t$mult" -type f) >/dev/null
	# Best of three for both, alternating.
	g=999999
	best=999999
	rss=0
	for _ in 1 2 3; do
		read -r t _ < <(measure grep -rE "$pattern" "$work/t$mult")
		[ "$t" -lt "$g" ] && g=$t
		read -r z r < <(measure "$work/zscopelint" -fail-on never "$work/t$mult/...")
		[ "$z" -lt "$best" ] && best=$z
		[ "$r" -gt "$rss" ] && rss=$r
	done
	mb=$(du -sm "$work/t$mult" | cut -f1)
	awk -v m="$mult" -v f="$files" -v mb="$mb" -v g="$g" -v z="$best" -v r="$rss" \
		'BEGIN { printf "%-6s %8d %8d %10d %10d %12.2f %12.1f\n", m "x", f, mb, g, z, (g > 0 ? z / g : 0), r / 1024 }'
	if [ "$mult" = 1 ]; then first_ms=$best; first_files=$files; fi
	last_ms=$best
	last_files=$files
	rm -rf "$work/t$mult"
done
awk -v a="$first_ms" -v b="$last_ms" -v fa="$first_files" -v fb="$last_files" \
	'BEGIN { printf "scaling: 16x the files took %.1fx the time (linear: 16x); peak memory target <= 32 MiB at every size\n", (a > 0 ? b / a : 0) }'
