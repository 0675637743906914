-- Grows a session's framework without bound: the engine memory it holds must
-- count against --max-memory.
local s = agon.graph{}:session{ semantics = "preferred" }
s:add_claim("c0")
for i = 1, 1e9 do
  s:add_claim("c" .. i)
  s:attack("c" .. i, "c" .. (i - 1))
end
