"""Training the attribution models on PolNeAR: ``python -m broadsheet.analyze.training --data DIR``.

Reads the train split (minus the held-out fold: one article in ten, chosen by a hash of its name,
so the benchmark can report figures on articles never seen), parses it with the analyze pipeline,
and learns (see ``learned``):

1. the cue **lexicon**: for every key (lower-case lemma) that heads a gold cue at least twice, the
   share of its occurrences that do; for a key that fails that test as a whole word, its verb key
   ("state|verb") when the verb alone passes it;
2. the **cue** model over every lexicon token of the text (positive: it heads a gold cue);
3. the **content** and **source** models over the readings ``candidates`` and ``sources`` propose for
   each gold cue (positive: Dice >= 0.5 with the gold content; overlap with the gold source);

each a logistic regression (scikit-learn, L2) on the sparse features of ``features``. Then every
threshold is chosen on the train split, never on dev (``with_thresholds``): the ``accept``
threshold on cross-fitted folds (each fold's articles read by models learned on the other folds),
the one with the best speech F1 at a precision of at least ``TARGET_PRECISION`` or, as the folds'
precision tops out under it, at most ``ACCEPT_SLACK`` under the best the folds reach. Next the
**trusted** cue keys are chosen on train: the keys (mostly beliefs and perceptions: "believe",
"fear", "complain", "describe") whose attributions scoring between ``TRUSTED_FROM`` and the
threshold were right at least ``TRUSTED_PRECISION`` of the time; they are kept from
``TRUSTED_FROM`` up. Last of all the **acceptor** (``with_acceptor``): a fourth logistic model,
learned on cross-fitted detections of the train split, that keeps a detection under the threshold
when it is sure it is right; its two thresholds (verbs of saying, other cues) are chosen on the
same folds (``--acceptor-only`` learns it alone beside the shipped models; ``--context-acceptor-only``
learns, beside the shipped models and their acceptor of verbs of saying, a context acceptor for the other
cues, ``with_context_acceptor``; ``--other-acceptor-only``
learns, beside the shipped models and their acceptor, a second acceptor for cues other than verbs of
saying, with the threshold the folds' joint search picks for that group; ``--thresholds-only``
chooses every threshold, the trusted keys and the acceptor again beside the shipped models;
``--lexicon-only`` learns the lexicon again beside the shipped models and thresholds). The result is
written as JSON to
``analyze/models/attribution.json`` (or ``--out``). Parses are cached with ``--cache DIR``.

The steps live in their own modules: ``fitting`` (the lexicon and the three models), ``folds``
(cross-fitting, and what a run gets right against the gold), ``thresholds`` (the ``accept``
threshold and the trusted keys) and ``acceptors`` (the acceptor and the context acceptor); this
module runs them and is the command.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin

from broadsheet.analyze.acceptors import with_acceptor, with_context_acceptor
from broadsheet.analyze.fitting import Pair, build_lexicon, fitted_models
from broadsheet.analyze.folds import crossfit
from broadsheet.analyze.learned import MODEL_FILE, Models, shipped_models
from broadsheet.analyze.thresholds import tune, with_trusted
from broadsheet.bench.polnear import Document, load_split


def heldout(name: str) -> bool:
    """Whether a train article is in the held-out fold (one in ten, by a hash of its name)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 10 == 0


def train(train_pairs: Sequence[Pair], heldout_names: Sequence[str] = ()) -> Models:
    """Learn the lexicon and models on ``train_pairs``, then every threshold on it
    (``with_thresholds``): nothing is chosen on dev."""
    return with_thresholds(fitted_models(train_pairs, {}, heldout_names), train_pairs)


def with_thresholds(models: Models, train_pairs: Sequence[Pair]) -> Models:
    """``models``' lexicon and three models with the ``accept`` threshold chosen on the
    cross-fitted folds of ``train_pairs`` (``tune``), the trusted cue keys chosen on
    ``train_pairs``, then the acceptor learned and thresholded on the same folds."""
    folds = crossfit(train_pairs)
    base = Models(models.lexicon, models.cue, models.content, models.source, tune(folds), models.heldout)
    return with_acceptor(with_trusted(base, train_pairs), train_pairs, folds)


def parsed(documents: Sequence[Document], nlp: Language, cache: Path | None, name: str) -> list[Pair]:
    """The documents with their parses (read from / written to ``cache/<name>.spacy`` when given)."""
    from broadsheet.analyze.nlp import parse_texts

    path = cache / f"{name}.spacy" if cache is not None else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [d.text for d in documents]:
            return list(zip(documents, docs, strict=True))
    docs = list(parse_texts([d.text for d in documents], nlp))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(docs=docs)
        bin_.to_disk(path)
    return list(zip(documents, docs, strict=True))


def main(argv: Sequence[str] | None = None) -> None:
    """Train on ``--data``'s PolNeAR train split (thresholds on its cross-fitted folds), write the models."""
    from broadsheet.analyze.nlp import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "models" / MODEL_FILE)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--acceptor-only", action="store_true",
                        help="keep the shipped models and learn only the acceptor beside them")
    parser.add_argument("--other-acceptor-only", action="store_true",
                        help="keep the shipped models, the acceptor of verbs of saying and its "
                             "threshold; learn the acceptor of other cues and its threshold beside them")
    parser.add_argument("--context-acceptor-only", action="store_true",
                        help="keep the shipped models and the acceptor of verbs of saying; learn the "
                             "context acceptor of other cues and its threshold beside them (the models "
                             "unchanged when no threshold pays on the folds)")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="keep the shipped models and thresholds; learn the lexicon again (its verb "
                             "keys) beside them")
    parser.add_argument("--thresholds-only", action="store_true",
                        help="keep the shipped lexicon and three models; choose every threshold, the "
                             "trusted keys and the acceptor again on the train folds")
    args = parser.parse_args(argv)
    nlp = load_model()
    everything = load_split(args.data, "train")
    kept = [d for d in everything if not heldout(d.name)]
    held = [d.name for d in everything if heldout(d.name)]
    train_pairs = parsed(kept, nlp, args.cache, "train-kept")
    if args.other_acceptor_only:
        models = with_acceptor(shipped_models(), train_pairs, only_other=True)
    elif args.context_acceptor_only:
        models = with_context_acceptor(shipped_models(), train_pairs)
    elif args.acceptor_only:
        models = with_acceptor(shipped_models(), train_pairs)
    elif args.lexicon_only:
        models = replace(shipped_models(), lexicon=build_lexicon(train_pairs))
    elif args.thresholds_only:
        models = with_thresholds(shipped_models(), train_pairs)
    else:
        models = train(train_pairs, held)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(models.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(models.lexicon)} cue keys, thresholds {models.thresholds}")


if __name__ == "__main__":
    main()
