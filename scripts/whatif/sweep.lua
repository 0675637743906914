-- Sweep one base score and watch a target's strength: how much does the
-- U.S. gun-trafficking evidence matter to the Mexican view?
--   agon run scripts/whatif/sweep.lua --read graphs [CLAIM] [TARGET]
local agon = require "agon"
local g = agon.load("graphs/mexico_us_security.json")
local claim, target = arg[1] or "guns", arg[2] or "demand"

print(string.format("base(%s)   strength(%s) under DF-QuAD", claim, target))
for i = 0, 10 do
  local x = i / 10
  local r = g:scenario("sweep"):set_base(claim, x):evaluate{ semantics = "dfquad" }
  local bar = string.rep("#", math.floor(r:strength(target) * 40 + 0.5))
  print(string.format("   %.1f        %.3f %s", x, r:strength(target), bar))
end
