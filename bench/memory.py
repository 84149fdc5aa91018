#!/usr/bin/python3
"""Peak resident memory of one English build against the article's size.

Makes articles of the given sizes (megabytes) by repeating the seed article's body (headings,
paragraphs, lists), raises `limits` to fit, builds each in one process and prints its peak RSS
(wait4's ru_maxrss) and CPU time. Goal (issue 28): linear in the input, at most 150 MB at the
default 2 MB limit. Reported, never asserted.
Usage: bench/memory.py path/to/handout [SIZE_MB...]   (default 0.5 1 2 5)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def article_of_size(megabytes):
    text = open(os.path.join(REPO, "content/en/vaginismus.md"), encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    want = int(megabytes * 1024 * 1024)
    parts = ["---\n", front, "---\n"]
    size, n = len(front.encode()), 0
    while size < want:
        n += 1
        chunk = re.sub(r"^(#+ .*)$", r"\1 (part %d)" % n, body, flags=re.M) + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
    return "".join(parts)


def main():
    binary = os.path.abspath(sys.argv[1])
    sizes = [float(s) for s in sys.argv[2:]] or [0.5, 1, 2, 5]
    work = tempfile.mkdtemp(prefix="handout-memory.")
    try:
        for d in ("content", "assets"):
            shutil.copytree(os.path.join(REPO, d), os.path.join(work, d))
        config = open(os.path.join(REPO, "handout.yaml"), encoding="utf-8").read()
        config = re.sub(r"^notices:.*\n", "", config, flags=re.M)
        config += "\nlimits:\n  input_megabytes: 16\n  pages: 5000\n"
        open(os.path.join(work, "handout.yaml"), "w", encoding="utf-8").write(config)
        print("%8s %8s %10s %10s" % ("MB in", "pages", "peak MiB", "cpu s"))
        for mb in sizes:
            open(os.path.join(work, "content/en/vaginismus.md"), "w", encoding="utf-8").write(article_of_size(mb))
            out = os.path.join(work, "out")
            shutil.rmtree(out, ignore_errors=True)
            args = [binary, "build", "--config", os.path.join(work, "handout.yaml"), "--out", out,
                    "--lang", "en", "--article", "vaginismus"]
            devnull = os.open(os.devnull, os.O_WRONLY)
            pid = os.posix_spawn(args[0], args, os.environ,
                                 file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
            _, status, usage = os.wait4(pid, 0)
            pdf = os.path.join(out, "en/vaginismus.pdf")
            pages = "-"
            if os.path.exists(pdf):
                info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
                pages = re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)
            print("%8.1f %8s %10.0f %10.2f%s" % (mb, pages, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime,
                                                "" if os.waitstatus_to_exitcode(status) == 0 else "  (exit %d)" % os.waitstatus_to_exitcode(status)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
