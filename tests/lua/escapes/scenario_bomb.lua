-- Keeps scenarios of a 4 MB graph: each holds its own copy of the graph, and
-- those copies must count against --max-memory.
local g = agon.graph{ title = "bomb" }
local text = string.rep("x", 20000)
for i = 1, 200 do g:claim{ id = "c" .. i, text = text } end
local kept = {}
for i = 1, 1e9 do kept[i] = g:scenario("copy " .. i) end
