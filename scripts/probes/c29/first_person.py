"""Which articles rule O takes for opinion (a lede in the first person), per set, with their ledes
(every set in sample)."""

from __future__ import annotations

from rows import DATA, SETS

from broadsheet.stories import corroboration as co


def main() -> None:
    for name, load in SETS.items():
        labels, stories, _, _ = load(DATA)
        for articles in stories.values():
            for a in articles:
                if co._in_first_person(a):
                    lede = a.text[slice(*co.lead_sentences(a)[0])]
                    judged = "opinion" if a.id in labels.get("opinion", []) else "news"
                    print(f"{name:10} {a.id[:16]:16} [{judged}] {lede[:150]}")


if __name__ == "__main__":
    main()
