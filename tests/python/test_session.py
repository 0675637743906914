"""agon.Session (agon/claim_session.hpp, the Lua face's g:session{}): incremental answers after every
change agree with a brute force written here from Dung's definitions and with evaluating the changed
graph from scratch through the module; errors and cancellation as for every long call."""
import itertools
import os
import random
import signal
import threading
import time

import pytest

import agon

SEMANTICS = ["grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"]


def preferred(args, attacks):
    """Brute force: maximal admissible sets."""
    def conflict_free(s):
        return not any((a, b) in attacks for a in s for b in s)

    def defends(s, x):
        return all(any((d, y) in attacks for d in s) for (y, t) in attacks if t == x)

    admissible = [set(s) for k in range(len(args) + 1) for s in itertools.combinations(sorted(args), k)
                  if conflict_free(s) and all(defends(s, x) for x in s)]
    return [s for s in admissible if not any(s < t for t in admissible)]


def random_change(rng, session, claims, attacks, names, most):
    """One random change of the session, made also to `claims` (a list) and `attacks` (a set):
    a new claim (up to `most`), an attack added or removed, or a claim removed."""
    move = rng.random()
    if len(claims) < 3 or move < 0.25 and len(claims) < most:
        claims.append(next(names))
        session.add_claim(claims[-1])
    elif move < 0.8:
        a, b = rng.choice(claims), rng.choice(claims)
        if (a, b) in attacks:
            session.remove_attack(a, b)
            attacks.discard((a, b))
        else:
            session.attack(a, b)
            attacks.add((a, b))
    else:
        gone = claims.pop(rng.randrange(len(claims)))
        session.remove_claim(gone)
        attacks -= {(a, b) for a, b in attacks if gone in (a, b)}


def test_changes_then_questions_match_brute_force():
    rng = random.Random(5)
    session = agon.Session("preferred")
    claims, attacks, names = [], set(), (f"x{i}" for i in itertools.count(1))
    for step in range(120):
        random_change(rng, session, claims, attacks, names, 7)
        exts = preferred(set(claims), attacks)
        x = rng.choice(claims)
        assert session.credulous(x) == any(x in e for e in exts), step
        if session.credulous(x):
            w = session.witness()
            assert x in w and set(w) in exts
        assert session.skeptical(x) == all(x in e for e in exts), step
        assert len(session) == session.claim_count == len(claims) and session.attack_count == len(attacks)
        assert all(session.has_claim(a) for a in claims) and all(session.has_attack(a, b) for a, b in attacks)
    assert session.stats["questions"] > 0
    assert session.stats["by_refutation"] == 0
    assert session.stats["by_kept"] == 0  # kept stable extensions answer stable-based questions only


def from_scratch(claims, attacks):
    """The session's framework as a new graph, to answer from scratch."""
    g = agon.Graph()
    for c in claims:
        g.add_claim(c)
    for a, b in attacks:
        g.attack(a, b)
    return g


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_random_changes_agree_with_evaluation_from_scratch(semantics):
    rng = random.Random(semantics)
    # Start from a graph with supports, which the session ignores (as with support="none").
    g = agon.Graph()
    claims = [f"c{i}" for i in range(5)]
    for c in claims:
        g.claim(c)
    attacks = set()
    for _ in range(6):
        a, b = rng.sample(claims, 2)
        if (a, b) not in attacks:
            g.attack(a, b)
            attacks.add((a, b))
    g.support("c0", "c1")
    session, names = g.session(semantics), (f"c{i}" for i in itertools.count(len(claims)))
    assert session.semantics == semantics
    for step in range(40):
        random_change(rng, session, claims, attacks, names, 8)
        fresh = from_scratch(claims, attacks)
        exts = [set(e) for e in fresh.extensions(semantics)]
        pair = rng.sample(claims, min(2, len(claims)))
        where = (semantics, step, sorted(attacks))
        assert session.credulous(pair) == any(set(pair) <= e for e in exts), where
        if session.credulous(pair):
            assert set(session.witness()) in exts, where
        assert session.skeptical(pair[0]) == all(pair[0] in e for e in exts), where
        one = session.extension()
        assert (one is None) == (not exts) and (one is None or set(one) in exts), where
        grounded = fresh.evaluate(semantics="grounded")
        assert all(session.grounded_label(c) == grounded[c] for c in claims), where


