return dofile("/etc/hostname")
