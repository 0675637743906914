agon.load("../../../../etc/passwd")
