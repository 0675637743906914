local g = agon.graph{}
g:save("/tmp/agon-outside.json")
