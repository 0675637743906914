"""`agon serve` run for a test: started on a free port, asked through HTTP."""
import http.client
import json
import os
import re
import select
import subprocess


class Server:
    def __init__(self, agon, *args, cwd=None, pass_fds=(), env=None):
        self.proc = subprocess.Popen([agon, "serve", *args, "--port", "0"], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=cwd, pass_fds=pass_fds, env=env)
        self.banner = ""
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("agon serve did not start: " + self.proc.stderr.read())
            self.banner += line
            m = re.search(r"http://([^/:]+):(\d+)/", line)
            if m:
                self.host, self.port = m.group(1), int(m.group(2))
                break

    def request(self, method, path, body=None, headers=None, raw=None, timeout=30):
        h = {"Host": "127.0.0.1:%d" % self.port}
        if body is not None or raw is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        payload = r.read()
        c.close()
        kind = r.getheader("Content-Type", "")
        return r.status, json.loads(payload) if "json" in kind else payload

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def gated_server(agon, shim, *args, **env):
    """A Server with the gate shim (gate.c) preloaded and `env` added to its environment."""
    # AGON_PRELOAD_FIRST: the sanitizer runtime, which must come first (workbench.cmake).
    preload = " ".join(p for p in (os.environ.get("AGON_PRELOAD_FIRST", ""), os.path.realpath(shim)) if p)
    s = Server(agon, *args, env=dict(os.environ, LD_PRELOAD=preload, **env))
    with open("/proc/%d/maps" % s.proc.pid) as maps:
        if os.path.basename(shim) not in maps.read():
            s.proc.kill()
            raise SystemExit("FAIL: %s is not loaded into agon serve (LD_PRELOAD)" % shim)
    return s


class Gate:
    """The test's side of gate.c: two FIFOs, held open read-write so that
    neither side's open blocks."""

    def __init__(self, dir):
        self.dir = dir
        for name in ("reached", "release"):
            os.mkfifo(os.path.join(dir, name))
        self.reached_fd = os.open(os.path.join(dir, "reached"), os.O_RDWR | os.O_NONBLOCK)
        self.release_fd = os.open(os.path.join(dir, "release"), os.O_RDWR)

    def reached(self, timeout):
        """True when a save or layout reached the gate within `timeout` seconds (one per call)."""
        ready, _, _ = select.select([self.reached_fd], [], [], timeout)
        return bool(ready) and os.read(self.reached_fd, 1) == b"r"

    def release(self, count=1):
        os.write(self.release_fd, b"g" * count)


def is_error(status, body, code):
    return status == code and isinstance(body, dict) and "error" in body and "where" in body
