#!/usr/bin/env bash
# Installs everything CaseDesk needs to build, test and run on Debian 12, with apt only.
# Idempotent: when every package is already installed it only checks and returns.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache git
    # Qt 6.4 (HttpServer needs the WebSockets development files to be found by CMake)
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    # libraries
    libsodium-dev libxlsxwriter-dev qtkeychain-qt6-dev zlib1g-dev
    # CJK glyphs for PDFs (fonts-noto-cjk breaks text extraction, see README)
    fonts-wqy-microhei fontconfig
    # test and benchmark tools: pdftotext/pdftoppm, unzip for XLSX checks, PostgreSQL, coverage, load
    tzdata poppler-utils unzip postgresql postgresql-contrib lcov wrk curl sqlite3
    # the server's TLS test makes a self-signed certificate with it
    openssl
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
