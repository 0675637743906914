#!/usr/bin/env python3
"""Lua tests: the API through `agon run`, the module under the stock lua5.4,
and sandbox escapes that must fail with exit 2 and one clear error line."""
import os, re, shutil, subprocess, sys, tempfile

agon, module_dir = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
failed = 0
passed = 0

def report(ok, name, detail=""):
    global failed, passed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")

with tempfile.TemporaryDirectory() as out:
    p = subprocess.run([agon, "run", "--out", out, os.path.join(here, "api.lua")], capture_output=True, text=True, timeout=60)
    report(p.returncode == 0 and "all checks passed" in p.stdout, "api via agon run", p.stderr + p.stdout)

    lua = "lua5.4"
    code = f'package.cpath="{module_dir}/?.so;"..package.cpath; dofile("{os.path.join(here, "api.lua")}")'
    p = subprocess.run([lua, "-e", code], capture_output=True, text=True, timeout=60)
    report(p.returncode == 0 and "all checks passed" in p.stdout, "api via stock lua5.4 module", p.stderr + p.stdout)

    # Each escape: exit 2, one "agon: error:" line mentioning the reason.
    reasons = {
        "os_execute": "nil", "io_open": "nil", "require_c": "require is limited", "load_binary": "nil",
        "string_dump": "nil", "debug": "nil", "memory_bomb": "memory limit", "string_bomb": "memory limit",
        "infinite_loop": "time limit", "pcall_escape": "time limit", "path_traversal": "sandbox:", "absolute_path": "outside the allowed",
        "write_outside": "outside the allowed", "getmetatable_dump": "nil", "binary_chunk_file": "nil",
        "graph_bomb": "memory limit",  # engine memory counts against --max-memory too
        "scenario_bomb": "memory limit",
        "session_bomb": "memory limit",  # a session's framework counts too
        "session_loop": "time limit",  # session questions run under the host's Control
        "engine_loop": "time limit exceeded",  # stopped through the host's Control
        "gc_finaliser": "__gc metamethods are not allowed",
        "engine_gc": "attempt to call a nil value",
        "round_kept_speech": "a speech kept past its round still works",
        "round_extend_bomb": "memory limit",
        "gc_through_index": "attempt to call a nil value",
        "memory_pcall": "memory limit",
        "xpcall_handler_loop": "time limit",
        "coroutine_memory": "memory limit",
        "list_metamethod": "memory limit",
        "dangling_link": "symbolic link",
        "coroutine_close_memory": "memory limit",
        # __close handlers run while a memory error unwinds; one that raises
        # its own error must not hide the limit from pcall or the host.
        "close_memory_masked": "memory limit",
        "close_memory_main": "memory limit",
        "close_memory_wrap": "memory limit",
        "close_memory_xpcall": "memory limit",
        "close_memory_allocates": "memory limit",
        "coroutine_wrap_memory": "memory limit",
        "coroutine_wrap_time": "time limit",
        "coroutine_resume_time": "time limit",
    }
    # A limit error names the script's line where it struck, as Lua errors do:
    # the line (or lines) of each memory and time bomb.
    limit_lines = {
        "memory_bomb": "2", "string_bomb": "1", "infinite_loop": "1", "pcall_escape": "1",
        "graph_bomb": "5", "scenario_bomb": "7", "session_bomb": "[67]", "session_loop": "1[34]",
        "engine_loop": "12", "round_extend_bomb": "6", "memory_pcall": "4", "xpcall_handler_loop": "3",
        "coroutine_memory": "2",  # inside the coroutine, not where it was resumed
        "list_metamethod": "9",
        "coroutine_close_memory": "5",  # in the __close handler that closing the coroutine ran
        "close_memory_masked": "5", "close_memory_main": "4", "close_memory_xpcall": "4",
        "close_memory_wrap": "4",  # inside coroutine.wrap too, not the line that called the function
        "coroutine_wrap_memory": "3", "coroutine_wrap_time": "3", "coroutine_resume_time": "3",
        "close_memory_allocates": "11",
    }
    # dangling_link.lua writes through this link to a file outside `out`.
    outside = tempfile.mkdtemp()
    os.symlink(os.path.join(outside, "written.json"), os.path.join(out, "link.json"))
    for name, reason in sorted(reasons.items()):
        script = os.path.join(here, "escapes", name + ".lua")
        # Memory escapes get time to reach the limit even in a sanitizer build.
        # So does the kept speech, whose garbage must first bring the collector round.
        timeout = "20" if name == "round_kept_speech" else "10" if reason == "memory limit" else "2"
        p = subprocess.run([agon, "run", "--out", out, "--max-memory", "64", "--timeout", timeout, script],
                           capture_output=True, text=True, timeout=60)
        lines = p.stderr.strip().splitlines()
        ok = p.returncode == 2 and len(lines) == 1 and lines[0].startswith("agon: error:") and reason in lines[0]
        ok = ok and "inside a library call" not in lines[0]  # the _Exit watchdog is only for C code Lua runs
        if name in limit_lines:
            ok = ok and re.search(rf"{name}\.lua:{limit_lines[name]}: {reason}", lines[0]) is not None
        if name in ("memory_bomb", "infinite_loop"):  # the wording after the line is as it was
            ok = ok and lines[0].endswith(f"{name}.lua:{limit_lines[name]}: " +
                                          ("memory limit of 64 MiB exceeded" if name == "memory_bomb" else "time limit of 2.0 s exceeded"))
        report(ok, "escape " + name, f"exit {p.returncode}, stderr {p.stderr!r}")
    # A pattern match that backtracks past the time limit: the watchdog ends
    # the process and names the line that called the match (also through gmatch).
    # (Not among the escapes, which the Lua fuzz harness replays in-process.)
    for name, line in [("pattern_backtrack", "3"), ("gmatch_backtrack", "4")]:
        p = subprocess.run([agon, "run", "--out", out, "--timeout", "0.5", os.path.join(here, "watchdog", name + ".lua")],
                           capture_output=True, text=True, timeout=60)
        lines = p.stderr.strip().splitlines()
        report(p.returncode == 2 and len(lines) == 1 and lines[0].startswith("agon: error: ") and
               re.search(rf"{name}\.lua:{line}: time limit of 0\.5 s exceeded \(inside a library call\)$", lines[0]) is not None,
               "watchdog " + name, f"exit {p.returncode}, stderr {p.stderr!r}")
    # An unknown option (here a misspelt cap) is an error, not a script run with the default.
    p = subprocess.run([agon, "run", "--out", out, "--max-memroy", "8", os.path.join(here, "escapes", "debug.lua")],
                       capture_output=True, text=True, timeout=60)
    report(p.returncode == 2 and "unknown option '--max-memroy'" in p.stderr, "run with an unknown option",
           f"exit {p.returncode}, stderr {p.stderr!r}")
    # A memory cap too small for Lua's own libraries: a clear error, not an abort.
    p = subprocess.run([agon, "run", "--out", out, "--max-memory", "0.01", os.path.join(here, "escapes", "debug.lua")],
                       capture_output=True, text=True, timeout=60)
    report(p.returncode == 2 and "too small to start Lua" in p.stderr, "tiny --max-memory", f"exit {p.returncode}, stderr {p.stderr!r}")
    # Arguments larger than the cap: a clear error, not a Lua panic (abort).
    p = subprocess.run([agon, "run", "--out", out, "--max-memory", "0.2", os.path.join(here, "escapes", "debug.lua"),
                        "x" * 100000, "y" * 100000], capture_output=True, text=True, timeout=60)
    report(p.returncode == 2 and "arguments do not fit in the memory limit" in p.stderr, "arguments over --max-memory",
           f"exit {p.returncode}, stderr {p.stderr!r}")
    # Options before the script path, a repeatable --read among them: the
    # script path and its arguments stay positional (--read takes one value).
    with tempfile.TemporaryDirectory() as other:
        graph = os.path.join(other, "g.json")
        with open(graph, "w") as f:
            f.write('{"format":"agon-graph","version":1,"claims":[{"id":"a"},{"id":"b"}],'
                    '"edges":[{"id":"e1","from":"a","to":"b","kind":"attack"}]}')
        script = os.path.join(out, "read_other.lua")
        with open(script, "w") as f:
            f.write('local agon = require "agon"\nlocal g = agon.load(arg[1])\n'
                    'print(#g, g:evaluate{}:label(arg[2]))\n')
        p = subprocess.run([agon, "run", "--read", other, "--read", out, "--timeout", "10", script, graph, "b"],
                           capture_output=True, text=True, timeout=60)
        report(p.returncode == 0 and p.stdout.strip() == "2\tout", "run --read DIR before the script",
               f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")
        p = subprocess.run([agon, "eval", "-p", "epsilon=1e-6", "-s", "dfquad", graph, "--json"],
                           capture_output=True, text=True, timeout=60)
        report(p.returncode == 0 and '"semantics":"dfquad"' in p.stdout, "eval -p KEY=VALUE before the file",
               f"exit {p.returncode}, stderr {p.stderr!r}")

    # Arguments after -- reach the script as they are, in order, in `arg` and in `...`.
    show = os.path.join(out, "show_args.lua")
    with open(show, "w") as f:
        f.write('local t = {}\nfor i = 1, #arg do t[#t + 1] = arg[i] end\n'
                'print(table.concat(t, "|") .. " / " .. table.concat({...}, "|"))\n')
    for words, expected in [(["x", "--", "-b"], "x|-b"), (["--", "-b"], "-b"),
                            (["x", "--", "--", "--max-memory", "8", "-b"], "x|--|--max-memory|8|-b")]:
        p = subprocess.run([agon, "run", "--out", out, show] + words, capture_output=True, text=True, timeout=60)
        report(p.returncode == 0 and p.stdout.strip() == expected + " / " + expected, "run " + " ".join(words),
               f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")
    p = subprocess.run([agon, "run", "--out", out, "--", show, "-a", "b"], capture_output=True, text=True, timeout=60)
    report(p.returncode == 0 and p.stdout.strip() == "-a|b / -a|b", "run -- SCRIPT -a b",
           f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")
    p = subprocess.run([agon, "run", "--out", out, "--"], capture_output=True, text=True, timeout=60)
    report(p.returncode == 2 and "no script given" in p.stderr, "run -- without a script",
           f"exit {p.returncode}, stderr {p.stderr!r}")

    # -o DIR: made by the script's first write into it, not before; a missing
    # parent (a mistyped path) is refused before the script runs.
    with tempfile.TemporaryDirectory() as work:
        scripts = {"quiet": 'print("nothing written")\n', "broken": "local x = = 1\n",
                   "fails": 'error("stop")\n',
                   "saves": 'local g = agon.graph{}\ng:claim{id = "a"}\ng:save(agon.output_dir .. "/g.json")\n',
                   "saves_dir": 'agon.graph{}:save(agon.output_dir, "json")\n',
                   # --unsafe: the standard library is there, and agon.output_dir too.
                   "saves_unsafe": 'assert(io and os.execute, "sandboxed")\nassert(agon.output_dir ~= "", "no output_dir")\n'
                                   'agon.graph{}:save(agon.output_dir .. "/g.json")\nprint(agon.output_dir)\n',
                   # --unsafe -o DIR: DIR is there before the script's first write.
                   "opens_unsafe": 'local f = assert(io.open(agon.output_dir .. "/x.txt", "w"))\nf:write("x")\nf:close()\n'}
        for name, text in scripts.items():
            with open(os.path.join(work, name + ".lua"), "w") as f:
                f.write(text)
        def run_in(name, out_dir, *flags):
            return subprocess.run([agon, "run", *flags, "-o", out_dir, os.path.join(work, name + ".lua")],
                                  capture_output=True, text=True, timeout=60, cwd=work)
        for name, code in [("quiet", 0), ("broken", 2), ("fails", 2)]:
            p = run_in(name, "new")
            report(p.returncode == code and not os.path.exists(os.path.join(work, "new")),
                   f"run -o NEW, {name} script: no directory", f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves", "missing/new")
        report(p.returncode == 2 and "parent directory does not exist" in p.stderr
               and not os.path.exists(os.path.join(work, "missing")), "run -o MISSING/NEW refused",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves", "quiet.lua")
        report(p.returncode == 2 and "is not a directory" in p.stderr, "run -o FILE refused",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves_dir", "made")
        report(p.returncode == 2 and "outside the allowed" in p.stderr and not os.path.exists(os.path.join(work, "made")),
               "run: a file in the output directory's place", f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves", "made/")
        report(p.returncode == 0 and os.path.isfile(os.path.join(work, "made", "g.json")), "run -o NEW, written",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        # --unsafe lifts the sandbox and makes -o DIR before the script runs, for io.open.
        p = run_in("opens_unsafe", "new", "--unsafe")
        report(p.returncode == 0 and os.path.isfile(os.path.join(work, "new", "x.txt")), "run --unsafe -o NEW, io.open there",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = subprocess.run([agon, "run", "--unsafe", os.path.join(work, "quiet.lua")], capture_output=True, text=True,
                           timeout=60, cwd=work)
        report(p.returncode == 0 and not os.path.exists(os.path.join(work, "out")), "run --unsafe without -o: no out made",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves_unsafe", "missing/new", "--unsafe")
        report(p.returncode == 2 and "parent directory does not exist" in p.stderr
               and not os.path.exists(os.path.join(work, "missing")), "run --unsafe -o MISSING/NEW refused",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves_unsafe", "quiet.lua", "--unsafe")
        report(p.returncode == 2 and "is not a directory" in p.stderr, "run --unsafe -o FILE refused",
               f"exit {p.returncode}, stderr {p.stderr!r}")
        p = run_in("saves_unsafe", "made_unsafe", "--unsafe")
        made = os.path.realpath(os.path.join(work, "made_unsafe"))
        report(p.returncode == 0 and p.stdout.strip() == made and os.path.isfile(os.path.join(made, "g.json")),
               "run --unsafe -o NEW, written", f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")

    report(not os.path.exists("/tmp/agon-escaped") and not os.listdir(outside),
           "no side effects", "a forbidden file was written")
    shutil.rmtree(outside, ignore_errors=True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
