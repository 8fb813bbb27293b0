-- wrk script: ticket look-ups that miss (GET /v1/tickets/missing-N answers 404), each one a query to the
-- store, for how reads that reach the database scale with concurrent clients.
local requests = {}
for i = 1, 10000 do
  requests[i] = wrk.format("GET", string.format("/v1/tickets/missing-%d", i))
end
local next_request = 0
request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
