#!/usr/bin/env python3
"""Normalizes src/*/PublicAPI.*.txt after a merge: drops conflict markers and repeated lines, and sorts the entries.

A public API record is a sorted set of lines, so the union of both sides of a merge is the right resolution; git's union
merge (see .gitattributes) can still repeat a line both sides added, which the analyzer rejects (RS0025).
"""
import glob
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


def key(line):
    for prefix in ("~", "static ", "override ", "abstract ", "virtual ", "const ", "readonly "):
        line = line.replace(prefix, "", 1) if line.startswith(prefix) else line
    return line


for path in glob.glob(os.path.join(ROOT, "src", "*", "PublicAPI.*.txt")):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    body = sorted({l for l in lines if l.strip() and not l.startswith(MARKERS) and l != "#nullable enable"}, key=key)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#nullable enable\n" + "".join(l + "\n" for l in body))
