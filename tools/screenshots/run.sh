#!/usr/bin/env bash
# Builds and starts the app on a throwaway SQLite file, waits until it is healthy, takes the
# screenshots (arguments go to shoot.mjs, e.g. `home catalog --widths=360 --readme`), stops the app.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=5299
work=$(mktemp -d /tmp/stretching-screenshots.XXXXXX)

if [ ! -f tools/screenshots/node_modules/.package-lock.json ] || [ tools/screenshots/package-lock.json -nt tools/screenshots/node_modules/.package-lock.json ]; then
    (cd tools/screenshots && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet build src/Stretching.Web --nologo -v quiet

# Its own process group, so stopping it stops the app that `dotnet run` started too.
ConnectionStrings__Stretching="Data Source=$work/s.db" \
    setsid dotnet run --no-build --project src/Stretching.Web --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
stop() {
    kill -- "-$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log" >&2; echo "the app did not start" >&2; exit 1; fi
    sleep 1
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { cat "$work/app.log" >&2; echo "the app is not healthy" >&2; exit 1; }

BASE_URL="http://127.0.0.1:$port" MAIL_DIR="$work/mail" node tools/screenshots/shoot.mjs "$@"
