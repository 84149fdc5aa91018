#!/usr/bin/env python3
"""The include graph of src/ keeps its layers (ctest: include_graph).

Usage: include_graph.py SRC_DIR

Fails (exit 1, one line per finding) when
  - a file includes a header of a higher folder (the ranks below), or a folder not ranked;
  - two folders include each other, directly or round a longer loop;
  - files of layout/ form a loop of modules: a module is a .h with its .cpp, and module a
    depends on b when a.h or a.cpp includes b.h. A loop means one .cpp calls into another
    that calls back (handout_layout.cpp -> trifold_layout.cpp -> handout_layout.cpp);
  - a file of layout/ includes layout/handout_layout.h, layout's entry point (only callers
    outside layout/ do), or layout/layout_types.h, the bottom, includes a layout header.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

# Lower number = lower layer. A file may include headers of its own rank or below.
RANKS = {
    "util": 0, "diag": 0, "hash": 0, "deflate": 0, "qr": 0,
    "config": 1, "content": 1, "fonts": 1, "text": 1, "assets": 1, "style": 1,
    "check": 1, "translate": 1, "mail": 1,
    "layout": 2,
    "render": 3,
    "job": 4, "build": 4, "cli": 4,
    "": 5,  # src/main.cpp
}
ENTRY = "layout/handout_layout.h"
BOTTOM = "layout/layout_types.h"
# Folders whose modules must form no loop. Not yet: job/ (loops through run_context and
# build_job, for its split into cli/ and build/ to remove) and assets/ (codecs <-> image).
NO_MODULE_LOOPS = {"layout"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder(rel):
    parts = rel.split("/")
    return parts[0] if len(parts) > 1 else ""


def module(rel):
    return rel.rsplit(".", 1)[0]


def find_cycle(graph):
    """One loop of `graph` (dict node -> set of nodes) as a list of nodes, or None."""
    state = {}
    stack = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def all_cycles(graph):
    """Loops of `graph`, one per strongly connected part, by removing each found loop's last edge."""
    g = {n: set(ms) for n, ms in graph.items()}
    out = []
    while True:
        c = find_cycle(g)
        if not c:
            return out
        out.append(c)
        g[c[-2]].discard(c[-1])


def main(src):
    src = Path(src)
    files = sorted(p for p in src.rglob("*") if p.suffix in (".h", ".cpp"))
    includes = {}
    for p in files:
        rel = p.relative_to(src).as_posix()
        includes[rel] = [i for i in INCLUDE.findall(p.read_text(encoding="utf-8")) if (src / i).is_file()]
    problems = []
    folders = defaultdict(set)
    for rel, incs in includes.items():
        here = folder(rel)
        if here not in RANKS:
            problems.append(f"{rel}: folder {here or '.'}/ has no rank in {Path(__file__).name}")
            continue
        for inc in incs:
            there = folder(inc)
            if there != here:
                folders[here].add(there)
            if there not in RANKS:
                continue
            if RANKS[there] > RANKS[here]:
                problems.append(f"{rel}: includes {inc}, a higher layer ({there}/ above {here or 'src'}/)")
            if here == "layout" and inc == ENTRY and module(rel) != module(ENTRY):
                problems.append(f"{rel}: includes {ENTRY}, layout's entry point; use the header it needs")
            if rel == BOTTOM and there == "layout":
                problems.append(f"{rel}: includes {inc}; layout's shared types include no layout header")
    for c in all_cycles(folders):
        problems.append("folders include each other: " + " -> ".join((f or "src") + "/" for f in c))
    by_folder = defaultdict(dict)
    for rel, incs in includes.items():
        f = folder(rel)
        deps = by_folder[f].setdefault(module(rel), set())
        deps.update(module(i) for i in incs if folder(i) == f and module(i) != module(rel))
    for f in sorted(NO_MODULE_LOOPS & set(by_folder)):
        for c in all_cycles(by_folder[f]):
            problems.append("modules call each other round a loop: " + " -> ".join(c))
    for p in problems:
        print(p)
    n_edges = sum(len(v) for v in includes.values())
    print(f"{len(includes)} files, {n_edges} includes: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
