-- Upload load test for wrk (Debian's `wrk`): every request POSTs the next file of a generated corpus to
-- /api/v1/submissions, so each upload is a distinct new submission; wrk measures throughput and latency.
--
--   wrk -t2 -c64 -d3s --timeout 10s -s tools/load-upload.lua URL -- TOKEN LIST THREADS
--
-- (THREADS repeats -t: a thread's script does not know how many threads there are.)
-- LIST is a text file with one line per file: path, a tab, and the manifest's verdict (valid|invalid).
-- Thread k of n sends lines k, k+n, k+2n, … once each; a thread that runs out starts again, and the re-sent
-- files are counted as "repeats" (their answers are identical retries, 200, so a fair run has none).
-- Expected answers: 201 for a valid file, 422 for an invalid one; anything else, a socket error or a
-- timeout is an error. `done` prints one JSON line.

local threads = {}

function setup(thread)
    thread:set("index", #threads)
    table.insert(threads, thread)
end

function init(args)
    local token, list, stride = args[1], args[2], tonumber(args[3])
    headers = {["Content-Type"] = "application/xml", ["Authorization"] = "Bearer " .. token}
    bodies, verdicts = {}, {}
    local line_number = 0
    for line in io.lines(list) do
        if line_number % stride == index then
            local path, verdict = line:match("^([^\t]+)\t(%a+)$")
            local file = assert(io.open(path, "rb"))
            table.insert(bodies, file:read("*a"))
            table.insert(verdicts, verdict)
            file:close()
        end
        line_number = line_number + 1
    end
    next_body, wrapped, sent_invalid, repeats, statuses = 0, false, 0, 0, {}
end

function request()
    next_body = next_body + 1
    if next_body > #bodies then
        next_body, wrapped = 1, true
    end
    if wrapped then
        repeats = repeats + 1
    end
    if verdicts[next_body] == "invalid" then
        sent_invalid = sent_invalid + 1
    end
    return wrk.format("POST", "/api/v1/submissions", headers, bodies[next_body])
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local counts, invalid, repeated = {}, 0, 0
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            counts[status] = (counts[status] or 0) + count
        end
        invalid = invalid + thread:get("sent_invalid")
        repeated = repeated + thread:get("repeats")
    end
    local answered = 0
    for _, count in pairs(counts) do answered = answered + count end
    local expected = (counts[201] or 0) + math.min(counts[422] or 0, invalid)
    local e = summary.errors
    local errors = (answered - expected) + e.connect + e.read + e.write + e.timeout
    local parts = {}
    for status, count in pairs(counts) do table.insert(parts, string.format('"%d": %d', status, count)) end
    table.sort(parts)
    local seconds = summary.duration / 1e6
    io.write(string.format(
        '{"answered": %d, "seconds": %.3f, "filesPerSecond": %.1f, "p50ms": %.1f, "p99ms": %.1f, "maxms": %.1f, '
        .. '"meanms": %.1f, "statuses": {%s}, "errors": %d, "socketErrors": %d, "repeats": %d}\n',
        answered, seconds, answered / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000, table.concat(parts, ", "), errors,
        e.connect + e.read + e.write + e.timeout, repeated))
end
