-- A lenient (lay) judge: late answers and new arguments in the middle
-- rebuttals are heard, only what is new in each side's last speech (the 2NR,
-- the 2AR) is ignored; dropped arguments are not automatically true; and
-- the likelihood of an impact matters more than its size.
return {
  name = "lay",
  summary = "new in the last speeches (2NR/2AR) ignored, earlier late answers heard; probability first",
  semantics = "grounded",
  dropped_is_true = false,
  ignore_new = "last",
  sticky_defence = true,
  weigh = function(a)
    local p = a.probability or 0.5
    return (a.magnitude or 0.5) * p * p
  end,
  -- Arguments with no text were never explained to the judge.
  keep = function(a)
    return a.text ~= ""
  end,
}
