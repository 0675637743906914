"""Long calls: Ctrl-C cancels them, time limits stop them, other Python threads run meanwhile,
several threads evaluate at once, and graphs do not leak."""
import os
import random
import signal
import threading
import time

import pytest

import agon


def pairs(n):
    """n mutual attacks: 2**n preferred extensions, an enumeration that never ends in a test."""
    g = agon.Graph()
    for i in range(n):
        g.claim(f"a{i}"), g.claim(f"b{i}")
        g.attack(f"a{i}", f"b{i}"), g.attack(f"b{i}", f"a{i}")
    return g


def random_graph(n, seed):
    rng = random.Random(seed)
    g = agon.Graph()
    for i in range(n):
        g.claim(f"c{i}", base=rng.random())
    for _ in range(3 * n):
        a, b = rng.randrange(n), rng.randrange(n)
        (g.support if rng.random() < 0.3 else g.attack)(f"c{a}", f"c{b}", 0.5)
    return g


def interrupt_after(seconds):
    timer = threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


@pytest.mark.parametrize("question", ["extensions", "robustness"])
def test_ctrl_c_cancels_a_long_call(question, mexico):
    calls = {"extensions": lambda: pairs(60).extensions("preferred"),
             "robustness": lambda: mexico.robustness(semantics="dfquad", samples=2_000_000)}
    interrupt_after(0.3)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        calls[question]()
    assert time.monotonic() - start < 3
    assert mexico.evaluate()["designation"] == "out"  # the module still works


def test_timeout_stops_with_a_limit_error():
    start = time.monotonic()
    with pytest.raises(agon.Error) as info:
        pairs(60).extensions("preferred", timeout=0.3)
    assert info.value.kind == "limit" and time.monotonic() - start < 3


def test_other_threads_run_while_the_engine_works():
    g = pairs(60)
    done, errors = threading.Event(), []

    def work():
        try:
            g.extensions("preferred", timeout=1.0)
        except agon.Error as e:
            errors.append(e.kind)
        done.set()

    threading.Thread(target=work).start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    # With the GIL held for the whole second this loop would not get to run at all.
    assert errors == ["limit"] and ticks > 200


def test_threads_evaluate_separate_graphs_at_once():
    graphs = [random_graph(1000, seed) for seed in range(4)]
    expected = [(g.evaluate(semantics="dfquad").json(), g.evaluate(semantics="grounded").json()) for g in graphs]
    got = [None] * len(graphs)

    def work(i):
        got[i] = [(graphs[i].evaluate(semantics="dfquad").json(), graphs[i].evaluate(semantics="grounded").json())
                  for _ in range(2)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(graphs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [[e] * 2 for e in expected]


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@pytest.mark.skipif(os.environ.get("AGON_SANITIZED") == "1",
                    reason="AddressSanitizer keeps freed memory in quarantine, so RSS grows anyway")
def test_creating_and_dropping_100000_graphs_does_not_grow_memory():
    def churn(n):
        for i in range(n):
            g = agon.Graph("g")
            a, b = g.claim("a", "claim a"), g.claim("b")
            g.attack(a, b)
            if i % 10 == 0:
                r = g.evaluate()
                assert r["b"] == "out"
                g.scenario("s").remove("a")

    churn(10_000)  # warm up the allocators
    before = rss_kib()
    churn(100_000)
    assert rss_kib() - before < 4 * 1024
