#!/usr/bin/env bash
# Parse + plan of two builds, over several processes with the load order swapped each time (issue 15).
# Usage: benchmarks/message-plan-ab.sh BASE_BIN_DIR [processes=8] [seconds=20] [extra --message-plan-ab options...]
# BASE_BIN_DIR: another checkout's benchmarks/Dnsbl.Client.Benchmarks/bin/Release/net10.0, built with --message-plan-ab.
#
# Why several processes: inside one process the two builds get different machine code (tiered PGO, code placement), and
# that alone makes one side 4-16 % faster than the other. Measured with two copies of the same build (this folder copied,
# 2026-12-05, quiet machine): 1.069, 1.047 and 1.157 in three processes. One process's ratio therefore cannot resolve a
# change of a few percent. Odd runs start this build's program (this build loaded second), even runs the base's (this
# build loaded first, its ratio inverted), so a bias of the load order cancels; the geometric mean over the processes is
# the figure to report, next to the spread of the single ratios. Run it once with a copy of this folder as the base to
# see the spread of no change. With DOTNET_TieredPGO=0 in the environment both builds get the same kind of machine code
# in every process and the single ratios agree to about 1 % (same-build control: 0.995 to 1.003): the figure for what a
# change costs in code; with PGO (the default, as users run) the geometric mean is the figure for what they will see.
set -euo pipefail
cd "$(dirname "$0")/.."
base="$(cd "${1:?usage: benchmarks/message-plan-ab.sh BASE_BIN_DIR [processes] [seconds] [options...]}" && pwd)"
processes="${2:-8}"; seconds="${3:-20}"; shift $(( $# < 3 ? $# : 3 ))
# Each run starts in a build's own folder: a relative --corpus path is made absolute first.
options=()
while (( $# > 0 )); do
  if [ "$1" = --corpus ] && (( $# > 1 )); then options+=(--corpus "$(cd "$2" && pwd)"); shift 2; else options+=("$1"); shift; fi
done
project=benchmarks/Dnsbl.Client.Benchmarks
dotnet build "$project" -c Release -v q -nologo >/dev/null
this="$(pwd)/$project/bin/Release/net10.0"

# The mode's last line: "this/base: wall p10 R, wall median R, thread CPU median R, allocation R; ..."
ratios() { sed -nE 's/^this\/base: wall p10 ([0-9.]+), wall median ([0-9.]+), thread CPU median ([0-9.]+).*/\1 \2 \3/p'; }

for run in $(seq 1 "$processes"); do
  if (( run % 2 )); then
    (cd "$this" && dotnet Dnsbl.Client.Benchmarks.dll --message-plan-ab "$base" --seconds "$seconds" ${options[@]+"${options[@]}"}) | ratios
  else
    (cd "$base" && dotnet Dnsbl.Client.Benchmarks.dll --message-plan-ab "$this" --seconds "$seconds" ${options[@]+"${options[@]}"}) | ratios \
      | awk '{ printf "%.3f %.3f %.3f\n", 1 / $1, 1 / $2, 1 / $3 }'
  fi
done | awk '
  { printf "process %d (this build loaded %s): this/base wall p10 %s, median %s, thread CPU median %s\n", NR, (NR % 2 ? "second" : "first"), $1, $2, $3
    p += log($1); m += log($2); c += log($3); n++
    if (n == 1 || $2 < low) low = $2; if (n == 1 || $2 > high) high = $2 }
  END { if (n == 0) { print "no ratios read: did every run fail?"; exit 1 }
        printf "geometric mean over %d processes: this/base wall p10 %.3f, median %.3f, thread CPU median %.3f (single medians %.3f to %.3f)\n", n, exp(p / n), exp(m / n), exp(c / n), low, high }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
