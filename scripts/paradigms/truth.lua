-- Truth-leaning: the judge weighs each claim on its merits. Dropped arguments
-- keep the credibility their evidence gives them (base), strengths come from
-- the DF-QuAD gradual semantics, and defence is sticky: an answer made once
-- still counts even if it is not repeated.
return {
  name = "truth",
  summary = "truth over tech: dropped arguments are weighed on their evidence, defence is sticky",
  semantics = "dfquad",
  dropped_is_true = false,
  ignore_new = "all",
  sticky_defence = true,
  threshold = 0.5,
  -- A weak claim that happens to stand should not outweigh a probable one:
  -- the impact is discounted by the claim's own credibility.
  weigh = function(a)
    return a.impact * a.base
  end,
}
