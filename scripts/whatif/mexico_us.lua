-- What-if study of the Mexico–United States security debate.
--
--   agon run --read graphs scripts/whatif/mexico_us.lua [GRAPH]
--
-- Loads the debate map, builds five scenarios and prints, for each, what
-- happens to the proposal to designate cartels as terrorist organisations and
-- to both national views - under grounded semantics (does the claim stand?)
-- and under DF-QuAD (how strong is it, 0 to 1?). Copy it and change the edits
-- to run your own study.
local agon = require "agon"

local path = arg[1] or "graphs/mexico_us_security.json"
local g = agon.load(path)

-- The claims the study watches, with short names for the table.
local watch = {
  { id = "designation",     name = "Designation (U.S. proposal)" },
  { id = "lack_of_results", name = "U.S. view: lack of results" },
  { id = "demand",          name = "Mexican view: U.S. demand" },
  { id = "treaty",          name = "Bilateral treaty" },
}

-- An edit that adds a new fact of base score `base` bearing on `target`
-- through an edge of `kind`, and raises the base score of `raise` to 0.9.
local function new_fact(id, text, base, kind, target, raise)
  return function(s)
    return s:add_claim{ id = id, text = text, base = base }
            :add_edge{ kind = kind, from = id, to = target }
            :set_base(raise, 0.9)
  end
end

-- Each scenario is a list of edits on the baseline.
local scenarios = {
  { name = "baseline", why = "the debate as mapped from the two articles",
    edit = function(s) return s end },
  { name = "U.S. demand falls", why = "drug demand weakens and U.S. guns stop flowing south",
    edit = function(s) return s:set_base("demand", 0.1):remove("guns") end },
  { name = "Mexico shows results", why = "the Sheinbaum strategy holds: homicides fall",
    edit = new_fact("homicides_fall", "Homicides fall under the new strategy", 0.9, "attack", "lack_of_results",
                    "sheinbaum_shift") },
  { name = "designation triggers an incursion", why = "the designation is used to justify U.S. military action",
    edit = new_fact("incursion_happens", "A U.S. military incursion follows the designation", 0.9,
                    "support", "military_incursion", "military_incursion") },
  { name = "bilateral treaty signed", why = "both governments sign a security treaty",
    edit = new_fact("treaty_signed", "Mexico and the U.S. sign a security treaty", 1.0, "support", "treaty",
                    "treaty") },
}

local function cell(result, id)
  local ok, label = pcall(result.label, result, id)
  return ok and label or "-"
end

local function strength(result, id)
  local ok, x = pcall(result.strength, result, id)
  return ok and string.format("%.2f", x) or "-"
end

local results = {}
print(string.format("Mexico–United States security debate: %d claims, %d what-if scenarios\n", #g, #scenarios))
for _, sc in ipairs(scenarios) do
  local s = sc.edit(g:scenario(sc.name))
  local r = { grounded = s:evaluate{ semantics = "grounded" }, dfquad = s:evaluate{ semantics = "dfquad" }, s = s }
  results[#results + 1] = r
end

-- The comparison table: label under grounded / strength under DF-QuAD.
local header = string.format("%-36s", "scenario")
for _, w in ipairs(watch) do header = header .. string.format(" | %-28s", w.name) end
print(header)
print(string.rep("-", #header))
for i, sc in ipairs(scenarios) do
  local line = string.format("%-36s", sc.name)
  for _, w in ipairs(watch) do
    line = line .. string.format(" | %-10s %-17s", cell(results[i].grounded, w.id),
      "strength " .. strength(results[i].dfquad, w.id))
  end
  print(line)
end

-- What changed against the baseline, in words.
print("\nWhat each scenario changes, compared with the baseline:")
local base = results[1]
for i = 2, #scenarios do
  print(string.format("\n* %s (%s)", scenarios[i].name, scenarios[i].why))
  local said = false
  for _, w in ipairs(watch) do
    local before_l, after_l = cell(base.grounded, w.id), cell(results[i].grounded, w.id)
    local before_s, after_s = strength(base.dfquad, w.id), strength(results[i].dfquad, w.id)
    if before_l ~= after_l or before_s ~= after_s then
      print(string.format("  - %s: %s -> %s (strength %s -> %s)", w.name, before_l, after_l, before_s, after_s))
      said = true
    end
  end
  if not said then print("  - none of the watched claims moves") end
end

-- Why the designation stands or falls, what it hinges on, and how robust it is.
local why = base.grounded:explain("designation")
print(string.format("\nWhy the designation is %s under grounded semantics:", why.label))
for _, d in ipairs(why.defeats) do
  if d.attacker == "designation" then
    print(string.format("  it is attacked by '%s', which nothing defeats", g[d.defender].text))
  end
end
local h = g:hinges{ claim = "lack_of_results", semantics = "grounded", max_size = 2 }
if #h.sets > 0 then
  local names = {}
  for _, id in ipairs(h.sets[1]) do names[#names + 1] = g[id].text end
  print("The U.S. view (lack of results) hinges on: " .. table.concat(names, " + "))
end
local rob = g:robustness{ semantics = "dfquad", samples = 2000, spread = 0.2 }
print("\nRobustness when every base score may be off by up to 0.2 (2,000 samples, DF-QuAD):")
for _, w in ipairs(watch) do
  local r = rob[w.id]
  print(string.format("  %-30s mean %.2f  (standard deviation %.2f)", w.name, r.mean, r.stddev))
end

-- Maps of each scenario, when this agon renders, in the directory `agon run -o DIR`
-- lets the script write (agon.output_dir; "out" under the stock lua5.4).
if agon.render then
  local dir = agon.output_dir or "out"
  for i, sc in ipairs(scenarios) do
    local file = string.format("%s/scenario-%d.svg", dir, i)
    results[i].s:graph():render{ result = results[i].dfquad, before = i > 1 and base.dfquad or nil, file = file,
                                 title = "Mexico–US security: " .. sc.name .. " (DF-QuAD strengths)", legend = true,
                                 rankdir = "LR" }
  end
  print("\nMaps written to " .. dir .. "/scenario-*.svg")
end

-- For `agon report --scenarios`: the scenarios, each with what it assumes.
local for_report = {}
for i, sc in ipairs(scenarios) do for_report[i] = { scenario = results[i].s, note = sc.why } end
return for_report
