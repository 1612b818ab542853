#!/usr/bin/env bash
# Throughput of casedesk-server on this machine (issue 3 §4): GET /api/v1/health against durable case
# creation (POST /api/v1/cases, SQLite WAL with synchronous=FULL) on the same server, with group commit
# as shipped and with it switched off (one fsync per write). Prints req/s and latency percentiles;
# asserts nothing about timings (DESIGN §8). Needs wrk and curl (scripts/install-deps.sh).
# Usage: bench/server_throughput.sh [casedesk-server binary] [seconds per run]
set -euo pipefail
server=${1:-build/release/server/casedesk-server}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
for tool in wrk curl; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench: $tool is not installed (scripts/install-deps.sh installs it); nothing measured"
        exit 0
    fi
done

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

printf 'Bench-password-2026\n' >"$work/password"
"$server" init --data "$work/data" --admin-login admin --admin-password-file "$work/password" >/dev/null
"$server" branch add --data "$work/data" --code SH01 --name 上海分行营业部 --parent HO >/dev/null
"$server" user add --data "$work/data" --login clerk --name 压测柜员 --roles reception --branch SH01 \
    --password-file "$work/password" >/dev/null

start() { # $1: group_commit_max_batch
    sed -i "s/^group_commit_max_batch=.*/group_commit_max_batch=$1/" "$work/data/casedesk.conf"
    "$server" serve --data "$work/data" --listen 127.0.0.1:0 >"$work/out" 2>/dev/null &
    server_pid=$!
    for _ in $(seq 100); do
        url=$(grep -o 'http://[0-9.:]*' "$work/out" || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    token=$(curl -s -X POST "$url/api/v1/auth/login" -d '{"login":"clerk","password":"Bench-password-2026"}' |
        sed 's/.*"token":"\([^"]*\)".*/\1/')
}

stop() {
    kill -TERM "$server_pid"
    wait "$server_pid" || true
    server_pid=
}

# Prints one table row from wrk's --latency output.
measure() { # label clients [wrk args…]
    local label=$1 clients=$2
    shift 2
    local threads=$((clients < 2 ? 1 : 2))
    local output
    output=$(CASEDESK_TOKEN=$token wrk --latency -t"$threads" -c"$clients" -d"${seconds}s" "$@")
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$output")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$output")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$output")
    errors=$(awk '/Non-2xx/ { print $NF }' <<<"$output")
    printf '%-44s %7s %9s %9s %9s %s\n' "$label" "$clients" "$rps" "$p50" "$p99" "${errors:+($errors non-2xx)}"
}

commits() {
    curl -s "$url/metrics" | awk '/^casedesk_group_commit_batch_size_(sum|count)/ { v[$1] = $2 }
        END { if (v["casedesk_group_commit_batch_size_count"] > 0)
                  printf "%.1f", v["casedesk_group_commit_batch_size_sum"] / v["casedesk_group_commit_batch_size_count"] }'
}

echo "casedesk-server throughput: wrk, ${seconds} s per row, $(nproc) CPU(s); SQLite WAL, synchronous=FULL"
printf '%-44s %7s %9s %9s %9s\n' "request" "clients" "req/s" "p50" "p99"
start 128
measure "GET  /api/v1/health" 32 "$url/api/v1/health"
measure "POST /api/v1/cases  (group commit)" 1 -s "$here/post_case.lua" "$url"
measure "POST /api/v1/cases  (group commit)" 32 -s "$here/post_case.lua" "$url"
measure "POST /api/v1/cases  (group commit)" 128 -s "$here/post_case.lua" "$url"
echo "  requests per durable commit, mean: $(commits)"
stop
start 1
measure "POST /api/v1/cases  (one commit per write)" 32 -s "$here/post_case.lua" "$url"
measure "POST /api/v1/cases  (one commit per write)" 128 -s "$here/post_case.lua" "$url"
echo "  requests per durable commit, mean: $(commits)"
stop
