-- Extends were not charged to the memory cap: a loop of them grew without limit.
local agon = require "agon"
local r = agon.round{ motion = "m" }
r:speech("1AC", function(s)
  s:new{ id = "a", text = "x" }
  for i = 1, 1e9 do s:extend("a") end
end)
