#!/usr/bin/env bash
# Live /ipmi scrape cost, ours against the peer (Debian prometheus-ipmi-exporter, which forks FreeIPMI per
# collector per scrape), side by side in one run: one OpenIPMI ipmi_sim BMC with 36 sensors, SEL and FRU
# (benchmarks/fleet/live, the integration tests' fixture), both exporters reading the same ipmi_exporter-format
# config (collectors bmc, ipmi, chassis, sel), then N sequential scrapes of each. Prints per exporter the mean
# wall time per scrape (curl time_total) and the CPU per scrape (utime+stime of the exporter; the peer's
# includes its FreeIPMI children), then the peer/ours ratios. The warm-up scrapes are measured too and printed apart:
# for ours they include the runtime compiling its hot code (tiered JIT, about the first 200 scrapes after start on a
# 2-core VM); the measured scrapes are those of a running exporter. The peer forks FreeIPMI per scrape and has no
# warm-up.
# Usage: benchmarks/fleet/live-vs-peer.sh [SCRAPES=200] [WARMUP=300]
# Environment: ART (artifacts path, default /tmp/art-livebench), SIM_PORT (UDP, default 27623),
# PEER_PORT / OUR_PORT (HTTP, default 27900 / 27901), OURS_DLL (use an already built bmc-exporter.dll),
# OURS_ENV (extra VAR=VALUE words for our process, e.g. runtime knobs to try).
set -euo pipefail
SCRAPES=${1:-200}
WARMUP=${2:-300}
SIM_PORT=${SIM_PORT:-27623}
PEER_PORT=${PEER_PORT:-27900}
OUR_PORT=${OUR_PORT:-27901}
ART=${ART:-/tmp/art-livebench}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURE="$ROOT/benchmarks/fleet/live"
for n in "$SCRAPES" "$WARMUP"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SCRAPES] [WARMUP] (integers)" >&2; exit 2; }
done
for tool in ipmi_sim prometheus-ipmi-exporter curl; do
  command -v "$tool" > /dev/null || { echo "$tool not found (scripts/install-test-deps.sh installs it)" >&2; exit 1; }
done

WORK=$(mktemp -d)
PIDS=()
. "$ROOT/benchmarks/fleet/lib.sh"
stop_on_exit 50

if [ -z "${OURS_DLL:-}" ]; then
  echo "building bmc-exporter (Release, artifacts $ART)..."
  build_release "$ART" "$ROOT/src/BmcExporter/BmcExporter.csproj"
  OURS_DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"
fi

# --- ipmi_sim (shared/docs/harness.md §1) ------------------------------------------------------------------------
mkdir -p "$WORK/state"
cp "$FIXTURE/chassis_control.sh" "$WORK/" && chmod +x "$WORK/chassis_control.sh"
sed -e "s|@PORT@|$SIM_PORT|" -e "s|@DIR@|$WORK|" "$FIXTURE/lan.conf.in" > "$WORK/lan.conf"
ipmi_sim -c "$WORK/lan.conf" -f "$FIXTURE/sim.emu" -s "$WORK/state" -n > "$WORK/sim.log" 2>&1 < /dev/null &
PIDS+=($!)
SIM=$!
for _ in $(seq 1 50); do
  ipmitool -I lanplus -H 127.0.0.1 -p "$SIM_PORT" -U reader -P readpass1 -L USER -C 3 mc info > /dev/null 2>&1 && break
  kill -0 "$SIM" 2> /dev/null || { cat "$WORK/sim.log" >&2; exit 1; }
  sleep 0.2
done

cat > "$WORK/ipmi.yml" << 'EOF'
modules:
  default:
    user: "reader"
    pass: "readpass1"
    driver: "LAN_2_0"
    privilege: "user"
    timeout: 10000
    collectors: [bmc, ipmi, chassis, sel]
    workaround_flags: [opensesspriv]
    custom_args:
      bmc: ["-I", "3"]
      ipmi: ["-I", "3"]
      chassis: ["-I", "3"]
      sel: ["-I", "3"]
EOF

mkdir -p "$WORK/peer-home" "$WORK/ours-state"
HOME="$WORK/peer-home" prometheus-ipmi-exporter --config.file="$WORK/ipmi.yml" --web.listen-address="127.0.0.1:$PEER_PORT" \
  > "$WORK/peer.log" 2>&1 &
PIDS+=($!)
PEER=$!
env DOTNET_gcServer=0 ${OURS_ENV:-} dotnet "$OURS_DLL" --config.file "$WORK/ipmi.yml" --web.listen-address "127.0.0.1:$OUR_PORT" \
  --state.dir "$WORK/ours-state" > "$WORK/ours.log" 2>&1 &
PIDS+=($!)
OURS=$!

