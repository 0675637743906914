-- A __close handler replaces the memory error with its own error, which
-- pcall then catches: the script used to go on and end with exit 0.
local ok, err = pcall(function()
  local guard <close> = setmetatable({}, {__close = function() error("all is well", 0) end})
  local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
end)
print("caught", ok, err)
