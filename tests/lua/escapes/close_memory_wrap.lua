-- The same inside a coroutine.wrap, whose error pcall catches.
local f = coroutine.wrap(function()
  local guard <close> = setmetatable({}, {__close = function() error({}) end})
  local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
end)
print("caught", pcall(f))
