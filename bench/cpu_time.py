#!/usr/bin/python3
"""Median CPU and wall time of a command run N times, each as a whole process.

CPU is the child's user + system time from wait4() (microseconds, whatever the process did
from exec to exit: loading, work, unmapping); the command is started with posix_spawn, so no
shell's fork is counted. Prints "<cpu ms> <wall ms>".
Usage: cpu_time.py N [--remove DIR] command [args...]
  --remove DIR: removes DIR before each run (a first build into an empty folder).
"""
import os
import shutil
import statistics
import sys
import time


def main():
    n = int(sys.argv[1])
    args = sys.argv[2:]
    remove = None
    if args[:1] == ["--remove"]:
        remove, args = args[1], args[2:]
    devnull = os.open(os.devnull, os.O_WRONLY)
    cpu, wall = [], []
    for _ in range(n):
        if remove:
            shutil.rmtree(remove, ignore_errors=True)
        start = time.perf_counter()
        pid = os.posix_spawn(args[0], args, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, usage = os.wait4(pid, 0)
        wall.append((time.perf_counter() - start) * 1000)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"cpu_time.py: {' '.join(args)} failed")
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"{statistics.median(cpu):.1f} {statistics.median(wall):.1f}")


if __name__ == "__main__":
    main()
