"""Every claims row in one process, the analyses cached outside the repo (/tmp/c31_analyses.pkl):
``python rows.py [--all] [--detail SET]`` (every set) prints claims right / key claims found per set (and with
--detail, each shown claim of SET with its verdict, and each key claim not found)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from broadsheet.bench import claims as bench
from broadsheet.bench.perspectives import as_story
from broadsheet.stories import corroboration

DATA = Path("/work/shared/data")
CACHE = Path("/tmp/c31_analyses.pkl")
SETS = {"real day": bench._real_day, "BASIL": bench._basil(bench.BASIL_CLAIMS),
        "AllSides": bench._allsides(bench.ALLSIDES_CLAIMS), "ECB+": bench._ecbplus(bench.ECBPLUS_CLAIMS),
        "basil-2": bench._basil(bench.BASIL2_CLAIMS), "basil-3": bench._basil(bench.BASIL3_CLAIMS),
        "basil-4": bench._basil(bench.BASIL4_CLAIMS), "basil-5": bench._basil(bench.BASIL5_CLAIMS),
        "allsides-2": bench._allsides(bench.ALLSIDES2_CLAIMS),
        "ecbplus-2": bench._ecbplus(bench.ECBPLUS2_CLAIMS),
        "allsides-3": bench._allsides(bench.ALLSIDES3_CLAIMS),
        "allsides-4": bench._allsides(bench.ALLSIDES4_CLAIMS)}


def analyses(loaded: dict[str, bench.Loaded]) -> dict[str, object]:
    if CACHE.is_file():
        return pickle.loads(CACHE.read_bytes())
    from broadsheet.analyze import analyze_articles, load_model

    members = [a for _, stories, _, _ in loaded.values() for arts in stories.values() for a in arts]
    done = {a.article.id: a for a in analyze_articles(members, load_model())}
    CACHE.write_bytes(pickle.dumps(done))
    return done


def shown(stories, page_of, analysed):
    found = []
    for name, articles in stories.items():
        story = as_story(name, articles)
        for claim in corroboration.key_claims(story, {a.id: a for a in articles}, analysed):
            found.append((page_of[claim.article_id], claim, len(claim.sources)))
    return found


def main() -> None:
    held: set[str] = set()
    loaded = {name: load(DATA) for name, load in SETS.items() if name not in held}
    analysed = analyses(loaded)
    detail = sys.argv[sys.argv.index("--detail") + 1] if "--detail" in sys.argv else None
    dump = open(sys.argv[sys.argv.index("--dump") + 1], "w") if "--dump" in sys.argv else None  # noqa: SIM115
    for name, (labels, stories, page_of, outlets) in loaded.items():
        judge = bench.Judge(labels, outlets)
        got = shown(stories, page_of, analysed)
        keys = [c for c in labels["claims"] if not c["optional"]]
        right = sum(judge.right(p, c, n) for p, c, n in got)
        found = sum(judge.found(k, got) for k in keys)
        every = [(p, c, len(c.outlets)) for p, c, _ in got]
        e_right = sum(judge.right(p, c, n) for p, c, n in every) / max(1, len(got))
        e_found = sum(judge.found(k, every) for k in keys) / max(1, len(keys))
        print(f"{name:9} {right / max(1, len(got)):.3f}/{found / max(1, len(keys)):.3f}"
              f"  ({right}/{len(got)} right, {found}/{len(keys)} found)"
              f"  every outlet {e_right:.3f}/{e_found:.3f}")
        if name == detail:
            print("  faults:", faults(judge, got))
            _detail(judge, labels, got, keys, stories, page_of)
        if dump is not None:
            for p, c, n in sorted(got, key=lambda g: (g[0], g[1].text)):
                verdict = "ok " if judge.right(p, c, n) else "BAD"
                print(f"{name} {verdict} [{n}] {sorted(c.outlets)} {c.sources} | {c.text[:120]}", file=dump)
            for k in keys:
                said = "FOUND " if judge.found(k, got) else "MISSED"
                print(f"{name} {said} {k.get('note') or k['reports'][0]}", file=dump)


def _detail(judge, labels, got, keys, stories, page_of) -> None:
    for p, c, n in got:
        mark = "ok " if judge.right(p, c, n) else "BAD"
        print(f"  {mark} [{n}] {sorted(c.outlets)} {c.sources} | {c.text[:110]}")
    never = 0
    for k in keys:
        if not judge.found(k, got):
            stated = any(k in judge._labels(p, c.text) for p, c, _ in got)
            never += not stated
            print(f"  MISSED [{k['independent']}] {'shown wrong' if stated else 'never shown'} {k['note']}")
    print(f"  never shown: {never}")


def faults(judge, got) -> dict[str, int]:
    """Each wrong shown claim's fault: the count, an outlet missing, outlets of another claim
    joined (or an outlet too many), or a sentence no label holds shown shared."""
    found: dict[str, int] = {}
    for p, c, n in got:
        if judge.right(p, c, n):
            continue
        labels = judge._labels(p, c.text)
        shown = set(c.outlets)
        wanted = [{judge.outlets[r["page"]] for r in lab["reports"]} for lab in labels]
        if not labels:
            kind = "unlabelled shown shared"
        elif any(w == shown for w in wanted):
            kind = "count wrong"
        elif any(shown < w for w in wanted):
            kind = "outlet missing"
        else:
            kind = "joined wrong / outlet too many"
        found[kind] = found.get(kind, 0) + 1
    return found


if __name__ == "__main__":
    main()
