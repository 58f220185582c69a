#!/bin/sh
# A lecture hall on this machine: 30 students submit a site at once to
# `didi serve` (real Chromium scans, 2 at a time). Prints whether every scan
# finished, whether the queue was fair, the lecturer page's latency under
# load and the peak memory of the server and its browsers.
set -e
cd "$(dirname "$0")/.."
go test ./serve -run '^$' -bench BenchmarkClass30 -benchtime 1x -timeout 20m
