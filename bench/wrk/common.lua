-- Helpers of the benchmark's wrk scripts (loaded with dofile from BENCH_WRK_DIR).
local M = {}

function M.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    if default == nil then
      error("environment variable " .. name .. " is not set")
    end
    return default
  end
  return value
end

-- The non-comment lines of a file, split at white space.
function M.rows(path)
  local rows = {}
  for line in io.lines(path) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local row = {}
      for word in line:gmatch("%S+") do
        row[#row + 1] = word
      end
      rows[#rows + 1] = row
    end
  end
  if #rows == 0 then
    error("no rows in " .. path)
  end
  return rows
end

-- Every thread seeds its own random numbers.
function M.seed(id)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  for _ = 1, 10 do
    math.random()
  end
end

-- One JSON line with the figures of the run, for bench/target/results.
function M.report(name, summary, latency, extra)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"name":"%s","requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,'
      .. '"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"timeouts":%d%s}\n',
    name, summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect,
    e.read, e.write, e.timeout, extra or ""))
end

return M
