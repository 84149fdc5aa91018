#!/usr/bin/python3
"""Every program and Python module the tests use is declared, and installed by the scripts.

  deps_audit.py [--repo DIR] [--install-deps SCRIPT] [--needs-only]

1. Each entry of tests/needs.txt ("program NAME" or "module NAME") is found the way the tests
   find it (PATH without /usr/local or pyenv; Debian's /usr/bin/python3), the file is traced to
   its Debian package with `dpkg -S`, and that package must be on `install-deps.sh --list test`
   or be Essential or of priority required (on every Debian machine).
2. tests/ (and the scripts that run it) are scanned for the programs and modules they use:
   shell through shfmt's syntax tree (commands, pipelines, $(...), here-documents, `sh -c` and
   `python3 -c` strings, wrappers such as `check`, `timeout`, `env`, `xargs`, and what
   lib.sh's `verify --run` runs), Python through its own `ast` (imports, subprocess calls),
   C++ test files for `system`/`popen` commands.
   Anything used but not declared, or declared but never used, is an error.
--needs-only does step 1 alone (test_deps.sh tries spoilt package lists with it).
Exit 0 when all is well, 1 with one line per problem.
"""
import ast
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys

DEBIAN_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
PYTHON = "/usr/bin/python3"
# Commands that run the command named by a later argument; the number of arguments they take
# before it, and the options that take a value of their own.
WRAPPERS = {
    "check": (1, set()), "timeout": (1, {"-s", "-k", "--signal", "--kill-after"}),
    "env": (0, {"-u", "-C"}), "exec": (0, {"-a"}), "command": (0, set()), "nice": (0, {"-n"}),
    "xargs": (0, {"-I", "-n", "-P", "-d", "-L", "-a", "-s", "-E"}), "setsid": (0, set()),
    "strace": (0, {"-o", "-e", "-p", "-s", "-P", "-X"}), "time": (0, set()), "nohup": (0, set()),
    "unshare": (0, set()), "flock": (1, {"-w", "-E"}), "stdbuf": (0, {"-i", "-o", "-e"}),
}
SHELLS = {"sh", "bash", "dash"}


class Usage:
    """What the scan found: program or module name -> first place it was seen."""

    def __init__(self):
        self.programs, self.modules, self.functions = {}, {}, set()

    def program(self, name, where):
        self.programs.setdefault(name, where)

    def module(self, name, where):
        self.modules.setdefault(name.split(".")[0], where)


PARSED = {}  # script text -> shfmt's tree, parsed ahead for the files (see parse_ahead)


def parse_ahead(texts):
    """shfmt's trees for many scripts at once, a few shfmt processes running side by side."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for text, run in zip(texts, pool.map(run_shfmt, texts)):
            PARSED[text] = run


def run_shfmt(text):
    return subprocess.run(["shfmt", "--to-json", "-ln", "bash"], input=text, capture_output=True, text=True)


def shell_ast(text, where):
    run = PARSED.get(text) or run_shfmt(text)
    if run.returncode != 0:
        raise SyntaxError(f"{where}: shfmt cannot parse it: {run.stderr.strip()}")
    return json.loads(run.stdout)


def word_text(word, quoted=False):
    """A word's value as the shell gives it, variables as __VAR_<name>__; None when not a word."""
    if not isinstance(word, dict):
        return None
    out = []
    for part in word.get("Parts", []):
        kind = part.get("Type")
        if kind == "SglQuoted":
            out.append(part.get("Value", ""))
        elif kind == "Lit":
            escaped = r'\\([\\"$`])' if quoted else r"\\(.)"
            out.append(re.sub(escaped, r"\1", part.get("Value", "")))
        elif kind == "DblQuoted":
            out.append(word_text(part, True) or "")
        elif kind == "ParamExp":
            out.append(f"__VAR_{part.get('Param', {}).get('Value', '')}__")
        else:
            out.append("__EXPR__")
    return "".join(out)


def command_of(args):
    """The programs a CallExpr runs: the command, any wrapper it runs under (timeout, env,
    strace, ...), and the arguments after the last one."""
    words = [word_text(a) for a in args]
    names, i = [], 0
    while i < len(words):
        w = words[i]
        if w is None:
            return names, []
        names.append(w)
        if w not in WRAPPERS or (w == "command" and words[i + 1:i + 2] in (["-v"], ["-V"])):
            return names, words[i + 1:]
        skip, with_value = WRAPPERS[w]
        i += 1
        while w != "check" and i < len(words) and words[i] and (
                words[i].startswith("-") or (w == "env" and "=" in words[i])):
            i += 2 if words[i] in with_value else 1
        i += skip
    return names, []


