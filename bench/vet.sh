#!/usr/bin/env bash
# go vet -vettool=zscopelint against go vet -vettool=noopvet (an analyzer that does nothing,
# built from the same x/tools) on the same generated module, side by side in one invocation.
# Each measured run follows an edit of every package, so that vet re-analyses them all.
#   bench/vet.sh [PACKAGES]          (default 50)
#   MODULE=xtools bench/vet.sh       a real module instead: golang.org/x/tools v0.52.0 (216
#                                    packages), copied from the module cache; each run follows
#                                    a comment bumped in one file of every package
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=${1:-50}
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
go build -o "$work/noopvet" ./bench/noopvet
bump=0
if [ "${MODULE:-}" = xtools ]; then
	src=$(go env GOMODCACHE)/golang.org/x/tools@v0.52.0
	[ -d "$src" ] || go mod download golang.org/x/tools@v0.52.0
	cp -r "$src" "$work/mod"
	chmod -R u+w "$work/mod"
	cd "$work/mod"
	PKGS=$(go list ./... | wc -l)
	# One non-test file per package, and its text as shipped.
	mapfile -t bumped < <(for d in $(go list -f '{{.Dir}}' ./...); do ls "$d"/*.go | grep -v _test.go | head -1; done | grep .)
	for f in "${bumped[@]}"; do cp "$f" "$f.orig"; done
	touch_all() {
		bump=$((bump + 1))
		for f in "${bumped[@]}"; do
			{ cat "$f.orig"; printf '\n// bench run %d\n' "$bump"; } >"$f"
		done
	}
else
	go run ./bench/genmodule -out "$work/mod" -packages "$PKGS"
	cd "$work/mod"
	touch_all() {
		bump=$((bump + 1))
		for f in p*/version.go; do
			printf 'package %s\n\nconst Version = %d\n' "$(basename "$(dirname "$f")")" "$bump" >"$f"
		done
	}
fi
# Runs alternate between the two tools, so that neither gains from going first; each run
# follows an edit of every package.
times_noop=()
times_zs=()
# vet_run sets last_ms. It is not called in a $(...) subshell: the bump counter must count,
# or every run after the first writes what the one before wrote and go vet answers from
# its cache.
last_ms=0
vet_run() {
	touch_all
	local s e
	s=$(date +%s%N)
	go vet -vettool="$1" ./... >"$work/vet.out" 2>&1 || true
	e=$(date +%s%N)
	last_ms=$(((e - s) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
# Warm the build cache (standard library export data and facts) for both tools.
vet_run "$work/noopvet"
vet_run "$work/zscopelint"
for _ in $(seq "$RUNS"); do
	vet_run "$work/noopvet"
	times_noop+=("$last_ms")
	vet_run "$work/zscopelint"
	times_zs+=("$last_ms")
done
noop=$(median "${times_noop[@]}")
zs=$(median "${times_zs[@]}")
echo "module: ${MODULE:-generated}, $PKGS packages"
printf '%-34s %9s\n' "command" "median ms"
printf '%-34s %9d\n' "go vet -vettool=noopvet" "$noop"
printf '%-34s %9d\n' "go vet -vettool=zscopelint" "$zs"
awk -v z="$zs" -v n="$noop" 'BEGIN { printf "zscopelint cost over the no-op tool: %+.1f%% (target < 10%%)\n", (n > 0 ? (z - n) * 100 / n : 0) }'
