#!/usr/bin/env bash
# Fleet-scale benchmark of the exporter in background mode against N simulated BMCs on this machine.
# Usage: benchmarks/fleet/scale.sh N [--otlp] [--interval SECONDS] [--steady SECONDS]
# Prints: time until every target has been scraped once; steady engine CPU (share of one core) and RSS;
# /metrics bytes plain and gzip with wall and CPU per request; series per BMC; cached /ipmi latency.
# With --otlp, a local OTLP receiver (benchmarks/fleet/OtlpSink) takes the exporter's OTLP output and the OTLP
# share of CPU is the difference to a run without it. Everything binds to 127.0.0.1 and is stopped by PID.
set -euo pipefail
N=${1:-}
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 N [--otlp] [--interval SECONDS] [--steady SECONDS]" >&2; exit 2; }
shift
OTLP=0
INTERVAL=60
STEADY=120
while [ $# -gt 0 ]; do
  case "$1" in
    --otlp) OTLP=1 ;;
    --interval) INTERVAL=$2; shift ;;
    --steady) STEADY=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PORT_BASE=${PORT_BASE:-20000}
HTTP_PORT=${HTTP_PORT:-29290}
OTLP_PORT=${OTLP_PORT:-29317}
ART=${ART:-/tmp/art-scale}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
. "$ROOT/benchmarks/fleet/lib.sh"
stop_on_exit 150 "$WORK/exporter.log"

echo "building (Release, artifacts $ART)..."
projects=("$ROOT/src/BmcExporter/BmcExporter.csproj")
[ "$OTLP" = 1 ] && projects+=("$ROOT/benchmarks/fleet/OtlpSink/OtlpSink.csproj")
build_release "$ART" "${projects[@]}"
DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"
ulimit -n "$(ulimit -Hn)"

printf 'scale-bench-pw\n' > "$WORK/pw"
dotnet "$DLL" simulate --bmcs "$N" --port-base "$PORT_BASE" --bind 127.0.0.1 --profile typical-1u \
  --user bench --password-file "$WORK/pw" > "$WORK/sim.log" 2>&1 &
SIM=$!; PIDS+=("$SIM")
wait_for_simulator "$SIM" 600

if [ "$OTLP" = 1 ]; then
  dotnet "$ART/bin/OtlpSink/release/OtlpSink.dll" "127.0.0.1:$OTLP_PORT" > "$WORK/sink.log" 2>&1 &
  SINK=$!; PIDS+=("$SINK")
  sleep 2
fi

{
  echo "state_dir: $WORK/state"
  echo "scrape: { mode: background, interval: ${INTERVAL}s, timeout: 30s, max_concurrency: 64 }"
  echo "modules:"
  echo "  default: { user: bench, password_file: $WORK/pw, cipher_suites: [17] }"
  if [ "$OTLP" = 1 ]; then
    echo "otlp: { enabled: true, endpoint: \"http://127.0.0.1:$OTLP_PORT\", protocol: grpc, interval: ${INTERVAL}s }"
  fi
} > "$WORK/exporter.yaml"
seq 0 $((N - 1)) | awk -v base="$PORT_BASE" '{print "127.0.0.1:" base + $1}' > "$WORK/targets.txt"
echo "target_files: [$WORK/targets.txt]" >> "$WORK/exporter.yaml"

T0=$(now)
dotnet "$DLL" --config.file "$WORK/exporter.yaml" --web.listen-address "127.0.0.1:$HTTP_PORT" > "$WORK/exporter.log" 2>&1 &
EXP=$!; PIDS+=("$EXP")
URL="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 240); do curl -s -o /dev/null --max-time 2 "$URL/healthz" && break; kill -0 "$EXP" 2> /dev/null || break; sleep 0.5; done
curl -s -o /dev/null --max-time 2 "$URL/healthz" || { echo "exporter did not start:" >&2; cat "$WORK/exporter.log" >&2; exit 1; }

