-- wrk script of SnapPaymentsBenchmark: sends pre-signed SNAP payment calls, each once. The file (first argument)
-- holds one call a line, "external id|X-TIMESTAMP|X-SIGNATURE|body"; each of wrk's threads takes every n-th line
-- (n = the second argument, wrk's thread count) and stops when it has sent its share.
local created = 0
local threads = {}
local access_token, partner_id, channel_id, path

function setup(thread)
  thread:set("id", created)
  created = created + 1
  threads[created] = thread
end

function init(args)
  calls = {}
  local threads = tonumber(args[2])
  access_token, partner_id, channel_id, path = args[3], args[4], args[5], args[6]
  local k = 0
  for line in io.lines(args[1]) do
    if k % threads == id then
      calls[#calls + 1] = line
    end
    k = k + 1
  end
  sent = 0
end

function request()
  sent = sent + 1
  local line = calls[sent]
  if line == nil then
    wrk.thread:stop()
    return wrk.format("GET", "/actuator/health")
  end
  local external_id, timestamp, signature, body = line:match("^([^|]*)|([^|]*)|([^|]*)|(.*)$")
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. access_token,
    ["X-TIMESTAMP"] = timestamp,
    ["X-SIGNATURE"] = signature,
    ["X-PARTNER-ID"] = partner_id,
    ["X-EXTERNAL-ID"] = external_id,
    ["CHANNEL-ID"] = channel_id,
  }, body)
end

function done(summary, latency, requests)
  -- the lines up to this one were taken by a thread (sent, or in flight when wrk stopped)
  local most = 0
  for _, thread in ipairs(threads) do
    most = math.max(most, thread:get("sent"))
  end
  io.write(string.format("wrk-result lines=%d requests=%d duration_us=%d non2xx=%d errors=%d p50=%d p90=%d p99=%d max=%d\n",
    most * created, summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
