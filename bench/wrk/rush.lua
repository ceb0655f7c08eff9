-- The booking rush: POST /api/v1/appointments for a random start of the free slots fetched
-- beforehand (BENCH_RUSH_SLOTS: procedure location start), each with a new e-mail address.
-- With BENCH_CLIENT_IPS > 0, every request comes from one of that many client addresses
-- (X-Forwarded-For from 198.18.0.0/15, the benchmarking range; the application runs with
-- server.forward-headers-strategy=native, as behind a load balancer), so that the per-client
-- rate limit is spread over many buckets as it is in a real rush. Counts 201, 409, 429, 503 (shed by
-- the application's admission control: the client waits its Retry-After, as a browser's user
-- sending the form again would, before the connection's next request), others.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local counter = 0
local threads = {}
local slots, ips
local seq = 0
created, conflicts, limited, shed, invalid, failed = 0, 0, 0, 0, 0, 0
local domain = "rush.bench.example"
-- 503s whose Retry-After is still to be waited: wrk asks delay() of whichever connection writes
-- next, so the waits are counted, not tied to the connection that got the 503
local pending = 0
local retry_after = 1

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  common.seed(id)
  slots = common.rows(common.env("BENCH_RUSH_SLOTS"))
  ips = tonumber(common.env("BENCH_CLIENT_IPS", "0"))
  domain = common.env("BENCH_RUSH_DOMAIN", domain)
end

function request()
  seq = seq + 1
  local slot = slots[math.random(#slots)]
  local body = string.format('{"procedures":["%s"],"location":"%s","start":"%s","citizen":{"name":"Rush Test",'
    .. '"email":"rush-%d-%d-%d@%s"}}', slot[1], slot[2], slot[3], id, seq, math.random(1000000000), domain)
  local headers = { ["Content-Type"] = "application/json" }
  if ips > 0 then
    local n = math.random(ips)
    headers["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.floor(n / 65536), math.floor(n / 256) % 256,
      n % 256)
  end
  return wrk.format("POST", "/api/v1/appointments", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  elseif status == 429 then
    limited = limited + 1
  elseif status == 503 then
    shed = shed + 1
    retry_after = tonumber(headers["Retry-After"]) or 1
    pending = pending + 1
  elseif status >= 400 and status < 500 then
    invalid = invalid + 1
  else
    failed = failed + 1
  end
end

-- wrk asks after each response how long the connection waits before its next request
function delay()
  if pending == 0 then
    return 0
  end
  pending = pending - 1
  -- Retry-After, spread over ±50 % so that the shed clients do not return together
  return retry_after * math.random(500, 1500)
end

function done(summary, latency, requests)
  local totals = { created = 0, conflicts = 0, limited = 0, shed = 0, invalid = 0, failed = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  common.report("rush", summary, latency, string.format(
    ',"created":%d,"conflicts":%d,"limited":%d,"shed":%d,"invalid":%d,"failed":%d',
    totals.created, totals.conflicts, totals.limited, totals.shed, totals.invalid, totals.failed))
end
