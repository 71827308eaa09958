"""Part-of-speech, morphology and lemmas without the Matcher: ``broadsheet_tags``.

The small English model maps its fine tags to coarse ones with an ``attribute_ruler`` (179 one- and
two-token patterns run through spaCy's Matcher) and then lemmatizes every token with the rule
``lemmatizer``. Together they took about a quarter of the parse time on BASIL-length articles,
more than the parser itself. ``broadsheet_tags`` does exactly what the two do, faster:

- the ruler's patterns are compiled once into predicates indexed by their token's tag or lower-case
  form, so a token is only tested against the few patterns that can match it; matches are applied
  in the ruler's own order (pattern order, then position), so later patterns still win;
- lemmas come from the model's own lemmatizer (``rule_lemmatize``), remembered per
  (word, coarse tag, morphology), and only for tokens the ruler gave no lemma — as the lemmatizer
  does with ``overwrite = False``.

``use_fast_tags`` swaps the two components for this one when the model has both (and the
lemmatizer runs in ``rule`` mode without overwriting); otherwise the model is left as it is. The
result is the same annotation token for token (``tests/test_analyze_tagging.py`` holds it to that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

FAST_TAGS = "broadsheet_tags"
_RULER = "attribute_ruler"
_LEMMATIZER = "lemmatizer"
Values = tuple[str, str, str, bool]  # a token's tag, lower-case form, dependency, is_space
Check = Callable[[Values], bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _check(attr: str, spec: Any) -> Check:
    """A predicate for one ``{ATTR: spec}`` entry of a Matcher token pattern (a value, or a dict
    of ``IN``, ``NOT_IN`` or ``REGEX``)."""
    at = _FIELDS[attr]
    if not isinstance(spec, dict):
        return lambda v: bool(v[at] == spec)
    tests = [_operator(at, op, arg) for op, arg in spec.items()]
    return tests[0] if len(tests) == 1 else lambda v: all(test(v) for test in tests)


def _operator(at: int, op: str, arg: Any) -> Check:
    """The predicate of one Matcher operator on field ``at`` of a token's values."""
    if op in {"IN", "NOT_IN"}:
        values, inside = frozenset(arg), op == "IN"
        return lambda v: (v[at] in values) == inside
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda v: pattern.search(str(v[at])) is not None
    raise ValueError(f"unsupported attribute-ruler operator {op!r}")


@dataclass(frozen=True)
class _Rule:
    """One ruler pattern: a predicate per token, the attributes it sets, the token it sets them on."""

    order: int
    tokens: tuple[tuple[Check, ...], ...]
    attrs: dict[str, Any]
    index: int

    def matches(self, values: list[Values], start: int) -> bool:
        """Whether the pattern matches the tokens from ``start``."""
        if start + len(self.tokens) > len(values):
            return False
        return all(
            all(check(values[start + k]) for check in checks) for k, checks in enumerate(self.tokens)
        )


def _keys(first: dict[str, Any]) -> list[tuple[str, str]]:
    """The index keys of a first token pattern: its exact tag(s), else its exact lower form(s)."""
    for attr in ("TAG", "LOWER"):
        spec = first.get(attr)
        if isinstance(spec, str):
            return [(attr, spec)]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return [(attr, value) for value in spec["IN"]]
    return []


