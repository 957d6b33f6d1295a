#!/usr/bin/env bash
# Set up Deal Journal from a checkout on Debian/Ubuntu, then run the window or the tests.
#
#   bash packaging/dev.sh run [ARGS…]    opens the window (ARGS go to `dealjournal`)
#   bash packaging/dev.sh test [ARGS…]   runs the test suite (ARGS go to pytest)
#
# It installs what a fresh machine lacks: as root with apt-get; otherwise it prints the
# exact command to run first. Python packages go into .venv/ beside this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
[ $# -gt 0 ] && shift
case "$mode" in run|test) ;; *) echo "usage: bash packaging/dev.sh run|test [ARGS…]" >&2; exit 2 ;; esac

base=(python3 python3-venv python3-pip)
# Qt offscreen, then what a real X window needs.
qt=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
    libxcb-xkb1 libxkbcommon-x11-0 fonts-dejavu-core)
tests=(xvfb xauth desktop-file-utils appstream)
wanted=("${base[@]}" "${qt[@]}")
[ "$mode" = test ] && wanted+=("${tests[@]}")

installed() {  # Debian 13 / Ubuntu 24.04 renamed some libraries with a t64 suffix
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" ||
        dpkg-query -W -f='${Status}' "${1}t64" 2>/dev/null | grep -q "ok installed"
}

if command -v dpkg-query >/dev/null; then
    missing=()
    for pkg in "${wanted[@]}"; do installed "$pkg" || missing+=("$pkg"); done
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "dev.sh: installing ${missing[*]}" >&2
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        else
            echo "dev.sh: this machine lacks some packages; install them first with:" >&2
            echo "  sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi
fi

venv=.venv
stamp="$venv/.dealjournal-installed"
want_stamp="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want_stamp" ]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".[test]"
    echo "$want_stamp" > "$stamp"
fi

if [ "$mode" = run ]; then
    exec "$venv/bin/dealjournal" "$@"
fi
export QT_QPA_PLATFORM=offscreen
exec "$venv/bin/python" -m pytest "$@"
