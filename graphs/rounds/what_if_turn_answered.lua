-- A coach's what-if on the Mexico-U.S. round: had the Negative answered the
-- demand turn in the last rebuttal, who would have won?
--   agon run graphs/rounds/what_if_turn_answered.lua
-- The 1AR turned the Negative's demand argument ("U.S. demand drives the
-- violence, so designation leaves the cause untouched") into a reason to
-- designate, and the 2NR never answered it. Here the 2NR answers the turn;
-- the 2AR is then given as it was (it did not answer the new 2NR answer).
local agon = require "agon"

local here = arg[0]:match("(.*/)") or ""
local round = agon.load_round(here .. "mexico_fto.flow")

local function verdict(r, paradigm)
  local d = r:decide(paradigm)
  return string.format("%-6s %-10s %s", paradigm, d.winner, d.reasons[1])
end

print("As debated:")
for _, p in ipairs{ "tech", "truth" } do print("  " .. verdict(round, p)) end

-- Everything up to the 2NR, one more line in the 2NR, then the 2AR as given.
local what_if = round:copy("2NR")
what_if:speech("2NR", function(s)
  s:attack{ id = "no_charges", targets = "buyers", base = 0.6,
            text = "Charging U.S. buyers as terrorism supporters is speculation: observers only say the designation 'could' allow it" }
end)
what_if:replay(round, "2AR")

print("\nHad the Negative answered the turn in the 2NR:")
for _, p in ipairs{ "tech", "truth" } do print("  " .. verdict(what_if, p)) end

for _, s in ipairs(what_if:statuses()) do
  if s.id == "buyers" or s.id == "no_charges" or s.id == "demand" then
    print(string.format("  %-10s %-16s (%s, %s)", s.id, s.status, s.speech, s.side))
  end
end
local d = what_if:decide("tech")
print("\nThe tech ballot in the what-if:")
for _, reason in ipairs(d.reasons) do print("  - " .. reason) end
what_if:sheet{ file = "out/mexico_fto_what_if.svg" }
