-- A paradigm that allocates without end: the sandbox's memory cap must stop it.
local t = {}
for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end
return {}
