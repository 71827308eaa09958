"""A story's texts, asked again and again which of them write a name.

The voices of a story of hundreds of articles read its texts once per rule and per speaker: a
title before the name, a description after it, an office held, a place... Each rule first keeps
the texts that write the name as it is written (``text.mentioning``), and that look-up read every
text of the story, once per question: a third of a 300-article story's page went into it.

``StoryTexts`` is the story's texts (a tuple: whatever reads texts reads it) with an index of
their words, built on the first question. The texts that write ``w`` must hold each word run of
``w`` (its ``\\w+`` runs) inside one of theirs: the whole run when ``w`` writes something else on
both sides of it ("Holt" of "Ada Holt, MD"), a run starting with it when only before it ("Holt" of
"Ada Holt": "Holtz" would do), ending with it when only after it, or holding it anywhere when ``w``
is that run alone. Those texts are found in the index and only they are read for ``w``, so the
answer is the same as reading every text (a test checks it against that on random texts), and each
answer is kept for the next rule that asks.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

_WORD = re.compile(r"\w+")


class StoryTexts(tuple[str, ...]):
    """The texts of one story, with the index of their words (module docstring)."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        super().__init__()
        self._words: dict[str, set[int]] | None = None
        self._vocabulary = ""
        self._holding: dict[tuple[str, int], tuple[int, ...]] = {}

    def holding(self, *written: str) -> list[str]:
        """The texts writing one of ``written`` as it is written (case and all), in their order."""
        found = set().union(*(self._numbers(w, 0) for w in written))
        return [self[i] for i in sorted(found)]

    def holding_any_case(self, written: str) -> list[str]:
        """The texts writing ``written`` in any case, as a pattern with ``re.IGNORECASE`` finds it
        (the same engine reads the index: "Reuters" of "REUTERS")."""
        return [self[i] for i in self._numbers(written, re.IGNORECASE)]

    def _numbers(self, written: str, flags: int) -> tuple[int, ...]:
        if (written, flags) not in self._holding:
            pattern = re.compile(re.escape(written), flags) if flags else None
            self._holding[written, flags] = tuple(
                i for i in self._candidates(written, flags)
                if (pattern.search(self[i]) if pattern else written in self[i]))
        return self._holding[written, flags]

    def _candidates(self, written: str, flags: int) -> Sequence[int]:
        """The texts that may write ``written``: all of them when it has no word run to look up."""
        runs = list(_WORD.finditer(written))
        if not runs:
            return range(len(self))
        words = self._index()
        whole = [run for run in runs if _inside(run, written)]
        if whole and not flags:  # written on both sides inside ``written``: the text holds the run
            return sorted(set.intersection(*(words.get(run.group(), set()) for run in whole)))
        run = max(runs, key=lambda r: (_inside(r, written), len(r.group())))
        key = ("\n" if run.start() > 0 else "") + re.escape(run.group()) \
            + ("(?=\n)" if run.end() < len(written) else "")
        return sorted(self._in_vocabulary(re.compile(key, flags)))

    def _in_vocabulary(self, key: re.Pattern[str]) -> set[int]:
        """The texts holding a word the vocabulary (one word a line) writes ``key`` in."""
        numbers: set[int] = set()
        words, vocabulary = self._index(), self._vocabulary
        for found in key.finditer(vocabulary):
            start = vocabulary.rfind("\n", 0, found.start() + 1) + 1
            end = vocabulary.find("\n", found.end())
            numbers |= words[vocabulary[start:end]]
        return numbers

    def _index(self) -> dict[str, set[int]]:
        if self._words is None:
            self._words = {}
            for number, text in enumerate(self):
                for word in set(_WORD.findall(text)):
                    self._words.setdefault(word, set()).add(number)
            self._vocabulary = "\n" + "\n".join(self._words) + "\n"
        return self._words


# From how many texts a story's are indexed: below it reading each text is as quick, and indexing
# every story cost the bench's editions of 10,000 stored articles (stories of a few articles) 8%
# more CPU; BASIL's stories of 5 to 40 articles build in the same time either way, of 80 in 5% less.
INDEXED = 50


def story_texts(texts: Sequence[str]) -> Sequence[str]:
    """A story's texts, indexed (``StoryTexts``) when there are ``INDEXED`` of them or more."""
    return StoryTexts(texts) if len(texts) >= INDEXED else texts


def _inside(run: re.Match[str], written: str) -> bool:
    """Whether ``written`` writes something on both sides of its word run ``run``."""
    return run.start() > 0 and run.end() < len(written)


