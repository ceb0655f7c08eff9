-- (a) The calendar: GET /api/v1/availability/days for one location and 31 days, a random
-- 15-minute procedure/location pair (BENCH_PAIRS15) and a random first day 1..BENCH_MAX_OFFSET
-- days after BENCH_TODAY, so that the 31 days stay within the horizon.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local counter = 0
local pairs15, today, max_offset

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  common.seed(id)
  pairs15 = common.rows(common.env("BENCH_PAIRS15"))
  today = common.env("BENCH_TODAY")
  max_offset = tonumber(common.env("BENCH_MAX_OFFSET"))
end

function request()
  local pair = pairs15[math.random(#pairs15)]
  local offset = math.random(max_offset)
  return wrk.format("GET", "/api/v1/availability/days?procedure=" .. pair[1] .. "&location=" .. pair[2]
    .. "&from=" .. common.plus_days(today, offset) .. "&to=" .. common.plus_days(today, offset + 30))
end

function done(summary, latency, requests)
  common.report("days", summary, latency)
end
