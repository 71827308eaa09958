"""Where the gold attributions we miss are lost: ``python -m broadsheet.analyze.losses --data DIR``.

Reads PolNeAR's train split minus the held-out fold (never dev, never test) as the recipe's
cross-fitted folds do: each fold's articles read by cue, content and source models learned on the
other folds (``folds.crossfit``), with the shipped thresholds, trusted keys and acceptors. Every
gold attribution then gets two labels, and the table counts them:

- its **cue kind** (``cue_kind``): "according to", a verb of speech (the scorer's ``SPEECH`` list), a
  belief verb (``acts.BELIEF_CUES``: "think", "fear"), an intention verb (``INTENTION_CUES``: "plan
  to", "want"), another verb, a noun ("statement", "claim"), or other (prepositions, colons);
- **where it is lost** (``where_lost``): found; the cue kept but the match lost (content Dice under
  0.5, the speaker span wrong, or paired with another gold); the cue seen by the loose models (every
  lexicon word, no threshold) but not kept, its best reading right or wrong; or nothing at all (the
  cue word in the lexicon but no reading or a rule refused it, or the word not in the lexicon).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc, Token

from broadsheet.analyze.acts import BELIEF_CUES
from broadsheet.analyze.attribution import find_attributions
from broadsheet.analyze.detect import Detection, detect
from broadsheet.analyze.features import lexicon_prior
from broadsheet.analyze.fitting import cue_root
from broadsheet.analyze.folds import crossfit, matched_gold, span_pieces
from broadsheet.analyze.learned import Models, shipped_models
from broadsheet.analyze.quotes import find_quotations
from broadsheet.analyze.training import heldout, parsed
from broadsheet.bench.polnear import MIN_DICE, Document, Gold, Tokens, dice, load_split
from broadsheet.model import Attribution

INTENTION_CUES = frozenset(
    {
        "plan", "want", "intend", "seek", "aim", "try", "wish", "prepare", "push", "vow", "promise",
        "pledge", "threaten", "refuse", "decline", "agree", "offer"
    }
)
CUE_KINDS = ("speech verb", "belief verb", "intention verb", "other verb", "noun", "according to", "other")
FOUND = "found"
LOSSES = (
    FOUND,
    "cue kept, content Dice < 0.5",
    "cue kept, speaker span wrong",
    "cue kept, paired with another gold",
    "cue seen, not kept: reading right",
    "cue seen, not kept: content wrong",
    "cue seen, not kept: speaker wrong",
    "nothing: cue word in the lexicon",
    "nothing: cue word not in the lexicon",
)
_VERBS = frozenset({"VERB", "AUX"})


def cue_kind(gold: Gold, root: Token | None) -> str:
    """The kind of a gold attribution's cue (``CUE_KINDS``), from its words and its head ``root``."""
    if "according" in gold.cue_text.lower():
        return "according to"
    if root is None:
        return "other"
    lemma = root.lemma_.lower()
    if root.pos_ in _VERBS:
        if gold.speech:
            return "speech verb"
        if lemma in BELIEF_CUES:
            return "belief verb"
        return "intention verb" if lemma in INTENTION_CUES else "other verb"
    return "noun" if root.pos_ in {"NOUN", "PROPN"} else "other"


def sort_losses(document: Document, doc: Doc, models: Models) -> list[tuple[str, str]]:
    """``(cue kind, where lost)`` of each gold attribution of one parsed article, read by ``models``."""
    tokens = Tokens(document.text)
    found = find_attributions(doc, models=models)
    right = matched_gold(document, found)
    loose = replace(models, thresholds={"cue": 0.0, "accept": 0.0}, trusted=frozenset(), acceptor=None,
                    other_acceptor=None)
    seen = detect(doc, tuple(find_quotations(document.text)), loose)
    rows = []
    for j, gold in enumerate(document.gold):
        root = cue_root(doc, gold)
        where = FOUND if j in right else where_lost(tokens, gold, found, seen)
        if where is None:
            known = root is not None and lexicon_prior(models.lexicon, root) is not None
            where = LOSSES[7] if known else LOSSES[8]
        rows.append((cue_kind(gold, root), where))
    return rows


def where_lost(tokens: Tokens, gold: Gold, found: Sequence[Attribution], seen: Sequence[Detection]
               ) -> str | None:
    """Where a gold attribution no kept one matches is lost: at the first kept attribution whose cue
    shares a word with its cue, else at the first loose detection that does; None when neither."""
    cue, content, source = tokens.inside(gold.cue), tokens.inside(gold.content), tokens.inside(gold.source)
    for item in found:
        if tokens.inside(span_pieces(item.cue_span)) & cue:
            if dice(tokens.inside(span_pieces(item.content_span)), content) < MIN_DICE:
                return LOSSES[1]
            speaker = tokens.inside(span_pieces(item.speaker_span))
            return LOSSES[2] if source and not speaker & source else LOSSES[3]
    for detection in seen:
        if tokens.inside((detection.cue,)) & cue:
            if dice(tokens.inside((detection.content.span,)), content) < MIN_DICE:
                return LOSSES[5]
            speaker = tokens.inside((detection.source.span,)) if detection.source else frozenset()
            return LOSSES[6] if source and not speaker & source else LOSSES[4]
    return None


def table(counts: Counter[tuple[str, str]]) -> str:
    """The counts as a Markdown table: a row per cue kind, a column per loss (``LOSSES``)."""
    lines = ["| cue kind | gold | " + " | ".join(LOSSES) + " |", "|---" * (len(LOSSES) + 2) + "|"]
    for kind in CUE_KINDS:
        cells = [counts[kind, where] for where in LOSSES]
        lines.append(f"| {kind} | {sum(cells):,} | " + " | ".join(f"{c:,}" for c in cells) + " |")
    cells = [sum(counts[kind, where] for kind in CUE_KINDS) for where in LOSSES]
    lines.append(f"| all | {sum(cells):,} | " + " | ".join(f"{c:,}" for c in cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table of the train folds' losses."""
    from broadsheet.analyze.nlp import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    kept = [d for d in load_split(args.data, "train") if not heldout(d.name)]
    shipped = shipped_models()
    counts: Counter[tuple[str, str]] = Counter()
    for held, fold_models in crossfit(parsed(kept, load_model(), args.cache, "train-kept")):
        models = replace(fold_models, thresholds=shipped.thresholds, trusted=shipped.trusted,
                         acceptor=shipped.acceptor, other_acceptor=shipped.other_acceptor)
        for document, doc in held:
            counts.update(sort_losses(document, doc, models))
    print(table(counts))


if __name__ == "__main__":
    main()
