# shellcheck shell=bash
# Helpers the fleet and soak benchmarks share (scale.sh, redfish-scale.sh, live-vs-peer.sh, peer/run.sh,
# soak/soak.sh). Sourced, not run: `. "$ROOT/benchmarks/fleet/lib.sh"` after WORK and PIDS are set.
# WORK is the run's mktemp -d folder; PIDS lists every background process the script started, oldest first.

# stop_on_exit TENTHS [LOG]: on exit, stop every PID in PIDS newest first (the exporters close their BMC sessions
# while the simulator still answers, then the simulator): TERM, up to TENTHS tenths of a second to go, then KILL;
# then remove WORK. With LOG, a run that fails first prints that log's last 20 lines. Ctrl-C and TERM exit 130.
stop_on_exit() {
  STOP_WAIT_TENTHS=$1
  STOP_LOG=${2:-}
  trap stop_pids_and_clean EXIT
  trap 'exit 130' INT TERM
}

stop_pids_and_clean() {
  local status=$? i pid
  if [ "$status" -ne 0 ] && [ -n "$STOP_LOG" ] && [ -f "$STOP_LOG" ]; then
    echo "--- exporter log (last 20 lines)" >&2; tail -20 "$STOP_LOG" >&2
  fi
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 "$STOP_WAIT_TENTHS"); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
  done
  rm -rf "$WORK"
}

# Clock ticks per second of /proc/PID/stat's CPU times.
HZ=$(getconf CLK_TCK)

# cpu_ticks PID [CHILDREN]: utime+stime of PID (+cutime+cstime of its waited-for children when CHILDREN is 1), from
# /proc/PID/stat (fields 14-17; the part before the last ") " is dropped, the command name may hold spaces).
cpu_ticks() {
  awk -v kids="${2:-0}" '{ sub(/.*\) /, ""); t = $12 + $13; if (kids) t += $14 + $15; print t }' "/proc/$1/stat"
}

# rss_mb PID: resident set size in MB (VmRSS), rounded.
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# now: wall clock in seconds with nanoseconds.
now() { date +%s.%N; }

# build_release ART PROJECT...: dotnet build -c Release of each project into the artifacts path ART (at most 15 min
# each); on failure prints the build log and exits 1.
build_release() {
  local art=$1 p
  shift
  for p in "$@"; do
    timeout 900 dotnet build "$p" -c Release --artifacts-path "$art" -v q -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  done
}

# wait_for_simulator PID TRIES: waits (TRIES half-seconds at most) until `bmc-exporter simulate` writing to
# $WORK/sim.log says it is up; exits 1 with its log when it does not, or when it exits first.
wait_for_simulator() {
  for _ in $(seq 1 "$2"); do grep -q "Press Ctrl-C" "$WORK/sim.log" && break; kill -0 "$1" 2> /dev/null || break; sleep 0.5; done
  grep -q "Press Ctrl-C" "$WORK/sim.log" || { echo "simulator did not start:" >&2; cat "$WORK/sim.log" >&2; exit 1; }
}

# wait_http NAME PID PORT: waits (60 s at most) until 127.0.0.1:PORT/metrics answers; exits 1 with $WORK/NAME.log
# when it does not, or when PID exits first.
wait_http() {
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$3/metrics" && return 0
    kill -0 "$2" 2> /dev/null || break
    sleep 0.5
  done
  echo "$1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1
}
