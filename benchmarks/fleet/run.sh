#!/usr/bin/env bash
# Fleet-scale measurement: starts N simulated BMCs in ONE process (bmc-exporter simulate), sweeps Get Device ID
# across all of them with our client (FleetSweep), and reports the simulator's memory (VmRSS with every session
# open, VmHWM peak) and the sweep times. Usage: benchmarks/fleet/run.sh [BMCS] [PORT_BASE] [PROFILE]
set -euo pipefail
BMCS=${1:-10000}
PORT_BASE=${2:-20000}
PROFILE=${3:-typical-1u}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ART=${ART:-/tmp/art-fleet-bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for project in src/BmcExporter/BmcExporter.csproj benchmarks/fleet/FleetSweep/FleetSweep.csproj; do
  dotnet build "$ROOT/$project" -c Release --artifacts-path "$ART" -v q -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done

printf 'fleet-bench-pw\n' > "$WORK/pw"
ulimit -n "$(ulimit -Hn)"
dotnet "$ART/bin/BmcExporter/release/bmc-exporter.dll" simulate --bmcs "$BMCS" --port-base "$PORT_BASE" \
  --profile "$PROFILE" --user bench --password-file "$WORK/pw" > "$WORK/sim.log" 2>&1 &
SIM=$!
trap 'kill "$SIM" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do grep -q "Press Ctrl-C" "$WORK/sim.log" && break; sleep 0.5; done
cat "$WORK/sim.log"
echo "simulator idle: $(grep -E 'VmRSS' /proc/$SIM/status)"

dotnet "$ART/bin/FleetSweep/release/FleetSweep.dll" "$BMCS" "$PORT_BASE" bench "$WORK/pw" 256 "$WORK/open.marker" &
SWEEP=$!
for _ in $(seq 1 1200); do [ -f "$WORK/open.marker" ] && break; kill -0 "$SWEEP" 2>/dev/null || break; sleep 0.25; done
echo "simulator with all sessions open: $(grep -E 'VmRSS' /proc/$SIM/status)"
wait "$SWEEP"
echo "simulator peak: $(grep -E 'VmHWM' /proc/$SIM/status), threads: $(grep -E 'Threads' /proc/$SIM/status | awk '{print $2}')"
kill -TERM "$SIM"
wait "$SIM" || true
tail -1 "$WORK/sim.log"
