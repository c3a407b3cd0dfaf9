#!/usr/bin/env bash
# Peak memory (max RSS) with one big file: an npm-like tree (PACKAGES packages of
# package.json, index.js, index.d.ts and README.md), then the same tree with one 11 MB file
# added, run in turn in this one invocation (medians of RUNS alternating rounds), and the
# ratio of each to the tree alone (target: within 1.5x). The big file is
#   dts        an 11 MB generated types.d.ts (over the default -max-file-size of 10 MiB:
#              searched for credentials through a window)
#   dts-64MB   the same under -max-file-size 64MB (prefiltered through a window; nothing
#              to parse in it)
#   log        an 11 MB app.log holding a token near its end (over the limit; the token
#              must be reported)
# BEFORE=<a zscopelint binary> runs the same rounds with it too, for a before/after table.
#   bench/bigfile.sh [PACKAGES]   (default 1500)
# Needs GNU time (/usr/bin/time, Debian package time).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=${1:-1500}
RUNS=${RUNS:-5}
if ! [ -x /usr/bin/time ]; then
	echo "bench/bigfile.sh needs GNU time: apt-get install time" >&2
	exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
bins=(after:"$work/zscopelint")
if [ -n "${BEFORE:-}" ]; then
	bins=(before:"$BEFORE" "${bins[@]}")
fi

# The tree: node_modules/<pkg>/ with the four files every package has; every 50th package
# names a Zoho scope, so that the tree has something to find.
for i in $(seq 0 $((PACKAGES - 1))); do printf '%s/base/packages/pkg-%04d\n' "$work" "$i"; done | xargs mkdir -p
awk -v n="$PACKAGES" -v root="$work/base/packages" 'BEGIN {
	for (i = 0; i < n; i++) {
		d = sprintf("%s/pkg-%04d", root, i)
		printf "{\n  \"name\": \"pkg-%04d\",\n  \"version\": \"1.%d.0\",\n  \"main\": \"index.js\",\n  \"types\": \"index.d.ts\",\n  \"license\": \"MIT\"\n}\n", i, i % 9 > d "/package.json"
		for (j = 0; j < 60; j++)
			printf "export function helper%d(input, options) { return input.map((x) => x + %d).filter(Boolean); }\n", j, j > d "/index.js"
		if (i % 50 == 0)
			printf "const scope = \"ZohoCRM.modules.leads.READ,ZohoCRM.users.REED\";\n" > d "/index.js"
		for (j = 0; j < 40; j++)
			printf "export declare function helper%d(input: readonly number[], options?: { strict: boolean }): number[];\n", j > d "/index.d.ts"
		printf "# pkg-%04d\n\nA small package. Install it with npm and import what you need.\n", i > d "/README.md"
		close(d "/package.json"); close(d "/index.js"); close(d "/index.d.ts"); close(d "/README.md")
	}
}'
big=11000000
cp -al "$work/base" "$work/dts"
awk -v size=$big 'BEGIN { n = 0; i = 0
	while (n < size) { s = sprintf("export declare function generated%d(a: string, b?: number): Promise<void>;\n", i++); printf "%s", s; n += length(s) } }' >"$work/dts/packages/pkg-0001/types.d.ts"
cp -al "$work/base" "$work/log"
awk -v size=$big 'BEGIN { n = 0; i = 0
	while (n < size - 200) { s = sprintf("2026-12-07T18:00:00Z INFO request %08d served in 3 ms\n", i++); printf "%s", s; n += length(s) }
	printf "2026-12-07T18:00:01Z DEBUG refreshed token 1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d\n" }' >"$work/log/app.log"
files=$(find "$work/base" -type f | wc -l)
mb=$(du -sm "$work/base" | cut -f1)
echo "tree: $files files, $mb MB (a monorepo of $PACKAGES packages: packages/*; the walk skips node_modules); big file: $big bytes"

cases=(base:"$work/base/..." dts:"$work/dts/..." dts-64MB:"-max-file-size 64MB $work/dts/..." log:"$work/log/...")
peak() { # prints the max RSS in KB of one run: binary, then arguments
	local bin=$1
	shift
	/usr/bin/time -f '%M' -o "$work/t" "$bin" -fail-on never "$@" >"$work/out" 2>&1 || true
	tail -n 1 "$work/t"
}
declare -A kb
for round in $(seq 0 "$RUNS"); do # round 0 warms the page cache and is not counted
	for b in "${bins[@]}"; do
		for c in "${cases[@]}"; do
			# shellcheck disable=SC2086 # the case's arguments are words
			v=$(peak "${b#*:}" ${c#*:})
			if [ "$round" -gt 0 ]; then
				kb[${b%%:*}/${c%%:*}]+="$v "
			fi
		done
	done
done
# The log's token: one ZS301 at its last line.
for b in "${bins[@]}"; do
	n=$("${b#*:}" -fail-on never "$work/log/..." 2>&1 | grep -c 'app.log:[0-9]*:44: error: Zoho OAuth token 1000.3f2a…' || true)
	echo "ZS301 findings in app.log (${b%%:*}): $n"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
echo "peak RSS, medians of $RUNS alternating rounds (target: each within 1.5x of the tree alone)"
for b in "${bins[@]}"; do
	name=${b%%:*}
	# shellcheck disable=SC2086
	base=$(median ${kb[$name/base]})
	for c in "${cases[@]}"; do
		# shellcheck disable=SC2086
		m=$(median ${kb[$name/${c%%:*}]})
		awk -v b="$name" -v c="${c%%:*}" -v m="$m" -v base="$base" 'BEGIN {
			printf "%-7s %-9s %7.1f MiB  ratio %.2fx\n", b, c, m / 1024, m / base }'
	done
done
