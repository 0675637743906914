#!/usr/bin/env python3
"""HTTP-level tests of `agon serve`: requests a browser or a curious user can
send that the JSON API never sees (odd bodies, slow and idle connections,
huge headers), through raw sockets.

    http_test.py AGON GRAPH

Each must get its answer at once (a second, where the server once waited its
10 s read timeout), and none may keep other clients waiting.
"""
import gzip
import os
import resource
import socket
import sys
import threading
import time

from served import Server

AGON, GRAPH = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def head(s, method, path, extra=""):
    return ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s\r\n" % (method, path, s.port, extra)).encode()


def connect(s):
    return socket.create_connection(("127.0.0.1", s.port), timeout=15)


def answer(sock):
    """(status, headers, body) of the next response on `sock`."""
    data = b""
    while b"\r\n\r\n" not in data:
        more = sock.recv(65536)
        if not more:
            return 0, {}, data
        data += more
    top, body = data.split(b"\r\n\r\n", 1)
    lines = top.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        more = sock.recv(65536)
        if not more:
            break
        body += more
    return int(lines[0].split()[1]), headers, body


def timed(s, data):
    """(status, headers, body, seconds) of `data` sent on a new connection."""
    started = time.monotonic()
    try:
        with connect(s) as sock:
            sock.sendall(data)
            status, headers, body = answer(sock)
    except OSError:  # no answer within the socket's 15 s
        status, headers, body = 0, {}, b""
    return status, headers, body, time.monotonic() - started


def chunked(payload, size):
    return b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + size]), payload[i:i + size])
                    for i in range(0, len(payload), size)) + b"0\r\n\r\n"


