-- Out of memory inside coroutine.wrap: the line in the coroutine, not the caller's.
local f = coroutine.wrap(function() local t = {}
  while true do t[#t + 1] = ("x"):rep(1000) .. #t end
end)
f()
