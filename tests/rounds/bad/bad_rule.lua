return { name = "typo", dropped_is_ture = true }
