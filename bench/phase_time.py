#!/usr/bin/python3
"""Wall and CPU time of the part of a run that follows a line of its output.

  phase_time.py MARKER COUNTED command [args...]

Runs the command (through stdbuf -oL, so each line arrives when printed) and reads its stdout.
From the first line matching the regex MARKER to the process's exit it measures the wall time,
and the CPU time (user + sys: wait4's total minus /proc/<pid>/stat's at the marker, 10 ms
resolution); it counts the lines matching the regex COUNTED there. Prints
"<count> <wall s> <cpu s> <count per wall s> <exit code>".
"""
import os
import re
import subprocess
import sys
import time


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def main():
    marker, counted, command = re.compile(sys.argv[1]), re.compile(sys.argv[2]), sys.argv[3:]
    p = subprocess.Popen(["stdbuf", "-oL"] + command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    start = cpu_at_start = None
    count = 0
    for line in p.stdout:
        if start is None and marker.search(line):
            start, cpu_at_start = time.perf_counter(), cpu_seconds(p.pid)
        elif start is not None and counted.search(line):
            count += 1
    _, status, usage = os.wait4(p.pid, 0)
    end = time.perf_counter()
    if start is None:
        sys.exit("phase_time.py: the marker never appeared")
    wall, cpu = end - start, usage.ru_utime + usage.ru_stime - cpu_at_start
    print(f"{count} {wall:.3f} {cpu:.3f} {count / wall:.1f} {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
