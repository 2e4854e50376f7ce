#!/usr/bin/env bash
# Issue 15 item 7: messages per second, side by side in one run, on the key-oracle corpus
# (tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle/Corpus), against one rbldnsd on loopback serving the oracle's
# look-alike zones. SpamAssassin's dns_server and the library's nameserver are that rbldnsd; nothing leaves the machine.
#   1. library, cached: what `dnsbl check --config sa.json --message F` does per message (read, parse, plan, check every
#      list imported from SpamAssassin's rules, score), in one warm process, every answer from the cache (--messages-cached)
#   2. `dnsbl check --message F --config sa.json`: one process per message, as a user runs it (start-up included, cold cache)
#   3. `spamassassin -t`: one process per message, shipped rules, network tests on, Bayes and AWL off
#   4. `spamassassin -t` with only the network (DNS) rules scored: every rule without `tflags net` gets score 0 (disabled)
#   5. SpamAssassin warm: one Mail::SpamAssassin instance (rules compiled once, like spamd), DNS rules only
#      (the oracle's sa-oracle.pl), timed from its "ready" line to its last answer
# Usage: benchmarks/messages-vs-spamassassin.sh [rounds=1] [seconds=10]. Build first:
#   dotnet build benchmarks/Dnsbl.Client.Benchmarks -c Release && dotnet build src/Dnsbl.Cli -c Release
set -euo pipefail
rounds=${1:-1}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
oracle="$root/tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle"
bench="$root/benchmarks/Dnsbl.Client.Benchmarks/bin/Release/net10.0/Dnsbl.Client.Benchmarks.dll"
cli="$root/src/Dnsbl.Cli/bin/Release/net10.0/dnsbl.dll"
trusted="185.11.88.0/24,10.20.0.0/16,2a02:c207:3001::/48" # the corpus's receiving site (OracleSite.SiteNetworks)
mapfile -t files < <(ls "$oracle"/Corpus/*.eml | sort)
count=${#files[@]}

# shellcheck source=rbldnsd.sh
source "$here/rbldnsd.sh"
data=$(mktemp -d)
site=$(mktemp -d)
site_dns=$(mktemp -d)
specs=()
for zone_file in "$oracle"/Zones/*; do
  name=$(basename "$zone_file")
  cp "$zone_file" "$data/$name"
  specs+=("${name%.*}:${name##*.}:$name")
done
start_rbldnsd "$data" zen.spamhaus.org "${specs[@]}"
trap 'kill "$rbldnsd_pid" 2>/dev/null || true; rm -rf "$data" "$site" "$site_dns"' EXIT
case "$port" in ''|*[!0-9]*) echo "no rbldnsd port" >&2; exit 1 ;; esac

for dir in "$site" "$site_dns"; do
  cp /etc/spamassassin/*.pre "$dir/"
  cat > "$dir/local.cf" <<CF
dns_server 127.0.0.1:$port
dns_available yes
use_bayes 0
bayes_auto_learn 0
use_auto_whitelist 0
trusted_networks ${trusted//,/ }
internal_networks ${trusted//,/ }
CF
done
# DNS rules only: score 0 disables a rule in SpamAssassin; every scored rule without "tflags ... net" is switched off.
python3 - /usr/share/spamassassin "$site_dns/zz-dns-only.cf" <<'PY'
import glob, re, sys
defined, net = set(), set()
for path in sorted(glob.glob(sys.argv[1] + "/*.cf")):
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*(header|body|rawbody|uri|full|meta|mimeheader|askdns|urirhssub|urirhsbl|uridnsbl|uridnssub)\s+(\w+)", line)
        if m and not m.group(2).startswith("__"):
            defined.add(m.group(2))
            if m.group(1) in ("askdns", "urirhssub", "urirhsbl", "uridnsbl", "uridnssub") or "check_rbl" in line or "check_hashbl" in line:
                net.add(m.group(2))
        m = re.match(r"\s*tflags\s+(\w+)\s+(.*)", line)
        if m and re.search(r"\bnet\b", m.group(2)):
            net.add(m.group(1))
with open(sys.argv[2], "w") as out:
    out.write("# Written by messages-vs-spamassassin.sh: every non-network rule disabled.\n")
    for name in sorted(defined - net):
        out.write(f"score {name} 0\n")
print(f"SpamAssassin DNS-only: {len(net)} network rules kept, {len(defined - net)} others scored 0", file=sys.stderr)
PY
dotnet "$cli" import spamassassin /usr/share/spamassassin/*.cf "$site/local.cf" > "$site/sa.json"

rate() { python3 -c "import sys; print(f'{int(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }
timed() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); python3 -c "print($end-$start)"; }
# SpamAssassin keeps its dns_block_rule state (a zone switched off after a refusal code) in the running user's
# ~/.spamassassin, found from the password database ($HOME does not move it). Each message starts without the state
# files this run created, as in the oracle: a refusal code in one message must not switch a zone off for the next.
sa_state="$(getent passwd "$(id -u)" | cut -d: -f6)/.spamassassin"
started_marker="$site/started"
touch "$started_marker"
forget_blocks() { find "$sa_state" -maxdepth 1 -name 'dnsblock_*' -newer "$started_marker" -delete 2>/dev/null || true; }
per_file() { for f in "${files[@]}"; do forget_blocks; "$@" < "$f" > /dev/null 2>&1 || true; done; forget_blocks; }
cli_each() { for f in "${files[@]}"; do dotnet "$cli" check --message "$f" --config "$site/sa.json" --dns "127.0.0.1:$port" --no-probe --trusted 185.11.88.0/24 --trusted 10.20.0.0/16 --trusted 2a02:c207:3001::/48 > /dev/null 2>&1 || true; done; }
sa_warm() { printf '%s\n' "${files[@]}" | perl "$oracle/sa-oracle.pl" /usr/share/spamassassin "$site_dns" | python3 -c '
import sys, time
sys.stdin.readline(); start = time.time(); n = sum(1 for _ in sys.stdin)
print(f"{n} {time.time() - start:.3f}")'; }

echo "corpus: $count messages; rbldnsd on 127.0.0.1:$port; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  library=$(dotnet "$bench" --messages-cached --server "127.0.0.1:$port" --local-cf "$site/local.cf" --trusted "$trusted" --corpus "$oracle/Corpus" --seconds "$seconds")
  library_rate=$(sed -E 's/.*= ([0-9]+) messages\/s.*/\1/' <<< "$library")
  cli_seconds=$(timed cli_each)
  sa_seconds=$(timed per_file spamassassin -t --siteconfigpath="$site")
  sa_dns_seconds=$(timed per_file spamassassin -t --siteconfigpath="$site_dns")
  read -r warm_count warm_seconds < <(sa_warm)
  echo "round $r (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "  $library"
  echo "  dnsbl check --message, one process each: $(rate "$count" "$cli_seconds") messages/s"
  echo "  spamassassin -t, one process each, all rules: $(rate "$count" "$sa_seconds") messages/s"
  echo "  spamassassin -t, one process each, DNS rules only: $(rate "$count" "$sa_dns_seconds") messages/s"
  echo "  SpamAssassin warm (one instance), DNS rules only: $(rate "$warm_count" "$warm_seconds") messages/s"
  python3 - "$library_rate" "$count" "$cli_seconds" "$sa_seconds" "$sa_dns_seconds" "$warm_count" "$warm_seconds" <<'PY'
import sys
lib, n, cli, sa, sadns, wn, ws = float(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:6]), int(sys.argv[6]), float(sys.argv[7])
print(f"  ratios: library cached / spamassassin -t (DNS rules only) = {lib / (n / sadns):.0f}x; / spamassassin -t (all rules) = {lib / (n / sa):.0f}x; "
      f"/ SpamAssassin warm = {lib / (wn / ws):.0f}x; dnsbl CLI per process / spamassassin -t (DNS only) = {(n / cli) / (n / sadns):.1f}x")
PY
done
