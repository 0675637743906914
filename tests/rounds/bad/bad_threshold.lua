return { name = "bad-threshold", semantics = "dfquad", threshold = 1.5 }
