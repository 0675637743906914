-- Tech over truth: the flow decides. A dropped argument is true, new arguments
-- in rebuttals do not count, and offence must be in the side's last speech
-- ("if it is not in the 2NR, it is not in the round").
return {
  name = "tech",
  summary = "tech over truth: dropped = true, no new in rebuttals, offence must be in the last speech",
  semantics = "grounded",
  dropped_is_true = true,
  ignore_new = "all",
  sticky_defence = true,
  offence_in = { "last" },
}
