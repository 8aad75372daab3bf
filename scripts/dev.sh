#!/usr/bin/env bash
# Set everything up, then serve the site or run the whole test suite.
#   scripts/dev.sh serve   set up, generate, strict build, serve at http://127.0.0.1:8000
#   scripts/dev.sh test    set up (Python and npm packages, Debian's chromium, nginx, Java and biber), run every test
#   scripts/dev.sh watch   set up, generate, live-reloading preview (mkdocs serve)
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
  # Our modules compiled once, as pip compiles installed packages: where
  # PYTHONDONTWRITEBYTECODE is set, every build would otherwise compile them again.
  "$PY" -m compileall -q scripts/edition >/dev/null
}

setup_node() {
  # Pinned checkers (vnu.jar, axe-core) and Lighthouse: package.json + package-lock.json.
  # `npm ci` only when node_modules is missing or older than the lockfile. No install
  # scripts: vnu-jar's would fetch a Java runtime; Debian's Java runs vnu.jar.
  if ! command -v npm >/dev/null; then
    echo "npm manque : installez Node.js 20 et npm (paquets Debian « nodejs » et « npm »)" >&2
    exit 1
  fi
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
  if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installation de Java (Debian) pour vnu.jar…"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
    else
      echo "java manque : installez le paquet Debian « default-jre-headless »" >&2
      exit 1
    fi
  fi
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

setup_nginx() {
  # The publishing test serves site/ with Debian's nginx and the project's own configuration.
  if [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation de nginx (Debian)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    echo "nginx manque : installez le paquet Debian « nginx » (sudo apt-get install nginx)" >&2
    exit 1
  fi
}

setup_biber() {
  # The client tier checks the BibLaTeX files with biber's data model (Debian's biber).
  if command -v biber >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation de biber (Debian)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends biber >/dev/null
  else
    echo "biber manque : installez le paquet Debian « biber » (sudo apt-get install biber)" >&2
    exit 1
  fi
}

case "${1:-}" in
  setup)
    setup_python
    setup_node
    ;;
  serve)
    # Serve exactly what ships: the full build (offline zip included) from site/.
    setup_python
    "$PY" -m edition build
    # Our own quiet server: text, JSON, XML and citation formats with charset=utf-8.
    exec "$PY" -m edition.dev.httpserve site --port 8000
    ;;
  watch)
    # For authors: MkDocs' live-reloading server (no offline zip in this mode).
    setup_python
    "$PY" -m edition generate
    exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
    ;;
  test)
    setup_python
    setup_node
    setup_browser
    setup_nginx
    setup_biber
    shift
    # One worker per core (at most 4: each builds its own copy of the site), a test
    # file per worker at a time (module fixtures such as nginx or a second build stay
    # single), handed out longest first (tests/durations.json, measured by the suite).
    exec "$PY" -m pytest --numprocesses auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh serve|test|watch|setup" >&2
    exit 2
    ;;
esac
