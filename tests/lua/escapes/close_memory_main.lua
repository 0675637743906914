-- A __close handler in the main chunk replaces the memory error: the script
-- used to end with the handler's message instead of the memory limit.
local guard <close> = setmetatable({}, {__close = function() error("all is well", 0) end})
local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
