#!/usr/bin/env python3
"""Stopping `agon serve`: one Ctrl-C (or SIGTERM) stops it gracefully, exit 0,
answering the requests under way; a second quits at once, exit 130, even while
Graphviz lays a map out in the server's own process (which nothing can
interrupt); a save being written when the second comes is finished first, and
leaves no temporary file.

    stop_test.py AGON GRAPH GATE

The maps laid out are random ones of 250 claims. Layouts and saves are held
where the test wants them by GATE (gate.c, LD_PRELOAD), so "while the layout
runs" is a fact, not a guess. The only timings are upper bounds, generous for
a loaded machine: a stop takes a fraction of a second.
"""
import http.client
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import threading
import time

from served import Gate, Server, gated_server

AGON, GRAPH, GATE = sys.argv[1], sys.argv[2], sys.argv[3]
WAIT = 120  # seconds a step may take before the test gives up (a hang is a failure, not a timing)
QUICK = 3   # seconds a stop may take; an idle kept-alive connection is let go after 5 s, a layout after --timeout
STOPPING = "agon serve: stopping (press Ctrl-C again to quit now)"
QUITTING = "agon serve: quitting now"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def random_map(n, seed):
    """A map of n claims, each supporting or attacking one to three others."""
    rng = random.Random(seed)
    claims = [{"id": "c%d" % i, "text": "claim %d %s" % (i, " ".join(rng.sample(WORDS, 5)))} for i in range(n)]
    edges = []
    for i in range(n):
        for j in rng.sample([k for k in range(n) if k != i], rng.randint(1, 3)):
            edges.append({"id": "e%d" % len(edges), "from": "c%d" % i, "to": "c%d" % j,
                          "kind": rng.choice(["support", "attack"])})
    return json.dumps({"format": "agon-graph", "version": 1, "title": "random", "claims": claims, "edges": edges})


WORDS = "demand guns border cartels trade police courts results violence policy aid visas".split()


class Stderr:
    """The server's stderr, read as it comes (the signal handler writes whole lines)."""

    def __init__(self, server):
        self.fd = server.proc.stderr.fileno()
        self.text = ""

    def wait_for(self, line, timeout):
        until = time.monotonic() + timeout
        while line not in self.text and time.monotonic() < until:
            if select.select([self.fd], [], [], max(0.0, until - time.monotonic()))[0]:
                chunk = os.read(self.fd, 4096)
                if not chunk:
                    break
                self.text += chunk.decode(errors="replace")
        return line in self.text

    def rest(self):
        while chunk := os.read(self.fd, 4096):
            self.text += chunk.decode(errors="replace")
        return self.text


def exit_within(server, seconds):
    """The exit code and the seconds the server took to exit, or (None, seconds) after killing it."""
    started = time.monotonic()
    try:
        code = server.proc.wait(timeout=seconds)
    except Exception:
        server.proc.kill()
        server.proc.wait()
        code = None
    return code, time.monotonic() - started


def in_thread(call, *args, **kw):
    box = {}

    def run():
        try:
            box["result"] = call(*args, **kw)
        except OSError as e:  # the connection closed without an answer
            box["result"] = (None, repr(e))

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, box


def laid_out(server):
    """Wait for the start-up layout (a first drawing waits for it) and say how long it took."""
    started = time.monotonic()
    st, r = server.post("/api/evaluate", {}, timeout=WAIT)
    check(st == 200 and "svg" in r, "the map is laid out: %s" % st)
    return time.monotonic() - started


