-- wrk script: writers of the hall side, half status changes of self-service points
-- (PUT /v1/points/kiosk-N/status) and half queue reports of halls (PUT /v1/halls/hall-N/queue), spread over
-- WRITE_POINTS halls and as many kiosks (default 500), with the admin token in PAYCIRCLE_TOKEN. Requests are
-- formatted once at start and cycled, so the client spends its time sending.
math.randomseed(11)
local token = os.getenv("PAYCIRCLE_TOKEN") or error("PAYCIRCLE_TOKEN is not set")
local points = tonumber(os.getenv("WRITE_POINTS") or "500")
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local statuses = { "online", "offline", "fault" }
local requests = {}
for i = 1, 10000 do
  local n = math.random(0, points - 1)
  if i % 2 == 0 then
    local body = string.format('{"status": "%s"}', statuses[math.random(1, #statuses)])
    requests[i] = wrk.format("PUT", string.format("/v1/points/kiosk-%d/status", n), headers, body)
  else
    local body = string.format('{"services": {"cash": {"waiting": %d, "open_counters": %d, "handling_s": %d}}}',
      math.random(0, 40), math.random(1, 6), math.random(60, 300))
    requests[i] = wrk.format("PUT", string.format("/v1/halls/hall-%d/queue", n), headers, body)
  end
end
local next_request = 0
request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
