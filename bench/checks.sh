#!/usr/bin/env bash
# checks.sh measures the checks phase of a scan (issue 16): every check of
# the default model on the 50 wet-boew pages (urls-50.txt), from snapshots
# saved once by a real crawl, with scoring's BenchmarkEvaluateSnapshots.
#
#   bench/checks.sh                  # crawl once (kept in $SNAPS), then benchmark
#   SNAPS=/tmp/x.json bench/checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WET=${WET:-../shared/benchmarks/sites/wet-boew}
[ -d "$WET" ] || WET=/work/shared/benchmarks/sites/wet-boew
SNAPS=${SNAPS:-${TMPDIR:-/tmp}/didi-wet-boew-50.json}
if [ ! -s "$SNAPS" ]; then
	go run ./bench/crawlbench -runs 1 -serve "$WET" -urls "$WET/urls-50.txt" -save "$SNAPS" -label "save snapshots"
fi
DIDI_BENCH_SNAPSHOTS=$SNAPS go test ./scoring -run '^$' -bench BenchmarkEvaluateSnapshots -benchtime "${BENCHTIME:-5x}" -count "${COUNT:-3}"
