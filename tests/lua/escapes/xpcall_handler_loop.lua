-- The time limit's error ran xpcall's handler with the hook off: a looping
-- handler ran on until the last-resort watchdog.
xpcall(function() while true do end end, function() while true do end end)
