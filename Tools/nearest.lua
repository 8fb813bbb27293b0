-- wrk script: /v1/nearest at random places in the synthetic city's box (same box as paycircle-bench).
-- The requests are formatted once at start and then cycled, so that the client spends its time sending,
-- as it does for /healthz, rather than formatting. NEAREST_EXTRA, when set, is appended to every query
-- (for example "&kind=agency&at=2026-12-01T02:00:00Z" for a filtered search).
math.randomseed(7)
local extra = os.getenv("NEAREST_EXTRA") or ""
local requests = {}
for i = 1, 10000 do
  local lat = 22.6 + math.random() * 0.6
  local lon = 113.5 + math.random() * 0.8
  requests[i] = wrk.format("GET", string.format("/v1/nearest?lat=%.6f&lon=%.6f&k=5", lat, lon) .. extra)
end
local next_request = 0
request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
