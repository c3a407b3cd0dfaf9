#!/usr/bin/env bash
# A local release snapshot: every archive and checksums.txt of .goreleaser.yaml in dist/,
# built as the release workflow builds them, nothing published. Offline once the module
# cache holds zscopelint's dependencies and GoReleaser's (the first run fetches GoReleaser
# from the module proxy and compiles it, which takes a few minutes).
#
#   scripts/release-snapshot.sh            uses goreleaser v2.17.0 from PATH, else go run
#   GOPROXY=off scripts/release-snapshot.sh   prove it needs no network
set -euo pipefail
cd "$(dirname "$0")/.."
goreleaser_version=v2.17.0
if command -v goreleaser >/dev/null 2>&1 && goreleaser --version 2>/dev/null | grep -qE "^GitVersion: +$goreleaser_version\$"; then
	goreleaser=(goreleaser)
else
	goreleaser=(go run "github.com/goreleaser/goreleaser/v2@$goreleaser_version")
fi
"${goreleaser[@]}" release --snapshot --clean
# The sizes of the binaries, for the record.
find dist -type f -name 'zscopelint*' ! -name '*.tar.gz' ! -name '*.zip' -print0 | sort -z | xargs -0 ls -l | awk '{ printf "%10d  %s\n", $5, $9 }'
