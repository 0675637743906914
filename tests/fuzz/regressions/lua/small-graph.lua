local agon = require "agon"
local g = agon.graph{title="t"}
local a = g:claim{id="a"}
local b = g:claim{id="b"}
g:attack(a, b)
print(g:evaluate{semantics="grounded"}:label("b"))
