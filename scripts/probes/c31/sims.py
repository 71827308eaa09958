"""The similarities (``corroboration.similarities``) of one story's lead sentences, as the gather
reads them: ``python sims.py SET STORY`` (SET as rows.py names it)."""

from __future__ import annotations

import sys

import numpy as np

from broadsheet.bench.perspectives import as_story
from broadsheet.stories import corroboration
from rows import DATA, SETS  # type: ignore[import-not-found]


def main() -> None:
    name, story_id = sys.argv[1], sys.argv[2]
    labels, stories, page_of, outlets = SETS[name](DATA)
    articles = stories[story_id]
    story = as_story(story_id, articles)
    reports = corroboration._reports(story, {a.id: a for a in articles}, {})
    close = corroboration.similarities([s for _, s, _ in reports])
    for k, (a, s, src) in enumerate(reports):
        print(f"{k} {a.id} [{src}] {s[:100]}")
    np.set_printoptions(precision=2, suppress=True, linewidth=200)
    print(close)


if __name__ == "__main__":
    main()
