-- The cross-face questions through the Lua API: one JSON answer per line, in
-- the order given. Usage: agon run faces.lua GRAPH "QUESTION SEMANTICS CLAIM|- [k=v ...]"...
local g = agon.load(arg[1])
local function request(semantics, rest)
  local req = { semantics = semantics }
  for k, v in rest:gmatch("(%w+)=(%S+)") do req[k] = v end
  return req
end
for i = 2, #arg do
  local line = arg[i]
  local question, semantics, claim, rest = line:match("^(%a+)%s+(%S+)%s+(%S+)%s*(.*)$")
  if question then
    local req = request(semantics, rest)
    if question == "eval" then
      print(g:evaluate(req):json())
    elseif question == "extensions" then
      print(g:extensions(req):json())
    elseif question == "explain" then
      print(g:evaluate(req):explain(claim):json())
    elseif question == "hinge" then
      req.claim = claim
      print(g:hinge(req):json())
    elseif question == "diff" then
      print(agon.diff(g:evaluate(req), g:scenario("without"):remove(claim):evaluate(req)):json())
    end
  end
end
