os.execute("echo escaped > /tmp/agon-escaped")
