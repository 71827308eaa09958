"""PolNeAR and the who-said-what metric: reading the gold, scoring predicted attributions.

Dataset: PolNeAR (Newell, Margolin & Ruths, LREC 2018), US political news articles with every
attribution marked in brat standoff (``<split>/text/<name>.txt`` and one or more
``<split>/attributions/<name>_<annotator>.ann``); read from the shared folder, never copied into
the repo. We score against one annotator per article, the first ``.ann`` in sort order.

The metric is the one the who-said-what issue defines, and this module computes exactly what the
reference scorer (``shared/tools/score_attribution.py``) prints on the same output:

- tokens are ``\\w+`` runs; a span is the set of tokens lying wholly inside it (a discontinuous gold
  span is the union of its pieces);
- per article, predicted and gold attributions are paired one-to-one, greedily by the Dice overlap of
  their content tokens (highest first, ties to the later prediction, then the later gold), keeping
  pairs with Dice >= 0.5; a pair is **correct** when the predicted speaker span shares a token with
  the gold Source (or the gold has no Source);
- **precision** = correct pairs / predictions; **speech recall** = correct pairs whose gold cue holds a
  word of speech (``SPEECH``) / gold attributions with such a cue; **speech F1** their harmonic mean;
  **recall over all** = correct pairs / gold attributions; **cue accuracy** = paired predictions whose
  cue shares a token with the gold cue / pairs.

The gold is read as the reference scorer reads it: ``E`` lines with a ``Content`` argument, roles
named exactly ``Source``, ``Cue`` and ``Content`` (a lower-case ``source`` argument is no Source).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from broadsheet.errors import ConfigError
from broadsheet.model import Span

_TOKEN = re.compile(r"\w+")
SPEECH = re.compile(
    r"\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|state|states|stated|"
    r"stating|statement|report|reports|reported|reporting|announce[sd]?|announcing|claim(s|ed|ing)?|"
    r"explain(s|ed|ing)?|note[sd]?|noting|write|writes|wrote|written|writing|ask(s|ed|ing)?|"
    r"argue[sd]?|arguing|insist(s|ed|ing)?|warn(s|ed|ing)?|accuse[sd]?|accusing|den(y|ies|ied|ying)|"
    r"respond(s|ed|ing)?|repl(y|ies|ied|ying)|suggest(s|ed|ing)?|acknowledge[sd]?|acknowledging|"
    r"admit(s|ted|ting)?|confirm(s|ed|ing)?|declare[sd]?|declaring|describe[sd]?|describing|"
    r"predict(s|ed|ing)?|promise[sd]?|promising|vow(s|ed|ing)?|tweet(s|ed|ing)?|"
    r"testif(y|ies|ied|ying)|recall(s|ed|ing)?|comment(s|ed|ing)?|stress(es|ed|ing)?|"
    r"emphasi[sz](e|es|ed|ing)|assert(s|ed|ing)?|contend(s|ed|ing)?|maintain(s|ed|ing)?|"
    r"concede[sd]?|conceding|complain(s|ed|ing)?|urge[sd]?|urging|quote[sd]?|quoting|cite[sd]?|"
    r"citing|according)\b",
    re.IGNORECASE,
)
MIN_DICE = 0.5
Pieces = tuple[Span, ...]


@dataclass(frozen=True)
class Gold:
    """One gold attribution: its Source, Cue and Content pieces and the cue's words."""

    source: Pieces
    cue: Pieces
    content: Pieces
    cue_text: str = ""

    @property
    def speech(self) -> bool:
        """Whether the cue holds a word of speech (the issue's list, any inflection)."""
        return bool(SPEECH.search(self.cue_text))


@dataclass(frozen=True)
class Predicted:
    """One predicted attribution as the scorer sees it: three character spans."""

    speaker: Span | None
    cue: Span | None
    content: Span | None


@dataclass(frozen=True)
class Document:
    """One article of the benchmark: its name, text and first annotator's attributions."""

    name: str
    text: str
    gold: tuple[Gold, ...]


