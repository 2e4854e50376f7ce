#!/usr/bin/env bash
# The Postfix policy service under load (issue 19): requests/s on 1 and 100 loopback connections with every answer
# cached, and latency percentiles with cold lookups against rbldnsd. Prints the load average before and after: the
# machine is shared, so read the figures with it.
# Usage: benchmarks/policy.sh [seconds=10] [cold-requests=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"; cold="${2:-20000}"
project=benchmarks/Dnsbl.Client.Benchmarks
dotnet build "$project" -c Release -v q -nologo >/dev/null

# rbldnsd drops privileges when started as root: its data must be world-readable. Listed: every 10th address of 11/8.
data="$(mktemp -d /tmp/dnsbl-policy-bench.XXXXXX)"
chmod 755 "$data"
python3 - "$data" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/bl1", "w") as f:
    f.write(":127.0.0.2:listed\n" + "".join(f"11.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n" for i in range(0, 300000, 10)))
with open(f"{d}/bl2", "w") as f:
    f.write(":127.0.0.2:listed\n" + "".join(f"11.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n" for i in range(5, 300000, 20)))
with open(f"{d}/allow", "w") as f:
    f.write(":127.0.0.2:\n" + "".join(f"11.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n" for i in range(3, 300000, 100)))
with open(f"{d}/dbl", "w") as f:
    f.write(":127.0.1.2:\nspam-sender.example\n")
PY
chmod 644 "$data"/*
port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
rbldnsd -n -q -b "127.0.0.1/$port" -w "$data" bl1.policy.bench:ip4set:bl1 bl2.policy.bench:ip4set:bl2 \
  allow.policy.bench:ip4set:allow dbl.policy.bench:dnset:dbl &
rbldnsd_pid=$!
trap 'kill "$rbldnsd_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
python3 - "$port" <<'PY'
import socket, sys, time
query = bytes.fromhex("abcd01000001000000000000") + b"".join(bytes([len(l)]) + l.encode() for l in "bl1.policy.bench".split(".")) + b"\0\0\x06\0\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2)
for _ in range(100):
    try:
        s.sendto(query, ("127.0.0.1", int(sys.argv[1]))); s.recv(512); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("rbldnsd did not answer")
PY
dotnet "$project/bin/Release/net10.0/Dnsbl.Client.Benchmarks.dll" --policy --server "127.0.0.1:$port" --seconds "$seconds" --cold "$cold"
