#!/usr/bin/env bash
# Redfish client benchmark: starts N simulated BMCs serving Redfish over HTTPS from ONE process (bmc-exporter
# simulate --redfish-port-base, one Kestrel, one port per BMC), then RedfishSweep scrapes every BMC with its own
# session: one cold scrape, then ROUNDS steady scrapes. Reports GETs, client CPU and allocations per steady scrape,
# client and simulator memory. Loopback only; everything started here is stopped by PID.
# Usage: benchmarks/redfish/run.sh [BMCS=100] [ROUNDS=5] [PARALLEL=16] [expand|noexpand] [PORT_BASE=28500]
set -euo pipefail
BMCS=${1:-100}
ROUNDS=${2:-5}
PARALLEL=${3:-16}
EXPAND=${4:-expand}
PORT_BASE=${5:-28500}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ART=${ART:-/tmp/art-redfish-bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for project in src/BmcExporter/BmcExporter.csproj benchmarks/redfish/RedfishSweep/RedfishSweep.csproj; do
  dotnet build "$ROOT/$project" -c Release --artifacts-path "$ART" -v q -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done

printf 'redfish-bench-pw\n' > "$WORK/pw"
ulimit -n "$(ulimit -Hn)"
dotnet "$ART/bin/BmcExporter/release/bmc-exporter.dll" simulate --bmcs "$BMCS" --port-base 0 --profile typical-1u \
  --user bench --password-file "$WORK/pw" --redfish-port-base "$PORT_BASE" --redfish-ca-out "$WORK/ca.pem" > "$WORK/sim.log" 2>&1 &
SIM=$!
trap 'kill "$SIM" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do grep -q "Press Ctrl-C" "$WORK/sim.log" && break; kill -0 "$SIM" 2>/dev/null || break; sleep 0.5; done
cat "$WORK/sim.log"
echo "simulator idle: $(grep -E 'VmRSS' /proc/$SIM/status)"
SIM_CPU0=$(awk '{print $14+$15}' /proc/$SIM/stat)

dotnet "$ART/bin/RedfishSweep/release/RedfishSweep.dll" "$BMCS" "$PORT_BASE" bench "$WORK/pw" "$WORK/ca.pem" "$ROUNDS" "$PARALLEL" "$EXPAND"
SIM_CPU1=$(awk '{print $14+$15}' /proc/$SIM/stat)
echo "simulator after the sweep: $(grep -E 'VmRSS' /proc/$SIM/status), $(grep -E 'VmHWM' /proc/$SIM/status), threads $(grep -E 'Threads' /proc/$SIM/status | awk '{print $2}'), CPU $(( (SIM_CPU1 - SIM_CPU0) * 10 )) ms"
kill -TERM "$SIM"
wait "$SIM" || true
