#!/usr/bin/env bash
# crawl.sh measures the crawler (issue 4): pages per second over the whole
# crawl (browser start included) and peak memory (PSS) of the whole process
# tree, didi and every Chromium process, with bench/crawlbench.
#
#   bench/crawl.sh            # every row, 3 runs each (medians)
#   RUNS=1 bench/crawl.sh     # quicker
#
# Sites: testdata/site50 (crawled from /) and the wet-boew corpus
# (../shared/benchmarks/sites/wet-boew, its urls-50.txt with --no-crawl),
# served by python3 -m http.server on loopback as in PEERS.md. Requests
# outside the scanned origin fail at once (Options.BlockOutside).
# The --no-browser rows are also run against an in-process Go file server:
# python's http.server (HTTP/1.0, one connection per request, backlog 5) is
# slower than the crawler there.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
WET=${WET:-../shared/benchmarks/sites/wet-boew}
[ -d "$WET" ] || WET=/work/shared/benchmarks/sites/wet-boew
BIN=$(mktemp -d)/crawlbench
go build -o "$BIN" ./bench/crawlbench

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$(dirname "$BIN")"; }
trap cleanup EXIT

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
serve() { # serve DIR -> prints the port
	local port; port=$(freeport)
	python3 -m http.server --bind 127.0.0.1 "$port" --directory "$1" >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
	echo "$port"
}
SITE_PORT=$(serve testdata/site50)
WET_PORT=$(serve "$WET")

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(chromium --version 2>/dev/null | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | concurrency | pages | errors | pages/s | peak PSS MB | Chromium CPU ms/page | load avg |"
echo "|---|---|---|---|---|---|---|---|"
row() { "$BIN" -runs "$RUNS" "$@" 2>/dev/null; }
row -label "site50 --no-browser (Go server)" -serve testdata/site50 -no-browser
row -label "site50 --no-browser" -start "http://127.0.0.1:$SITE_PORT/" -no-browser
for c in 1 2 4; do
	row -label "site50 browser" -start "http://127.0.0.1:$SITE_PORT/" -concurrency "$c"
done
row -label "wet-boew urls-50 --no-browser (Go server)" -serve "$WET" -urls "$WET/urls-50.txt" -no-browser
row -label "wet-boew urls-50 --no-browser" -base "http://127.0.0.1:$WET_PORT" -urls "$WET/urls-50.txt" -no-browser
row -label "wet-boew urls-50 browser" -base "http://127.0.0.1:$WET_PORT" -urls "$WET/urls-50.txt"
# The reference at the same moment: bare Chromium, navigation only, no analysis.
row -label "wet-boew urls-50 bare Chromium (floor)" -base "http://127.0.0.1:$WET_PORT" -urls "$WET/urls-50.txt" -floor -concurrency 1
row -label "wet-boew urls-50 bare Chromium (floor)" -base "http://127.0.0.1:$WET_PORT" -urls "$WET/urls-50.txt" -floor -concurrency 2
