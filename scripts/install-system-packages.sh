#!/bin/sh
# The system packages Forum Desk needs on Debian and Ubuntu, installed if missing:
# python3-venv for the virtual environment, and the X11 libraries Qt's window loads
# (a fresh desktop lacks libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 and others).
# Elsewhere it does nothing. Uses sudo when not run as root.
set -eu

PACKAGES="python3-venv
libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libxkbcommon0
libx11-6 libx11-xcb1 libxcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-packages: not a Debian or Ubuntu system, nothing to do"
    exit 0
fi

missing=""
for package in $PACKAGES; do
    # Ubuntu 24.04 renamed some libraries (libglib2.0-0t64): either name will do.
    if ! dpkg-query -W -f '${Status}\n' "$package" "${package}t64" 2>/dev/null \
        | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "install-system-packages: everything is installed"
    exit 0
fi

echo "install-system-packages: installing$missing"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
