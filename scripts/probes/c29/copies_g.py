"""Which articles rule G takes for edited copies, per set, with the runs they share (a survey of
the in-sample sets: ``python copies_g.py [SET ...]``)."""

from __future__ import annotations

import sys

from rows import DATA, SETS

from broadsheet.bench.perspectives import as_story
from broadsheet.stories import corroboration as co


def main() -> None:
    names = sys.argv[1:] or list(SETS)
    for name in names:
        labels, stories, page_of, outlets = SETS[name](DATA)
        for story_name, articles in stories.items():
            story = as_story(story_name, articles)
            arts = {a.id: a for a in articles}
            reports = co._reports(story, arts, {})
            rows: dict[str, list[int]] = {}
            holding: dict[tuple[str, ...], list[int]] = {}
            for k, (article, sentence, _) in enumerate(reports):
                rows.setdefault(article.id, []).append(k)
                for run in co._runs(sentence, quoted=True):
                    holding.setdefault(run, []).append(k)
            for aid, mine in rows.items():
                copied = co._copying(reports, mine, holding)
                if not copied:
                    continue
                j0 = next(iter(copied.values()))
                print(f"{name} | {story_name} | {aid} copies {reports[j0][0].id} "
                      f"(dup: {dict(story.duplicates).get(aid)})")
                for k, j in copied.items():
                    shared = co._runs(reports[k][1]) & co._runs(reports[j][1], quoted=True)
                    print(f"    {' '.join(sorted(shared)[0])!r} | {reports[k][1][:90]}")


if __name__ == "__main__":
    main()
