"""agon.Session: incremental answers after every change agree with a brute force written here
from Dung's definitions, and with evaluating the changed framework from scratch."""
import itertools
import random

import pytest

import agon


def preferred(args, attacks):
    """Brute force: maximal admissible sets."""
    def conflict_free(s):
        return not any((a, b) in attacks for a in s for b in s)

    def defends(s, x):
        return all(any((d, y) in attacks for d in s) for (y, t) in attacks if t == x)

    admissible = [set(s) for k in range(len(args) + 1) for s in itertools.combinations(sorted(args), k)
                  if conflict_free(s) and all(defends(s, x) for x in s)]
    return [s for s in admissible if not any(s < t for t in admissible)]


def test_changes_then_questions_match_brute_force():
    rng = random.Random(5)
    session = agon.Session("preferred")
    args, attacks = set(), set()
    for step in range(120):
        move = rng.random()
        if move < 0.3 or len(args) < 3:
            new = max(args, default=0) + 1
            if len(args) < 7:
                session.add_argument(new)
                args.add(new)
        elif move < 0.8:
            a, b = rng.choice(sorted(args)), rng.choice(sorted(args))
            if (a, b) in attacks:
                session.remove_attack(a, b)
                attacks.discard((a, b))
            else:
                session.add_attack(a, b)
                attacks.add((a, b))
        else:
            gone = rng.choice(sorted(args))
            session.remove_argument(gone)
            args.discard(gone)
            attacks = {(a, b) for a, b in attacks if gone not in (a, b)}
        exts = preferred(args, attacks)
        x = rng.choice(sorted(args))
        assert session.credulous(x) == any(x in e for e in exts), step
        if session.credulous(x):
            w = session.witness()
            assert x in w and set(w) in exts
        assert session.skeptical(x) == all(x in e for e in exts), step
        assert len(session) == len(args) and session.attack_count == len(attacks)
    assert session.stats["questions"] > 0


def test_session_from_a_graph_numbers_its_claims():
    g = agon.Graph()
    for x in "abcd":
        g.claim(x)
    g.attack("a", "b"), g.attack("b", "a"), g.attack("a", "c"), g.attack("b", "c"), g.attack("c", "d")
    s = agon.Session("preferred", graph=g)
    # Floating reinstatement: d (4) is in both preferred extensions, a (1) in one.
    assert s.skeptical(4) and s.credulous(1) and not s.skeptical(1)
    assert s.credulous([1, 4]) and not s.credulous([1, 2])
    assert s.grounded_label(4) == "undec" and s.some_extension() in ([1, 4], [2, 4])
    s.semantics = "grounded"
    assert s.semantics == "grounded" and not s.credulous(4)
    with pytest.raises(agon.Error) as info:
        s.add_argument(1)
    assert info.value.kind == "invalid_input"
    with pytest.raises(agon.Error) as info:
        s.credulous(99)
    assert info.value.kind == "not_found"
    with pytest.raises(agon.Error):
        agon.Session("dfquad")
    assert agon.Session("stable").some_extension() == []
    odd = agon.Session("stable")
    for i in (1, 2, 3):
        odd.add_argument(i)
    odd.add_attack(1, 2), odd.add_attack(2, 3), odd.add_attack(3, 1)
    assert odd.some_extension() is None and odd.skeptical(1)
