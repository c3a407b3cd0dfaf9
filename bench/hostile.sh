#!/usr/bin/env bash
# Peak memory (max RSS) and wall time of the command on hostile trees, each beside the same
# run on a plain tree, in one invocation: a FIFO, a symbolic link to /dev/zero and a sparse
# 200 MB file in the tree, in every format; and -diff of a 60,000-line YAML with two fixes.
#   bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
measure() { # prints "ms maxrss_MB" of one run; the output goes to a file
	local s e
	s=$(date +%s%N)
	/usr/bin/time -f '%M' -o "$work/time" timeout 120 "$@" >"$work/out" 2>&1 || true
	e=$(date +%s%N)
	awk -v ms="$(((e - s) / 1000000))" -v kb="$(cat "$work/time" | tail -1)" 'BEGIN { printf "%6d %8.1f", ms, kb / 1024 }'
}
mkdir -p "$work/plain" "$work/hostile"
for d in plain hostile; do
	printf 'scope: ZohoCRM.users.REED\n' >"$work/$d/a.yaml"
	printf 'ZOHO_SCOPE=ZohoCRM.modules.ALLL\n' >"$work/$d/.env"
done
mkfifo "$work/hostile/pipe.yaml" "$work/hostile/pipe.txt"
ln -s /dev/zero "$work/hostile/zero.json"
truncate -s 200M "$work/hostile/huge.yaml"
printf '%-28s %6s %8s   %6s %8s\n' run plain_ms plain_MB host_ms host_MB
for format in text json sarif; do
	printf '%-28s %s   %s\n' "-format $format" "$(measure "$work/zscopelint" -format "$format" "$work/plain/...")" \
		"$(measure "$work/zscopelint" -format "$format" "$work/hostile/...")"
done
{
	printf 'scopes:\n  - ZohoCRM.users.REED\n'
	for i in $(seq 60000); do printf '  # padding line %d\n' "$i"; done
	printf 'other:\n  - ZohoCRM.org.REED\n'
} >"$work/big.yaml"
head -3 "$work/big.yaml" >"$work/small.yaml"
printf '%-28s %s   %s\n' "-diff (3 lines / 60,004)" "$(measure "$work/zscopelint" -diff "$work/small.yaml")" \
	"$(measure "$work/zscopelint" -diff -max-file-size 20MB "$work/big.yaml")"
