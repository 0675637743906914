-- A list's __index ran Lua inside the engine call that read it; its error
-- left the memory cap off for the rest of the script. Lists are read raw now,
-- so the proxy is an empty list and the cap holds.
local g, n = agon.graph{}, 0
local evil = setmetatable({}, {__len = function() return 1 end,
  __index = function() n = n + 1; if n % 2 == 1 then return "a" else error("boom") end end})
assert(pcall(g.add_claim, g, {id = "x", tags = evil}))
assert(n == 0, "the list's metamethods ran")
local t = {} for i = 1, 200 do t[i] = string.rep("x", 1 << 20) .. i end
