#!/usr/bin/env bash
# Coverage-guided fuzzing of the IPMI decoders with AFL++ (Debian package afl++) and SharpFuzz (docs/fuzzing.md).
# Builds the harness into its own folder, instruments BmcExporter.Ipmi*.dll there, runs afl-fuzz on TARGET for
# SECONDS from the committed seed corpus, then prints "execs N crashes N hangs N" and fails on any crash.
# Usage: fuzz/run.sh [TARGET=all] [SECONDS=60] [OUT=/tmp/bmc-fuzz-TARGET]
set -euo pipefail
TARGET=${1:-all}
SECONDS_TO_RUN=${2:-60}
OUT=${3:-/tmp/bmc-fuzz-$TARGET}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS="$ROOT/fuzz/BmcExporter.Fuzz"
command -v afl-fuzz > /dev/null || { echo "afl-fuzz not found: install the Debian package afl++ (scripts/install-test-deps.sh)" >&2; exit 1; }
[[ "$SECONDS_TO_RUN" =~ ^[1-9][0-9]*$ ]] || { echo "SECONDS must be a positive integer" >&2; exit 2; }

BUILD="$OUT/build"
rm -rf "$OUT"
mkdir -p "$BUILD"
dotnet build "$HARNESS/BmcExporter.Fuzz.csproj" -c Release -o "$BUILD" -v q -nologo > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
dotnet "$BUILD/BmcExporter.Fuzz.dll" instrument "$BUILD/BmcExporter.Ipmi.dll" "$BUILD/BmcExporter.Ipmi.Client.dll"
[ -d "$HARNESS/corpus/$TARGET" ] || { echo "no seed corpus for target '$TARGET' in $HARNESS/corpus" >&2; exit 2; }

# The dotnet host is not AFL-instrumented (SharpFuzz instruments the managed code): skip that check. No UI, no
# CPU pinning on a shared machine; the core-dump pattern is not ours to change.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000 AFL_NO_CRASH_README=1
# On a loaded machine the dry run of the first seed has once read an empty coverage map ("No instrumentation
# detected") although the same build fuzzed fine alone; that one abort is retried, at most twice, and said so.
# Any other failure, or the same abort three times, fails the run.
for attempt in 1 2 3; do
  rm -rf "$OUT/findings"
  if timeout $((SECONDS_TO_RUN + 120)) afl-fuzz -i "$HARNESS/corpus/$TARGET" -o "$OUT/findings" -t 5000 -m none -V "$SECONDS_TO_RUN" \
    -- dotnet "$BUILD/BmcExporter.Fuzz.dll" afl "$TARGET" > "$OUT/afl.log" 2>&1; then
    break
  fi
  if [ "$attempt" -lt 3 ] && grep -q "No instrumentation detected" "$OUT/afl.log"; then
    echo "afl-fuzz attempt $attempt: dry run saw no coverage; retrying" >&2
    continue
  fi
  tail -40 "$OUT/afl.log" >&2
  exit 1
done

STATS="$OUT/findings/default/fuzzer_stats"
[ -f "$STATS" ] || { tail -40 "$OUT/afl.log" >&2; echo "afl-fuzz wrote no statistics" >&2; exit 1; }
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$STATS"; }
EXECS=$(stat execs_done)
CRASHES=$(stat saved_crashes)
HANGS=$(stat saved_hangs)
echo "target $TARGET: execs $EXECS crashes ${CRASHES:-?} hangs ${HANGS:-?} in $(stat run_time) s ($(stat execs_per_sec) exec/s), corpus $(stat corpus_count), edges $(stat edges_found)"
if [ "${CRASHES:-1}" != 0 ]; then
  echo "crashing inputs (replay with: dotnet $BUILD/BmcExporter.Fuzz.dll replay $TARGET FILE):" >&2
  ls "$OUT/findings/default/crashes" >&2
  exit 1
fi
[ "${EXECS:-0}" -gt 0 ] || { echo "no executions" >&2; exit 1; }
