local f = ("").dump
f(print)
