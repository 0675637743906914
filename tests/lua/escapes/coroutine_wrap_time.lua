-- Out of time inside coroutine.wrap: the line in the coroutine.
local f = coroutine.wrap(function() local n = 0
  while true do n = n + 1 end
end)
f()
