#!/usr/bin/env bash
# The config scan against grep -ri and ripgrep over the same tree, run in turn in this one
# invocation (bench/runstat): medians of wall and CPU time over RUNS alternating runs, and
# the ratios of zscopelint's to each other command's.
#   bench/configscan.sh [FILES] [SIZE_BYTES]   (default 2000 files of 20 KB: ~40 MB)
#   LAYOUT=mixed   config and source files of every kind, 2% with scopes (bench/gentree)
#   LAYOUT=k8s     Kubernetes-like: deep YAML, 400-entry JSON env arrays, 2.6% with scopes
#   LAYOUT=real    the system's own text: Python's standard library, /usr/share/doc, the
#                  JSON and YAML under /usr; none of it mentions Zoho
#   LAYOUT=js      real JavaScript and TypeScript: the npm packages in NPM_PACKAGES (pinned
#                  versions, with their dependencies as npm resolves them that day),
#                  installed with npm install --ignore-scripts; node_modules is renamed
#                  packages, as the walk skips node_modules (ripgrep and grep do not)
#   BEFORE=<rev>   also runs a build of that commit (git archive), for before and after
#                  in the same rounds
# The baselines are grep -ri zoho (GNU grep) and ripgrep (rg -c -i zoho; the script tries
# apt-get install ripgrep, and says so when it cannot): the one word, searched in any case
# through every file, that zscopelint's prefilter looks for among others.
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
if [ -n "${BEFORE:-}" ]; then
	mkdir -p "$work/before"
	git archive "$BEFORE" | tar -x -C "$work/before"
	(cd "$work/before" && go build -o "$work/zscopelint-before" ./cmd/zscopelint)
fi
NPM_PACKAGES=${NPM_PACKAGES:-"typescript@5.4.5 lodash@4.17.21 react@18.3.1 react-dom@18.3.1 rxjs@7.8.1 vue@3.4.27 @angular/core@17.3.9 webpack@5.91.0 eslint@8.57.0 @babel/core@7.24.5 express@4.19.2 axios@1.7.2 moment@2.30.1 prettier@3.2.5 date-fns@3.6.0"}
case "$LAYOUT" in
js)
	mkdir -p "$work/npm" "$work/tree"
	# shellcheck disable=SC2086 # the list is words
	(cd "$work/npm" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund --silent $NPM_PACKAGES)
	mv "$work/npm/node_modules" "$work/tree/packages"
	# nested node_modules too (as npm_modules), deepest first, so that every tool reads the same files
	find "$work/tree" -depth -type d -name node_modules -execdir mv node_modules npm_modules \;
	;;
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
found=$("$work/zscopelint" -fail-on never "$work/tree/..." 2>&1 | wc -l)
echo "tree ($LAYOUT): $files files, ${mb} MB; zscopelint output lines: $found"
cmds=(zscopelint:"$work/zscopelint" -fail-on never "$work/tree/..." ';;' grep-i:grep -ri zoho "$work/tree")
if command -v rg >/dev/null 2>&1; then
	cmds+=(';;' ripgrep:rg -c -i zoho "$work/tree")
else
	echo "ripgrep is not installed and could not be: no second baseline"
fi
if [ -n "${BEFORE:-}" ]; then
	cmds+=(';;' before:"$work/zscopelint-before" -fail-on never "$work/tree/...")
fi
rgcpu=1.2
[ "$LAYOUT" = js ] && rgcpu=1.5
"$work/runstat" -runs "$RUNS" -out "$work" -targets "grep-i=cpu <= 1;ripgrep=cpu <= $rgcpu" -- "${cmds[@]}"
