agon.load("/etc/passwd")
