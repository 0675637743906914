-- A long engine call: 2^30 preferred extensions to count. The host's time
-- limit must stop it through its Control (not the last-resort watchdog).
local g = agon.graph{}
for i = 1, 30 do
  g:claim{ id = "a" .. i }
  g:claim{ id = "b" .. i }
  g:attack("a" .. i, "b" .. i)
  g:attack("b" .. i, "a" .. i)
end
g:evaluate{ semantics = "preferred" }