JSON = "Content-Type: application/json\r\n"
s = Server(AGON, GRAPH, "--max-body", "0.01")  # 10,485 bytes
try:
    # A method the API does not have, sent with no body and no Content-Length,
    # is refused at once (httplib waited 10 s for a body).
    for method in ("PUT", "PATCH", "DELETE"):
        st, _, body, took = timed(s, head(s, method, "/api/map"))
        check(st == 405 and b'"error"' in body and took < 1, "%s without a body: %s in %.2f s" % (method, st, took))
        print("%s without Content-Length: %d in %.3f s" % (method, st, took))
    st, _, _, took = timed(s, head(s, "PUT", "/elsewhere"))
    check(st == 405 and took < 1, "PUT off the API without a body: %s in %.2f s" % (st, took))
    # A POST without one has an empty body (HTTP/1.1), not one still to come.
    st, _, body, took = timed(s, head(s, "POST", "/api/undo", JSON))
    check(st == 400 and b"malformed JSON" in body and took < 1, "POST without a body: %s in %.2f s" % (st, took))
    # A body sent with such a method is read, so the connection goes on.
    with connect(s) as sock:
        sock.sendall(head(s, "PUT", "/api/map", "Content-Length: 2\r\n") + b"{}")
        first = answer(sock)[0]
        sock.sendall(head(s, "GET", "/api/version"))
        second = answer(sock)[0]
    check((first, second) == (405, 200), "a PUT with a body, then a GET on the connection: %s %s" % (first, second))

    # Bodies over --max-body are 413 however they are sent: with a
    # Content-Length, chunked (was 400, and kept whole however large) or
    # compressed (a small gzip body was inflated whole).
    big = b'{"pad": "' + b"x" * 20000 + b'"}'
    sent = {
        "Content-Length": head(s, "POST", "/api/evaluate", JSON + "Content-Length: %d\r\n" % len(big)) + big,
        "chunked": head(s, "POST", "/api/evaluate", JSON + "Transfer-Encoding: chunked\r\n") + chunked(big, 1000),
        "gzip": head(s, "POST", "/api/evaluate", JSON + "Content-Encoding: gzip\r\nContent-Length: %d\r\n"
                     % len(gzip.compress(big))) + gzip.compress(big),
    }
    for how, data in sent.items():
        st, headers, body, took = timed(s, data)
        check(st == 413 and b'"error"' in body, "an over-limit body, %s: %s %s" % (how, st, body[:80]))
    check(headers.get("connection") == "close", "the connection of a body not read to its end is closed")
    small = b'{"semantics": "grounded", "draw": false}'
    st, _, body, _ = timed(s, head(s, "POST", "/api/evaluate", JSON + "Transfer-Encoding: chunked\r\n") + chunked(small, 7))
    check(st == 200 and b'"labels"' in body, "a chunked body within the limit is read: %s %s" % (st, body[:80]))
    st, _, body, _ = timed(s, head(s, "POST", "/api/evaluate", JSON + "Transfer-Encoding: chunked\r\n") + b"zz\r\n{}\r\n0\r\n\r\n")
    check(st == 400 and b'"error"' in body, "a broken chunk: %s" % st)

    # A refused request's body is not read: the client is told to close.
    st, headers, _, _ = timed(s, head(s, "POST", "/api/edit", "Content-Type: text/plain\r\nContent-Length: 2\r\n") + b"{}")
    check(st == 415 and headers.get("connection") == "close", "a refused body closes its connection: %s %s" % (st, headers))

    # Headers past httplib's 8 KiB are refused and the server carries on.
    st, _, _, _ = timed(s, head(s, "GET", "/api/version?" + "a" * 9000))
    check(st == 414, "a request line over 8 KiB: %s" % st)
    st, _, _, _ = timed(s, head(s, "GET", "/api/version", "X-Big: %s\r\n" % ("a" * 9000)))
    check(st == 400, "a header over 8 KiB: %s" % st)

    # At most 100 header lines (httplib took any number, each kept in
    # memory), and at most 1 MiB of request line and headers (httplib kept a
    # line of any length whole before finding it too long).
    lines = "".join("X-H%d: v\r\n" % i for i in range(99))  # and Host: 100
    st, _, _, _ = timed(s, head(s, "GET", "/api/version", lines))
    check(st == 200, "100 header lines are taken: %s" % st)
    st, headers, body, _ = timed(s, head(s, "GET", "/api/version", lines + "X-One-More: v\r\n"))
    check(st == 431 and b"more than 100 header lines" in body and headers.get("connection") == "close",
          "101 header lines: %s %s %s" % (st, headers, body[:80]))
    st, _, body, _ = timed(s, head(s, "GET", "/api/version", "".join("X-H%d: v\r\n" % i for i in range(100000))))
    check(st == 431 and b'"error"' in body, "100,000 header lines: %s %s" % (st, body[:80]))
    st, _, body, _ = timed(s, head(s, "GET", "/api/version?" + "a" * (2 << 20)))
    check(st == 414 and b"1048576 bytes" in body, "a 2 MiB request line: %s %s" % (st, body[:80]))
    check(timed(s, head(s, "GET", "/api/version"))[0] == 200, "answers after refused heads")

    # Idle and slow clients do not starve the others: 12 connections that
    # send nothing, 12 that send a byte a second, and a GET still answers
    # at once (eight such clients held every thread of httplib's pool).
    stop = threading.Event()
    idle = [connect(s) for _ in range(12)]
    slow = [connect(s) for _ in range(12)]

    def trickle():
        for sock in slow:
            sock.sendall(b"G")
        while not stop.wait(1):
            for sock in slow:
                try:
                    sock.sendall(b"E")
                except OSError:
                    pass

    dribbler = threading.Thread(target=trickle)
    dribbler.start()
    time.sleep(0.5)
    worst = 0.0
    for _ in range(5):
        st, _, _, took = timed(s, head(s, "GET", "/api/version"))
        check(st == 200, "a GET beside slow clients: %s" % st)
        worst = max(worst, took)
        time.sleep(0.3)
    st, _, body, took = timed(s, head(s, "POST", "/api/evaluate", JSON + "Content-Length: %d\r\n" % len(small)) + small)
    worst = max(worst, took)
    stop.set()
    dribbler.join()
    for sock in idle + slow:
        sock.close()
    check(st == 200 and worst < 2, "answers beside 24 idle or slow clients in at most %.2f s" % worst)
    print("slowest answer beside 24 idle or slow connections: %.3f s" % worst)

    # Many requests at once are all answered.
    results = []

    def one():
        results.append(timed(s, head(s, "POST", "/api/evaluate", JSON + "Content-Length: %d\r\n" % len(small)) + small)[0])

    many = [threading.Thread(target=one) for _ in range(60)]
    started = time.monotonic()
    for t in many:
        t.start()
    for t in many:
        t.join()
    check(results == [200] * 60, "60 evaluations at once: %s" % sorted(set(results)))
    print("60 evaluations at once: %.2f s" % (time.monotonic() - started))
finally:
    s.stop()


