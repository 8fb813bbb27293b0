-- wrk script: replays the mixed traffic written by Tools/load/requests.py (file in $PAYCIRCLE_LOAD_REQUESTS),
-- with the bearer tokens in $PAYCIRCLE_ADMIN_TOKEN and $PAYCIRCLE_OPERATOR_TOKEN. Requests are formatted
-- once at start and cycled; each wrk thread starts at its own offset. Responses other than 2xx are
-- counted by status and printed at the end.
local tokens = { admin = os.getenv("PAYCIRCLE_ADMIN_TOKEN"), operator = os.getenv("PAYCIRCLE_OPERATOR_TOKEN") }
local requests = {}
local threads = {}
local next_request = 0

local function load_requests()
  local file = assert(io.open(os.getenv("PAYCIRCLE_LOAD_REQUESTS"), "r"))
  for line in file:lines() do
    local method, path, role, body = line:match("^(%u+)\t([^\t]+)\t([^\t]+)\t?(.*)$")
    local headers = {}
    if role ~= "-" then
      headers["Authorization"] = "Bearer " .. assert(tokens[role], "no token for role " .. role)
      headers["Content-Type"] = "application/json"
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body ~= "" and body or nil)
  end
  file:close()
end

function setup(thread)
  thread:set("offset", #threads * 7919)
  threads[#threads + 1] = thread
end

function init(args)
  load_requests()
  next_request = offset % #requests
  failures = {}
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status >= 300 then failures[status] = (failures[status] or 0) + 1 end
end

function done(summary, latency, requests_done)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("failures")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do parts[#parts + 1] = status .. ": " .. count end
  io.write("responses other than 2xx by status: " .. (#parts > 0 and table.concat(parts, ", ") or "none") .. "\n")
end
