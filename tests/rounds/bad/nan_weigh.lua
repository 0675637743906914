return { name = "nan-weigh", weigh = function(a) return 0/0 end }
