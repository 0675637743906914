-- A match that backtracks for ever in C, where the hook cannot stop it.
local s = ("a"):rep(100000)
print(s:find(".-.-.-.-.-b"))
