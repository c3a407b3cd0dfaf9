#!/usr/bin/env bash
# The command against go vet on golang.org/x/tools v0.52.0 (copied from the module cache),
# warm caches and unchanged code, in one invocation: CPU (user+sys, children included) and
# wall medians of alternating runs (bench/runstat), then peak RSS (GNU time) and the
# collector's share of the command's time (GODEBUG=gctrace=1, last cycle's figure).
#   bench/gocost.sh            RUNS=5 by default
#   BEFORE=/path/to/zscopelint bench/gocost.sh   also an older build, in the same rounds
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
go build -o "$work/runstat" ./bench/runstat
src=$(go env GOMODCACHE)/golang.org/x/tools@v0.52.0
[ -d "$src" ] || go mod download golang.org/x/tools@v0.52.0
cp -r "$src" "$work/mod"
chmod -R u+w "$work/mod"
cd "$work/mod"
echo "golang.org/x/tools v0.52.0: $(go list ./... | wc -l) packages"
go vet ./... >/dev/null 2>&1 || true
"$work/zscopelint" -fail-on never ./... >"$work/warm.out" 2>&1 || true
cmds=(zscopelint:"$work/zscopelint" -fail-on never ./... ';;' govet:go vet ./...)
[ -z "${BEFORE:-}" ] || cmds+=(';;' before:"$BEFORE" -fail-on never ./...)
"$work/runstat" -runs "$RUNS" -out "$work" -- "${cmds[@]}"
peak() { /usr/bin/time -f '%M' -o "$work/t" "$@" >"$work/out" 2>&1 || true; echo $(($(tail -1 "$work/t") / 1024)); }
gc() { # GC cycles and the runtime's figure for the share of the process's time in GC
	GODEBUG=gctrace=1 "$1" -fail-on never ./... 2>&1 >/dev/null | grep '^gc ' >"$work/gc" || true
	printf '%s GC cycles, %s of its time in GC' "$(wc -l <"$work/gc")" "$(tail -1 "$work/gc" | awk '{print $4}' | tr -d :)"
}
printf 'peak RSS MiB: zscopelint %s, go vet %s\n' "$(peak "$work/zscopelint" -fail-on never ./...)" "$(peak go vet ./...)"
printf 'zscopelint: %s\n' "$(gc "$work/zscopelint")"
if [ -n "${BEFORE:-}" ]; then
	printf 'peak RSS MiB: before %s\n' "$(peak "$BEFORE" -fail-on never ./...)"
	printf 'before: %s\n' "$(gc "$BEFORE")"
	"$BEFORE" -fail-on never ./... >"$work/before.out" 2>&1 || true
	cmp -s "$work/before.out" "$work/warm.out" && echo "output identical to before's" || echo "OUTPUT DIFFERS from before's"
fi
echo "findings lines: $(wc -l <"$work/warm.out")"
