-- Out of time inside a resumed coroutine: the line in the coroutine.
local co = coroutine.create(function() local n = 0
  while true do n = n + 1 end
end)
print(coroutine.resume(co))
