-- wrk script: every request carries the bearer token (TOKEN); with METHOD=POST it sends BODY as JSON with a fresh
-- Idempotency-Key each time, so every request is a new write, never a replay of a stored answer.
local token = os.getenv("TOKEN")
local method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("prefix", os.time() .. "-" .. threads)
end

request = function()
  local headers = { ["Authorization"] = "Bearer " .. token }
  if method == "POST" then
    counter = counter + 1
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = "load-" .. prefix .. "-" .. counter
    return wrk.format("POST", nil, headers, body)
  end
  return wrk.format(method, nil, headers, nil)
end
