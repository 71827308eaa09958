"""Every lead (every set but basil-5) one of whose sentences credits an interview or an outlet's
words ("told X", "in an X interview", "said on X"): each sentence with its source of record as
main reads it, to see which credits reach which sentences."""

from __future__ import annotations

import re
import sys

from rows import DATA, SETS  # type: ignore[import-not-found]

from broadsheet.stories.corroboration import _sources, lead_sentences

HINT = re.compile(r"interview|told [A-Z“\"]|telling [A-Z]|said (?:on|to) [A-Z]|[A-Z]\w*['’]s? [A-Z]")


def main() -> None:
    for name, load in SETS.items():
        if name == "basil-5":
            continue
        labels, stories, _, _ = load(DATA)
        for story, articles in stories.items():
            outlets = [a.outlet for a in articles if a.outlet]
            for a in articles:
                spans = lead_sentences(a)
                texts = [a.text[s:e] for s, e in spans]
                if not any(re.search(r"interview|told [A-Z“\"]|said on [A-Z]", t) for t in texts):
                    continue
                print(f"== {name} {story[:8]} {a.outlet} {a.id[:8]}")
                for (s, _), t, src in zip(spans, texts, _sources(a, spans, None, outlets), strict=True):
                    print(f"   [{s}] {src:24} | {t[:170]}")


if __name__ == "__main__":
    sys.path.insert(0, ".")
    main()
