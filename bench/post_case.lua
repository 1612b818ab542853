-- wrk script: POST /api/v1/cases with a walk-in complaint, as a logged-in counter clerk.
-- Usage: CASEDESK_TOKEN=… wrk -t2 -c32 -d10s -s bench/post_case.lua http://127.0.0.1:8640
-- Phone numbers differ per thread and per run, so repeat detection finds no earlier cases.
local token = os.getenv("CASEDESK_TOKEN") or ""
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("tid", threads)
end

function init(args)
    counter = (tid or 1) * 100000000 + (os.time() % 100) * 1000000
end

function request()
    counter = counter + 1
    local phone = string.format("13%09d", counter % 1000000000)
    local body = '{"channel":"walk_in","category":"service_attitude","complainant":{"name":"压测客户","phone":"'
        .. phone .. '"},"summary":"柜面等候时间过长，工作人员态度冷淡 #' .. counter .. '"}'
    return wrk.format("POST", "/api/v1/cases", {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token,
    }, body)
end
