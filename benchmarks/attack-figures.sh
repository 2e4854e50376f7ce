#!/usr/bin/env bash
# The four figures of issue 16 (docs/SECURITY.md): overload isolation, forgery under a known port, TC storm, soak.
# Usage: benchmarks/attack-figures.sh [soak-seconds=600] [soak-rate=5000]
# Runs the integration tests that assert each behaviour (tests/Dnsbl.Client.IntegrationTests/Reliability/
# {OverloadIsolation,ForgeryFlood,TruncationStorm,Soak}Tests.cs) and prints their FIGURE lines, each with the load
# average it was taken under. The suite runs the soak for 10 s at 1,000 checks/s; here it runs for soak-seconds at
# soak-rate checks/s with 5 % loss. Loopback only: rbldnsd, an in-process proxy and an in-process TC=1 server.
# Needs rbldnsd (./build.sh test installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
soak_seconds="${1:-600}"; soak_rate="${2:-5000}"
log="$(mktemp /tmp/dnsbl-attack-figures.XXXXXX)"
trap 'rm -f "$log"' EXIT
echo "load before: $(cat /proc/loadavg)"
status=0
DNSBL_SOAK_SECONDS="$soak_seconds" DNSBL_SOAK_RATE="$soak_rate" \
  dotnet test tests/Dnsbl.Client.IntegrationTests -c Release \
  --filter "FullyQualifiedName~Reliability.OverloadIsolationTests|FullyQualifiedName~Reliability.ForgeryFloodTests|FullyQualifiedName~Reliability.TruncationStormTests|FullyQualifiedName~Reliability.SoakTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?
grep -E '^ *FIGURE' "$log" | sed 's/^ *//' | sort -u
grep -E '^ *(Passed|Failed) ' "$log" | sed 's/^ *//' || true
[ "$status" -eq 0 ] || { echo "some figure test failed (exit $status); the log:" >&2; tail -n 60 "$log" >&2; exit "$status"; }
