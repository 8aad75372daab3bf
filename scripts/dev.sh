#!/usr/bin/env bash
# Set everything up, then serve the site or run the whole test suite.
#   scripts/dev.sh serve   set up, generate, strict build, serve at http://127.0.0.1:8000
#   scripts/dev.sh test    set up (Python packages, Debian's chromium), run every test
#   scripts/dev.sh setup   set up only
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"

setup_python() {
  if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
  fi
  "$PY" -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
  # The project (pinned site dependencies) and its test group.
  "$PY" -m pip install --quiet --disable-pip-version-check -e . --group test
}

setup_browser() {
  # Browser tests drive Debian's Chromium; install it when missing and we may.
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation de chromium (Debian)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium manque : installez le paquet Debian « chromium » (sudo apt-get install chromium)" >&2
    exit 1
  fi
}

case "${1:-}" in
  setup)
    setup_python
    ;;
  serve)
    setup_python
    "$PY" -m edition build
    exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
    ;;
  test)
    setup_python
    setup_browser
    shift
    exec "$PY" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh serve|test|setup" >&2
    exit 2
    ;;
esac
