#!/usr/bin/python3
"""Looks for a patient's data anywhere it must not be.

  find_secrets.py CSV [--except FILE]... PATH...

The secrets are every name, clinician, note (and each longer line of it) and password of the
patients' CSV, and each word of seven letters or more of a name or clinician (a cache may keep
text in pieces, a word with its neighbours). Each PATH (a file, or a folder searched whole, symbolic links not followed) is
read as bytes; besides the raw bytes, every zlib stream in it is inflated and searched too (a
cache that deflates what it keeps hides nothing), in UTF-8, UTF-16 and UTF-32 (the forms text takes in memory and in PDF strings). Files
named with --except (a patient's own copies) are skipped. Prints one line per find, naming the
file and the CSV column but never the secret; exit 1 when anything was found.
"""
import csv
import os
import sys
import zlib


def secrets_of(csv_path):
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8-sig")))
    out = []
    for number, row in enumerate(rows, 2):
        for column in ("name", "clinician", "note", "password", "email", "address"):
            value = (row.get(column) or "").strip()
            if len(value) >= 4:
                out.append((f"line {number} {column}", value))
            if column == "note":
                out += [(f"line {number} note", line.strip()) for line in value.splitlines() if len(line.strip()) > 8]
            if column in ("name", "clinician"):
                out += [(f"line {number} {column}", w) for w in value.replace(",", " ").split() if len(w) >= 7]
    return out


def inflated(data):
    """Every zlib stream that starts somewhere in `data`, inflated."""
    out = []
    start = 0
    while True:
        at = data.find(b"\x78", start)
        if at < 0 or at + 2 > len(data):
            return out
        start = at + 1
        if (data[at] * 256 + data[at + 1]) % 31 != 0:
            continue
        try:
            d = zlib.decompressobj()
            text = d.decompress(data[at:at + 64 * 1024 * 1024], 64 * 1024 * 1024)
            if text:
                out.append(text)
        except zlib.error:
            continue


def forms(secret):
    return [secret.encode(codec) for codec in ("utf-8", "utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le")]


def files_under(path):
    if os.path.islink(path) or os.path.isfile(path):
        yield path
        return
    for base, dirs, names in os.walk(path):
        for n in names:
            yield os.path.join(base, n)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    secrets = secrets_of(argv[0])
    skip, paths, args = set(), [], argv[1:]
    while args:
        a = args.pop(0)
        if a == "--except" and args:
            skip.add(os.path.realpath(args.pop(0)))
        else:
            paths.append(a)
    found = 0
    for path in paths:
        for f in files_under(path):
            if os.path.realpath(f) in skip or os.path.islink(f) or not os.path.isfile(f):
                continue
            data = open(f, "rb").read()
            blobs = [data] + inflated(data)
            for where, secret in secrets:
                if any(form in blob for blob in blobs for form in forms(secret)):
                    print(f"{f}: holds the {where} of the patients' file")
                    found += 1
                    break
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
