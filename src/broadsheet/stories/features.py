"""What the clusterer sees of an article: weighted term fields, names, its day, a copy sketch.

Signals, and why each is there:

- ``title`` — the headline's content words. A headline names the event; it is compared with the
  story's headlines on its own, so the learned scorer can weigh it above the body.
- ``lead`` — the content words of the opening ``LEAD_WORDS`` words of the body. The rest of a long
  article drifts into background shared by unrelated stories.
- ``names`` — who and where: canonical entity names from the analysis when there are any, else the
  capitalised words and phrases of the title and lead (not the first word of a sentence on its own),
  plus numbers of two or more digits (scores, tolls, years: "6.1", "40,000"). Two events of the same
  kind (two earthquakes, two rehab stays) share their vocabulary but not their names and numbers.
- ``day`` — the publication day (ordinal, fractional for the time of day), None when unknown; a
  date without a time is a whole day, so two pages dated a day apart may be minutes apart.

Words are ``text.content_words`` (lower-cased, stop words dropped) with plural endings folded
(``fold``), so "evacuations" meets "evacuation". Every field is a hashed ``Sparse`` vector of
sublinear term frequencies; IDF is applied at comparison time. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from broadsheet import timestamps
from broadsheet.model import Article, Entity
from broadsheet.stories.sparse import Ids, Sparse, bucket
from broadsheet.text import STOP_WORDS, content_words, split_sentences

LEAD_WORDS = 100
NAME_PREFIX = "n:"
_NAME = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|de|del|la|le|van|von|al|bin|da|dos)\s+)?[A-Z][\w'’.&-]*)*")
_NUMBER = re.compile(r"\d[\d.,]*\d")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                            "WORK_OF_ART", "LAW"})
_TITLE_CASE_SHARE = 0.6


@dataclass(frozen=True)
class ArticleFeatures:
    """One article as vectors: ``title``, ``lead`` and ``names`` fields, and its ``day``."""

    article_id: str
    title: Sparse
    lead: Sparse
    names: Sparse
    day: float | None
    order: tuple[float, str]  # publication order: dated first by time, undated after, ties by id
    terms: Ids  # every bucket of every field, once (what the document frequencies count)


def fold(word: str) -> str:
    """A light plural fold: "cities" -> "city", "fires" -> "fire", "boxes" -> "box"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded content words of ``text``."""
    return [fold(w) for w in content_words(text)]


def lead_text(paragraphs: Sequence[str], limit: int = LEAD_WORDS) -> str:
    """The opening of the body, cut after the paragraph that reaches ``limit`` words."""
    taken: list[str] = []
    count = 0
    for paragraph in paragraphs:
        if count >= limit:
            break
        taken.append(paragraph)
        count += len(paragraph.split())
    text = "\n".join(taken)
    if count > limit * 2:  # one very long paragraph: cut it at the word limit
        text = " ".join(text.split()[: limit * 2])
    return text


def _is_title_case(title: str) -> bool:
    """True when most words of a headline are capitalised ("Trump Slams Kerry Over Iran")."""
    tokens = [w for w in title.split() if w[:1].isalpha()]
    upper = sum(1 for w in tokens if w[:1].isupper())
    return bool(tokens) and upper / len(tokens) >= _TITLE_CASE_SHARE and len(tokens) > 3


def _sentence_names(sentence: str) -> Iterable[str]:
    for match in _NAME.finditer(sentence):
        phrase = match.group().rstrip(".'’")
        parts = phrase.split()
        if match.start() == 0 and len(parts) == 1:
            continue  # a sentence's first word is capitalised anyway
        kept = [p for p in parts if p.casefold() not in STOP_WORDS]
        yield from (p.casefold().rstrip(".") for p in kept)
        if len(kept) > 1:
            yield " ".join(p.casefold() for p in kept)


def text_names(title: str, lead: str) -> list[str]:
    """Capitalised words and phrases, and numbers, of the title (unless title-cased) and lead."""
    found: list[str] = []
    texts = [lead] if _is_title_case(title) else [title, lead]
    for text in texts:
        for start, end in split_sentences(text):
            found.extend(_sentence_names(text[start:end]))
        found.extend(m.group().replace(",", "") for m in _NUMBER.finditer(text))
    return [NAME_PREFIX + n for n in found if len(n) > 1]


def full_names(title: str, lead: str) -> tuple[int, ...]:
    """The buckets of the phrases of two capitalised words or more that ``text_names`` finds in
    the title (unless title-cased) and lead (``fullnames``); sorted, once each."""
    found: set[int] = set()
    texts = [lead] if _is_title_case(title) else [title, lead]
    for text in texts:
        for start, end in split_sentences(text):
            found.update(bucket(NAME_PREFIX + _name_key(n))
                         for n in _sentence_names(text[start:end]) if " " in n)
    return tuple(sorted(found))


SURNAMES = False  # a full name is known by its last word (stories round 56's development probe)


def _name_key(phrase: str) -> str:
    """A full name as ``full_names`` keeps it: whole, or by its last word with ``SURNAMES``."""
    if not SURNAMES:
        return phrase
    return phrase.rsplit(" ", 1)[-1].removesuffix("'s").removesuffix("’s")


def entity_names(entities: Sequence[Entity]) -> list[str]:
    """Canonical names of the analysis' named entities (people, organisations, places ...)."""
    return [NAME_PREFIX + e.canonical.casefold() for e in entities
            if e.label in _ENTITY_LABELS and e.canonical.strip()]


def day_of(published: str | None) -> float | None:
    """The publication instant as a fractional day number (ordinal of its UTC date + time); a
    date given without a time of day is midnight, a whole number, which ``index.span`` reads as
    the whole day it names."""
    moment = timestamps.parse(published) if published else None
    if moment is None:
        return None
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    return moment.toordinal() + seconds / 86400.0


def featurize(article: Article, entities: Sequence[Entity] = (), *,
              lead_words: int = LEAD_WORDS) -> ArticleFeatures:
    """The vectors of ``article``; ``entities`` (from the analysis) replace the text's names."""
    lead = lead_text(article.paragraphs, lead_words)
    names = entity_names(entities) if entities else text_names(article.title, lead)
    if entities:
        names += [NAME_PREFIX + m.replace(",", "") for m in _NUMBER.findall(lead)]
    day = day_of(article.published)
    title, body, named = (Sparse.from_terms(words(article.title)), Sparse.from_terms(words(lead)),
                          Sparse.from_terms(names))
    return ArticleFeatures(
        article_id=article.id, title=title, lead=body, names=named, day=day,
        order=(day if day is not None else float("inf"), _tie(article.id)),
        terms=np.unique(np.concatenate([title.ids, body.ids, named.ids])),
    )


def _tie(article_id: str) -> str:
    """The tie-break of publication order: a hash of the id, so that ids given in story order
    (``story-1-a``, ``story-1-b`` ...) do not line a set up by story."""
    return hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).hexdigest()
