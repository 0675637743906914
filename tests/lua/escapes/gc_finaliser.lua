-- A finaliser runs where the time limit cannot stop it (when the state
-- closes): the sandbox refuses __gc, which once hung the host here.
setmetatable({}, { __gc = function() while true do end end })
print("end of script")
