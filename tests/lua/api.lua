-- The Lua API end to end; every check raises on failure.
local agon = require "agon"
local function check(cond, what) if not cond then error("check failed: " .. what, 2) end end

local g = agon.graph{ title = "test" }
local a = g:claim{ id = "a", text = "A", base = 0.8, tags = { "x" }, attributes = { source = "s" } }
local b = g:claim{ id = "b", text = "B" }
local c = g:claim{ id = "c", kind = "argument" }
local e1 = g:attack(a, b)
local e2 = g:support("c", "b", 0.5)
check(a.id == "a" and a.text == "A" and a.base == 0.8 and a.tags[1] == "x" and a.source == "s", "claim fields")
check(c.kind == "argument", "claim kind")
check(e1.from == "a" and e1.to == "b" and e1.kind == "attack" and e2.weight == 0.5, "edge fields")
check(g["a"] == a and g.b == b, "lookup by id and __eq")
check(#g == 3 and g.title == "test", "length and title")
check(tostring(a) == "claim a", "claim __tostring")
local n = 0
for _ in g:claims() do n = n + 1 end
check(n == 3, "claims iterator")
n = 0
for _ in g:edges() do n = n + 1 end
check(n == 2, "edges iterator")

-- Evaluation: grounded labels, gradual strengths.
local r = g:evaluate{ semantics = "grounded" }
check(r:label(a) == "in" and r:label("b") == "out", "grounded labels")
check(r:strength("b") == 0, "label as strength")
local h = g:evaluate{ semantics = "hcat" }
check(math.abs(h:strength("b") - 0.5 / 1.8) < 1e-9, "hcat strength")
check(h.converged == true and h.semantics == "hcat", "result fields")
local seen = {}
for id, v in h:each() do seen[id] = v end
check(seen.a == 0.8, "each")
check(r:json():find('"b":"out"', 1, true), "json")

-- Errors are Lua errors with clear messages.
local ok, err = pcall(g.claim, g, { id = "a" })
-- An engine error names the Lua line that called, also through pcall (a C function).
check(not ok and err:find("api%.lua:%d+: duplicate claim id 'a'"), "duplicate id error: " .. tostring(err))
ok, err = pcall(g.attack, g, 42, a)
check(not ok and err:find("claim or claim id expected"), "argument type error: " .. tostring(err))
ok, err = pcall(g.evaluate, g, { semantics = "nonsense" })
check(not ok and err:find("unknown semantics"), "unknown semantics error")
ok, err = pcall(g.evaluate, g, { semantics = "hcat", epsilon = -1 })
check(not ok and (err:find("out of range") or err:find("positive")), "bad parameter error: " .. tostring(err))

-- Scenarios do not touch the base graph; diffs list what moved.
local s = g:scenario("no a"):remove(a)
local rs = s:evaluate{ semantics = "grounded" }
check(rs:label("b") == "in", "scenario evaluation")
check(g:evaluate{ semantics = "grounded" }:label("b") == "out", "base unchanged")
local d = agon.diff(r, rs)
check(#d == 2 and d[1].id == "a" and d[1].after == nil and d[2].id == "b" and d[2].before == "out" and d[2].after == "in", "diff")
check(tostring(d):find("b: out -> in", 1, true), "diff __tostring")
local child = s:scenario("child"):set_base("b", 0.1)
check(math.abs(child:evaluate{ semantics = "hcat" }:strength("b") - 0.1) < 1e-12, "derived scenario")
check(math.abs(s:evaluate{ semantics = "hcat" }:strength("b") - 0.5) < 1e-12, "parent unchanged")
local added = g:scenario("add"):add_claim{ id = "z", base = 1 }:attack("z", "a")
check(added:evaluate{}:label("a") == "out" and added:evaluate{}:label("b") == "in", "added claims and edges")

-- Explanations, hinges, robustness.
local why = g:evaluate{ semantics = "grounded" }:explain("b")
check(why.label == "out" and why.defeats[1].defender == "a" and why.defeats[1].attacker == "b", "grounded explanation")
local attr = g:evaluate{ semantics = "hcat" }:explain("b")
check(#attr.attributions == 2 and attr.attributions[1].claim == "a" and attr.attributions[1].removal < 0
      and attr.attributions[2].claim == "c" and attr.attributions[2].removal == 0, "attributions (hcat ignores the support of c)")
local pw = g:evaluate{ semantics = "preferred" }:explain("a")
check(pw.credulous and pw.skeptical and pw.witness[1] == "a" and #pw.defence == 0 and pw.counter == nil,
      "preferred explanation of an unattacked claim")
local pb = g:evaluate{ semantics = "preferred" }:explain("b")
check(not pb.credulous and pb.witness == nil and pb.counter[1] == "a", "preferred explanation of a defeated claim")
local dot = agon.render{ graph = g, format = "dot", highlight = { "a" } }
check(select(2, dot:gsub("penwidth=3", "")) == 1, "render highlights the claims asked for")
local h = g:hinges{ claim = "b", semantics = "grounded" }
check(#h.sets == 1 and h.sets[1][1] == "a" and h.exact, "hinges")
check(g:hinge{ claim = "b", semantics = "grounded" }:json() == h:json(), "hinge is the name, hinges the alias")
local ok_k, err_k = pcall(function() return g:hinge{ claim = "b", max_size = 0 } end)
check(not ok_k and tostring(err_k):find("max_size must be from 1", 1, true), "hinge refuses max_size 0 (it searched 1)")
local ok_t, err_t = pcall(function() return g:hinge{ claim = "b", semantics = "dfquad", threshold = 0/0 } end)
check(not ok_t and tostring(err_t):find("threshold must be in [0,1]", 1, true), "hinge refuses a NaN threshold")
local rob = g:robustness{ semantics = "hcat", samples = 50, spread = 0 }
check(math.abs(rob.b.mean - 0.5 / 1.8) < 1e-6 and rob.b.sd < 1e-6, "robustness (values are kept as floats)")
check(rob.b.stddev == rob.b.sd, "stddev is the name, sd the alias")
for _, spread in ipairs{ -3, 1.5, 0 / 0 } do
  local ok_rob, err_rob = pcall(g.robustness, g, { semantics = "hcat", samples = 10, spread = spread })
  check(not ok_rob and tostring(err_rob):find("spread must be a number in [0,1]", 1, true), "robustness refuses a spread outside [0,1]")
end

-- One editing interface: graphs and scenarios take the same edits and give the same errors.
local eg = agon.graph{}
eg:add_claim{ id = "p", kind = "argument", tags = { "t" }, attributes = { source = "s" } }
  :add_claim{ id = "q" }:add_edge{ kind = "attack", from = "p", to = "q", id = "pq" }
local es = agon.graph{}:scenario("s")
es:add_claim{ id = "p", kind = "argument", tags = { "t" }, attributes = { source = "s" } }
  :add_claim{ id = "q" }:add_edge{ kind = "attack", from = "p", to = "q", id = "pq" }
check(eg:evaluate{}:label("q") == "out" and es:evaluate{}:label("q") == "out", "add_claim/add_edge on both")
check(eg.p.kind == "argument" and eg.p.tags[1] == "t" and eg.p.source == "s", "add_claim keeps kind, tags, attributes")
for _, edit in ipairs{
  function(x) return x:add_claim{ id = "p" } end,
  function(x) return x:add_edge{ kind = "attack", from = "p", to = "nope" } end,
  function(x) return x:set_base("p", 2) end,
  function(x) return x:remove_claim("nope") end,
  function(x) return x:remove_edge("nope") end,
  function(x) return x:remove("nope") end,
  function(x) return x:undercut("p", "p") end,
} do
  local ok_g, err_g = pcall(edit, eg)
  local ok_s, err_s = pcall(edit, es)
  check(not ok_g and not ok_s and err_g == err_s, "the same error from a graph and a scenario: " .. tostring(err_g) .. " / " .. tostring(err_s))
end
check(eg:remove_edge("pq") == eg and es:remove("pq") == es, "edits return the edited object")
check(eg:evaluate{}:label("q") == "in" and es:evaluate{}:label("q") == "in", "removed on both")

-- Removal in the graph itself.
g:remove(e1)
check(g:evaluate{}:label("b") == "in", "edge removed")
check(#agon.semantics() > 10, "semantics list")

-- Incremental sessions: g:session{} answers again after each change, as the graph would from scratch.
do
  local sg = agon.graph{}
  for _, id in ipairs{ "a", "b", "c", "d" } do sg:claim{ id = id } end
  sg:attack("a", "b"); sg:attack("b", "a"); sg:attack("b", "c"); sg:support("d", "c")
  local s = sg:session{ semantics = "preferred" }
  check(s.semantics == "preferred" and s.claim_count == 4 and s.attack_count == 3, "session fields")
  check(s:credulous("a") and s:credulous{ "a", "c" } and not s:skeptical("a"), "session credulous and skeptical")
  check(s:skeptical(sg.d) and not s:credulous{ "b", "c" }, "session takes handles and lists")
  local w = s:witness()
  check(w == nil, "no witness after a credulous no")
  check(s:credulous("b") and #s:witness() >= 1, "witness after a credulous yes")
  -- The change and the from-scratch answer on a graph edited the same way agree.
  s:add_claim("e"); s:attack("e", "b")
  sg:claim{ id = "e" }; sg:attack("e", "b")
  local r = sg:evaluate{ semantics = "preferred" }
  for _, id in ipairs{ "a", "b", "c", "d", "e" } do
    check(s:skeptical(id) == (r:label(id) == "in"), "skeptical " .. id .. " after a change")
    check(s:credulous(id) == (r:label(id) ~= "out"), "credulous " .. id .. " after a change")
  end
  check(s:grounded_label("a") == "in" and s:grounded_label("b") == "out", "grounded labels repaired")
  s:remove_attack("e", "b"); s:remove_claim("e")
  check(not s:has_claim("e") and s:has_attack("a", "b") and not s:skeptical("a"), "removals")
  s:set_semantics("stable")
  local x = s:extension()
  check(s.semantics == "stable" and x and (#x == 2 or #x == 3), "semantics switch and one extension")
  s:attack("c", "c"); s:remove_attack("a", "b"); s:remove_attack("b", "a"); s:attack("a", "a")
  check(s:extension() == nil and s:skeptical("d"), "no stable extension: skeptical holds vacuously")
  check(s:stats().questions > 0 and s:stats().by_kept >= 0 and s:stats().by_refutation >= 0 and tostring(s):find("agon session", 1, true),
    "stats and tostring")
  for _, bad in ipairs{
    function() return s:add_claim("a") end,
    function() return s:attack("a", "nope") end,
    function() return s:attack("a", "a") end,
    function() return s:remove_attack("d", "a") end,
    function() return s:credulous("nope") end,
    function() return sg:session{ semantics = "hcat" } end,
    function() return sg:session{ semantic = "preferred" } end,
  } do
    check(not pcall(bad), "a bad session call raises")
  end
  check(s:skeptical("d") and not s:credulous("d"), "the session stays usable after errors")
  local u = agon.graph{}; u:claim{ id = "x" }; u:claim{ id = "y" }; u:undercut("x", u:attack("x", "y"))
  check(not pcall(function() return u:session{} end), "a graph with undercuts is refused")
  local sc = sg:scenario("no e"):remove_claim("e")
  check(sc:session{ semantics = "GR" }:grounded_label("c") == "undec", "a session from a scenario")
end
-- Claim handles work wherever a claim id does; handles are equal only to
-- handles of the same kind, graph and id; option fields are named in errors.
do
  local h = agon.graph{}
  local x, y = h:claim{ id = "x" }, h:claim{ id = "y" }
  local e = h:attack(x, y, 1, "x")  -- an edge with a claim's id
  check(h:hinge{ claim = y, semantics = "grounded" }.claim == "y", "hinge{claim = handle}")
  local ok, dot = pcall(h.render, h, { focus = x, highlight = { y }, format = "dot" })
  check(ok and dot:find('"y"', 1, true) or not ok and tostring(dot):find("without Graphviz", 1, true),
        "render{focus = handle, highlight = {handle}}")
  check(x ~= e and x ~= h and not (x == h), "a claim is not equal to an edge of its id, nor to a graph")
  local function says(f, text)
    local ok, err = pcall(f)
    return not ok and tostring(err):find(text, 1, true)
  end
  check(says(function() return h:robustness{ samples = "many" } end, "field 'samples' must be a whole number"), "samples named")
  check(says(function() return h:extensions{ limit = 1.5 } end, "field 'limit' must be a whole number"), "limit named")
  check(says(function() return h:claim{ id = "z", base = "high" } end, "field 'base' must be a number"), "base named")
  check(says(function() return h:claim{ id = 5 } end, "field 'id' must be a string"), "a number id is refused")
  check(says(function() return agon.diff(h:evaluate{}, h:evaluate{}, 0 / 0) end, "tolerance"), "a NaN tolerance is refused")
end
-- Options handed out by __index are read while they are alive.
do
  local h = agon.graph{}
  local opts = setmetatable({}, {__index = function(_, k)
    if k == "id" then return "I" .. string.rep("i", 64) end
    if k == "text" then
      local junk = {} for i = 1, 5000 do junk[i] = string.rep("g", 100) .. i end  -- bring the collector round
      return "T" .. string.rep("t", 64)
    end
  end})
  local c = h:claim(opts)
  check(c.id == "I" .. string.rep("i", 64) and c.text == "T" .. string.rep("t", 64), "options from __index stay alive")
end
-- A speech that made no moves is flowed: it drops what it leaves unanswered.
do
  local rd = agon.round{ motion = "m", format = "policy" }
  rd:speech("1AC", function(s) s:new{ id = "a1", text = "advantage" } end)
  rd:speech("1NC")
  local st = rd:statuses()
  check(st[1].status == "dropped" and st[1].dropped_in == "1NC", "an empty speech drops")
  rd:speech("2AC", function(s) end)
  local sp = rd:speeches()
  check(#sp == 2 and sp[2] == "1NC", "a speech function that makes no move flows nothing")
  check(not pcall(rd.speech, rd, "1NC"), "a speech flowed empty twice is an error")
  check(rd:text():find("\n1NC nothing\n", 1, true) ~= nil, "an empty speech in the text form")
  check(rd:copy("1NC"):json():find('"move": "nothing"', 1, true) ~= nil, "an empty speech survives a copy")
end
-- Carneades built claim by claim: an argument's `weighing` attribute reaches the evaluation, in
-- a graph and in a claim a scenario adds, as when the graph is read from Carneades YAML
-- (docs/formats.md §1). q's argument weighs 0.2 (constant); p's, 0.1 when constant - read
-- as linked (no attribute) it would weigh 1 and put p in.
do
  local cg = agon.graph{}
  cg:add_claim{ id = "p", tags = { "issue:i1", "standard:PE" } }
    :add_claim{ id = "q", tags = { "issue:i1", "standard:PE" } }
    :add_claim{ id = "r", base = 1, tags = { "assumed" } }
    :add_claim{ id = "a1", kind = "argument", attributes = { weighing = "constant" } }
    :add_edge{ kind = "support", from = "r", to = "a1" }:add_edge{ kind = "support", from = "a1", to = "q", weight = 0.2 }
    :add_edge{ kind = "attack", from = "p", to = "q" }:add_edge{ kind = "attack", from = "q", to = "p" }
  local function pro_p(x, weighing)
    return x:add_claim{ id = "a2", kind = "argument", attributes = { weighing = weighing } }
      :add_edge{ kind = "support", from = "r", to = "a2" }:add_edge{ kind = "support", from = "a2", to = "p", weight = 0.1 }
  end
  local cr = pro_p(cg:scenario("constant"), "constant"):evaluate{ semantics = "carneades" }
  check(cr:label("q") == "in" and cr:label("p") == "out", "a scenario's claim keeps its weighing attribute")
  cr = pro_p(cg:scenario("linked"), "linked"):evaluate{ semantics = "carneades" }
  check(cr:label("p") == "in" and cr:label("q") == "out", "a scenario's claim weighed as its attribute says")
  cr = pro_p(cg, "constant"):evaluate{ semantics = "carneades" }
  check(cr:label("q") == "in" and cr:label("p") == "out", "a graph's claim keeps its weighing attribute")
end
print("lua api: all checks passed")