@dataclass
class FastTags:
    """The ``broadsheet_tags`` component (configured by ``use_fast_tags``)."""

    rules: dict[tuple[str, str], list[_Rule]] = field(default_factory=dict)
    anywhere: list[_Rule] = field(default_factory=list)
    lemmatizer: Lemmatizer | None = None
    lemmas: dict[tuple[int, int, int], int] = field(default_factory=dict)
    memo: dict[Values, tuple[tuple[_Rule, ...], tuple[_Rule, ...]]] = field(default_factory=dict)
    texts: dict[tuple[int, int, int, int], Values] = field(default_factory=dict)
    multi: dict[tuple[str, str], list[_Rule]] = field(default_factory=dict)
    multi_anywhere: list[_Rule] = field(default_factory=list)
    columns: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def configure(self, patterns: Sequence[dict[str, Any]], lemmatizer: Lemmatizer) -> None:
        """Compile the ruler's ``patterns`` (each holds one or more alternative token patterns);
        keep the lemmatizer."""
        for order, pattern in enumerate(patterns):
            for tokens in pattern["patterns"]:
                checks = tuple(tuple(_check(a, s) for a, s in tok.items()) for tok in tokens)
                self._add(_Rule(order, checks, dict(pattern["attrs"]), int(pattern.get("index", 0))),
                          _keys(tokens[0]))
        self.lemmatizer = lemmatizer

    def _add(self, rule: _Rule, keys: list[tuple[str, str]]) -> None:
        """Index one rule under its keys (or test it on every token when it has none); rules of
        several tokens apart, since only one-token rules can be remembered per token."""
        several = len(rule.tokens) > 1
        index = self.multi if several else self.rules
        for key in keys:
            index.setdefault(key, []).append(rule)
        if not keys:
            (self.multi_anywhere if several else self.anywhere).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, MORPH and LEMMA as the ruler and the lemmatizer would."""
        values = self._values(doc)
        found: list[tuple[int, int, _Rule]] = []
        for i, value in enumerate(values):
            known = self.memo.get(value)
            if known is None:
                known = self.memo[value] = self._rules_of(values, i)
            single, firsts = known
            if single:
                found += [(rule.order, i, rule) for rule in single]
            for rule in firsts:
                if rule.matches(values, i):
                    found.append((rule.order, i, rule))
        found.sort(key=lambda item: (item[0], item[1]))
        self._set(doc, found)
        return doc

    def _values(self, doc: Doc) -> list[Values]:
        """What the ruler's patterns test, per token: read as ids in one array, each distinct row
        turned into strings once per process."""
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        strings = doc.vocab.strings
        texts = self.texts
        values = []
        for row in rows:
            key = (row[0], row[1], row[2], row[3])
            value = texts.get(key)
            if value is None:
                value = texts[key] = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
            values.append(value)
        return values

    def _rules_of(self, values: list[Values], i: int) -> tuple[tuple[_Rule, ...], tuple[_Rule, ...]]:
        """For a token's values: the one-token rules that match it, and the rules of several tokens
        whose first token it matches (the rest of those is tested where it stands)."""
        value = values[i]
        single = tuple(rule for rule in self._candidates(value) if rule.matches(values, i))
        firsts = tuple(
            rule
            for group in (self.multi.get(("TAG", value[0])), self.multi.get(("LOWER", value[1])),
                          self.multi_anywhere)
            for rule in group or ()
            if all(check(value) for check in rule.tokens[0])
        )
        return single, firsts

    def _candidates(self, value: Values) -> list[_Rule]:
        """The one-token rules that can match a token with these values."""
        rules = self.rules
        return rules.get(("TAG", value[0]), []) + rules.get(("LOWER", value[1]), []) + self.anywhere

    def _set(self, doc: Doc, found: list[tuple[int, int, _Rule]]) -> None:
        """Apply the matched rules in order (POS, MORPH and LEMMA as arrays, a Token object only
        for the rare TAG or DEP), then the lemmas the rules did not set."""
        table: Any = doc.to_array([POS, MORPH, LEMMA])
        for _, start, rule in found:
            at = start + _index(rule)
            for column, value in self._columns(doc, rule):
                table[at, column] = value
            for name, text in rule.attrs.items():
                if name in {"TAG", "DEP"}:
                    setattr(doc[at], f"{name.lower()}_", text)
        doc.from_array([POS, MORPH], _contiguous(table[:, :2]))
        self._lemmatize(doc, table)

    def _columns(self, doc: Doc, rule: _Rule) -> list[tuple[int, int]]:
        """A rule's POS, MORPH and LEMMA as (column, id) pairs, computed once per rule."""
        known = self.columns.get(id(rule))
        if known is None:
            known = self.columns[id(rule)] = [
                (column, _id(doc, name, rule.attrs[name]))
                for column, name in enumerate(("POS", "MORPH", "LEMMA")) if name in rule.attrs
            ]
        return known

    def _lemmatize(self, doc: Doc, table: Any) -> None:
        """The lemma of every token the ruler left without one; the lemmatizer runs only on a
        word (with its POS and morphology) not seen before in this process."""
        if self.lemmatizer is None:
            return
        missing = numpy.flatnonzero(table[:, 2] == 0).tolist()
        if not missing:
            return
        strings = doc.vocab.strings
        orths: list[int] = doc.to_array(ORTH).tolist()
        rows: list[list[int]] = table[missing].tolist()
        lemmas = self.lemmas
        for i, row in zip(missing, rows, strict=True):
            key = (orths[i], row[0], row[1])
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = lemmas[key] = strings.add(self.lemmatizer.rule_lemmatize(doc[i])[0])
            table[i, 2] = lemma
        doc.from_array([LEMMA], _contiguous(table[:, 2:3]))


def _contiguous(columns: Any) -> Any:
    """Columns of an id table as the contiguous array ``Doc.from_array`` reads."""
    return numpy.ascontiguousarray(columns)


def _id(doc: Doc, name: str, value: str) -> int:
    """The id spaCy stores for a POS, MORPH or LEMMA value."""
    if name == "POS":
        return int(POS_IDS[value])
    if name == "MORPH":
        return int(doc.vocab.morphology.add(value))
    return int(doc.vocab.strings.add(value))


def _index(rule: _Rule) -> int:
    """The offset (from the match start) of the token a rule sets; a negative index counts back
    from the match's end, as in the ruler."""
    return rule.index if rule.index >= 0 else len(rule.tokens) + rule.index


@Language.factory(FAST_TAGS)
def make_fast_tags(nlp: Language, name: str) -> FastTags:
    """An unconfigured component (``use_fast_tags`` configures it)."""
    return FastTags()


def use_fast_tags(nlp: Language) -> Language:
    """Replace the model's ``attribute_ruler`` and rule ``lemmatizer`` by ``broadsheet_tags``
    (idempotent; a model without both, or with another lemmatizer mode, is left as it is)."""
    if FAST_TAGS in nlp.pipe_names or not {_RULER, _LEMMATIZER} <= set(nlp.pipe_names):
        return nlp
    ruler, lemmatizer = nlp.get_pipe(_RULER), nlp.get_pipe(_LEMMATIZER)
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
        return nlp
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return nlp
    component = nlp.add_pipe(FAST_TAGS, before=_RULER)
    assert isinstance(component, FastTags)
    component.configure(ruler.patterns, lemmatizer)
    nlp.remove_pipe(_RULER)
    nlp.remove_pipe(_LEMMATIZER)
    return nlp
