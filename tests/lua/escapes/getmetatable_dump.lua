local mt = getmetatable("")
local dump = mt.__index.dump
dump(print)