def python_var(name):
    return name in ("__VAR_PYTHON__", "python3", "/usr/bin/python3", "python")


def scan_shell(text, where, usage):
    tree = shell_ast(text, where)
    walk_shell(tree, where, usage)


def walk_shell(node, where, usage, heredoc_lang=None):
    if isinstance(node, list):
        for n in node:
            walk_shell(n, where, usage)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("Type")
    line = node.get("Pos", {}).get("Line", 0)
    here = f"{where}:{line}" if isinstance(where, str) and ":" not in where else where
    if kind == "FuncDecl":
        usage.functions.add(node["Name"]["Value"])
    if "Cmd" in node and isinstance(node["Cmd"], dict) and node["Cmd"].get("Type") == "CallExpr":
        scan_call(node, here, usage)
    for key, value in node.items():
        if key in ("Pos", "End"):
            continue
        walk_shell(value, where, usage)


def scan_call(stmt, where, usage):
    names, rest = command_of(stmt["Cmd"].get("Args", []))
    for wrapper in names[:-1]:
        usage.program(wrapper, where)
    name = names[-1] if names else None
    if name is None:
        return
    if python_var(name):
        usage.program("python3", where)
        if "-c" in rest and rest.index("-c") + 1 < len(rest):
            scan_python(rest[rest.index("-c") + 1], where, usage)
        for redir in stmt.get("Redirs", []) or []:
            if redir.get("Hdoc"):
                scan_python(word_text(redir["Hdoc"]) or "", where, usage)
        return
    if name == "verify":  # lib.sh's handout_checks.py: `--run CMD ARG... --` runs CMD
        for i, word in enumerate(rest[:-1]):
            run = rest[i + 1] if word in ("--run", "--run-all") else None
            if run and python_var(run):
                usage.program("python3", where)
            elif run and not run.startswith("__") and re.fullmatch(r"[A-Za-z0-9_.+-]+", run):
                usage.program(run, where)
        return
    if name.startswith("__"):
        return  # a variable: the handout binary under test, or a helper's own argument
    if name == "command" and len(rest) > 1 and rest[0] in ("-v", "-V"):
        name = rest[1]  # a program looked for is a program the script means to use
    if "/" in name or not re.fullmatch(r"[A-Za-z0-9_.+-]+", name):
        return  # a path to a file of the tests' own, or a generated name
    usage.program(name, where)
    hdocs = [word_text(r["Hdoc"]) or "" for r in stmt.get("Redirs", []) or [] if r.get("Hdoc")]
    if name in SHELLS:
        if "-c" in rest and rest.index("-c") + 1 < len(rest):
            scan_shell(rest[rest.index("-c") + 1], where, usage)
        for body in hdocs:
            scan_shell(body, where, usage)
    elif name == "cat":
        targets = [word_text(r.get("Word")) or "" for r in stmt.get("Redirs", []) or []]
        if any(t.endswith(".py") for t in targets):
            for body in hdocs:
                scan_python(body, where, usage)
        elif any(t.endswith(".sh") for t in targets):
            for body in hdocs:
                scan_shell(body, where, usage)


