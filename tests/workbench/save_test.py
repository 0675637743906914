#!/usr/bin/env python3
"""Saving a large map in `agon serve` does not hold up the other requests,
and saves land in order.

    save_test.py AGON GRAPH SAVE_GATE

A 30,000-claim map is saved; while the file is written the map is undone to
its small self and saved again. The version checks and the undo made meanwhile
must answer while the save is still writing (they used to wait for the whole
write), the small map must be what the file holds at the end (the large save
finishing last must not overwrite it), and each save must report the version
it saved. A map uploaded during a save does not become that file's.

Nothing here depends on timing: the server runs with SAVE_GATE (gate.c,
LD_PRELOAD), which tells the test when a save reaches the last step of its
write (the rename of the written file onto the map's) and holds it there until
the test lets it go. "During the save" is then a fact, not a guess.
"""
import json
import os
import shutil
import sys
import tempfile
import threading
import time

from served import Gate, gated_server

AGON, GRAPH, SAVE_GATE = sys.argv[1], sys.argv[2], sys.argv[3]
N = 30000
WAIT = 60  # seconds a step may take before the test gives up (a hang is a failure, not a timing)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def timed(call, *args, **kw):
    started = time.monotonic()
    result = call(*args, **kw)
    return result, time.monotonic() - started


def answered(call, *args, **kw):
    """call's (status, body), or (None, why) when it got no answer (a request
    that waits for a held save times out: a failure, reported as one)."""
    try:
        return call(*args, **kw)
    except OSError as e:
        return None, repr(e)


def in_thread(call, *args):
    box = {}
    t = threading.Thread(target=lambda: box.update(result=call(*args)), daemon=True)
    t.start()
    return t, box


work = tempfile.mkdtemp(prefix="agon-save-")
try:
    file = os.path.realpath(os.path.join(work, "debate.json"))
    shutil.copy(GRAPH, file)
    small_claims = len(json.load(open(file))["claims"])
    gate = Gate(work)
    s = gated_server(AGON, SAVE_GATE, file, AGON_SAVE_GATE_FILE=file, AGON_SAVE_GATE_DIR=work)
    try:
        version = s.get("/api/map")[1]["version"]

        def held_post(path, body):  # a request that waits at the gate, as long as the test holds it
            return answered(s.post, path, body, timeout=WAIT)

        ops = [{"op": "add_claim", "claim": {"id": "x%d" % i, "text": "claim %d %s" % (i, "words " * 8)}}
               for i in range(N)]
        st, r = s.post("/api/edit", {"version": version, "ops": ops})
        check(st == 200, "30,000 claims added: %s" % st)
        large = r["version"]

        # The large save checks its version, writes the file and is held before it lands.
        first, large_save = in_thread(timed, held_post, "/api/save", {"version": large})
        check(gate.reached(WAIT), "the large save reaches the end of its write")
        (st, r), undo_took = timed(answered, s.post, "/api/undo", {"version": large})
        check(st == 200, "undo while the large map is saved: %s %s" % (st, r))
        small = r.get("version") if st == 200 else None
        second, small_save = in_thread(timed, held_post, "/api/save", {"version": small})
        worst = 0.0
        for _ in range(5):
            (st, _), took = timed(answered, s.get, "/api/version")
            check(st == 200, "a version check during the save: %s" % st)
            worst = max(worst, took)
            if st != 200:
                break
        # All of that was answered while the large save was still held.
        check(first.is_alive(), "the undo and the version checks did not wait for the large save")
        # Saves run one at a time: the small one waits for the large one to land.
        check(not gate.reached(0.2), "the small save waits while the large one is being written")
        gate.release()
        check(gate.reached(WAIT), "the small save reaches the end of its write after the large one")
        gate.release()
        first.join(WAIT)
        second.join(WAIT)
        check(not first.is_alive() and not second.is_alive(), "both saves answer")
        (st_large, r_large), large_took = large_save.get("result", ((None, "no answer"), 0.0))
        (st_small, r_small), _ = small_save.get("result", ((None, "no answer"), 0.0))
        check(st_large == 200 and r_large.get("version") == large,
              "the large save reports the version it saved (%d): %s %s" % (large, st_large, r_large))
        check(st_small == 200 and r_small.get("version") == small,
              "the small save reports the version it saved (%s): %s %s" % (small, st_small, r_small))
        held = len(json.load(open(file))["claims"])
        check(held == small_claims, "the file holds the later, small save: %d claims, not %d" % (held, small_claims))
        print("large save answered after %.2f s (held meanwhile); an undo took %.3f s and the slowest version check %.3f s"
              % (large_took, undo_took, worst))

        # A map opened (uploaded) while the large map is saved has no file:
        # the save must not make the file it wrote the upload's.
        st, r = answered(s.post, "/api/redo", {"version": small})
        check(st == 200, "redo to the large map: %s %s" % (st, r))
        third, again = in_thread(held_post, "/api/save", {"version": r.get("version") if st == 200 else None})
        check(gate.reached(WAIT), "the large save, again, reaches the end of its write")
        upload, opened = in_thread(held_post, "/api/open", {"name": "upload.json", "text": open(GRAPH).read()})
        # The upload waits for the save (open_text takes the save's lock).
        # Given time to arrive, a server that let it through would now have
        # replaced the map under the held save - and the check below fails.
        upload.join(0.5)
        gate.release()
        third.join(WAIT)
        upload.join(WAIT)
        st_save = again.get("result", (None,))[0]
        st_open, r_open = opened.get("result", (None, "no answer"))
        check(st_open == 200 and st_save == 200, "an upload during a save: %s %s, save %s" % (st_open, r_open, st_save))
        check(s.get("/api/map")[1].get("file") in (None, ""), "the upload has no file: %s" % s.get("/api/map")[1].get("file"))
    finally:
        gate.release(16)  # nothing left held, whatever failed
        s.stop()
finally:
    shutil.rmtree(work, ignore_errors=True)

print("%d failure(s)" % len(failures) if failures else "workbench save tests: ok")
sys.exit(1 if failures else 0)
