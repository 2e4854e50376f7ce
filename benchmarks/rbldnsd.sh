# Sourced by the benchmark scripts: start_rbldnsd DATA_DIR PROBE_ZONE ZONE_SPEC... starts rbldnsd on a free loopback
# port with DATA_DIR's zone files, removes both at exit, and returns once it answers a SOA question for PROBE_ZONE.
# Sets $port and $rbldnsd_pid. rbldnsd drops privileges when started as root, so the data must be world-readable.
start_rbldnsd() {
  local data="$1" probe_zone="$2"
  shift 2
  chmod 755 "$data"
  chmod 644 "$data"/*
  port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  rbldnsd -n -q -b "127.0.0.1/$port" -w "$data" "$@" &
  rbldnsd_pid=$!
  trap 'kill "$rbldnsd_pid" 2>/dev/null || true; rm -rf "'"$data"'"' EXIT
  # Ready once it answers one query (a SOA question for the zone, raw UDP).
  python3 - "$port" "$probe_zone" <<'PY'
import socket, sys, time
query = bytes.fromhex("abcd01000001000000000000") + b"".join(bytes([len(l)]) + l.encode() for l in sys.argv[2].split(".")) + b"\0\0\x06\0\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2)
for _ in range(100):
    try:
        s.sendto(query, ("127.0.0.1", int(sys.argv[1]))); s.recv(512); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("rbldnsd did not answer")
PY
}
