#!/usr/bin/env bash
# Set up Deal Journal from a checkout on Debian/Ubuntu, then run the window or the tests.
#
#   bash packaging/dev.sh run [ARGS…]    opens the window (ARGS go to `dealjournal`)
#   bash packaging/dev.sh test [ARGS…]   runs the test suite (ARGS go to pytest)
#
# It installs what a fresh machine lacks: as root with apt-get; otherwise it prints the
# exact command to run first. Python packages go into .venv/ beside this checkout: `run`
# installs what the app needs, `test` adds the test tools. Installers' own chatter goes to
# .venv/setup.log and is shown only when a step fails.
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
# The tests: a real X server, the desktop-file and AppStream validators, what PyInstaller
# needs to build the bundle (objdump from binutils, the Python shared library), and a D-Bus
# daemon for a private session bus (the reminder agent's notifications).
# The real servers the tests start themselves, on 127.0.0.1 only (their system services are
# kept off when this script installs them): Dovecot for IMAP accounts, Syncthing for sync
# (its package starts no service; iproute2's ss lets a test see that it listens on 127.0.0.1 only).
tests=(xvfb xauth desktop-file-utils appstream binutils libpython3-dev dbus-daemon dovecot-imapd syncthing iproute2)
wanted=("${base[@]}" "${qt[@]}")
services=()
[ "$mode" = test ] && wanted+=("${tests[@]}") && services=(dovecot)

log=.venv/setup.log
mkdir -p .venv
quietly() {  # run "$@" with its output in the log; show the log only when it fails
    if ! "$@" >>"$log" 2>&1; then
        echo "dev.sh: this step failed: $*" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
}

installed() {  # Debian 13 / Ubuntu 24.04 renamed some libraries with a t64 suffix
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" ||
        dpkg-query -W -f='${Status}' "${1}t64" 2>/dev/null | grep -q "ok installed"
}

if command -v dpkg-query >/dev/null; then
    missing=()
    for pkg in "${wanted[@]}"; do installed "$pkg" || missing+=("$pkg"); done
    if [ ${#missing[@]} -gt 0 ]; then
        install_cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        if [ "$(id -u)" = 0 ]; then
            echo "dev.sh: installing ${missing[*]}" >&2
            export DEBIAN_FRONTEND=noninteractive
            quietly apt-get update -q
            # A server package must not start its system service (policy-rc.d says no for
            # the install, then the service is disabled): the tests start their own.
            policy=/usr/sbin/policy-rc.d
            made_policy=""
            if [ ! -e "$policy" ]; then
                printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made_policy=1
            fi
            quietly apt-get install -y -q --no-install-recommends "${missing[@]}"
            [ -n "$made_policy" ] && rm -f "$policy"
            for service in "${services[@]}"; do
                case " ${missing[*]} " in *" $service"*) ;; *) continue ;; esac
                if [ -d /run/systemd/system ]; then
                    systemctl disable --now "$service" >>"$log" 2>&1 || true
                elif command -v update-rc.d >/dev/null; then
                    update-rc.d "$service" disable >>"$log" 2>&1 || true
                fi
            done
        else
            echo "dev.sh: this machine lacks some packages; install them first, then run this again:" >&2
            if command -v sudo >/dev/null; then
                echo "  sudo sh -c '$install_cmd'" >&2
            else
                echo "  su -c '$install_cmd'" >&2
            fi
            exit 1
        fi
    fi
fi

venv=.venv
if [ ! -x "$venv/bin/python" ]; then
    quietly python3 -m venv "$venv"
fi
# What is installed, keyed by pyproject.toml: "test" includes what "run" needs.
stamp="$venv/.dealjournal-installed"
digest="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" != "$digest test" ] && { [ "$mode" = test ] || [ "$have" != "$digest run" ]; }; then
    extras=""
    [ "$mode" = test ] && extras="[test]"
    echo "dev.sh: installing Python packages into $venv (details in $log)" >&2
    quietly "$venv/bin/python" -m pip install --upgrade pip
    quietly "$venv/bin/python" -m pip install -e ".$extras"
    echo "$digest $mode" > "$stamp"
fi

if [ "$mode" = run ]; then
    exec "$venv/bin/dealjournal" "$@"
fi
export QT_QPA_PLATFORM=offscreen
exec "$venv/bin/python" -m pytest "$@"
