"""Corroboration: how many independent sources report each key claim of a story.

The rules:

- **Claims.** Every member article states its claims in its lead: its first ``LEAD_SENTENCES``
  sentences of at least ``MIN_WORDS`` words. Sentences of different articles state the same claim
  when the TF-IDF cosine of their content words (``text.tfidf_vectors`` over the story's lead
  sentences) reaches ``SAME_CLAIM``; articles are read in publication order and each sentence joins
  the most similar claim so far (one sentence per article and claim), else starts one. A claim is
  shown by the first sentence that stated it.
- **Key claims** are those stated by at least two articles that are not copies of one another,
  plus the lede (the first claim of the earliest article); at most ``MAX_CLAIMS``, the most
  independently reported first.
- **Independence.** Each article that states a claim is a report of it, and every report has a
  *source of record*: the outlet or person it cites for the claim when the sentence says so
  ("according to The New York Times", "the Times reported", "citing Reuters", "told BBC News", or
  an attribution of the analysis with ``via`` set on that sentence), else its own outlet. The
  claim's independent count is the number of distinct sources of record among its reports, where
  a near-duplicate (a wire copy, ``Story.duplicates``) and an opinion piece (``is_opinion``: section
  or address says opinion, commentary, editorial or op-ed; or the headline starts "Opinion") are
  not reports. So three papers running one agency story count once, two reports both citing the
  Times count once, and a column agreeing with the news adds nothing.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from broadsheet.model import Analysis, Article, Claim, Story
from broadsheet.stories.features import words
from broadsheet.stories.outlets import is_outlet
from broadsheet.text import STOP_WORDS, cosine, name_key, split_sentences, tfidf_vectors, word_set

LEAD_SENTENCES = 4
MIN_WORDS = 6
SAME_CLAIM = 0.3
MAX_CLAIMS = 8
_CALENDAR = word_set("monday tuesday wednesday thursday friday saturday sunday january february "
                     "march april may june july august september october november december")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_OPINION = re.compile(r"\b(?:opinion|opinions|commentary|editorials?|op-?ed|oped|column|columns)\b",
                      re.I)
_CITED = re.compile(
    r"(?:[Aa]ccording to|[Cc]iting|reported by|told|in an interview with|a report (?:by|from|in))\s+"
    r"((?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
    r"|((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:first\s+)?reported\b",
)


def is_opinion(article: Article) -> bool:
    """True for an opinion piece: its section or address says so, or its headline starts so."""
    where = " ".join(x for x in (article.section, article.url) if x)
    return bool(_OPINION.search(where.replace("/", " ").replace("-", " ")) or
                re.match(r"\s*opinion\b", article.title, re.I))


@dataclass
class _Claim:
    """A claim while it is being gathered."""

    text: str
    article_id: str
    vector: dict[str, float]
    reports: list[tuple[str, str, str]] = field(default_factory=list)  # (article, outlet, source)


def lead_sentences(article: Article) -> list[tuple[int, int]]:
    """Spans of the article's first ``LEAD_SENTENCES`` sentences of ``MIN_WORDS`` words or more."""
    text = article.text
    spans = [(a, b) for a, b in split_sentences(text) if len(text[a:b].split()) >= MIN_WORDS]
    return spans[:LEAD_SENTENCES]


def cited_source(sentence: str, outlets: Collection[str]) -> str | None:
    """The outlet a sentence cites for what it says, as a name key (None: it cites none)."""
    for match in _CITED.finditer(sentence):
        name = (match.group(1) or match.group(2) or "").strip()
        if name and is_outlet(name, outlets):
            return _outlet_key(name, outlets)
    return None


def _outlet_key(name: str, outlets: Collection[str]) -> str:
    """The key of an outlet name, a short form ("the Times") resolved to the story's one outlet
    whose name ends with it."""
    key = name_key(name)
    longer = [name_key(o) for o in outlets if name_key(o).endswith(" " + key)]
    return longer[0] if len(longer) == 1 else key


def _via(analysis: Analysis | None, span: tuple[int, int], outlets: Collection[str]) -> str | None:
    """The outlet an attribution inside ``span`` was carried by ("told BBC News")."""
    if analysis is None:
        return None
    for attribution in analysis.attributions:
        where = attribution.content_span or attribution.cue_span
        inside = where is not None and span[0] <= where[0] < span[1]
        if inside and attribution.via and is_outlet(attribution.via, outlets):
            return _outlet_key(attribution.via, outlets)
    return None


def _reports(story: Story, articles: Mapping[str, Article],
             analyses: Mapping[str, Analysis]) -> list[tuple[Article, str, str]]:
    """Each (article, sentence, source of record) of the story's leads, in publication order."""
    outlets = [a.outlet for a in articles.values() if a.outlet]
    found = []
    for aid in story.article_ids:
        article = articles.get(aid)
        if article is None:
            continue
        own = name_key(article.outlet) if article.outlet else f"article:{aid}"
        for start, end in lead_sentences(article):
            sentence = article.text[start:end]
            source = (cited_source(sentence, outlets) or _via(analyses.get(aid), (start, end), outlets)
                      or own)
            found.append((article, sentence, source))
    return found


def claim_terms(sentence: str) -> list[str]:
    """What a sentence is compared by: its folded content words, with its numbers ("1,200" as
    "1200") and capitalised names counted twice: they pin a claim down."""
    names = [w.casefold() for w in re.findall(r"\b[A-Z][a-z]\w+", sentence)
             if w.casefold() not in STOP_WORDS and w.casefold() not in _CALENDAR]
    numbers = [n.replace(",", "") for n in _NUMBER.findall(sentence)]
    plain = [w for w in words(sentence) if not w.isdigit()]
    return plain + names + numbers * 2


def _gather(reports: Sequence[tuple[Article, str, str]]) -> list[_Claim]:
    """Group the lead sentences into claims (see the module docstring)."""
    vectors = tfidf_vectors([claim_terms(s) for _, s, _ in reports])
    claims: list[_Claim] = []
    for (article, sentence, source), vector in zip(reports, vectors, strict=True):
        free = [c for c in claims if all(r[0] != article.id for r in c.reports)]
        best = max(free, key=lambda c: cosine(vector, c.vector), default=None)
        if best is None or cosine(vector, best.vector) < SAME_CLAIM:
            best = _Claim(sentence, article.id, vector)
            claims.append(best)
        best.reports.append((article.id, article.outlet or "", source))
    return claims


def key_claims(story: Story, articles: Mapping[str, Article],
               analyses: Mapping[str, Analysis] | None = None) -> tuple[Claim, ...]:
    """The story's key claims with the outlets stating each and its independent sources."""
    analyses = analyses or {}
    copies = dict(story.duplicates)
    opinion = {aid for aid, a in articles.items() if is_opinion(a)}
    claims = _gather(_reports(story, articles, analyses))
    done = []
    for rank, claim in enumerate(claims):
        outlets = tuple(dict.fromkeys(o for _, o, _ in claim.reports if o))
        sources = tuple(dict.fromkeys(s for aid, _, s in claim.reports
                                      if aid not in copies and aid not in opinion))
        originals = {copies.get(aid, aid) for aid, _, _ in claim.reports}
        if len(originals) >= 2 or rank == 0:
            done.append(Claim(text=claim.text, article_id=claim.article_id, outlets=outlets,
                              sources=sources))
    done.sort(key=lambda c: -len(c.sources))
    return tuple(done[:MAX_CLAIMS])
