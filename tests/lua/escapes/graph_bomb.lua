-- Grows a graph while dropping every claim handle: the engine memory must
-- count against --max-memory, not only what Lua allocates itself.
local g = agon.graph{ title = "bomb" }
for i = 1, 1e9 do g:claim{ id = "c" .. i, text = string.rep("x", 200) } end
