-- A paradigm whose weigh function loops: stopped while judging.
return { name = "stuck", weigh = function(a) while true do end end }
