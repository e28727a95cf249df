#!/usr/bin/env bash
# Proves that an acknowledged history record survives the server being killed hard: sends records
# while the app is stopped with SIGKILL and started again (several times), then checks that every
# record the server acknowledged (201 or 200) is in the history exactly once.
#   tools/durability/run.sh [records=1000] [kills=4]
set -euo pipefail
cd "$(dirname "$0")/../.."

records=${1:-1000}
kills=${2:-4}
port=5297
work=$(mktemp -d /tmp/stretching-durability.XXXXXX)
app_pid=""

dotnet build src/Stretching.Web --nologo -v quiet
dll=src/Stretching.Web/bin/Debug/net10.0/Stretching.Web.dll

start_app() {
    ConnectionStrings__Stretching="Data Source=$work/s.db" RateLimits__Account__PermitLimit=1000 \
        dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Stretching.Web" >>"$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 60); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
        sleep 0.5
    done
    echo "the app did not start" >&2; cat "$work/app.log" >&2; exit 1
}
stop() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

start_app
BASE_URL="http://127.0.0.1:$port" MAIL_DIR="$work/mail" RECORDS="$records" WORK="$work" \
    node tools/durability/send.mjs &
sender=$!

# Kills land while records are on their way: at random moments, for as long as the sender runs.
for kill in $(seq 1 "$kills"); do
    sleep "$(awk -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.1f", 0.5 + rand() * 1.5 }')"
    kill -0 "$sender" 2>/dev/null || break
    echo "kill -9 the app (pid $app_pid), $kill of $kills"
    kill -9 "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    sleep 0.5
    start_app
done

wait "$sender"