def scan_python(code, where, usage):
    code = re.sub(r"__VAR_[A-Za-z0-9_]*__", "X", code)
    try:
        tree = ast.parse(code)
    except SyntaxError as e:
        raise SyntaxError(f"{where}: Python that does not parse: {e}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                usage.module(alias.name, where)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            usage.module(node.module, where)
        elif isinstance(node, ast.Call) and node.args:
            func = ast.unparse(node.func)
            first = node.args[0]
            if func in ("subprocess.run", "subprocess.check_output", "subprocess.Popen", "subprocess.call",
                        "subprocess.check_call", "run", "check_output", "Popen"):
                if isinstance(first, (ast.List, ast.Tuple)) and first.elts and isinstance(first.elts[0], ast.Constant):
                    prog = str(first.elts[0].value)
                    if "/" not in prog:
                        usage.program(prog, where)
                    elif prog == PYTHON:
                        usage.program("python3", where)
            elif func == "shutil.which" and isinstance(first, ast.Constant):
                usage.program(str(first.value), where)


CPP_COMMAND = re.compile(r'(?:system|popen)\(\(?"([A-Za-z0-9_.+-]+)|\bcmd\s*=\s*"([A-Za-z0-9_.+-]+)')


def scan_cpp(text, where, usage):
    for number, line in enumerate(text.splitlines(), 1):
        for m in CPP_COMMAND.finditer(line):
            usage.program(m.group(1) or m.group(2), f"{where}:{number}")


def scan_tree(repo):
    usage = Usage()
    files = []
    for base, dirs, names in os.walk(os.path.join(repo, "tests")):
        dirs[:] = sorted(d for d in dirs if d not in ("golden", "fixtures", "fuzz_regressions"))
        files += [os.path.join(base, n) for n in sorted(names)]
    files += [os.path.join(repo, "scripts", n) for n in ("test.sh", "fuzz.sh")]
    files = [f for f in files if os.path.exists(f)]
    texts = {f: open(f, encoding="utf-8").read() for f in files}
    parse_ahead([texts[f] for f in files if f.endswith(".sh")])
    for path in files:
        rel = os.path.relpath(path, repo)
        text = texts[path]
        if path.endswith(".sh"):
            scan_shell(text, rel, usage)
        elif path.endswith(".py"):
            scan_python(text, rel, usage)
        elif path.endswith(".cpp"):
            scan_cpp(text, rel, usage)
        elif os.path.basename(path) == "CMakeLists.txt":
            targets = set(re.findall(r"add_executable\((\w+)", text))
            for m in re.finditer(r"COMMAND\s+([A-Za-z0-9_.+-]+)", text):
                if m.group(1) not in targets:
                    usage.program(m.group(1), rel)
    return usage


def shell_words():
    """bash's builtins and keywords: never programs."""
    out = subprocess.run(["bash", "-c", "compgen -b; compgen -k"], capture_output=True, text=True).stdout
    return set(out.split())


def local_modules(repo):
    names = set()
    for base, _, files in os.walk(os.path.join(repo, "tests")):
        names |= {f[:-3] for f in files if f.endswith(".py")}
    return names


def read_needs(path):
    needs = {"program": {}, "module": {}}
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, name = line.partition(" ")
        if kind not in needs or not name.strip():
            raise SyntaxError(f"{path}:{number}: expected 'program NAME' or 'module NAME'")
        needs[kind][name.strip()] = number
    return needs


def spellings(path):
    """A path and its /usr-merged spellings: dpkg knows each file by the one its package ships."""
    out = [path, os.path.realpath(path)]
    for p in list(out):
        if p.startswith(("/usr/bin/", "/usr/sbin/")):
            out.append(p[4:])
        elif p.startswith(("/bin/", "/sbin/")):
            out.append("/usr" + p)
    return list(dict.fromkeys(out))


def owners(paths):
    """path -> Debian package, for every path dpkg knows (one `dpkg -S` for all: it reads its
    database once)."""
    run = subprocess.run(["dpkg", "-S"] + sorted(set(paths)), capture_output=True, text=True)
    found = {}
    for line in run.stdout.splitlines():
        pkg, _, owned = line.partition(": ")
        if not pkg.startswith("diversion by"):
            found.setdefault(owned.strip(), pkg.split(",")[0].split(":")[0].strip())
    return found


def package_of(path, known):
    return next((known[p] for p in spellings(path) if p in known), None)


def on_every_debian(pkgs):
    """The packages that are Essential or of priority required: what even a minimal Debian
    (debootstrap minbase) has. One `dpkg-query` for all of them."""
    run = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Essential} ${Priority}\n"] + sorted(set(pkgs)),
                         capture_output=True, text=True)
    every = set()
    for line in run.stdout.splitlines():
        name, essential, priority = (line.split(" ") + ["", ""])[:3]
        if essential == "yes" or priority == "required":
            every.add(name.split(":")[0])
    return every


