-- The same under xpcall, whose handler would turn the error into a value.
print("caught", xpcall(function()
  local guard <close> = setmetatable({}, {__close = function() error("all is well", 0) end})
  local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end
end, function(m) return "handled " .. tostring(m) end))
