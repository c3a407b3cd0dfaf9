#!/usr/bin/env bash
# A local release snapshot: every archive and checksums.txt of .goreleaser.yaml in dist/,
# built as the release workflow builds them, nothing published. The first run fetches
# GoReleaser from the module proxy and compiles it, which takes a few minutes.
#
#   scripts/release-snapshot.sh             uses goreleaser v2.17.0 from PATH, else go run
#   OFFLINE=1 scripts/release-snapshot.sh   no network: the module cache is the only proxy
#                                           (GOPROXY=file://…, GOSUMDB=off), once it holds
#                                           zscopelint's dependencies and GoReleaser's
#
# It fails unless dist/ holds the six binaries (linux, darwin, windows × amd64, arm64), and
# prints their sizes. GOPROXY=off does not do for the offline run: go run pkg@version then
# fails on the module's deprecation lookup, which a file proxy answers.
set -euo pipefail
cd "$(dirname "$0")/.."
goreleaser_version=v2.17.0
if command -v goreleaser >/dev/null 2>&1 && goreleaser --version 2>/dev/null | grep -qE "^GitVersion: +$goreleaser_version\$"; then
	goreleaser=(goreleaser)
else
	goreleaser=(go run "github.com/goreleaser/goreleaser/v2@$goreleaser_version")
fi
if [ "${OFFLINE:-}" = 1 ]; then
	export GOPROXY="file://$(go env GOMODCACHE)/cache/download" GOSUMDB=off GOTOOLCHAIN=local
fi
"${goreleaser[@]}" release --snapshot --clean
# The binaries, and their sizes for the record.
binaries=$(find dist -type f \( -name zscopelint -o -name zscopelint.exe \) | sort)
for target in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64 windows_arm64; do
	if ! grep -q "^dist/zscopelint_${target}_" <<<"$binaries"; then
		echo "release-snapshot: no binary for $target in dist/" >&2
		exit 1
	fi
done
xargs ls -l <<<"$binaries" | awk '{ printf "%10d  %s\n", $5, $9 }'