work = tempfile.mkdtemp(prefix="agon-stop-")
try:
    big = os.path.join(work, "random.json")
    with open(big, "w") as f:
        f.write(random_map(250, 7))

    # 1. Idle, one Ctrl-C: a graceful stop, exit 0 as ever, without waiting
    # for a kept-alive connection to time out.
    s = Server(AGON, GRAPH)
    err = Stderr(s)
    laid_out(s)
    idle = http.client.HTTPConnection("127.0.0.1", s.port, timeout=WAIT)
    idle.request("GET", "/api/version", headers={"Host": "127.0.0.1:%d" % s.port})
    check(idle.getresponse().read() != b"", "a kept-alive connection is open")
    s.proc.send_signal(signal.SIGINT)
    code, took = exit_within(s, QUICK)
    check(code == 0, "one Ctrl-C while idle: exit 0 within %d s, got %s after %.2f s" % (QUICK, code, took))
    check(STOPPING in err.rest(), "one Ctrl-C says it is stopping: %r" % err.text)
    print("idle, one Ctrl-C: exit %s after %.2f s" % (code, took))

    # 2. One SIGTERM while a request's layout runs in a layout process: the
    # layout is stopped, the request answered 503, the server exits 0.
    gate_dir = os.path.join(work, "forked")
    os.mkdir(gate_dir)
    gate = Gate(gate_dir)
    s = gated_server(AGON, GATE, GRAPH, "--timeout", str(WAIT), AGON_LAYOUT_GATE_DIR=gate_dir)
    try:
        err = Stderr(s)
        laid_out(s)
        st, r = s.post("/api/open", {"name": "random.json", "text": open(big).read()})
        check(st == 200, "a 250-claim map opened: %s %s" % (st, r))
        open(os.path.join(gate_dir, "hold"), "w").close()
        request, box = in_thread(s.post, "/api/evaluate", {}, timeout=WAIT)
        check(gate.reached(WAIT), "the 250-claim map's layout starts")
        s.proc.send_signal(signal.SIGTERM)
        code, took = exit_within(s, QUICK)
        request.join(WAIT)
        st, r = box.get("result", (None, "no answer"))
        check(code == 0, "SIGTERM during a layout process: exit 0 within %d s, got %s after %.2f s" % (QUICK, code, took))
        check(st == 503, "the request under way is answered 503: %s %s" % (st, r))
        check(STOPPING in err.rest(), "SIGTERM says it is stopping: %r" % err.text)
        print("a layout process held, one SIGTERM: exit %s after %.2f s, the request answered %s" % (code, took, st))
    finally:
        gate.release(16)
        s.proc.kill()
        s.proc.wait()

    # 3. Ctrl-C twice while a request's layout runs in agon serve itself: the
    # first waits for it (graceful), the second quits at once, exit 130.
    gate_dir = os.path.join(work, "in-process")
    os.mkdir(gate_dir)
    gate = Gate(gate_dir)
    s = gated_server(AGON, GATE, big, AGON_LAYOUT_GATE_DIR=gate_dir)
    try:
        err = Stderr(s)
        print("the 250-claim map's first layout took %.1f s" % laid_out(s))
        open(os.path.join(gate_dir, "hold"), "w").close()
        # Drawn again with the claims where they are: laid out in this process.
        request, _ = in_thread(s.post, "/api/evaluate", {"highlight": ["c0"]}, timeout=WAIT)
        check(gate.reached(WAIT), "the 250-claim map's drawing starts")
        s.proc.send_signal(signal.SIGINT)
        check(err.wait_for(STOPPING, WAIT), "the first Ctrl-C says it is stopping: %r" % err.text)
        time.sleep(0.5)
        check(s.proc.poll() is None, "the first Ctrl-C waits for the request under way")
        s.proc.send_signal(signal.SIGINT)
        code, took = exit_within(s, QUICK)
        check(code == 130, "the second Ctrl-C quits: exit 130 within %d s, got %s after %.2f s" % (QUICK, code, took))
        check(QUITTING in err.rest(), "the second Ctrl-C says it quits: %r" % err.text)
        print("a layout held in the server, Ctrl-C twice: exit %s after %.2f s" % (code, took))
    finally:
        gate.release(16)
        s.proc.kill()
        s.proc.wait()

    # 4. Ctrl-C twice while a save is written: the save ends first (the file
    # whole and new, no temporary file left), then the server quits, exit 130.
    save_dir = os.path.join(work, "save")
    os.mkdir(save_dir)
    file = os.path.join(save_dir, "debate.json")
    shutil.copy(GRAPH, file)
    claims = len(json.load(open(file))["claims"])
    gate = Gate(save_dir)
    s = gated_server(AGON, GATE, file, AGON_SAVE_GATE_FILE=file, AGON_SAVE_GATE_DIR=save_dir)
    try:
        err = Stderr(s)
        version = s.get("/api/map")[1]["version"]
        st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "add_claim", "claim": {"id": "late", "text": "x"}}]})
        check(st == 200, "a claim added: %s %s" % (st, r))
        save, _ = in_thread(s.post, "/api/save", {"version": r.get("version")}, timeout=WAIT)
        check(gate.reached(WAIT), "the save reaches the end of its write")
        s.proc.send_signal(signal.SIGINT)
        check(err.wait_for(STOPPING, WAIT), "the first Ctrl-C says it is stopping: %r" % err.text)
        s.proc.send_signal(signal.SIGINT)
        check(err.wait_for("quitting once the file being saved is written", WAIT),
              "the second Ctrl-C waits for the save: %r" % err.text)
        check(s.proc.poll() is None, "the server still runs while the save is held")
        gate.release()
        code, took = exit_within(s, QUICK)
        check(code == 130, "quit after the save: exit 130 within %d s, got %s after %.2f s" % (QUICK, code, took))
        check(QUITTING in err.rest(), "it says it quits: %r" % err.text)
        saved = json.load(open(file))
        check(len(saved["claims"]) == claims + 1, "the file holds the saved map: %d claims" % len(saved["claims"]))
        left = [n for n in os.listdir(save_dir) if ".tmp-" in n]
        check(not left, "no temporary file left: %s" % left)
    finally:
        gate.release(16)
        s.proc.kill()
        s.proc.wait()
finally:
    shutil.rmtree(work, ignore_errors=True)

print("%d failure(s)" % len(failures) if failures else "workbench stop tests: ok")
sys.exit(1 if failures else 0)