def audit_needs(needs, packages, needs_path):
    problems, files = [], {}
    env = dict(os.environ, PATH=DEBIAN_PATH)
    # One bash for all the programs: each found as the tests' scripts find it (command -v).
    names = sorted(needs["program"])
    lines = subprocess.run(["bash", "-c", 'for n; do echo "$(command -v -- "$n")"; done', "_"] + names,
                           capture_output=True, text=True, env=env).stdout.split("\n")
    for name, found in zip(names, lines):
        line = needs["program"][name]
        found = found.strip()
        if found.startswith("/"):
            files[("program", name)] = found
        else:
            problems.append(f"{needs_path}:{line}: program '{name}' is not installed (PATH={DEBIAN_PATH}): "
                            "add the Debian package that provides it to scripts/install-deps.sh")
    for name, line in sorted(needs["module"].items()):
        run = subprocess.run([PYTHON, "-c", f"import {name}, sys; print(getattr({name}, '__file__', '') or '')"],
                             capture_output=True, text=True, env=env)
        if run.returncode == 0:
            files[("module", name)] = run.stdout.strip()
        else:
            last = (run.stderr.strip().splitlines() or ["?"])[-1]
            problems.append(f"{needs_path}:{line}: module '{name}' does not import in {PYTHON} ({last}): "
                            "add its python3-* package to scripts/install-deps.sh")
    known = owners([s for path in files.values() if path for s in spellings(path)])
    every = on_every_debian(set(known.values()) - packages)
    for (kind, name), path in sorted(files.items()):
        where = f"{needs_path}:{needs[kind][name]}"
        pkg = package_of(path, known) if path else None
        if pkg is None:
            problems.append(f"{where}: {kind} '{name}' ({path or 'built in'}) comes from no Debian package")
        elif pkg not in packages and pkg not in every:
            problems.append(f"{where}: {kind} '{name}' comes from {pkg}, which scripts/install-deps.sh "
                            f"does not install: add {pkg} to TEST_PACKAGES")
    return problems


def audit_usage(usage, needs, repo, needs_path):
    problems = []
    ignore = shell_words() | usage.functions
    used_programs = {n: w for n, w in usage.programs.items() if n not in ignore}
    stdlib = set(sys.stdlib_module_names)
    own = local_modules(repo)
    used_modules = {n: w for n, w in usage.modules.items() if n not in stdlib and n not in own}
    for name, where in sorted(used_programs.items()):
        if name not in needs["program"]:
            problems.append(f"{where}: program '{name}' is used but not declared in {needs_path}")
    for name, where in sorted(used_modules.items()):
        if name not in needs["module"]:
            problems.append(f"{where}: Python module '{name}' is used but not declared in {needs_path}")
    for name, line in sorted(needs["program"].items()):
        if name not in used_programs:
            problems.append(f"{needs_path}:{line}: program '{name}' is declared but no test uses it")
    for name, line in sorted(needs["module"].items()):
        if name not in used_modules:
            problems.append(f"{needs_path}:{line}: module '{name}' is declared but no test uses it")
    return problems


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    install_deps, needs_only = None, False
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == "--needs-only":
            needs_only = True
        elif flag == "--repo" and args:
            repo = os.path.abspath(args.pop(0))
        elif flag == "--install-deps" and args:
            install_deps = os.path.abspath(args.pop(0))
        else:
            print(__doc__.strip().splitlines()[2], file=sys.stderr)
            return 2
    install_deps = install_deps or os.path.join(repo, "scripts", "install-deps.sh")
    listed = subprocess.run(["bash", install_deps, "--list", "test"], capture_output=True, text=True)
    if listed.returncode != 0:
        print(f"{install_deps}: --list test failed: {listed.stderr.strip()}")
        return 1
    packages = set(listed.stdout.split())
    needs_path = os.path.join("tests", "needs.txt")
    try:
        needs = read_needs(os.path.join(repo, needs_path))
        problems = audit_needs(needs, packages, needs_path)
        if needs_only:
            pass
        elif shutil.which("shfmt", path=DEBIAN_PATH):
            problems += audit_usage(scan_tree(repo), needs, repo, needs_path)
        else:
            problems.append("shfmt is not installed, so the tests could not be scanned: "
                            "scripts/install-deps.sh --for test installs it")
    except SyntaxError as e:
        print(f"error: {e}")
        return 1
    for p in problems:
        print(f"error: {p}")
    print(f"deps_audit: {len(needs['program'])} programs and {len(needs['module'])} modules declared, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
