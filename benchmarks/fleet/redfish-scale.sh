#!/usr/bin/env bash
# Fleet-scale benchmark of the exporter in background mode against N simulated BMCs read over Redfish (HTTPS,
# the simulator's CA as ca_file, one session per BMC kept across scrapes).
# Usage: [EXPORTER_DLL=...] benchmarks/fleet/redfish-scale.sh N [--interval SECONDS] [--steady SECONDS] [--noexpand]
# Prints: time until every target has been scraped once; steady exporter CPU (share of one core) and RSS;
# simulator RSS; GETs per steady scrape per BMC (bmc_exporter_redfish_gets_total over bmc_exporter_scrapes_total);
# series per BMC. Everything binds to 127.0.0.1 and is stopped by PID.
set -euo pipefail
N=${1:-}
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 N [--interval SECONDS] [--steady SECONDS] [--noexpand]" >&2; exit 2; }
shift
INTERVAL=60
STEADY=120
EXPAND=true
while [ $# -gt 0 ]; do
  case "$1" in
    --interval) INTERVAL=$2; shift ;;
    --steady) STEADY=$2; shift ;;
    --noexpand) EXPAND=false ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PORT_BASE=${PORT_BASE:-21000}
REDFISH_PORT_BASE=${REDFISH_PORT_BASE:-31000}
HTTP_PORT=${HTTP_PORT:-29291}
ART=${ART:-/tmp/art-scale}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
. "$ROOT/benchmarks/fleet/lib.sh"
stop_on_exit 150 "$WORK/exporter.log"

# EXPORTER_DLL=path runs an exporter already built (e.g. src/BmcExporter/bin/Release/net10.0/bmc-exporter.dll).
DLL=${EXPORTER_DLL:-}
if [ -z "$DLL" ]; then
  echo "building (Release, artifacts $ART)..."
  build_release "$ART" "$ROOT/src/BmcExporter/BmcExporter.csproj"
  DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"
fi
ulimit -n "$(ulimit -Hn)"

sum_family() { curl -s --compressed --max-time 60 "$URL/metrics" | awk -v f="$1" 'index($0, f "{") == 1 { s += $NF } END { printf "%.0f", s }'; }

printf 'redfish-bench-pw\n' > "$WORK/pw"
chmod 600 "$WORK/pw"
dotnet "$DLL" simulate --bmcs "$N" --port-base "$PORT_BASE" --bind 127.0.0.1 --profile typical-1u \
  --user bench --password-file "$WORK/pw" --redfish-port-base "$REDFISH_PORT_BASE" --redfish-ca-out "$WORK/ca.pem" > "$WORK/sim.log" 2>&1 &
SIM=$!; PIDS+=("$SIM")
wait_for_simulator "$SIM" 600
SIM_IDLE=$(rss_mb "$SIM")

{
  echo "state_dir: $WORK/state"
  echo "scrape: { mode: background, interval: ${INTERVAL}s, timeout: 30s, max_concurrency: 64 }"
  echo "modules:"
  echo "  default: { protocol: redfish, user: bench, password_file: $WORK/pw, redfish: { ca_file: $WORK/ca.pem, expand: $EXPAND } }"
} > "$WORK/exporter.yaml"
seq 0 $((N - 1)) | awk -v base="$REDFISH_PORT_BASE" '{print "127.0.0.1:" base + $1}' > "$WORK/targets.txt"
echo "target_files: [$WORK/targets.txt]" >> "$WORK/exporter.yaml"

T0=$(now)
dotnet "$DLL" --config.file "$WORK/exporter.yaml" --web.listen-address "127.0.0.1:$HTTP_PORT" > "$WORK/exporter.log" 2>&1 &
EXP=$!; PIDS+=("$EXP")
URL="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 600); do curl -s -o /dev/null --max-time 2 "$URL/healthz" && break; kill -0 "$EXP" 2> /dev/null || break; sleep 0.5; done
curl -s -o /dev/null --max-time 2 "$URL/healthz" || { echo "exporter did not start:" >&2; cat "$WORK/exporter.log" >&2; exit 1; }

# First complete round: every target has a stored snapshot.
deadline=$(awk -v t="$(now)" -v i="$INTERVAL" 'BEGIN { printf "%.3f", t + 4 * i + 300 }')
while :; do
  scraped=$(curl -s --compressed --max-time 60 "$URL/metrics" | grep -c '^bmc_exporter_target_series{' || true)
  [ "$scraped" -ge "$N" ] && break
  awk -v t="$(now)" -v d="$deadline" 'BEGIN { exit !(t > d) }' && { echo "only $scraped of $N targets scraped in time" >&2; exit 1; }
  sleep 2
done
FIRST=$(awk -v a="$T0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
failed=$(curl -s --compressed "$URL/metrics" | grep -c '^bmc_exporter_target_scrape_outcome{.*outcome="\(failed\|timeout\|circuit_open\|partial\)"} 1' || true)
DOWN=$(curl -s --compressed "$URL/metrics" | awk '/^ipmi_up\{/ && $NF == 0 { match($0, /collector="[^"]*"/); c[substr($0, RSTART + 11, RLENGTH - 12)]++ } END { for (k in c) printf "%s %d, ", k, c[k] }')

# Steady state: one HTTP request at each end of the window (counted into the CPU, a few ms).
g0=$(sum_family bmc_exporter_redfish_gets_total); s0=$(sum_family bmc_exporter_scrapes_total)
c0=$(cpu_ticks "$EXP"); t0=$(now)
sleep "$STEADY"
c1=$(cpu_ticks "$EXP"); t1=$(now)
g1=$(sum_family bmc_exporter_redfish_gets_total); s1=$(sum_family bmc_exporter_scrapes_total)
STEADY_CPU=$(awk -v c="$((c1 - c0))" -v hz="$HZ" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", 100 * c / hz / (b - a) }')
CPU_PER_SCRAPE=$(awk -v c="$((c1 - c0))" -v hz="$HZ" -v s="$((s1 - s0))" 'BEGIN { if (s > 0) printf "%.2f", 1000 * c / hz / s; else print "n/a" }')
GETS=$(awk -v g="$((g1 - g0))" -v s="$((s1 - s0))" 'BEGIN { if (s > 0) printf "%.2f", g / s; else print "n/a" }')
SERIES=$(curl -s --compressed "$URL/metrics" | awk -F'} ' '/^bmc_exporter_target_series\{/ { s += $2; n++ } END { if (n) printf "%.1f", s / n }')

echo
echo "== bmc-exporter Redfish scale benchmark: $N simulated typical-1u BMCs over HTTPS, interval ${INTERVAL}s, \$expand $EXPAND"
echo "first complete round:   $FIRST s after start ($failed targets not successful)"
echo "steady exporter CPU:    $STEADY_CPU % of one core over ${STEADY}s, $CPU_PER_SCRAPE ms per BMC scrape ($((s1 - s0)) scrapes)"
echo "exporter RSS:           $(rss_mb "$EXP") MB"
echo "simulator RSS:          $(rss_mb "$SIM") MB (idle before the exporter: $SIM_IDLE MB)"
echo "GETs per steady scrape: $GETS per BMC ($((g1 - g0)) GETs)"
echo "series per BMC:         $SERIES"
echo "collectors down (ipmi_up 0) at the end: ${DOWN:-none}"
curl -s --max-time 60 "$URL/" | grep -o '<td>[^<]*</td></tr>' | sed 's/<[^>]*>//g' | grep -v '^$' | cut -c1-160 | sort | uniq -c | sort -rn | head -3 | sed 's/^/  last error: /' || true
