#!/usr/bin/env bash
# go vet -vettool=zscopelint against go vet -vettool=noopvet (an analyzer that does nothing,
# built from the same x/tools) on the same generated module, side by side in one invocation.
# Each measured run follows an edit of every package, so that vet re-analyses them all.
#   bench/vet.sh [PACKAGES]          (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=${1:-50}
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
go build -o "$work/noopvet" ./bench/noopvet
go run ./bench/genmodule -out "$work/mod" -packages "$PKGS"
cd "$work/mod"
bump=0
touch_all() {
	bump=$((bump + 1))
	for f in p*/version.go; do
		printf 'package %s\n\nconst Version = %d\n' "$(basename "$(dirname "$f")")" "$bump" >"$f"
	done
}
# Runs alternate between the two tools, so that neither gains from going first; each run
# follows an edit of every package.
times_noop=()
times_zs=()
vet_ms() {
	touch_all
	local s e
	s=$(date +%s%N)
	go vet -vettool="$1" ./... >/dev/null 2>&1 || true
	e=$(date +%s%N)
	echo $(((e - s) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
# Warm the build cache (standard library export data and facts) for both tools.
vet_ms "$work/noopvet" >/dev/null
vet_ms "$work/zscopelint" >/dev/null
for _ in $(seq "$RUNS"); do
	times_noop+=("$(vet_ms "$work/noopvet")")
	times_zs+=("$(vet_ms "$work/zscopelint")")
done
noop=$(median "${times_noop[@]}")
zs=$(median "${times_zs[@]}")
echo "module: $PKGS packages"
printf '%-34s %9s\n' "command" "median ms"
printf '%-34s %9d\n' "go vet -vettool=noopvet" "$noop"
printf '%-34s %9d\n' "go vet -vettool=zscopelint" "$zs"
awk -v z="$zs" -v n="$noop" 'BEGIN { printf "zscopelint cost over the no-op tool: %+.1f%% (target < 10%%)\n", (n > 0 ? (z - n) * 100 / n : 0) }'
