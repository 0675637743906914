-- A metamethod reached through an object's own fields: s.__gc(s) freed the
-- session a script still held (a crash), as g.__gc(g) freed a graph.
local g = agon.graph{}
g:claim{id = "a"}
local s = g:session{}
assert(g.__gc == nil and s.__gc == nil and g:evaluate{}.__gc == nil and g:scenario("x").__gc == nil)
s.__gc(s)