def parse_brat(ann: str) -> list[Gold]:
    """The attributions of one ``.ann`` file, read exactly as the reference scorer reads them."""
    bound: dict[str, tuple[Pieces, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.split("\n"):
        fields = line.split("\t")
        if fields[0].startswith("T") and len(fields) >= 2:
            offsets = fields[1].split(" ", 1)[1]
            bound[fields[0]] = (_pieces(offsets), fields[2] if len(fields) > 2 else "")
        elif fields[0].startswith("E") and len(fields) >= 2:
            events.append(dict(argument.split(":") for argument in fields[1].split()))
    found = []
    for roles in events:
        parts = {role: bound.get(roles.get(role, ""), ((), "")) for role in ("Source", "Cue", "Content")}
        if parts["Content"][0]:
            found.append(Gold(parts["Source"][0], parts["Cue"][0], parts["Content"][0], parts["Cue"][1]))
    return found


def _pieces(offsets: str) -> Pieces:
    """``"315 448;463 553"`` -> ``((315, 448), (463, 553))``."""
    pieces = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def polnear_root(data: Path) -> Path:
    """``DIR/attribution/polnear`` or ``DIR`` itself; ConfigError when neither holds PolNeAR."""
    for candidate in (data / "attribution" / "polnear", data):
        if (candidate / "dev" / "text").is_dir():
            return candidate
    raise ConfigError(f"PolNeAR not found under {data} (expected attribution/polnear/dev/text)")


def load_split(data: Path, split: str = "dev", *, limit: int | None = None,
               names: frozenset[str] | None = None) -> list[Document]:
    """The articles of one split (only ``names`` when given, the first ``limit``), each with the
    attributions of its first ``.ann`` in sort order."""
    root = polnear_root(data) / split
    documents = []
    for name, anns in _annotations(root).items():
        text_path = root / "text" / f"{name}.txt"
        if (names is not None and name not in names) or not text_path.exists():
            continue
        gold = tuple(parse_brat(anns[0].read_text(encoding="utf-8")))
        documents.append(Document(name, text_path.read_text(encoding="utf-8"), gold))
    return documents[:limit]


def _annotations(root: Path) -> dict[str, list[Path]]:
    """Each article of a split folder -> its ``.ann`` files, articles and files in sort order."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((root / "attributions").glob("*.ann")):
        by_article[path.name.rsplit("_", 1)[0]].append(path)
    return dict(sorted(by_article.items()))


def load_second_annotator(data: Path, split: str = "train") -> list[tuple[Document, tuple[Gold, ...]]]:
    """The articles of a split that two annotators marked: each as ``load_split`` reads it (the
    first ``.ann``'s gold) with the attributions of the second ``.ann`` in sort order."""
    root = polnear_root(data) / split
    second = {name: anns[1] for name, anns in _annotations(root).items() if len(anns) > 1}
    return [(document, tuple(parse_brat(second[document.name].read_text(encoding="utf-8"))))
            for document in load_split(data, split, names=frozenset(second))]


class Tokens:
    """The ``\\w+`` tokens of a text, to turn character spans into sets of token numbers."""

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts = [match.start() for match in matches]
        self.ends = [match.end() for match in matches]

    def inside(self, pieces: Pieces) -> frozenset[int]:
        """Numbers of the tokens lying wholly inside one of the pieces."""
        found: set[int] = set()
        for start, end in pieces:
            found.update(range(bisect.bisect_left(self.starts, start), bisect.bisect_right(self.ends, end)))
        return frozenset(found)


@dataclass
class Tally:
    """Counts summed over articles; ``metrics`` turns them into the issue's figures."""

    predicted: int = 0
    gold: int = 0
    gold_speech: int = 0
    correct: int = 0
    correct_speech: int = 0
    paired: int = 0
    cue_right: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def metrics(self) -> dict[str, float]:
        """precision, speech_recall, speech_f1, recall_all, cue_accuracy."""
        precision = _ratio(self.correct, self.predicted)
        speech_recall = _ratio(self.correct_speech, self.gold_speech)
        return {
            "precision": precision,
            "speech_recall": speech_recall,
            "speech_f1": _f1(precision, speech_recall),
            "recall_all": _ratio(self.correct, self.gold),
            "cue_accuracy": _ratio(self.cue_right, self.paired),
        }


def _ratio(part: int, whole: int) -> float:
    """``part / whole``, 0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice overlap of two token sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def pair(predicted: list[frozenset[int]], gold: list[frozenset[int]]) -> dict[int, int]:
    """One-to-one greedy pairing by content Dice (>= ``MIN_DICE``): ``{gold index: predicted index}``."""
    candidates = sorted(
        ((dice(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)), reverse=True
    )
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for overlap, i, j in candidates:
        if overlap < MIN_DICE:
            break
        if i not in used and j not in pairs:
            used.add(i)
            pairs[j] = i
    return pairs


def score_document(text: str, gold: tuple[Gold, ...], predicted: list[Predicted]) -> Tally:
    """The counts of one article (see the module docstring)."""
    tokens = Tokens(text)
    scored = [p for p in predicted if p.content]
    cues = [tokens.inside((p.cue,)) if p.cue else frozenset() for p in scored]
    pairs, right = _judged(tokens, gold, scored)
    tally = Tally(predicted=len(scored), gold=len(gold), gold_speech=sum(g.speech for g in gold))
    for j, i in pairs.items():
        tally.paired += 1
        tally.cue_right += bool(cues[i] & tokens.inside(gold[j].cue))
        if j in right:
            tally.correct += 1
            tally.correct_speech += gold[j].speech
    return tally


def correct_gold(text: str, gold: tuple[Gold, ...], predicted: list[Predicted]) -> frozenset[int]:
    """The positions of the gold attributions ``predicted`` gets right (as ``score_document`` counts)."""
    return _judged(Tokens(text), gold, [p for p in predicted if p.content])[1]


def _judged(tokens: Tokens, gold: tuple[Gold, ...], scored: list[Predicted]
            ) -> tuple[dict[int, int], frozenset[int]]:
    """The pairs ``{gold: prediction}`` of predictions that all have a content, and the gold of
    the correct ones (the speaker sharing a token with the gold Source, or no Source)."""
    contents = [tokens.inside((p.content,)) for p in scored if p.content]
    speakers = [tokens.inside((p.speaker,)) if p.speaker else frozenset() for p in scored]
    pairs = pair(contents, [tokens.inside(g.content) for g in gold])
    sources = {j: tokens.inside(gold[j].source) for j in pairs}
    return pairs, frozenset(j for j, i in pairs.items() if not sources[j] or speakers[i] & sources[j])


def score(documents: list[Document], predictions: list[list[Predicted]]) -> dict[str, float]:
    """The issue's figures over all documents (predictions in the same order)."""
    total = Tally()
    for document, predicted in zip(documents, predictions, strict=True):
        total.add(score_document(document.text, document.gold, predicted))
    return total.metrics()
