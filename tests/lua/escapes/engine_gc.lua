-- Calling an engine object's __gc by hand freed it while the script still
-- held it (a crash); the sandbox hides the engine objects' metatables.
local agon = require "agon"
local g = agon.graph{}
g:claim{ id = "a" }
getmetatable(g).__gc(g)
g:claim{ id = "b" }
