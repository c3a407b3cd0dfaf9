#!/usr/bin/env bash
# The command against go vet on real modules, in one invocation: CPU (user+sys, children
# included), wall and peak RSS (the largest process of the run, as GNU time's %M) medians
# of alternating runs (bench/runstat) and, warm, the collector's share of the command's
# time (GODEBUG=gctrace=1, last cycle's figure). Modules (copied from the module cache, fetched
# there through the module proxy when missing, their dependencies too):
#   golang.org/x/tools v0.52.0 and k8s.io/client-go v0.37.2.
# Cases:
#   warm     unchanged code, build cache and the command's result cache warm
#   changed  every package changed before each run (a comment appended to one file of
#            each): go vet compiles and vets all again, the command checks all again
#   cold     a private GOCACHE and the result cache emptied before each run
# The edit and the emptying run inside the measured command for both tools alike.
#   bench/gocost.sh                                   both modules, warm and changed
#   MODULES=golang.org/x/tools@v0.52.0 CASES="warm changed cold" RUNS=3 bench/gocost.sh
#   BEFORE=/path/to/zscopelint bench/gocost.sh        also an older build, in the same rounds
#   KEEP=/path/to/dir bench/gocost.sh                 keeps the module copies (and the result
#                                                     cache) in dir and reuses them next time
# A fresh copy of a module is compiled in full by its first go vet (the build cache's keys
# hold the package directories): on client-go that took tens of minutes on a loaded machine.
# KEEP makes reruns pay it once; without it every invocation starts from a fresh copy.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
MODULES=${MODULES:-"golang.org/x/tools@v0.52.0 k8s.io/client-go@v0.37.2"}
CASES=${CASES:-"warm changed"}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
go build -o "$work/zscopelint" ./cmd/zscopelint
go build -o "$work/runstat" ./bench/runstat
# The command's result cache for this script only: never the user's.
export ZSCOPELINT_CACHE="${KEEP:+$KEEP/zcache}"
ZSCOPELINT_CACHE=${ZSCOPELINT_CACHE:-$work/zcache}
# wrap PRE CMD...: runs PRE, then becomes CMD (so that its children count as the run's).
printf '#!/bin/sh\n"$1" || exit 2\nshift\nexec "$@"\n' >"$work/wrap"
# edit: appends a new comment to one Go file of every package (the list made below).
printf '#!/bin/sh\nn=$(date +%%s%%N)\nwhile read -r f; do echo "// edit $n" >>"$f"; done <"%s"\n' "$work/files" >"$work/edit"
# cold: empties the private build cache and the result cache.
printf '#!/bin/sh\nrm -rf "%s" "%s"\n' "$work/gocache" "$ZSCOPELINT_CACHE" >"$work/cold"
chmod +x "$work/wrap" "$work/edit" "$work/cold"
gc() { # GC cycles and the runtime's figure for the share of the process's time in GC
	GODEBUG=gctrace=1 "$1" -fail-on never ./... 2>&1 >/dev/null | grep '^gc ' >"$work/gc" || true
	printf '%s GC cycles, %s of its time in GC' "$(wc -l <"$work/gc")" "$(tail -1 "$work/gc" | awk '{print $4}' | tr -d :)"
}
for mod in $MODULES; do
	path=${mod%@*}
	src=$(go env GOMODCACHE)/$mod
	[ -d "$src" ] || go mod download "$mod"
	if [ -n "${KEEP:-}" ]; then
		dir="$KEEP/$mod"
		if [ ! -d "$dir" ]; then
			mkdir -p "$(dirname "$dir")"
			cp -r "$src" "$dir.tmp"
			chmod -R u+w "$dir.tmp"
			mv "$dir.tmp" "$dir"
		fi
	else
		dir="$work/mod"
		rm -rf "$dir"
		cp -r "$src" "$dir"
		chmod -R u+w "$dir"
	fi
	cd "$dir"
	go mod download # the module's dependencies
	echo "== $path ${mod#*@}: $(go list ./... | wc -l) packages"
	go list -f '{{if .GoFiles}}{{.Dir}}/{{index .GoFiles 0}}{{end}}' ./... >"$work/files"
	go vet ./... >/dev/null 2>&1 || true
	"$work/zscopelint" -fail-on never ./... >"$work/first.out" 2>&1 || true
	for case in $CASES; do
		unset GOCACHE
		case $case in
		warm) pre=true ;;
		changed) pre="$work/edit" ;;
		cold)
			pre="$work/cold"
			export GOCACHE="$work/gocache"
			;;
		*)
			echo "unknown case $case" >&2
			exit 2
			;;
		esac
		echo "-- $case"
		if [ "$case" = warm ]; then
			# Steady state: after a run that checked most packages again, the next lists
			# them split and notes that few were, and the one after lists them once with
			# -test -export, which compiles the test variants' export data the first time
			# (about 95 s of CPU on client-go after its packages changed). Neither is the
			# warm case: both tools run until their build cache answers.
			for _ in 1 2; do "$work/zscopelint" -fail-on never ./... >/dev/null 2>&1 || true; done
			[ -z "${BEFORE:-}" ] || for _ in 1 2; do "$BEFORE" -fail-on never ./... >/dev/null 2>&1 || true; done
			go vet ./... >/dev/null 2>&1 || true
		fi
		cmds=(zscopelint:"$work/wrap" "$pre" "$work/zscopelint" -fail-on never ./... ';;' govet:"$work/wrap" "$pre" go vet ./...)
		[ -z "${BEFORE:-}" ] || cmds+=(';;' before:"$work/wrap" "$pre" "$BEFORE" -fail-on never ./...)
		# A cold run starts cold whatever ran before: no warm-up round (on client-go each
		# run compiles the module, minutes of CPU).
		warmup=()
		[ "$case" != cold ] || warmup=(-no-warmup)
		"$work/runstat" -runs "$RUNS" ${warmup[@]+"${warmup[@]}"} -out "$work" -targets "govet=cpu <= $([ "$case" = warm ] && echo 1.2 || echo 1.1), peak RSS <= 1.5" -- "${cmds[@]}"
		if [ "$case" = warm ]; then
			printf 'zscopelint: %s\n' "$(gc "$work/zscopelint")"
			"$work/zscopelint" -fail-on never ./... >"$work/cached.out" 2>&1 || true
			ZSCOPELINT_CACHE=off "$work/zscopelint" -fail-on never ./... >"$work/uncached.out" 2>&1 || true
			# The closing line gives the run's time: the findings are compared.
			cmp -s <(sed '$d' "$work/cached.out") <(sed '$d' "$work/uncached.out") &&
				echo "findings with the result cache identical to those without ($(wc -l <"$work/cached.out") lines)" ||
				echo "FINDINGS DIFFER with and without the result cache"
		fi
	done
	unset GOCACHE
	cd - >/dev/null
done
