-- A memory limit caught by pcall used to let the script go on and end with exit 0.
local g = agon.graph{}
local text = string.rep("y", 20 << 20)
local ok = pcall(function() for i = 1, 100 do g:claim{id = "c" .. i, text = text} end end)
print("caught", ok)
