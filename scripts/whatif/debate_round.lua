-- A debate round mapped live: motion, the two benches' arguments, rebuttals,
-- and who carries the round under two readings.
--   agon run scripts/whatif/debate_round.lua
local agon = require "agon"

local g = agon.graph{ title = "This house would ban private cars from city centres" }
local motion = g:claim{ id = "motion", text = "Ban private cars from city centres" }
local air    = g:claim{ id = "air", text = "Cars cause most inner-city air pollution", base = 0.8, tags = { "government" } }
local access = g:claim{ id = "access", text = "Disabled people depend on cars to reach the centre", base = 0.7, tags = { "opposition" } }
local shops  = g:claim{ id = "shops", text = "City-centre shops lose customers", base = 0.5, tags = { "opposition" } }
local exempt = g:claim{ id = "exempt", text = "Blue-badge holders can be exempted", base = 0.8, tags = { "government" } }
local ghent  = g:claim{ id = "ghent", text = "Ghent's car-free centre saw retail grow", base = 0.6, tags = { "government" } }

g:support(air, motion)
g:attack(access, motion)
g:attack(shops, motion)
g:attack(exempt, access)   -- the rebuttal answers the access argument
g:attack(ghent, shops)

for _, sem in ipairs{ "grounded", "dfquad" } do
  local r = g:evaluate{ semantics = sem }
  print(string.format("%-8s motion: %s", sem, sem == "grounded" and r:label(motion) or string.format("%.2f", r:strength(motion))))
end

-- What if the opposition had answered the exemption?
local s = g:scenario("exemption contested")
  :add_claim{ id = "cost", text = "Exemptions are costly to police", base = 0.6 }
  :attack("cost", "exempt")
print("\nIf the opposition contests the exemption:")
print(agon.diff(g:evaluate{ semantics = "dfquad" }, s:evaluate{ semantics = "dfquad" }))
