"""Inclusive share of py-spy raw samples (``-f raw``) per function, among the samples whose stack
holds ``--under`` (default ``update_stories``). Usage: rawprof.py FILE [UNDER] [TOP]."""

import re
import sys
from collections import Counter

path = sys.argv[1]
under = sys.argv[2] if len(sys.argv) > 2 else "update_stories"
top = int(sys.argv[3]) if len(sys.argv) > 3 else 60
inclusive: Counter[str] = Counter()
total = 0
for line in open(path):
    stack, _, count = line.rstrip("\n").rpartition(" ")
    frames = stack.split(";")
    if not any(under in f for f in frames):
        continue
    n = int(count)
    total += n
    names = {re.sub(r" \(.*?:\d+\)$", "", f) + " " + (re.search(r"\((\S+?):\d+\)$", f) or [None, ""])[1].split("/")[-1]
             for f in frames}
    for name in names:
        inclusive[name] += n
print(f"samples under {under}: {total}")
for name, n in inclusive.most_common(top):
    print(f"{100 * n / total:6.1f}%  {name}")
