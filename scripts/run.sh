#!/usr/bin/env bash
# The run command (README, DESIGN §3): dependencies → Release build → a demo data directory on first run
# (init + a year of demo complaints) → casedesk-server on 127.0.0.1:8640 → the demo logins. Ctrl-C stops.
#   CASEDESK_BUILD_DIR   build directory (default: build/release)
#   CASEDESK_DEMO_DATA   demo data directory (default: build/demo-data; delete it to start afresh)
#   CASEDESK_LISTEN      address to serve on (default: 127.0.0.1:8640)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

scripts/install-deps.sh

build_dir=${CASEDESK_BUILD_DIR:-build/release}
data_dir=${CASEDESK_DEMO_DATA:-build/demo-data}
listen=${CASEDESK_LISTEN:-127.0.0.1:8640}
password_file="$(dirname "$data_dir")/$(basename "$data_dir").password"

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEDESK_BUILD_TESTS=OFF \
    -DCASEDESK_BUILD_BENCH=OFF >/dev/null
targets=(casedesk-server casedesk)
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]}"
server="$build_dir/server/casedesk-server"

if [ ! -f "$data_dir/casedesk.conf" ]; then
    echo "run: creating the demo data directory $data_dir (first run only)"
    mkdir -p "$(dirname "$data_dir")"
    if [ ! -s "$password_file" ]; then
        # One password for the administrator and every demo user, random per installation.
        (umask 077 && printf 'Demo-%s\n' "$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-10)" \
            >"$password_file")
    fi
    if ! "$server" init --data "$data_dir" --admin-login admin --admin-password-file "$password_file" \
        --head-office-name 总行 --listen "$listen"; then
        echo "run: init failed; remove $data_dir and try again" >&2
        exit 1
    fi
    if ! "$server" demo --data "$data_dir" --password-file "$password_file" >"$data_dir/demo-summary.txt"; then
        echo "run: seeding demo data failed; remove $data_dir and try again" >&2
        exit 1
    fi
fi

url="http://$listen"
echo
echo "CaseDesk demo server: $url   (data: $data_dir)"
if [ -f "$data_dir/demo-summary.txt" ]; then
    head -n 1 "$data_dir/demo-summary.txt" | sed 's/^/  /'
fi
echo "Demo logins (password for all: $(head -n 1 "$password_file")):"
if [ -f "$data_dir/demo-logins.txt" ]; then
    grep -v '^#' "$data_dir/demo-logins.txt" | awk -F'\t' '{ printf "  %-14s %s  %s @ %s\n", $1, $2, $3, $4 }'
fi
echo "  admin          (administrator of the installation)"
echo
echo "Try it:"
echo "  TOKEN=\$(curl -s -X POST $url/api/v1/auth/login -d '{\"login\":\"lujia\",\"password\":\"$(head -n 1 "$password_file")\"}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')"
echo "  curl -s -X POST $url/api/v1/cases -H \"Authorization: Bearer \$TOKEN\" \\"
echo "       -d '{\"channel\":\"walk_in\",\"category\":\"work_error\",\"complainant\":{\"name\":\"陈敏\",\"phone\":\"13812345678\"},\"summary\":\"转账被多收手续费\"}'"
echo "  curl -s \"$url/api/v1/cases?status=received&limit=5\" -H \"Authorization: Bearer \$TOKEN\""
manager=$(grep -v '^#' "$data_dir/demo-logins.txt" 2>/dev/null | awk -F'\t' '$3 == "manager" && $4 == "HO" { print $1; exit }' || true)
last_month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
echo "Last month's report (as the head-office manager ${manager:-…}: log in as above with that login):"
echo "  curl -s -o report.pdf \"$url/api/v1/reports/monthly?month=$last_month&format=pdf\" -H \"Authorization: Bearer \$TOKEN\""
echo "The client as a manager, with the report under Reports → Monthly report (Ctrl+M):"
echo "  CASEDESK_LOGIN=${manager:-<manager login>} scripts/run.sh"
echo

"$server" serve --data "$data_dir" --listen "$listen" 2>>"$data_dir/logs/stderr.log" &
server_pid=$!
client_pid=
stop() {
    kill -TERM $client_pid "$server_pid" 2>/dev/null || true
    wait $client_pid "$server_pid" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

# The client, signed in as the counter clerk of SH01 (override with CASEDESK_LOGIN), pointed at this server.
for _ in $(seq 1 100); do
    curl -sf "$url/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.2
done
login=${CASEDESK_LOGIN:-}
if [ -z "$login" ] && [ -f "$data_dir/demo-logins.txt" ]; then
    login=$(grep -v '^#' "$data_dir/demo-logins.txt" | awk -F'\t' '$3 ~ /reception/ && $4 == "SH01" { print $1; exit }')
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run: no display found; the client runs offscreen (set DISPLAY or run under Xvfb to see it)"
    export QT_QPA_PLATFORM=offscreen
fi
echo "Opening the client as ${login:-(choose a login)} …"
"$build_dir/app/casedesk" --server "$url" ${login:+--login "$login"} --password-file "$password_file" \
    2>>"$data_dir/logs/client.log" &
client_pid=$!

echo "Press Ctrl-C to stop."
if ! wait "$server_pid"; then
    echo "run: the server stopped:" >&2
    tail -n 3 "$data_dir/logs/stderr.log" >&2
    exit 1
fi
