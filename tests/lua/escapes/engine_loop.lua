-- A long engine call: three million robustness samples, each labelling 2^30
-- preferred extensions by acceptance questions. The host's time limit must
-- stop it through its Control (not the last-resort watchdog). (Labelling
-- alone is no longer long: past 1,000 extensions evaluate asks questions.)
local g = agon.graph{}
for i = 1, 30 do
  g:claim{ id = "a" .. i }
  g:claim{ id = "b" .. i }
  g:attack("a" .. i, "b" .. i)
  g:attack("b" .. i, "a" .. i)
end
g:robustness{ semantics = "preferred", samples = 3000000, threads = 1 }
