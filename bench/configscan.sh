#!/usr/bin/env bash
# The config scan against grep -rE and ripgrep over the same tree, run in turn in this one
# invocation (bench/runstat): medians of wall and CPU time over RUNS alternating runs, and
# the ratios.
#   bench/configscan.sh [FILES] [SIZE_BYTES]   (default 2000 files of 20 KB: ~40 MB)
#   LAYOUT=mixed   config and source files of every kind, 2% with scopes (bench/gentree)
#   LAYOUT=k8s     Kubernetes-like: deep YAML, 400-entry JSON env arrays, 2.6% with scopes
#   LAYOUT=real    the system's own text: Python's standard library, /usr/share/doc, the
#                  JSON and YAML under /usr; none of it mentions Zoho
# ripgrep (rg -c -i zoho) is the second baseline where it is installed (the script tries
# apt-get install ripgrep, and says so when it cannot).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-2000}
SIZE=${2:-20480}
RUNS=${RUNS:-11}
LAYOUT=${LAYOUT:-mixed}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
go build -o "$work/runstat" ./bench/runstat
case "$LAYOUT" in
real)
	mkdir -p "$work/tree"
	{
		find /usr/lib/python3* -name '*.py' -print0
		find /usr/share/doc -type f ! -name '*.gz' -print0
		find /usr/share /usr/lib -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) -print0
	} 2>/dev/null | xargs -0 cp --parents -t "$work/tree" 2>/dev/null || true
	;;
k8s) go run ./bench/gentree -out "$work/tree" -files "$FILES" -size "$SIZE" -layout k8s -ratio "${RATIO:-0.026}" ;;
*) go run ./bench/gentree -out "$work/tree" -files "$FILES" -size "$SIZE" -layout mixed -ratio "${RATIO:-0.02}" ;;
esac
if ! command -v rg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
	apt-get install -y -qq ripgrep >/dev/null 2>&1 || true
fi
files=$(find "$work/tree" -type f | wc -l)
mb=$(du -sm "$work/tree" | cut -f1)
pattern='(Zoho[A-Za-z]*|ZOHO[A-Z]*|AaaServer)\.[A-Za-z_]+(\.[A-Za-z_]+)*\.(ALL|READ|CREATE|UPDATE|DELETE|WRITE|CUSTOM)'
found=$("$work/zscopelint" -fail-on never "$work/tree/..." 2>&1 | wc -l)
echo "tree ($LAYOUT): $files files, ${mb} MB; zscopelint output lines: $found"
cmds=(zscopelint:"$work/zscopelint" -fail-on never "$work/tree/..." ';;' grep:grep -rE "$pattern" "$work/tree")
if command -v rg >/dev/null 2>&1; then
	cmds+=(';;' ripgrep:rg -c -i zoho "$work/tree")
else
	echo "ripgrep is not installed and could not be: no second baseline"
fi
"$work/runstat" -runs "$RUNS" -out "$work" -targets 'grep=wall <= 1.5, cpu <= 2;ripgrep=wall <= 2' -- "${cmds[@]}"
