"""For each article pair rule G takes for a copy: the share of the copy's lead runs of six words
(outside quotation marks) that the earlier lead writes, and the number of its lead sentences copying
(a survey to write G2 from; every set in sample)."""

from __future__ import annotations

import sys

from rows import DATA, SETS

from broadsheet.bench.perspectives import as_story
from broadsheet.stories import corroboration as co


def main() -> None:
    for name in sys.argv[1:] or list(SETS):
        _, stories, _, _ = SETS[name](DATA)
        for story_name, articles in stories.items():
            story = as_story(story_name, articles)
            reports = co._reports(story, {a.id: a for a in articles}, {})
            rows: dict[str, list[int]] = {}
            for k, (article, _, _) in enumerate(reports):
                rows.setdefault(article.id, []).append(k)
            ids = list(rows)
            for n, aid in enumerate(ids):
                mine = set().union(*(co._runs(reports[k][1]) for k in rows[aid]))
                for other in ids[:n]:
                    theirs = set().union(*(co._runs(reports[j][1], quoted=True) for j in rows[other]))
                    copying = sum(bool(co._runs(reports[k][1]) & theirs) for k in rows[aid])
                    if copying >= 2:
                        print(f"{name:10} {story_name[:24]:24} {aid[:14]:14} <- {other[:14]:14} "
                              f"sentences {copying}/{len(rows[aid])} share {len(mine & theirs) / max(1, len(mine)):.2f}")


if __name__ == "__main__":
    main()
