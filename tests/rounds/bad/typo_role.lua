return { name = "typo-role", offence_in = {"final_focus"} }
