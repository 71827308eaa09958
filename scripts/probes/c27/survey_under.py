"""Pairs of lead sentences of different articles (every set but basil-5) under SAME_CLAIM, by
similarity band and by what they share (a day of the week, the sentence's first name), against the
labels: how many state one labelled claim."""

from __future__ import annotations

import re
from collections import Counter

from rows import DATA, SETS  # type: ignore[import-not-found]

from broadsheet.bench import claims as bench
from broadsheet.stories.corroboration import _reports, similarities

DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
NAME = re.compile(r"\b(?:[A-Z][a-z]+\.? )?([A-Z][a-z]{2,})\b")


def first_name(s: str) -> str | None:
    """The sentence's first capitalised word that is not its first word or a day (its subject)."""
    for m in re.finditer(r"\b[A-Z][a-z]{2,}\b", s):
        if m.start() > 0 and not DAY.match(m.group()):
            return m.group()
    return None


def main() -> None:
    from broadsheet.bench.perspectives import as_story
    tally: Counter[tuple[str, str, bool]] = Counter()
    for name, load in SETS.items():
        if name == "basil-5":
            continue
        labels, stories, page_of, outlets = load(DATA)
        judge = bench.Judge(labels, outlets)
        for story, articles in stories.items():
            reps = _reports(as_story(story, articles), {a.id: a for a in articles}, {})
            close = similarities([s for _, s, _ in reps])
            lede = {}
            for k, (a, _, _) in enumerate(reps):
                lede.setdefault(a.id, k)
            for i in range(len(reps)):
                for j in range(i + 1, len(reps)):
                    ai, si, _ = reps[i]
                    aj, sj, _ = reps[j]
                    if ai.id == aj.id or close[i, j] >= 0.3 or close[i, j] < 0.1:
                        continue
                    li = {id(c) for c in judge._labels(page_of[ai.id], si) if not c["optional"]}
                    lj = {id(c) for c in judge._labels(page_of[aj.id], sj) if not c["optional"]}
                    same = bool(li & lj)
                    band = f"{int(close[i, j] * 20) / 20:.2f}"
                    di, dj = set(DAY.findall(si)), set(DAY.findall(sj))
                    day = "day" if di & dj else "-"
                    who = "name" if first_name(si) and first_name(si) == first_name(sj) else "-"
                    ledes = "ledes" if lede[ai.id] == i and lede[aj.id] == j else "-"
                    for key in (band, f"{band} {day}", f"{band} {who}", f"{band} {ledes}",
                                f"{band} {day} {who}", f"any {day} {who}", f"any {ledes} {who}"):
                        tally[(key, "", same)] += 1
    for key in sorted({k for k, _, _ in tally}):
        yes, no = tally[(key, "", True)], tally[(key, "", False)]
        print(f"{key:28} same claim {yes:4}  not {no:5}")


if __name__ == "__main__":
    main()
