"""Features of the lines of a page flattened to text, for the learned line model (``linemodel``).

A flattened page is a stream of lines: menus, promos, the headline, the article, a bio, related
lists, the footer. What tells them apart generalises across sites and languages: the *shape* of a
line (length, sentence punctuation, capitals, digits, link-like text, function words), the shape of
its *neighbours* (an article paragraph sits among paragraphs, a menu entry among short entries),
its *position* (share of the page's prose before it, distance to the headline line) and what the
hand-written rules of ``text.py`` and ``boilerplate.py`` say about it (their scores and the block
they choose become features, so the model learns when to trust them). Site templates are not a
feature (the training pages are mostly one per site); they are applied after extraction
(``templates.py``).

``page_features`` returns one row of floats per non-blank line; ``FEATURE_NAMES`` names the
columns. No strings of particular sites: only shapes, counts and the shared rule vocabulary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from broadsheet.extract.text import LineScore

from broadsheet.extract import boilerplate
from broadsheet.extract.language import FUNCTION_WORDS
from broadsheet.text import ends_sentence, normal, sentences, word_count

Matrix = npt.NDArray[np.float64]

_LETTER_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]")
_LINKISH = re.compile(r"https?://|www\.|@\w|\.(?:com|org|net|html?)\b|#\w", re.IGNORECASE)
_DATEISH = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–—•*·>»›|]|\d+[.)])\s")
_SEPARATORS = re.compile(r"\s[|»›/•·]\s")
_FUNCTION = frozenset().union(*FUNCTION_WORDS.values())
# Short lines that open what follows an article: its comments, a reply form, more stories. A
# generic vocabulary in a few languages, never a site's own label.
_END_MARKER = re.compile(
    r"^\W*(?:\d+\s+|top rated\s+|reader\s+|show\s+|view\s+|load\s+)?(?:comments?|"
    r"responses?|replies|reactions|discussion|conversation|"
    r"(?:leave|post|add|write) (?:a |your )?(?:reply|comment|response)\b.*|"
    r"\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b.*|join the (?:discussion|conversation)|"
    r"(?:you (?:may|might) )?also like|more (?:from|stories|articles|news|on)\b.*|"
    r"related(?: (?:stories|articles|posts|content|coverage|news|reading))?(?::.*)?|"
    r"(?:recommended|read (?:more|next)|popular|most (?:read|popular)|trending)(?: \w+)?|"
    r"elsewhere on\b.*|about the author|want more stories.*|"
    r"coment[aá]rios?|comentarios?|commentaires?|kommentare?|commenti|reacties|"
    r"(?:leia|veja|lesen sie) (?:tamb[eé]m|auch)|voc[eê] (?:pode|tamb[eé]m pode) gostar.*|"
    r"(?:te puede interesar|art[ií]culos relacionados|[àa] lire aussi|lire aussi|"
    r"[äa]hnliche artikel|mehr zum thema|potrebbe interessarti|lees ook|ook interessant).*"
    r")\W*$",
    re.IGNORECASE,
)
_COUNTED_COMMENTS = re.compile(r"\b\d+\s+(?:comments?|responses?|replies)\b", re.IGNORECASE)
MAX_MARKER_WORDS = 10
_WINDOWS = (1, 3, 8)
_NEIGHBOURS = (-2, -1, 1, 2)


def is_end_marker(line: str) -> bool:
    """A short line that heads what follows an article: comments, a reply form, more stories
    ("Leave a Reply", "You may also like"), or counts its comments ("Permalink | 10 Comments")."""
    if word_count(line) > MAX_MARKER_WORDS:
        return False
    text = line.strip()
    return bool(_END_MARKER.match(text) or _COUNTED_COMMENTS.search(text))


def _shape(line: str) -> list[float]:
    """Shape features of one line on its own."""
    text = line.strip()
    n_words = word_count(text)
    letters = _LETTER_WORD.findall(text)
    cased = [w for w in letters if w[0].upper() != w[0].lower()]
    capital = sum(1 for w in cased if w[0].isupper()) / len(cased) if cased else 0.0
    lowered = [w.lower() for w in letters]
    function = sum(1 for w in lowered if w in _FUNCTION) / len(lowered) if lowered else 0.0
    chars = max(len(text), 1)
    return [
        math.log1p(n_words),
        math.log1p(len(text)),
        float(ends_sentence(text)),
        min(len(sentences(text)), 10) if n_words else 0.0,
        capital,
        function,
        len(_DIGIT.findall(text)) / chars,
        len(_PUNCT.findall(text)) / chars,
        text.count(",") / max(n_words, 1),
        float(bool(_LINKISH.search(text))),
        float(bool(_DATEISH.search(text))),
        float(bool(_BULLET.match(text))),
        float(bool(_SEPARATORS.search(text))),
        float(text.isupper() and n_words > 0),
        sum(len(w) for w in letters) / len(letters) if letters else 0.0,
        float(text[:1] in "\"“‘'«„"),
        float(text.endswith(":")),
    ]


SHAPE_NAMES = (
    "log_words", "log_chars", "ends_sentence", "sentences", "capital_share", "function_share",
    "digit_share", "punct_share", "commas_per_word", "linkish", "dateish", "bullet", "separators",
    "all_caps", "mean_word_len", "starts_quote", "ends_colon",
)


def _rules(line: str, score: LineScore, outlet: str | None) -> list[float]:
    """What the hand-written rules say about one line (``score``: its ``text.page_scores`` value)."""
    from broadsheet.extract.text import is_prose

    return [
        float(is_prose(line)),
        max(min(score.value, 60.0), -60.0),
        score.wall,
        float(boilerplate.is_call_to_action(line)),
        float(boilerplate.is_author_bio(line)),
        float(boilerplate.is_ui_label(line)),
        float(boilerplate.is_pitch(line)),
        float(boilerplate.is_brand_line(line, outlet)),
    ]


RULE_NAMES = ("is_prose", "rule_score", "rule_wall", "cta", "bio", "ui_label", "pitch", "brand")


@dataclass(frozen=True)
class PageLines:
    """The non-blank lines of a page, their indices in the page and their feature rows."""

    index: tuple[int, ...]
    text: tuple[str, ...]
    features: Matrix


def _group_sizes(lines: Sequence[str], index: Sequence[int]) -> tuple[list[float], list[float]]:
    """For each non-blank line: the size of its run of lines not parted by a blank line, and its
    place in that run (0 first .. 1 last). A menu is a long run of short lines."""
    runs: list[list[int]] = []
    previous = -2
    for k, i in enumerate(index):
        if i != previous + 1 or not runs:
            runs.append([])
        runs[-1].append(k)
        previous = i
    size = [0.0] * len(index)
    place = [0.0] * len(index)
    for run in runs:
        for j, k in enumerate(run):
            size[k] = math.log1p(len(run))
            place[k] = j / (len(run) - 1) if len(run) > 1 else 0.0
    return size, place


def _window_means(column: Matrix, width: int) -> Matrix:
    """The mean of ``column`` over the ``width`` lines on each side (the line itself left out)."""
    padded = np.concatenate([np.zeros(width), column, np.zeros(width)])
    sums = np.convolve(padded, np.ones(2 * width + 1), mode="valid") - column
    counts = np.convolve(np.concatenate([np.zeros(width), np.ones(len(column)), np.zeros(width)]),
                         np.ones(2 * width + 1), mode="valid") - 1
    return np.asarray(sums / np.maximum(counts, 1), dtype=np.float64)


def _shifted(column: Matrix, offset: int) -> Matrix:
    """``column`` moved by ``offset`` lines (the neighbour's value), -1 past either end."""
    out = np.full(len(column), -1.0)
    if offset > 0:
        out[:-offset or None] = column[offset:]
    else:
        out[-offset:] = column[: len(column) + offset]
    return out


def neighbour_features(base: Matrix) -> Matrix:
    """Window means and the direct neighbours of a few columns of ``base``: words, prose, rule."""
    cols = [base[:, 0], base[:, len(SHAPE_NAMES)], base[:, 2]]
    parts = [_window_means(c, w) for c in cols for w in _WINDOWS]
    parts += [_shifted(c, o) for c in cols[:2] for o in _NEIGHBOURS]
    return np.column_stack(parts)


NEIGHBOUR_NAMES = tuple(
    [f"{c}_mean{w}" for c in ("words", "prose", "ends") for w in _WINDOWS]
    + [f"{c}_at{o}" for c in ("words", "prose") for o in _NEIGHBOURS]
)


def _position(lines: Sequence[str], index: Sequence[int], text: Sequence[str],
              prose: Matrix, anchors: Sequence[int], block: tuple[int, int] | None) -> Matrix:
    """Where each line sits: share of the page's prose words before it, distance to the headline
    line, inside the rule-chosen block or not, repeats on the page, its run of lines."""
    counts = Counter(normal(t) for t in text)
    weights = np.array([word_count(t) for t in text], dtype=np.float64) * prose
    total = max(weights.sum(), 1.0)
    before = (np.cumsum(weights) - weights) / total
    anchor = anchors[0] if anchors else -1
    size, place = _group_sizes(lines, index)
    markers = _marker_columns(text, np.cumsum(weights) - weights)
    rows = []
    for k, i in enumerate(index):
        distance = (i - anchor) if anchor >= 0 else 0
        inside = block is not None and block[0] <= i < block[1]
        rows.append([
            k / max(len(index) - 1, 1),
            before[k],
            max(-2.0, min(2.0, distance / 50.0)),
            float(anchor >= 0 and i > anchor),
            float(inside),
            math.log(counts[normal(text[k])]),
            size[k],
            place[k],
            *markers[k],
        ])
    return np.array(rows, dtype=np.float64).reshape(len(index), -1)


def _marker_columns(text: Sequence[str], prose_words_before: Matrix) -> list[tuple[float, float]]:
    """For each line: is it an end marker (``is_end_marker``), and how much prose (log words)
    the page held before the nearest end marker above it (0 when none is above). Comments and
    teasers under "Leave a Reply" or "You may also like" read like prose line by line; what sets
    them apart is the heading that an article's text came before."""
    result: list[tuple[float, float]] = []
    above = 0.0
    for k, line in enumerate(text):
        marker = is_end_marker(line)
        result.append((float(marker), above))
        if marker:
            above = math.log1p(float(prose_words_before[k]))
    return result


POSITION_NAMES = ("place", "prose_before", "headline_distance", "after_headline", "in_rule_block",
                  "log_repeats", "run_size", "run_place", "end_marker", "prose_before_marker")
FEATURE_NAMES = SHAPE_NAMES + RULE_NAMES + NEIGHBOUR_NAMES + POSITION_NAMES


def page_features(lines: Sequence[str], outlet: str | None = None) -> PageLines:
    """Feature rows of every non-blank line of ``lines`` (a page already cut into lines)."""
    from broadsheet.extract.text import choose_block, headline_anchors, page_scores

    index = tuple(i for i, line in enumerate(lines) if line.strip())
    text = tuple(" ".join(lines[i].split()) for i in index)
    if not index:
        return PageLines((), (), np.zeros((0, len(FEATURE_NAMES))))
    scores = page_scores(lines)
    rows = [_shape(t) + _rules(t, scores[i], outlet) for i, t in zip(index, text, strict=True)]
    shape = np.array(rows, dtype=np.float64)
    anchors = headline_anchors(lines)
    chosen = choose_block(scores, anchors)
    block = (chosen.start, chosen.end) if chosen is not None else None
    position = _position(lines, index, text, shape[:, len(SHAPE_NAMES)], anchors, block)
    features = np.hstack([shape, neighbour_features(shape), position])
    return PageLines(index, text, features)
