-- out/link.json is a symbolic link (made by the test) to a file outside the
-- output directory that does not exist yet: writing through it is refused.
local g = agon.graph{}
g:claim{id = "a"}
g:save(agon.output_dir .. "/link.json")
