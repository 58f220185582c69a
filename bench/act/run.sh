#!/usr/bin/env bash
# Scores didi against the W3C ACT Rules test cases in ../shared/benchmarks/act.
#
#   bench/act/run.sh [extra didi scan flags]
#
# Serves the corpus on loopback, scans every case with
# `didi scan --no-crawl --urls-from`, converts result.json into the scorer's
# format (by the ACT rule ids and WCAG criteria each check declares) and
# prints the scorer's summaries: all rules, and approved rules with offline
# cases. Outputs go to bench/out/act/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
act=${ACT_DIR:-$(cd "$root/../shared/benchmarks/act" 2>/dev/null && pwd || true)}
[ -d "$act" ] || { echo "act: no ACT corpus at ../shared/benchmarks/act (set ACT_DIR)" >&2; exit 2; }
out="$root/bench/out/act"
mkdir -p "$out"
port=${ACT_PORT:-8642}

go build -o "$out/didi" "$root/cmd/didi"
python3 "$act/score.py" serve --port "$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break || sleep 0.1
done

python3 "$act/score.py" list --format json >"$out/cases.json"
python3 - "$out/cases.json" "$port" >"$out/urls.txt" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))
cases = cases["cases"] if isinstance(cases, dict) else cases
for c in cases:
    print(f"http://127.0.0.1:{sys.argv[2]}/{c['file']}")
PY
n=$(wc -l <"$out/urls.txt")
echo "act: scanning $n cases" >&2
start=$(date +%s.%N)
"$out/didi" scan --no-crawl --urls-from "$out/urls.txt" --max-pages 100000 --lang en --format json \
  --out "$out" --timeout 15s --budget 0 --quiet "$@" || [ $? -eq 1 ]
end=$(date +%s.%N)
python3 "$here/convert.py" "$out/result.json" "$port" >"$out/findings.json"
python3 - "$start" "$end" "$n" <<'PY'
import sys
s, e, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"act: {n} cases in {e-s:.0f} s = {n/(e-s):.2f} cases/s")
PY
echo "== all rules, ACT id =="
python3 "$act/score.py" score "$out/findings.json" --match act --per-rule | tee "$out/score-all.txt"
echo "== approved rules, offline cases, ACT id =="
python3 "$act/score.py" score "$out/findings.json" --match act --approved-only --offline-only | tee "$out/score-approved.txt"
