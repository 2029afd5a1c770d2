#!/usr/bin/env bash
# Benchmark against the peer, prometheus-community/ipmi_exporter (Debian prometheus-ipmi-exporter), which forks
# FreeIPMI per collector per scrape. Both exporters read the SAME ipmi_exporter-format config and scrape the same
# simulated fleet (bmc-exporter simulate, loopback only). Prints per exporter: mean and p95 scrape seconds, wall
# time per round, CPU seconds during the measured rounds, failures, peak RSS; then the peer/ours ratios.
# Usage: benchmarks/fleet/peer/run.sh [BMCS=50] [ROUNDS=3] [PARALLEL=8]
# Environment: ART (artifacts path, default /tmp/art-peerbench), PORT_BASE (first UDP BMC port, default 26000),
# PEER_PORT / OUR_PORT (HTTP ports, default 26900 / 26901), SHOW_DIFF=1 (print the series diff for the first BMC),
# KEEP_SERIES=DIR (copy peer.series / ours.series there).
set -euo pipefail
BMCS=${1:-50}
ROUNDS=${2:-3}
PARALLEL=${3:-8}
PORT_BASE=${PORT_BASE:-26000}
PEER_PORT=${PEER_PORT:-26900}
OUR_PORT=${OUR_PORT:-26901}
ART=${ART:-/tmp/art-peerbench}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
PEER_BIN=${PEER_BIN:-prometheus-ipmi-exporter}
CURL_TIMEOUT=60

