-- __close handlers that allocate again (Lua and engine memory) while the
-- memory error unwinds: still capped, still the memory limit error.
local function guard(n)
  return setmetatable({}, {__close = function()
    local g = agon.graph{}
    for i = 1, 1e6 do g:claim{id = "c" .. n .. "_" .. i, text = string.rep("q", 1000)} end
  end})
end
local a <close> = guard(1)
local b <close> = guard(2)
local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
