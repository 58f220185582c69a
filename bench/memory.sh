#!/usr/bin/env bash
# memory.sh measures the memory of a whole scan by its number of pages
# (issue 18): bench/membench serves a generated site of PAGES pages of about
# 75 kB on loopback and scans it with the default model, without and with
# the browser, and prints the peak Go heap and resident memory in total and
# per page (and with the browser the peak PSS of didi and Chromium).
#
#   bench/memory.sh                  # this tree, 1,000 pages
#   BASE=7947e26 bench/memory.sh     # the same benchmark on an earlier commit too
#   PAGES=300 MODES=--no-browser bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-1000}
MODES=${MODES:-"--no-browser --browser"}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
go build -o "$TMP/membench" ./bench/membench
bins=("this tree:$TMP/membench")
if [ -n "${BASE:-}" ]; then
	mkdir "$TMP/base"
	git archive "$BASE" | tar -x -C "$TMP/base"
	mkdir -p "$TMP/base/bench/membench"
	cp bench/membench/main.go "$TMP/base/bench/membench/"
	(cd "$TMP/base" && go build -o "$TMP/membench-base" ./bench/membench)
	bins=("$BASE:$TMP/membench-base" "${bins[@]}")
fi
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | pages | s | peak heap MB | heap kB/page | peak RSS MB | RSS kB/page | peak PSS MB (didi + Chromium) | index | sha256 of result.json | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for mode in $MODES; do
	for b in "${bins[@]}"; do
		flag=""
		[ "$mode" = "--no-browser" ] && flag="-no-browser"
		"${b#*:}" -pages "$PAGES" $flag -label "${b%%:*} $mode" 2>/dev/null
	done
done
