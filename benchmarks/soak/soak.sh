#!/usr/bin/env bash
# Soak test: the exporter in background mode against N simulated BMCs with faults on (loss, latency, corruption,
# reboots, silent BMCs, session exhaustion) and a stream of hostile and normal HTTP requests, for M minutes.
# Samples the exporter's RSS, threads, open fds and CPU every SAMPLE seconds into soak.csv, then fails (exit 1)
# when memory, threads or fds grow: the mean of the last third of the samples may exceed the mean of the middle
# third by at most GROWTH_PCT percent (the first third is warm-up: JIT, caches, SDR walks).
# Usage: benchmarks/soak/soak.sh [MINUTES=30] [BMCS=200]   (env: SAMPLE=10 GROWTH_PCT=10 OUT=soak.csv)
set -euo pipefail
MINUTES=${1:-30}
BMCS=${2:-200}
SAMPLE=${SAMPLE:-10}
GROWTH_PCT=${GROWTH_PCT:-10}
OUT=${OUT:-soak.csv}
for n in "$MINUTES" "$BMCS" "$SAMPLE"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [MINUTES] [BMCS] (positive integers)" >&2; exit 2; }
done
PORT_BASE=${PORT_BASE:-31000}
HTTP_PORT=${HTTP_PORT:-31990}
ART=${ART:-/tmp/art-soak}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
. "$ROOT/benchmarks/fleet/lib.sh"
stop_on_exit 100

echo "building (Release, artifacts $ART)..."
build_release "$ART" "$ROOT/src/BmcExporter/BmcExporter.csproj"
DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"
printf 'soak-pw\n' > "$WORK/pw"
chmod 600 "$WORK/pw"

# A tenth of the fleet lossy and jittery, a few corrupting, rebooting, going silent or out of session slots.
dotnet "$DLL" simulate --bmcs "$BMCS" --port-base "$PORT_BASE" --bind 127.0.0.1 --profile typical-1u \
  --user soak --password-file "$WORK/pw" \
  --fault "{ fraction: 0.1, loss: 0.1, latencyMs: 20, jitterMs: 20, duplicate: 0.02, reorder: 0.02 }" \
  --fault "{ bmcs: \"0-4\", truncate: 0.05, corrupt: 0.1, wrongAuthCode: 0.05 }" \
  --fault "{ bmcs: \"5-7\", rebootEverySeconds: 120, rebootDowntimeSeconds: 10 }" \
  --fault "{ bmcs: \"8-9\", stopAfterSeconds: 60, stopForSeconds: 60 }" \
  --fault "{ bmcs: \"10\", exhaustSessions: true }" \
  > "$WORK/sim.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "Press Ctrl-C" "$WORK/sim.log" && break; sleep 0.5; done
grep -q "Press Ctrl-C" "$WORK/sim.log" || { echo "simulator did not start:" >&2; cat "$WORK/sim.log" >&2; exit 1; }

seq 0 $((BMCS - 1)) | awk -v base="$PORT_BASE" '{print "127.0.0.1:" base + $1}' > "$WORK/targets.txt"
cat > "$WORK/exporter.yaml" << EOF2
state_dir: $WORK/state
scrape: { mode: background, interval: 15s, timeout: 10s, max_concurrency: 32 }
modules:
  default: { user: soak, password_file: $WORK/pw, cipher_suites: [17], timeout: 500ms, retries: 2 }
target_files: [$WORK/targets.txt]
EOF2
dotnet "$DLL" --config.file "$WORK/exporter.yaml" --web.listen-address "127.0.0.1:$HTTP_PORT" > "$WORK/exporter.log" 2>&1 &
EXP=$!
PIDS+=("$EXP")
URL="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 120); do curl -s -o /dev/null --max-time 2 "$URL/healthz" && break; sleep 0.5; done

# Background HTTP load: fleet pages (plain and gzip), cached and live /ipmi, hostile requests.
(
  while kill -0 "$EXP" 2> /dev/null; do
    curl -s -o /dev/null --max-time 30 "$URL/metrics" || true
    curl -s -o /dev/null --max-time 30 -H 'Accept-Encoding: gzip' "$URL/metrics" || true
    curl -s -o /dev/null --max-time 30 "$URL/ipmi?target=127.0.0.1:$((PORT_BASE + RANDOM % BMCS))" || true
    curl -s -o /dev/null --max-time 30 -H 'X-Prometheus-Scrape-Timeout-Seconds: 9.2e11' "$URL/ipmi?target=127.0.0.1:$((PORT_BASE + RANDOM % BMCS))" || true
    curl -s -o /dev/null --max-time 5 "$URL/ipmi?target=127.0.0.$((RANDOM % 250 + 2)):$((40000 + RANDOM % 1000))" || true
    curl -s -o /dev/null --max-time 5 "$URL/ipmi?target=%5B%3A%3A1&module=x" || true
    sleep 1
  done
) &
PIDS+=($!)

echo "seconds,rss_kb,threads,fds,cpu_seconds" > "$OUT"
end=$(( $(date +%s) + MINUTES * 60 ))
t0=$(date +%s)
while [ "$(date +%s)" -lt "$end" ]; do
  kill -0 "$EXP" 2> /dev/null || { echo "exporter died:" >&2; tail -20 "$WORK/exporter.log" >&2; exit 1; }
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$EXP/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$EXP/status")
  fds=$(ls "/proc/$EXP/fd" | wc -l)
  cpu=$(awk -v hz="$HZ" '{ sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$EXP/stat")
  echo "$(( $(date +%s) - t0 )),$rss,$threads,$fds,$cpu" >> "$OUT"
  sleep "$SAMPLE"
done

echo "samples in $OUT"
awk -F, -v growth="$GROWTH_PCT" 'NR > 1 { n++; rss[n] = $2; thr[n] = $3; fds[n] = $4 }
  END {
    if (n < 6) { print "too few samples (" n ") to judge growth"; exit 1 }
    a = int(n / 3) + 1; b = int(2 * n / 3); fail = 0
    split("rss threads fds", names, " ")
    for (k = 1; k <= 3; k++) {
      mid = 0; last = 0
      for (i = a; i <= b; i++) mid += (k == 1 ? rss[i] : k == 2 ? thr[i] : fds[i])
      for (i = b + 1; i <= n; i++) last += (k == 1 ? rss[i] : k == 2 ? thr[i] : fds[i])
      mid /= (b - a + 1); last /= (n - b)
      pct = mid > 0 ? 100 * (last - mid) / mid : 0
      printf "%-8s middle third %.0f  last third %.0f  growth %+.1f%%\n", names[k], mid, last, pct
      if (pct > growth) fail = 1
    }
    if (fail) { print "FAIL: growth above " growth "%"; exit 1 } else print "OK: flat within " growth "%"
  }' "$OUT"
