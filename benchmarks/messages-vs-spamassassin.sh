#!/usr/bin/env bash
# Messages per second, side by side in one run: `dnsbl check --message` (one process per message, as a user runs it)
# vs `spamassassin -t` with only network (DNS) tests enabled (-L off: local tests are still run by SpamAssassin, but
# no Bayes, no AWL), both against the same rbldnsd on loopback. Usage: messages-vs-spamassassin.sh [rounds=3]
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/tests/Dnsbl.Client.Tests/Messages/Corpus"
cli="$root/src/Dnsbl.Cli/bin/Release/net10.0/dnsbl.dll"
work=$(mktemp -d); chmod 755 "$work"
trap 'kill "$rbl_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
printf '127.0.0.2 :127.0.0.2:test\n' > "$work/ip"; printf 'dbltest.com :127.0.1.2:test\n' > "$work/dom"; chmod 644 "$work"/*
port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rbldnsd -n -q -b "127.0.0.1/$port" -w "$work" zen.spamhaus.org:ip4set:ip list.dnswl.org:ip4set:ip bl.mailspike.net:ip4set:ip \
  dbl.spamhaus.org:dnset:dom multi.uribl.com:dnset:dom multi.surbl.org:dnset:dom &
rbl_pid=$!
sleep 0.5
cat > "$work/local.cf" <<CF
dns_server 127.0.0.1:$port
dns_available yes
use_bayes 0
use_auto_whitelist 0
CF
mapfile -t files < <(ls "$corpus"/*.eml)
for ((r = 1; r <= rounds; r++)); do
  start=$(date +%s.%N)
  for f in "${files[@]}"; do dotnet "$cli" check --message "$f" --no-probe --dns "127.0.0.1:$port" --list spamhaus-zen --list spamhaus-dbl --list dnswl >/dev/null || true; done
  lib=$(python3 -c "print(${#files[@]}/($(date +%s.%N)-$start))")
  start=$(date +%s.%N)
  for f in "${files[@]}"; do spamassassin -t --siteconfigpath="$work" < "$f" >/dev/null 2>&1 || true; done
  sa=$(python3 -c "print(${#files[@]}/($(date +%s.%N)-$start))")
  python3 -c "print(f'round $r: dnsbl {float($lib):.2f} msg/s, spamassassin {float($sa):.2f} msg/s, ratio {float($lib)/float($sa):.1f}x')"
done