def slow_senders():
    """A client sending a byte every half second never hits the 5 s read
    timeout: --request-timeout (2 s here) ends its request, head or body,
    with 408, and the server answers others meanwhile."""
    t = Server(AGON, GRAPH, "--request-timeout", "2")
    try:
        body = b'{"semantics": "grounded", "draw": false}'
        sends = {"head": head(t, "GET", "/api/version"),
                 "body": head(t, "POST", "/api/evaluate", JSON + "Content-Length: %d\r\n" % len(body)) + body}
        got = {}

        def trickle(what):
            started = time.monotonic()
            with connect(t) as sock:
                data = sends[what]
                if what == "body":  # the head at once, the body a byte at a time
                    cut = data.index(b"\r\n\r\n") + 4
                    sock.sendall(data[:cut])
                    data = data[cut:]
                try:
                    for i in range(len(data)):
                        sock.sendall(data[i:i + 1])
                        time.sleep(0.5)
                        if sock.recv(65536, socket.MSG_PEEK | socket.MSG_DONTWAIT):
                            break
                except OSError:  # the answer came, or the connection closed
                    pass
                status, headers, text = answer(sock)
                got[what] = (status, headers.get("connection"), text, time.monotonic() - started)

        threads = [threading.Thread(target=trickle, args=(what,)) for what in sends]
        for th in threads:
            th.start()
        time.sleep(1)
        beside = timed(t, head(t, "GET", "/api/version"))
        for th in threads:
            th.join()
        check(beside[0] == 200 and beside[3] < 1, "a GET beside slow senders: %s in %.2f s" % (beside[0], beside[3]))
        for what, (status, connection, text, took) in sorted(got.items()):
            check(status == 408 and connection == "close" and b"longer than 2 s" in text and 1.9 < took < 3.5,
                  "a slow %s: %s %s %s after %.2f s" % (what, status, connection, text[:80], took))
            print("a %s sent a byte every 0.5 s: %s after %.2f s" % (what, status, took))
        check(len(got) == 2, "both slow senders were answered: %s" % sorted(got))
    finally:
        t.stop()


def descriptors_past_1023():
    """select()'s fd_set ends at descriptor 1023: a server started with 1,100
    files open numbers its listening socket and every connection above that,
    and must still answer (with select it fails or writes past the set)."""
    held_below = 1100
    want = held_below + 200  # and room for the connections below
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < want:
        if hard != resource.RLIM_INFINITY and hard < want:
            print("SKIP: descriptors past 1023: the hard limit on open files is %d, below %d" % (hard, want))
            return
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    held = []
    try:
        while not held or held[-1] < held_below:
            held.append(os.open(os.devnull, os.O_RDONLY))
        # With every descriptor below passed on (this process's own too), the
        # server has no gap to reuse.
        below = [int(fd) for fd in os.listdir("/proc/self/fd") if int(fd) > 2 and int(fd) <= held[-1]]
        t = Server(AGON, GRAPH, pass_fds=below)
        try:
            sockets = []
            for fd in os.listdir("/proc/%d/fd" % t.proc.pid):
                try:
                    if os.readlink("/proc/%d/fd/%s" % (t.proc.pid, fd)).startswith("socket:"):
                        sockets.append(int(fd))
                except OSError:  # closed since it was listed (the start-up layout's files)
                    pass
            check(sockets and min(sockets) > 1024, "the server's sockets are numbered past 1024: %s" % sockets)
            # Twenty connections kept open while others come and go.
            kept = [connect(t) for _ in range(20)]
            results = [timed(t, head(t, "GET", "/api/version"))[0] for _ in range(5)]
            small = b'{"semantics": "grounded", "draw": false}'
            st, _, body, _ = timed(t, head(t, "POST", "/api/evaluate", JSON + "Content-Length: %d\r\n" % len(small)) + small)
            results.append(st)
            for sock in kept:
                sock.sendall(head(t, "GET", "/api/version"))
                results.append(answer(sock)[0])
                sock.close()
            check(results == [200] * 26 and b'"labels"' in body and t.proc.poll() is None,
                  "answers on descriptors past 1024: %s, server %s" % (sorted(set(results)), t.proc.poll()))
            print("descriptors past 1024: %d answers of %d were 200" % (results.count(200), len(results)))
        finally:
            if t.proc.poll() is not None:
                print(t.proc.stderr.read())
            t.stop()
    finally:
        for fd in held:
            os.close(fd)


slow_senders()
descriptors_past_1023()

print("%d failure(s)" % len(failures) if failures else "workbench HTTP tests: ok")
sys.exit(1 if failures else 0)