wait_http peer "$PEER" "$PEER_PORT"
wait_http ours "$OURS" "$OUR_PORT"

URL_TARGET="127.0.0.1:$SIM_PORT"
scrapes() { # port count samples-file: sequential scrapes, one "http_code seconds up" line each
  local i out
  for ((i = 0; i < $2; i++)); do
    out=$(curl -s --max-time 60 -o "$WORK/body" -w '%{http_code} %{time_total}' "http://127.0.0.1:$1/ipmi?target=$URL_TARGET") || out="000 0"
    if grep -qF 'ipmi_up{collector="ipmi"} 1' "$WORK/body" && grep -qF 'ipmi_up{collector="sel"} 1' "$WORK/body"; then
      echo "$out 1"
    else
      echo "$out 0"
    fi
  done >> "$3"
}

declare -A WALL CPU FAIL WARM_WALL WARM_CPU
for who in peer ours; do
  if [ "$who" = peer ]; then port=$PEER_PORT; pid=$PEER; kids=1; else port=$OUR_PORT; pid=$OURS; kids=0; fi
  : > "$WORK/$who.warm"
  w0=$(cpu_ticks "$pid" "$kids")
  scrapes "$port" "$WARMUP" "$WORK/$who.warm"
  w1=$(cpu_ticks "$pid" "$kids")
  WARM_WALL[$who]=$(awk '{ s += $2 } END { if (NR) printf "%.6f", s / NR; else print 0 }' "$WORK/$who.warm")
  WARM_CPU[$who]=$(awk -v a="$w0" -v b="$w1" -v hz="$HZ" -v n="$WARMUP" 'BEGIN { if (n) printf "%.6f", (b - a) / hz / n; else print 0 }')
  : > "$WORK/$who.samples"
  c0=$(cpu_ticks "$pid" "$kids")
  scrapes "$port" "$SCRAPES" "$WORK/$who.samples"
  c1=$(cpu_ticks "$pid" "$kids")
  WALL[$who]=$(awk '{ s += $2 } END { printf "%.6f", s / NR }' "$WORK/$who.samples")
  CPU[$who]=$(awk -v a="$c0" -v b="$c1" -v hz="$HZ" -v n="$SCRAPES" 'BEGIN { printf "%.6f", (b - a) / hz / n }')
  FAIL[$who]=$(awk '$1 != "200" || $3 != 1 { f++ } END { print f + 0 }' "$WORK/$who.samples")
done

sensors() { curl -s "http://127.0.0.1:$1/ipmi?target=$URL_TARGET" | grep -c '^ipmi_sensor_state{' || true; }
echo
echo "ipmi_sim with $(grep -c sensor_add "$FIXTURE/sim.emu") sensors on $URL_TARGET; $SCRAPES sequential scrapes each after $WARMUP warm-up; collectors bmc,ipmi,chassis,sel; $(nproc) cores"
printf '%-16s %14s %14s %10s %8s\n' exporter "wall ms/scrape" "CPU ms/scrape" failures sensors
printf '%-16s %14.2f %14.2f %10s %8s\n' ipmi_exporter "$(awk -v w="${WALL[peer]}" 'BEGIN { print w * 1000 }')" \
  "$(awk -v c="${CPU[peer]}" 'BEGIN { print c * 1000 }')" "${FAIL[peer]}/$SCRAPES" "$(sensors "$PEER_PORT")"
printf '%-16s %14.2f %14.2f %10s %8s\n' bmc-exporter "$(awk -v w="${WALL[ours]}" 'BEGIN { print w * 1000 }')" \
  "$(awk -v c="${CPU[ours]}" 'BEGIN { print c * 1000 }')" "${FAIL[ours]}/$SCRAPES" "$(sensors "$OUR_PORT")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "1/%.1f", a / b; else print "n/a (below measurement resolution)" }'; }
echo "ours/peer: wall $(ratio "${WALL[peer]}" "${WALL[ours]}"), CPU $(ratio "${CPU[peer]}" "${CPU[ours]}")"
ms() { awk -v x="$1" 'BEGIN { printf "%.2f", x * 1000 }'; }
echo "warm-up ($WARMUP scrapes each, first after start): ipmi_exporter $(ms "${WARM_WALL[peer]}") ms wall, $(ms "${WARM_CPU[peer]}") ms CPU;" \
  "bmc-exporter $(ms "${WARM_WALL[ours]}") ms wall, $(ms "${WARM_CPU[ours]}") ms CPU (includes compiling its hot code)"
echo "(CPU from /proc/PID/stat at $HZ ticks/s over all measured scrapes; the peer's includes its FreeIPMI children)"
if [ -n "${SHOW_LOGS:-}" ]; then tail -20 "$WORK/ours.log" "$WORK/peer.log"; fi
