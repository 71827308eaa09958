"""Offline: which name vetoes would refuse which logged merges (mergelog.py's pickle)."""
import pickle
import sys
from collections import Counter

L = pickle.load(open(sys.argv[1], "rb"))


def core(n, size, share):
    ids, vals = n
    return set(ids[vals >= share * size].tolist())


def held(n, floor=0.0):
    ids, vals = n
    return set(ids[vals > floor].tolist())


for least in (1, 2, 3, 4):
    for share in (0.5, 0.7, 0.9):
        c = Counter()
        for r in L:
            sa, sb = len(r["a"]), len(r["b"])
            if min(sa, sb) < least:
                c["pass", r["wrong"]] += 1
                continue
            ca, cb = core(r["na"], sa, share), core(r["nb"], sb, share)
            refuse = bool(ca - held(r["nb"])) and bool(cb - held(r["na"]))
            c["refuse" if refuse else "pass", r["wrong"]] += 1
        wsize = sum(len(r["a"]) * len(r["b"]) for r in L if r["wrong"])
        print(f"least={least} share={share}: refused wrong {c['refuse', True]} right {c['refuse', False]}; passed wrong {c['pass', True]} right {c['pass', False]}")