for n in "$BMCS" "$ROUNDS" "$PARALLEL"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [BMCS] [ROUNDS] [PARALLEL] (positive integers)" >&2; exit 2; }
done
command -v "$PEER_BIN" > /dev/null || { echo "$PEER_BIN not found (apt-get install prometheus-ipmi-exporter)" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()
. "$ROOT/benchmarks/fleet/lib.sh"
stop_on_exit 100

echo "building bmc-exporter (Release, artifacts $ART)..."
build_release "$ART" "$ROOT/src/BmcExporter/BmcExporter.csproj"
OURS_DLL="$ART/bin/BmcExporter/release/bmc-exporter.dll"

# --- simulated fleet -------------------------------------------------------------------------------------------
printf 'peer-bench-pw\n' > "$WORK/pw"
dotnet "$OURS_DLL" simulate --bmcs "$BMCS" --port-base "$PORT_BASE" --bind 127.0.0.1 --profile typical-1u \
  --user bench --password-file "$WORK/pw" > "$WORK/sim.log" 2>&1 &
PIDS+=($!)
SIM=$!
wait_for_simulator "$SIM" 120

# --- one config for both exporters (ipmi_exporter format) -------------------------------------------------------
cat > "$WORK/ipmi.yml" << 'EOF'
modules:
  default:
    user: "bench"
    pass: "peer-bench-pw"
    driver: "LAN_2_0"
    privilege: "user"
    timeout: 10000
    collectors: [bmc, ipmi, chassis, sel]
    custom_args:
      bmc: ["-I", "17"]
      ipmi: ["-I", "17"]
      chassis: ["-I", "17"]
      sel: ["-I", "17"]
EOF

# The peer's FreeIPMI children cache SDRs under $HOME/.freeipmi: give them a private HOME.
mkdir -p "$WORK/peer-home" "$WORK/state"
HOME="$WORK/peer-home" "$PEER_BIN" --config.file="$WORK/ipmi.yml" --web.listen-address="127.0.0.1:$PEER_PORT" \
  > "$WORK/peer.log" 2>&1 &
PIDS+=($!)
PEER=$!
dotnet "$OURS_DLL" --config.file "$WORK/ipmi.yml" --web.listen-address "127.0.0.1:$OUR_PORT" --state.dir "$WORK/state" \
  > "$WORK/ours.log" 2>&1 &
PIDS+=($!)
OURS=$!

wait_http peer "$PEER" "$PEER_PORT"
wait_http ours "$OURS" "$OUR_PORT"

seq 0 $((BMCS - 1)) | awk -v base="$PORT_BASE" '{print "127.0.0.1:" base + $1}' > "$WORK/targets"

# One scrape: prints "status seconds ok" (ok = 1 when the response has ipmi_up{collector="ipmi"} 1).
cat > "$WORK/scrape.sh" << 'EOF'
#!/usr/bin/env bash
port=$1; target=$2; out=$(mktemp -p "$3")
w=$(curl -s --max-time "$4" -o "$out" -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/ipmi?target=$target") || true
if grep -qF 'ipmi_up{collector="ipmi"} 1' "$out"; then ok=1; else ok=0; fi
rm -f "$out"
echo "${w:-000 0} $ok"
EOF
chmod +x "$WORK/scrape.sh"

round() { # port outfile
  xargs -P "$PARALLEL" -I{} "$WORK/scrape.sh" "$1" {} "$WORK" "$CURL_TIMEOUT" < "$WORK/targets" >> "$2"
}
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

declare -A WALL CPU
for who in peer ours; do
  if [ "$who" = peer ]; then port=$PEER_PORT; pid=$PEER; kids=1; else port=$OUR_PORT; pid=$OURS; kids=0; fi
  echo "warming $who..."
  round "$port" "$WORK/$who.warm"
  : > "$WORK/$who.samples"
  c0=$(cpu_ticks "$pid" "$kids")
  wall=0
  for r in $(seq 1 "$ROUNDS"); do
    t0=$(date +%s.%N)
    round "$port" "$WORK/$who.samples"
    t1=$(date +%s.%N)
    wall=$(awk -v a="$wall" -v b="$t0" -v c="$t1" 'BEGIN { print a + (c - b) }')
    echo "  $who round $r: $(awk -v b="$t0" -v c="$t1" 'BEGIN { printf "%.2f", c - b }') s"
  done
  c1=$(cpu_ticks "$pid" "$kids")
  WALL[$who]=$(awk -v w="$wall" -v r="$ROUNDS" 'BEGIN { print w / r }')
  CPU[$who]=$(awk -v a="$c0" -v b="$c1" -v hz="$HZ" 'BEGIN { print (b - a) / hz }')
done

stats() { # samples -> "mean p95 failures count"
  awk '{ print $2, ($1 == "200" && $3 == 1) ? 0 : 1 }' "$1" | sort -n -k1,1 |
    awk '{ t[NR] = $1; s += $1; f += $2 } END { i = int(0.95 * NR + 0.999999); if (i < 1) i = 1; printf "%.4f %.4f %d %d", s / NR, t[i], f, NR }'
}
read -r PM PP PF PN <<< "$(stats "$WORK/peer.samples")"
read -r OM OP OF ON <<< "$(stats "$WORK/ours.samples")"
PR=$(hwm_kb "$PEER"); OR=$(hwm_kb "$OURS")

echo
echo "BMCs=$BMCS rounds=$ROUNDS parallel=$PARALLEL profile=typical-1u collectors=bmc,ipmi,chassis,sel cipher=17 ($(nproc) cores)"
printf '%-16s %10s %10s %12s %10s %10s %12s\n' exporter "mean s" "p95 s" "wall/round s" "CPU s" failures "peak RSS MiB"
printf '%-16s %10.4f %10.4f %12.2f %10.2f %6d/%-4d %12.1f\n' ipmi_exporter "$PM" "$PP" "${WALL[peer]}" "${CPU[peer]}" "$PF" "$PN" "$(awk -v k="$PR" 'BEGIN { print k / 1024 }')"
printf '%-16s %10.4f %10.4f %12.2f %10.2f %6d/%-4d %12.1f\n' bmc-exporter "$OM" "$OP" "${WALL[ours]}" "${CPU[ours]}" "$OF" "$ON" "$(awk -v k="$OR" 'BEGIN { print k / 1024 }')"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'; }
echo "peer/ours: mean $(ratio "$PM" "$OM"), p95 $(ratio "$PP" "$OP"), wall $(ratio "${WALL[peer]}" "${WALL[ours]}"), CPU $(ratio "${CPU[peer]}" "${CPU[ours]}")"
echo "(peer CPU includes its FreeIPMI children, cutime+cstime; peak RSS is the exporter process only, VmHWM)"

# --- informational: same ipmi_* sensor series for one target? ---------------------------------------------------
series() { # port -> sorted "name{labels}" of ipmi_* samples, value dropped
  curl -s --max-time "$CURL_TIMEOUT" "http://127.0.0.1:$1/ipmi?target=127.0.0.1:$PORT_BASE" |
    grep -E '^ipmi_' | sed -E 's/ [^ ]+$//' | sort
}
series "$PEER_PORT" > "$WORK/peer.series"
series "$OUR_PORT" > "$WORK/ours.series"
echo
echo "series for 127.0.0.1:$PORT_BASE: peer $(wc -l < "$WORK/peer.series"), ours $(wc -l < "$WORK/ours.series"), only-peer $(comm -23 "$WORK/peer.series" "$WORK/ours.series" | wc -l), only-ours $(comm -13 "$WORK/peer.series" "$WORK/ours.series" | wc -l)"
if [ -n "${SHOW_DIFF:-}" ]; then diff "$WORK/peer.series" "$WORK/ours.series" || true; fi
if [ -n "${KEEP_SERIES:-}" ]; then cp "$WORK/peer.series" "$WORK/ours.series" "$KEEP_SERIES"/; fi
