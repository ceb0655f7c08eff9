-- (c) Anywhere: GET /api/v1/availability?anywhere=true&limit=20 for a random 15-minute
-- procedure (BENCH_PROCS15), 31 days from a random first day 1..BENCH_MAX_OFFSET after today.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local counter = 0
local procedures, today, max_offset

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  common.seed(id)
  procedures = common.rows(common.env("BENCH_PROCS15"))
  today = common.env("BENCH_TODAY")
  max_offset = tonumber(common.env("BENCH_MAX_OFFSET"))
end

function request()
  local procedure = procedures[math.random(#procedures)][1]
  local offset = math.random(max_offset)
  return wrk.format("GET", "/api/v1/availability?anywhere=true&limit=20&procedure=" .. procedure
    .. "&from=" .. common.plus_days(today, offset) .. "&to=" .. common.plus_days(today, offset + 30))
end

function done(summary, latency, requests)
  common.report("anywhere", summary, latency)
end
