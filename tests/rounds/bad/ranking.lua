return { name = "burden-judge", semantics = "burden" }
