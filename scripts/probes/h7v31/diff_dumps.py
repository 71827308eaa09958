"""The changes between two dumps of rows.py (main's and the branch's): per edition, the voices only one
side shows, as (speaker, role, organisation, kind, first quote's article, quotes)."""

import json
import sys
from collections import Counter
from pathlib import Path


def load(path):
    seen = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = (row["speaker"], row["role"], row["organisation"], row["kind"], row["article"], row["quotes"])
        seen.setdefault(row["edition"], Counter())[key] += 1
    return seen


main, branch = load(sys.argv[1]), load(sys.argv[2])
for edition in main:
    if edition not in branch:
        continue
    gone, new = main[edition] - branch[edition], branch[edition] - main[edition]
    print(f"== {edition}: {sum(main[edition].values())} -> {sum(branch[edition].values())} voices")
    for key in sorted(gone):
        print("  -", key)
    for key in sorted(new):
        print("  +", key)
