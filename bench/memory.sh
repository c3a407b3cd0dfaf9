#!/usr/bin/env bash
# Peak memory (max RSS) and wall time of the command on a large real module against go vet
# on the same module, side by side in one invocation: golang.org/x/tools, copied from the
# module cache (go mod download fetches it through the module proxy when missing).
#   bench/memory.sh [MODULE@VERSION]    (default golang.org/x/tools@v0.52.0)
# Needs GNU time (/usr/bin/time, Debian package time).
set -euo pipefail
cd "$(dirname "$0")/.."
MOD=${1:-golang.org/x/tools@v0.52.0}
RUNS=${RUNS:-3}
if ! [ -x /usr/bin/time ]; then
	echo "bench/memory.sh needs GNU time: apt-get install time" >&2
	exit 2
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
dir=$(go mod download -json "$MOD" | sed -n 's/.*"Dir": "\(.*\)",*/\1/p')
cp -r "$dir" "$work/mod"
chmod -R u+w "$work/mod"
cd "$work/mod"
# Warm the build cache (export data) for both.
go vet ./... >/dev/null 2>&1 || true
"$work/zscopelint" -fail-on never ./... >"$work/out" 2>&1 || true
measure() { # prints "seconds KB" of one run of the command given
	/usr/bin/time -f '%e %M' -o "$work/t" "$@" >"$work/out" 2>&1 || true
	cat "$work/t"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
vet_s=() vet_kb=() zs_s=() zs_kb=()
for _ in $(seq "$RUNS"); do
	read -r s kb < <(measure go vet ./...)
	vet_s+=("$s") vet_kb+=("$kb")
	read -r s kb < <(measure "$work/zscopelint" -fail-on never ./...)
	zs_s+=("$s") zs_kb+=("$kb")
done
vs=$(median "${vet_s[@]}") vk=$(median "${vet_kb[@]}") zs=$(median "${zs_s[@]}") zk=$(median "${zs_kb[@]}")
echo "module $MOD, medians of $RUNS alternating runs"
printf 'go vet ./...          %6.2f s  %6d MiB peak\n' "$vs" $((vk / 1024))
printf 'zscopelint ./...      %6.2f s  %6d MiB peak\n' "$zs" $((zk / 1024))
awk -v a="$zk" -v b="$vk" -v c="$zs" -v d="$vs" 'BEGIN { printf "ratio zscopelint/go vet: memory %.2fx, wall %.2fx (target memory 1.5x)\n", a / b, c / d }'
