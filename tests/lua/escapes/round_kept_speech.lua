-- A speech kept past its round wrote to the collected round's memory account
-- (a use after free under ASan); the speech now shares the account.
local agon = require "agon"
local saved
do
  local r = agon.round{}
  r:speech("1AC", function(s) saved = s end)
end
-- Garbage enough for the collector to take the round (the sandbox has no collectgarbage).
for _ = 1, 3 do
  for i = 1, 200000 do local t = { string.rep("y", 50) .. i } end
  for i = 1, 1000 do local r = agon.round{} end
end
for i = 1, 200 do pcall(saved.extend, saved, "nope" .. i) end
saved:new{ id = "zz", text = "t" }
error("a speech kept past its round still works")
