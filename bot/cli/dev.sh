#!/usr/bin/env bash
# `npm run dev`: the bot on its embedded defaults plus the Microsoft 365 Agents Playground,
# so a newcomer chats with it in a browser with no Azure, no Teams and no tunnel.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/node-runtime.sh
# Node 22 and newer run the bot; an older machine node (20 is end-of-life) gets Node 24, as the tests do.
[ "$(node_major)" -ge 22 ] || use_node 24

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

export PORT="${PORT:-3978}"
# Loopback only: the tab's local development mode (http://127.0.0.1:$PORT/tab/) requires it.
export HOST="${HOST:-127.0.0.1}"
# No bot registration here: the bot takes the playground's unauthenticated requests only when told to.
[ -n "${MicrosoftAppId:-}" ] || export ALLOW_UNAUTHENTICATED_LOCAL=true
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
# No browser where none can open (CI, a container, an SSH session).
if [ -n "${CI:-}" ] || { [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; }; then
  export TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}"
fi

node_modules/.bin/tsx bot/main.ts &
bot_pid=$!
playground_pid=
stop() {
  [ -n "$playground_pid" ] && kill "$playground_pid" 2>/dev/null || true
  kill "$bot_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# Wait until the bot takes turns (the first start creates the embedded database).
node -e '
  const url = `http://127.0.0.1:${process.env.PORT}/health`;
  const deadline = Date.now() + 120000;
  (async function poll() {
    try { if ((await fetch(url)).ok) process.exit(0); } catch {}
    if (Date.now() > deadline) { console.error(`the bot did not answer ${url}`); process.exit(1); }
    setTimeout(poll, 500);
  })();
'

echo "Familiestøtte: http://127.0.0.1:${PORT}/api/messages"
echo "Agents Playground: http://localhost:${PLAYGROUND_PORT} (skriv \"ny sag\" for at starte et interview)"
node_modules/.bin/agentsplayground start \
  --app-endpoint "http://127.0.0.1:${PORT}/api/messages" \
  --channel-id msteams \
  --port "$PLAYGROUND_PORT" \
  --disable-telemetry &
playground_pid=$!
wait "$playground_pid"
