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

# shellcheck source=rbldnsd.sh
source benchmarks/rbldnsd.sh
# Listed: every 10th address of 11/8.
data="$(mktemp -d /tmp/dnsbl-policy-bench.XXXXXX)"
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
start_rbldnsd "$data" bl1.policy.bench bl1.policy.bench:ip4set:bl1 bl2.policy.bench:ip4set:bl2 \
  allow.policy.bench:ip4set:allow dbl.policy.bench:dnset:dbl
dotnet "$project/bin/Release/net10.0/Dnsbl.Client.Benchmarks.dll" --policy --server "127.0.0.1:$port" --seconds "$seconds" --cold "$cold"
