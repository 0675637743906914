-- A paradigm that never returns: the sandbox's time limit must stop it.
while true do end