def writing_any_case(texts: Iterable[str], written: str) -> Iterable[str]:
    """The texts of a story's ``StoryTexts`` that write ``written`` in any case; any other texts
    as they are (a pattern reading for ``written`` with ``re.IGNORECASE`` finds it in the same)."""
    return texts.holding_any_case(written) if isinstance(texts, StoryTexts) else texts


def matches_from(pattern: re.Pattern[str], text: str, *written: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts where one of ``written`` is
    written (checks of width nil before it aside: ``\\b``, a look behind): tried only at those
    places, not at every letter of the text (a pattern opening with such a check is tried at every
    one; the name it is written around is found far quicker by itself). The same matches, in the
    same order (a test checks it against ``finditer``)."""
    if not all(written):
        yield from pattern.finditer(text)  # an empty string is written everywhere
        return
    end = 0
    for at in sorted({at for w in written for at in _places(text, w)}):
        found = pattern.match(text, at) if at >= end else None
        if found:
            end = found.end()
            yield found


def written_then(text: str, written: str | Sequence[str], after: re.Pattern[str], *,
                 before: re.Pattern[str] | None = None,
                 any_case: bool = False) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of ``before + (?:written) + after`` in ``text`` (``written`` one string or several
    tried in their order, as escaped alternatives; in any case with ``any_case``), as ``finditer``
    finds them, without compiling a pattern for ``written``: a story's rules write one around each
    name, and compiling them took a quarter of a 300-article story's page. ``before`` is a check of
    width nil (a look behind, ``\\b``) and holds no group. Each match is given as ``(its start, the
    match of after)``: its groups are the whole pattern's, its ``group()`` only what ``after`` read.
    Any case is found by lower-casing both, as the pattern engine folds them, for ``written`` in
    ASCII and a text without the four letters the engine reads as ASCII ones unlike ``str.lower``
    (``_FOLDED_UNLIKE_LOWER``); elsewhere the whole pattern is compiled."""
    forms = (written,) if isinstance(written, str) else tuple(written)
    if before is not None and before.groups:
        raise ValueError("the check before the written words holds a group")
    any_case = any_case or bool(after.flags & re.IGNORECASE)  # the whole pattern's flags are after's
    if not forms or not all(forms) or (any_case and (not all(f.isascii() for f in forms)
                                        or _FOLDED_UNLIKE_LOWER.search(text))):
        yield from _whole_pattern(text, forms, after, before, any_case)
        return
    haystack = text.lower() if any_case else text
    needles = tuple(f.lower() for f in forms) if any_case else forms
    at = _first_of(haystack, needles, 0)
    while at >= 0:
        found = _then(text, haystack, needles, at, after, before)
        if found:
            yield at, found
        at = _first_of(haystack, needles, found.end() if found else at + 1)


def _then(text: str, haystack: str, needles: Sequence[str], at: int, after: re.Pattern[str],
          before: re.Pattern[str] | None) -> re.Match[str] | None:
    """What ``after`` matches right after the first of ``needles`` written at ``at`` it follows."""
    if before is not None and not before.match(text, at):
        return None
    for needle in needles:
        found = after.match(text, at + len(needle)) if haystack.startswith(needle, at) else None
        if found:
            return found
    return None


def _first_of(haystack: str, needles: Sequence[str], start: int) -> int:
    """Where the first of ``needles`` is written from ``start`` on; -1 when none is."""
    places = [at for at in (haystack.find(n, start) for n in needles) if at >= 0]
    return min(places, default=-1)


def _whole_pattern(text: str, forms: Sequence[str], after: re.Pattern[str], before: re.Pattern[str] | None,
                   any_case: bool) -> Iterator[tuple[int, re.Match[str]]]:
    literal = "|".join(re.escape(f) for f in forms)
    whole = re.compile((before.pattern if before else "") + ("(?i:" if any_case else "(?:") + literal + ")"
                       + after.pattern, after.flags)
    yield from ((found.start(), found) for found in whole.finditer(text))


# The letters beyond ASCII the pattern engine reads as ASCII ones in any case, or that lower-case to
# two letters (every one, found by trying each letter of Unicode): the dotted capital I, the dotless
# i, the long s, the Kelvin sign. Any other letter of a text matches an ASCII letter in any case
# neither for the engine nor for ``str.lower``.
_FOLDED_UNLIKE_LOWER = re.compile("[\u0130\u0131\u017f\u212a]")


def _places(text: str, written: str) -> Iterator[int]:
    at = text.find(written)
    while at >= 0:
        yield at
        at = text.find(written, at + 1)


def readable(texts: Iterable[str]) -> Sequence[str]:
    """``texts`` as a sequence to read more than once: a story's ``StoryTexts`` (or any list or
    tuple) kept as it is, so its index is kept too."""
    return texts if isinstance(texts, (list, tuple)) else list(texts)
