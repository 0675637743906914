-- Changes and stage questions on a session without end: the host's time
-- limit must stop the script, whether it is in Lua or in a session question
-- (which runs under the host's Control).
local g = agon.graph{}
for i = 1, 60 do g:claim{ id = "a" .. i } end
for i = 1, 60 do
  for j = 1, 60 do
    if i ~= j and (i * 7 + j * 13) % 5 < 2 then g:attack("a" .. i, "a" .. j) end
  end
end
local s = g:session{ semantics = "stage" }
while true do
  for i = 1, 60 do s:skeptical("a" .. i); s:credulous("a" .. i) end
  s:add_claim("x"); s:attack("x", "a1"); s:remove_claim("x")
end
