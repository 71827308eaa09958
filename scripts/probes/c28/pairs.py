"""Print one judged story's lead sentences and their similarities (``corroboration.similarities``),
with the claims as gathered: ``python pairs.py SET STORY``."""

from __future__ import annotations

import sys

import numpy as np
from rows import DATA, SETS

from broadsheet.bench.perspectives import as_story
from broadsheet.stories import corroboration as co


def main() -> None:
    name, story_id = sys.argv[1], sys.argv[2]
    _, stories, _, _ = SETS[name](DATA)
    articles = stories[story_id]
    story = as_story(story_id, articles)
    reports = co._reports(story, {a.id: a for a in articles}, {})
    close = co.similarities([s for _, s, _ in reports])
    for k, (a, s, src) in enumerate(reports):
        print(f"{k:2} {a.id} [{src}] {s[:90]}")
    np.set_printoptions(precision=2, suppress=True, linewidth=200)
    print(close)
    for c in co._gather(reports):
        print(c.sentences, [r[2] for r in c.reports], c.text[:70])


if __name__ == "__main__":
    main()
