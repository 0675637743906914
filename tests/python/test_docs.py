"""Every Python example in the guides runs, and prints what its comment says.

The examples of each document run in order in one namespace (a guide's later examples go on
with its earlier ones), from a folder where `graphs/` is the repository's. An expression whose
comment is a Python value (`r["designation"]  # 'out'`) must give that value; a comment with
`...` gives the start of the value's repr (`# 0.522...`); other comments are prose.
"""
import ast
import io
import os
import re
import tokenize

import pytest

from conftest import SOURCE


def python_section(text):
    return text.split("<!-- section: python -->")[1].split("<!-- section:")[0]


DOCUMENTS = {
    "docs/python.md": lambda text: text,
    "README.md": python_section,
    "bindings/python/README.md": lambda text: text,
}


def examples(document):
    text = DOCUMENTS[document]((SOURCE / document).read_text())
    return re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)


def comments(code):
    """Line number -> the comment that ends the line."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {t.start[0]: t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT}


def expected(comment):
    """('prefix', text), ('value', value), or None for prose."""
    if "..." in comment:
        prefix = comment.split("...")[0]
        return ("prefix", prefix) if re.match(r"[-\d'\"\[{(]", prefix) else None
    try:
        return ("value", ast.literal_eval(comment))
    except (ValueError, SyntaxError):
        return None


def run(code, name, namespace):
    notes = comments(code)
    statements = ast.parse(code).body
    for i, stmt in enumerate(statements):
        last_on_line = i + 1 == len(statements) or statements[i + 1].lineno > stmt.end_lineno
        want = expected(notes.get(stmt.end_lineno, "")) if last_on_line else None
        if isinstance(stmt, ast.Expr):
            value = eval(compile(ast.Expression(stmt.value), name, "eval"), namespace)
        else:
            exec(compile(ast.Module([stmt], []), name, "exec"), namespace)
            continue
        where = f"{name}, line {stmt.lineno}: {ast.unparse(stmt)}"
        if want and want[0] == "value":
            assert value == want[1], where
        elif want:
            assert repr(value).startswith(want[1]), f"{where}: {value!r} does not start with {want[1]}"


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_examples_run_and_print_what_they_say(document, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("networkx")
    import agon
    if not agon.render_available():
        pytest.skip("this build draws no maps")
    (tmp_path / "graphs").symlink_to(SOURCE / "graphs")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    blocks = examples(document)
    assert blocks, f"no Python examples found in {document}"
    namespace = {}
    for n, code in enumerate(blocks, 1):
        run(code, f"{document}, example {n}", namespace)


def test_comments_are_read_as_values_or_prose():
    assert expected("'out'") == ("value", "out")
    assert expected("0.522...: results are mappings") == ("prefix", "0.522")
    assert expected("dicts shaped like agon explain --json") is None
    assert expected("incremental: x.attack(a, b), ask again") is None
