-- (b) The start times of one day: GET /api/v1/availability for one location and one day, a
-- random 15-minute procedure/location pair and a random day 1..BENCH_MAX_OFFSET after today.
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
  local day = common.plus_days(today, math.random(max_offset))
  return wrk.format("GET", "/api/v1/availability?procedure=" .. pair[1] .. "&location=" .. pair[2]
    .. "&from=" .. day .. "&to=" .. day)
end

function done(summary, latency, requests)
  common.report("slots", summary, latency)
end
