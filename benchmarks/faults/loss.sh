#!/usr/bin/env bash
# Packet-loss campaign: one simulated typical-1u BMC that drops a share of datagrams (both directions, the
# simulator's `loss` fault), scraped through /ipmi by an exporter that starts with an empty state directory.
# For each loss rate it prints: the scrape at which every sensor was first present (the SDR walk resumed across
# scrapes until complete), and the share of the scrapes after that which returned every sensor.
# Usage: benchmarks/faults/loss.sh [SCRAPES=30] [RATES="0.1 0.3"]   (env: TIMEOUT=10 seconds per scrape)
set -euo pipefail
SCRAPES=${1:-30}
RATES=${2:-"0.1 0.3"}
TIMEOUT=${TIMEOUT:-10}
[[ "$SCRAPES" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SCRAPES] [RATES]" >&2; exit 2; }
PORT=${PORT:-32623}
HTTP_PORT=${HTTP_PORT:-32990}
ART=${ART:-/tmp/art-faults}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
  done
  PIDS=()
}
trap 'stop_all; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

echo "building (Release, artifacts $ART)..."
timeout 900 dotnet build "$ROOT/src/BmcExporter/BmcExporter.csproj" -c Release --artifacts-path "$ART" -v q -nologo > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"
printf 'loss-pw\n' > "$WORK/pw"

sensor_lines() { grep -cE '^ipmi_(temperature_celsius|fan_speed_rpm|fan_speed_ratio|voltage_volts|current_amperes|power_watts|sensor_value)\{' || true; }

run() { # rate
  local rate=$1
  local state="$WORK/state-$rate"
  dotnet "$DLL" simulate --bmcs 1 --port-base "$PORT" --bind 127.0.0.1 --profile typical-1u --user loss --password-file "$WORK/pw" \
    ${rate:+--fault "{ bmcs: \"0\", loss: $rate }"} > "$WORK/sim-$rate.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "Press Ctrl-C" "$WORK/sim-$rate.log" && break; sleep 0.5; done
  cat > "$WORK/exporter-$rate.yaml" << EOF2
state_dir: $state
scrape: { mode: on_demand, timeout: ${TIMEOUT}s }
modules:
  default: { user: loss, password_file: $WORK/pw, cipher_suites: [17], allow_any_target: true }
EOF2
  dotnet "$DLL" --config.file "$WORK/exporter-$rate.yaml" --web.listen-address "127.0.0.1:$HTTP_PORT" > "$WORK/exporter-$rate.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/healthz" && break; sleep 0.5; done
  local counts=()
  for i in $(seq 1 "$SCRAPES"); do
    counts+=("$(curl -s --max-time $((TIMEOUT + 5)) -H "X-Prometheus-Scrape-Timeout-Seconds: $TIMEOUT" \
      "http://127.0.0.1:$HTTP_PORT/ipmi?target=127.0.0.1:$PORT" | sensor_lines)")
  done
  stop_all
  echo "${counts[*]}"
}

baseline=$(SCRAPES=1 run "" | awk '{print $1}')
[ "$baseline" -gt 0 ] || { echo "no sensors without loss; exporter log:" >&2; cat "$WORK"/exporter-.log >&2; exit 1; }
echo
echo "== loss campaign: typical-1u, $baseline sensor series without loss, $SCRAPES scrapes per rate, ${TIMEOUT}s deadline"
for rate in $RATES; do
  counts=$(run "$rate")
  echo "$counts" | awk -v rate="$rate" -v full="$baseline" '{
    first = 0; after = 0; complete = 0
    for (i = 1; i <= NF; i++) {
      if (!first && $i >= full) first = i
      if (first && i >= first) { after++; if ($i >= full) complete++ }
    }
    printf "loss %3.0f%%: sensors per scrape: %s\n", rate * 100, $0
    if (first) printf "           every sensor first at scrape %d; after that %d of %d scrapes (%.0f%%) returned every sensor\n", first, complete, after, 100 * complete / after
    else printf "           every sensor never present in %d scrapes\n", NF
  }'
done