# First complete round: every target has a stored snapshot (one bmc_exporter_target_series line each).
scraped=0
deadline=$(awk -v t="$(now)" -v i="$INTERVAL" 'BEGIN { printf "%.3f", t + 4 * i + 120 }')
while :; do
  scraped=$(curl -s --compressed --max-time 60 "$URL/metrics" | grep -c '^bmc_exporter_target_series{' || true)
  [ "$scraped" -ge "$N" ] && break
  awk -v t="$(now)" -v d="$deadline" 'BEGIN { exit !(t > d) }' && { echo "only $scraped of $N targets scraped in time" >&2; exit 1; }
  sleep 2
done
FIRST=$(awk -v a="$T0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
failed=$(curl -s --compressed "$URL/metrics" | grep -c '^bmc_exporter_target_scrape_outcome{.*outcome="\(failed\|timeout\|circuit_open\)"' || true)

# Steady state: no requests for STEADY seconds, CPU and RSS of the exporter.
c0=$(cpu_ticks "$EXP"); t0=$(now)
sleep "$STEADY"
c1=$(cpu_ticks "$EXP"); t1=$(now)
STEADY_CPU=$(awk -v c="$((c1 - c0))" -v hz="$HZ" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", 100 * c / hz / (b - a) }')
RATE=$(awk -v c="$((c1 - c0))" -v hz="$HZ" -v a="$t0" -v b="$t1" 'BEGIN { print c / hz / (b - a) }')
RSS=$(rss_mb "$EXP")

# /metrics per request: wall from curl, CPU from /proc minus the steady rate over the same wall time.
measure() { # label curl-args...
  local label=$1; shift
  local best_wall=999 sum_cpu=0 bytes=0 k=5
  for _ in $(seq 1 $k); do
    local a b w
    a=$(cpu_ticks "$EXP")
    read -r bytes w < <(curl -s "$@" -o /dev/null -w '%{size_download} %{time_total}\n' "$URL/metrics")
    b=$(cpu_ticks "$EXP")
    sum_cpu=$(awk -v s="$sum_cpu" -v c="$((b - a))" -v hz="$HZ" -v r="$RATE" -v w="$w" 'BEGIN { x = c / hz - r * w; if (x < 0) x = 0; print s + x }')
    best_wall=$(awk -v x="$best_wall" -v w="$w" 'BEGIN { print (w < x) ? w : x }')
    sleep 1
  done
  printf '  %-8s %12s bytes  wall %.3f s (best of %d)  CPU %.3f s/request (mean)\n' "$label" "$bytes" "$best_wall" "$k" "$(awk -v s="$sum_cpu" -v k="$k" 'BEGIN { print s / k }')"
}

SERIES=$(curl -s --compressed "$URL/metrics" | awk -F'} ' '/^bmc_exporter_target_series\{/ { s += $2; n++ } END { if (n) printf "%.1f", s / n }')

echo
echo "== bmc-exporter scale benchmark: $N simulated typical-1u BMCs, interval ${INTERVAL}s, OTLP $([ "$OTLP" = 1 ] && echo on || echo off)"
echo "first complete round:   $FIRST s after start ($failed targets not successful)"
echo "steady engine CPU:      $STEADY_CPU % of one core over ${STEADY}s (no HTTP requests)"
echo "RSS:                    $RSS MB"
echo "series per BMC:         $SERIES"
echo "/metrics:"
measure plain
measure gzip -H 'Accept-Encoding: gzip'

# Cached per-BMC /ipmi: 200 sequential requests for random targets.
shuf -n 200 "$WORK/targets.txt" | while read -r t; do
  curl -s -o /dev/null -w '%{time_total}\n' "$URL/ipmi?target=$t&module=default"
done | sort -n | awk '{ a[NR] = $1 } END { printf "/ipmi from cache:       p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d requests\n", 1000 * a[int(NR * 0.5)], 1000 * a[int(NR * 0.99)], 1000 * a[NR], NR }'
if [ "$OTLP" = 1 ]; then
  echo "OTLP sink:              $(tail -1 "$WORK/sink.log")"
fi
