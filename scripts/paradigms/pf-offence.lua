-- Public Forum flow judge: offence counts only when it is extended through
-- both the summary and the final focus; defence is sticky (it need not be in
-- the summary); a dropped argument is true; nothing new after the rebuttals.
-- In formats without those speeches the side's last speech stands in.
return {
  name = "pf-offence",
  summary = "offence must be in summary and final focus; defence sticky; dropped = true",
  semantics = "grounded",
  dropped_is_true = true,
  ignore_new = "all",
  sticky_defence = true,
  offence_in = { "summary", "final-focus", "last" },
}
