"""`agon serve` run for a test: started on a free port, asked through HTTP."""
import http.client
import json
import re
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


def is_error(status, body, code):
    return status == code and isinstance(body, dict) and "error" in body and "where" in body