def test_sessions_from_graphs_scenarios_and_nothing_and_their_errors():
    g = agon.Graph()
    for x in "abcd":
        g.claim(x)
    g.attack("a", "b"), g.attack("b", "a"), g.attack("a", "c"), g.attack("b", "c"), g.attack("c", "d")
    s = agon.Session("preferred", graph=g)
    # Floating reinstatement: d is in both preferred extensions, a in one.
    assert s.skeptical("d") and s.credulous(g["a"]) and not s.skeptical("a")
    assert s.credulous(["a", "d"]) and not s.credulous(("a", "b"))
    assert s.grounded_label("d") == "undec" and s.extension() in (["a", "d"], ["b", "d"])
    s.set_semantics("grounded")
    assert s.semantics == "grounded" and not s.credulous("d")
    s.semantics = "stable"
    assert s.semantics == "stable" and s.skeptical("d")
    # A scenario's session sees the scenario; later edits do not reach a session.
    t = g.scenario().remove("b").session("grounded")
    g.remove("a")
    assert t.credulous("a") and not t.credulous("c") and t.credulous("d") and not t.has_claim("b")
    for call, kind in ((lambda: s.add_claim("a"), "invalid_input"), (lambda: s.add_claim(""), "invalid_input"),
                       (lambda: s.attack("a", "b"), "invalid_input"), (lambda: s.attack("a", "x"), "not_found"),
                       (lambda: s.remove_attack("d", "a"), "not_found"), (lambda: s.remove_claim("x"), "not_found"),
                       (lambda: s.credulous("x"), "not_found"), (lambda: s.grounded_label("x"), "not_found"),
                       (lambda: s.set_semantics("dfquad"), "usage"), (lambda: agon.Session("hcat"), "usage")):
        with pytest.raises(agon.Error) as info:
            call()
        assert info.value.kind == kind
    assert s.semantics == "stable" and not s.has_attack("a", "x")
    with pytest.raises(TypeError):
        s.credulous(1)  # claims are named by their ids
    with pytest.raises(TypeError):
        agon.Session("preferred", graph="g")
    undercut = agon.Graph().add_claim("a").add_claim("b").add_edge("attack", "a", "b", id="ab")
    undercut.add_claim("u").undercut("u", "ab")
    with pytest.raises(agon.Error) as info:
        undercut.session()
    assert info.value.kind == "usage" and "undercut" in str(info.value)
    assert agon.Session("stable").extension() == []
    odd = agon.Session("stable")
    for x in "xyz":
        odd.add_claim(x)
    odd.attack("x", "y"), odd.attack("y", "z"), odd.attack("z", "x")
    assert odd.extension() is None and odd.skeptical("x") and repr(odd) == "<agon.Session (stable, 3 claims, 3 attacks)>"


def hard_session():
    """Stage semantics on 2,000 claims with 4,000 random attacks: sceptical acceptance of c0 runs
    for seconds (measured: past a 5 s limit)."""
    rng = random.Random(1)
    s = agon.Session("stage")
    for i in range(2000):
        s.add_claim(f"c{i}")
    for _ in range(4000):
        a, b = rng.randrange(2000), rng.randrange(2000)
        if a != b and not s.has_attack(f"c{a}", f"c{b}"):
            s.attack(f"c{a}", f"c{b}")
    return s


def test_a_question_stops_at_its_timeout_and_on_ctrl_c():
    s = hard_session()
    start = time.monotonic()
    with pytest.raises(agon.Error) as info:
        s.skeptical("c0", timeout=0.3)
    assert info.value.kind == "limit" and time.monotonic() - start < 3
    threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        s.skeptical("c0")
    assert time.monotonic() - start < 3
    # The session still answers, and other threads may change it meanwhile (no deadlock on its lock).
    worker = threading.Thread(target=lambda: s.add_claim("late"))
    with pytest.raises(agon.Error):
        threading.Timer(0.1, worker.start).start()
        s.skeptical("c0", timeout=0.5)
    worker.join(5)
    assert not worker.is_alive() and s.has_claim("late") and s.credulous("late")
