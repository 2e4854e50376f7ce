#!/usr/bin/env bash
# Throughput of the library's cold path against rbldnsd, as a ratio to dnsperf on the same machine and names.
# Usage: benchmarks/throughput.sh [seconds=10] [entries=100000] [concurrency=256] [rounds=3] [stages=all|library|cli] [library-stages=transport,resolver,dnsclient,client]
# Library stages: each is warmed up until the JIT settles; then every round runs dnsperf and, right after it, each
# stage of the library for the same seconds, and prints that round's ratios; the last lines are the median ratios.
# CPU per answer: dnsperf runs under /usr/bin/time (its user + system CPU over the queries it completed), each library
# stage reads its own process CPU over the answers it got; each round prints both and their ratio, and the last line
# is the median ratio (issue 16's target for the client: <= 1.5x, with the rate ratio >= 0.7 in the same run).
# CLI stage: 100,000 inputs through 'dnsbl check -f FILE --format csv', wall time from process start to exit (start-up,
# JIT, reading, checking, writing), right after dnsperf sends the same 100,000 names once (-n 1); rate ratio per round.
# Needs rbldnsd and dnsperf (./build.sh test installs them). Builds the benchmarks project and the tool in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"; entries="${2:-100000}"; concurrency="${3:-256}"; rounds="${4:-3}"; stages="${5:-all}"
library_stages="${6:-transport,resolver,dnsclient,client}"
cli_inputs=100000
project=benchmarks/Dnsbl.Client.Benchmarks
dotnet build "$project" -c Release -v q -nologo >/dev/null
dotnet build src/Dnsbl.Cli -c Release -v q -nologo >/dev/null
bench=(dotnet "$project/bin/Release/net10.0/Dnsbl.Client.Benchmarks.dll" --throughput)
dnsbl=src/Dnsbl.Cli/bin/Release/net10.0/dnsbl

# shellcheck source=rbldnsd.sh
source benchmarks/rbldnsd.sh
data="$(mktemp -d /tmp/dnsbl-throughput.XXXXXX)"
"${bench[@]}" prepare --dir "$data" --entries "$entries"
start_rbldnsd "$data" bl.bench.test "bl.bench.test:ip4set:bench.zone"

if [ "$stages" != cli ]; then
  "${bench[@]}" run --server "127.0.0.1:$port" --seconds "$seconds" --entries "$entries" --concurrency "$concurrency" --rounds "$rounds" --stages "$library_stages" \
    --dnsperf-args "-s 127.0.0.1 -p $port -d $data/queries.txt -l $seconds -c 1 -q $concurrency -e -t 2"
fi
[ "$stages" = library ] && exit 0

# The CLI stage: the first 100,000 query names (half listed), and the same addresses as the tool's input lines.
head -n "$cli_inputs" "$data/queries.txt" > "$data/cli-queries.txt"
awk '{ split($1, o, "."); print o[4] "." o[3] "." o[2] "." o[1] }' "$data/cli-queries.txt" > "$data/cli-inputs.txt"
ratios=(); reported_ratios=()
for round in $(seq 1 "$rounds"); do
  # dnsperf timed the same way as the tool (process start to exit), besides the rate it reports itself.
  start=$(date +%s.%N)
  dnsperf_qps=$(dnsperf -s 127.0.0.1 -p "$port" -d "$data/cli-queries.txt" -n 1 -c 1 -q "$concurrency" -e -t 2 \
    | sed -n 's/^ *Queries per second: *\([0-9.]*\).*/\1/p')
  end=$(date +%s.%N)
  dnsperf_wall_rate=$(awk -v s="$start" -v e="$end" -v n="$cli_inputs" 'BEGIN { printf "%.0f", n / (e - s) }')
  start=$(date +%s.%N)
  status=0
  "$dnsbl" check -f "$data/cli-inputs.txt" --list bl.bench.test --dns "127.0.0.1:$port" --no-probe --format csv \
    >"$data/cli-out.csv" 2>"$data/cli-summary.txt" || status=$?
  end=$(date +%s.%N)
  # Exit 1: some inputs were rejected (half of them are listed); anything else is a failed run.
  [ "$status" -le 1 ] || { echo "dnsbl check exited $status: $(cat "$data/cli-summary.txt")" >&2; exit 1; }
  rows=$(($(wc -l <"$data/cli-out.csv") - 1))
  read -r wall cli_rate ratio reported_ratio < <(awk -v s="$start" -v e="$end" -v n="$rows" -v d="$dnsperf_wall_rate" -v q="$dnsperf_qps" \
    'BEGIN { w = e - s; printf "%.2f %.0f %.2f %.2f\n", w, n / w, n / w / d, n / w / q }')
  ratios+=("$ratio"); reported_ratios+=("$reported_ratio")
  echo "cli round $round: dnsperf ${dnsperf_wall_rate}/s wall (reports ${dnsperf_qps} q/s); dnsbl check -f: ${rows} inputs in ${wall} s = ${cli_rate}/s;" \
    "ratio ${ratio} (to dnsperf's reported rate: ${reported_ratio}); $(cat "$data/cli-summary.txt")"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "cli / dnsperf, both timed start to exit: median $(median "${ratios[@]}") of ${rounds} rounds;" \
  "to dnsperf's reported q/s: median $(median "${reported_ratios[@]}") (${cli_inputs} inputs)"
