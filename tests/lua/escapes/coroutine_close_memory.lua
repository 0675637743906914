-- coroutine.close hands back the error of a pending __close: a memory error
-- there must still end the script.
local co = coroutine.create(function()
  local guard <close> = setmetatable({}, {__close = function()
    local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
  end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
