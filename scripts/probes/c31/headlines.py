"""Every judged set's headlines holding a word of ``sys.argv[1:]`` (a regex each), with whether
the label calls the article opinion: ``python headlines.py should must``."""

from __future__ import annotations

import re
import sys

from rows import DATA, SETS  # type: ignore[import-not-found]


def main() -> None:
    pattern = re.compile(r"\b(?:" + "|".join(sys.argv[1:]) + r")\b", re.I)
    for name, load in SETS.items():
        labels, stories, _, _ = load(DATA)
        for articles in stories.values():
            for a in articles:
                if pattern.search(a.title):
                    mark = "OPINION" if a.id in labels["opinion"] else "news   "
                    print(f"{name:10} {mark} {a.id[:14]:14} {a.title[:110]}")


if __name__ == "__main__":
    main()
