#!/usr/bin/env bash
# Throughput of the library's cold path against rbldnsd, as a ratio to dnsperf on the same machine and names.
# Usage: benchmarks/throughput.sh [seconds=10] [entries=100000] [concurrency=256] [rounds=3]
# Each stage is warmed up until the JIT settles; then every round runs dnsperf and, right after it, each stage of the
# library for the same seconds, and prints that round's ratios; the last line is the median ratio of the rounds.
# Needs rbldnsd and dnsperf (apt-get install -y rbldnsd dnsperf). Builds the benchmarks project in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"; entries="${2:-100000}"; concurrency="${3:-256}"; rounds="${4:-3}"
project=benchmarks/Dnsbl.Client.Benchmarks
dotnet build "$project" -c Release -v q -nologo >/dev/null
bench=(dotnet "$project/bin/Release/net10.0/Dnsbl.Client.Benchmarks.dll" --throughput)

# rbldnsd drops privileges when started as root: its data must be world-readable.
data="$(mktemp -d /tmp/dnsbl-throughput.XXXXXX)"
chmod 755 "$data"
"${bench[@]}" prepare --dir "$data" --entries "$entries"
chmod 644 "$data"/*
port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
rbldnsd -n -q -b "127.0.0.1/$port" -w "$data" "bl.bench.test:ip4set:bench.zone" &
rbldnsd_pid=$!
trap 'kill "$rbldnsd_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
# Ready once it answers one query (a SOA question for the zone, raw UDP).
python3 - "$port" <<'PY'
import socket, sys, time
query = bytes.fromhex("abcd01000001000000000000") + b"".join(bytes([len(l)]) + l.encode() for l in "bl.bench.test".split(".")) + b"\0\0\x06\0\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2)
for _ in range(100):
    try:
        s.sendto(query, ("127.0.0.1", int(sys.argv[1]))); s.recv(512); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("rbldnsd did not answer")
PY

"${bench[@]}" run --server "127.0.0.1:$port" --seconds "$seconds" --entries "$entries" --concurrency "$concurrency" --rounds "$rounds" \
  --dnsperf-args "-s 127.0.0.1 -p $port -d $data/queries.txt -l $seconds -c 1 -q $concurrency -e -t 2"
