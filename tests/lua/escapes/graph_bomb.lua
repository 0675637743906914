-- Grows a graph while dropping every claim handle: the engine memory must
-- count against --max-memory, not only what Lua allocates itself.
local g = agon.graph{ title = "bomb" }
local text = string.rep("x", 20000)  -- one string in Lua, a copy per claim in the graph
for i = 1, 1e9 do g:claim{ id = "c" .. i, text = text } end
