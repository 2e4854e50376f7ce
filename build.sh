#!/usr/bin/env bash
# One entry point for people and CI:
#   ./build.sh test   install what the tests need when it is missing, build with warnings as errors, run every test
#   ./build.sh demo   serve the sample zones in-process on 127.0.0.1 and check a few inputs against them
#   ./build.sh pack   pack the dnsbl tool and the libraries into artifacts/feed (install: see README "Try it")
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The system packages the tests need, each with the command that shows it is there (the one list; .ci/run uses it too).
#   rbldnsd       the real DNSBL server of the integration tests (and the throughput benchmark)
#   dnsperf       the benchmark smoke test's reference client
#   chromium      the browser the HealthDashboard sample test drives (through playwright-core from tests/browser)
#   spamassassin  the oracle of the SpamAssassin fidelity tests and the source of the shipped rules the importer reads
#   redis-server  the shared cache tests
#   postfix       postscreen: the reference for the postscreen import and the SMTP tests; a throw-away instance for the policy service end-to-end test
#   npm           installs tests/browser's pinned node tools
system_packages=(
  "rbldnsd:rbldnsd"
  "dnsperf:dnsperf"
  "chromium:chromium"
  "spamassassin:spamassassin"
  "redis-server:redis-server"
  "postfix:postfix"
  "npm:npm"
)

missing_packages() {
  local entry
  for entry in "${system_packages[@]}"; do
    # /usr/sbin is not on every user's PATH, and postfix lives there.
    PATH="$PATH:/usr/sbin:/sbin" command -v "${entry#*:}" >/dev/null 2>&1 || printf '%s\n' "${entry%%:*}"
  done
}

install_system_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need system packages that are missing. Install them, then run ./build.sh test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}; this script installs them with apt-get (Debian/Ubuntu), which is not here." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # postfix asks how to configure itself; the tests run their own instances, so leave the system one unconfigured.
  if command -v debconf-set-selections >/dev/null 2>&1; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  fi
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_browser_tools() {
  # npm ci again only when the lock file changed since the last install.
  if [ ! -f tests/browser/node_modules/.package-lock.json ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    (cd tests/browser && npm ci --no-audit --no-fund)
  fi
}

run_tests() {
  install_system_packages
  install_browser_tools
  dotnet build Dnsbl.Client.sln -warnaserror -c Release
  local results status=0
  results="$(mktemp -d)"
  dotnet test Dnsbl.Client.sln -c Release --no-build --logger "trx" --results-directory "$results" || status=$?

  # One plain closing line summing every test project's counters.
  local passed=0 failed=0 skipped=0 trx counters p f n
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
  done
  rm -rf "$results"
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
  exit "$status"
}

case "${1:-}" in
  test) run_tests ;;
  demo) shift; exec dotnet run --project src/Dnsbl.Cli -c Release -- demo "$@" ;;
  pack)
    feed="artifacts/feed"
    mkdir -p "$feed"
    dotnet pack src/Dnsbl.Cli -c Release -o "$feed"
    dotnet pack src/Dnsbl.Client -c Release -o "$feed"
    dotnet pack src/Dnsbl.Client.Testing -c Release -o "$feed"
    echo "Packages in $feed; install the tool with: dotnet tool install --global Dnsbl.Cli --add-source $feed"
    ;;
  *)
    echo "usage: ./build.sh test | demo [--json] | pack" >&2
    exit 2
    ;;
esac
