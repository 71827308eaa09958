"""Extractive story summaries: a few sentences copied verbatim from the member articles.

Nothing is generated, so nothing can be hallucinated: every ``SummarySentence.text`` is a slice of
its article's ``text``, and carries that article's id, outlet and url as its citation.

How sentences are chosen (a centroid summariser with maximal marginal relevance, MMR):
1. split every independent member article (near-duplicates add nothing new) into sentences with
   a regex splitter that does not break after abbreviations ("U.S.", "Sept.", "Mr.", initials);
2. weigh words by TF-IDF over the story's sentences; the story centroid is the mean of the
   per-article centroids, so one long article cannot outvote three short ones;
3. a sentence's relevance is its cosine to the centroid, raised for lead sentences (news puts the
   gist first) and lowered the more of it sits inside quotation marks (a quote is a voice, shown
   elsewhere, not a summary of facts); fragments, captions and very long sentences are skipped;
4. pick greedily by ``LAMBDA * relevance - (1 - LAMBDA) * similarity to what is already chosen``,
   with a bonus for an outlet not cited yet, and never a sentence too close to a chosen one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from broadsheet.brief.rank import independent_ids, outlet_key
from broadsheet.model import Analysis, Article, Story, SummarySentence

Vector = dict[str, float]

LAMBDA = 0.7  # MMR trade-off between relevance and novelty
LEAD_WEIGHT = 0.6  # the first sentence of an article counts 1 + LEAD_WEIGHT times
QUOTE_PENALTY = 0.6  # a sentence entirely inside quotation marks keeps 1 - QUOTE_PENALTY
NEW_OUTLET_BONUS = 0.15  # added to the MMR score of a sentence from an outlet not cited yet
MAX_SIMILARITY = 0.55  # a candidate this close (cosine) to a chosen sentence is redundant
MIN_WORDS, MAX_WORDS = 6, 60


def _word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of ``words`` (keeps long word lists readable)."""
    return frozenset(words.split())


_ABBREVIATIONS = _word_set(
    "mr mrs ms mx dr prof sr jr st mt sen rep gov gen col lt capt sgt adm cmdr maj rev hon pres "
    "supt insp det jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs "
    "fri sat sun inc corp co ltd llc plc bros dept univ assn est no nos vs etc approx fig al ave "
    "blvd rd ft"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"[A-Za-z][A-Za-z.]*$")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_TERMINAL = tuple(".!?…\"'”’)")
_STOP_WORDS = _word_set(
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers herself him himself his how i if in into is it "
    "its itself just me more most my myself no nor not now of off on once only or other our ours "
    "ourselves out over own same she should so some such than that the their theirs them "
    "themselves then there these they this those through to too under until up very was we were "
    "what when where which while who whom why will with would you your yours yourself said says "
    "say told according mr ms mrs"
)


@dataclass(frozen=True)
class _Sentence:
    """A sentence of one article: ``text`` is ``article.text[start:end]``."""

    text: str
    start: int
    position: int
    article: Article


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``; a line break always ends one."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if not _is_abbreviation(text, boundary.start()):
                spans.append((start, boundary.end()))
                start = boundary.end()
        spans.append((start, line.end()))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = _LAST_WORD.search(text, 0, dot)
    if word is None:
        return False
    token = word.group()
    if len(token) == 1:
        return token.isupper()
    return token.casefold() in _ABBREVIATIONS or _DOTTED.fullmatch(token) is not None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def tokens(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (stop words and possessive 's dropped)."""
    words = (w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text.casefold()))
    return [w for w in words if len(w) > 1 and w not in _STOP_WORDS]


def quoted_fraction(text: str) -> float:
    """The share of ``text``'s characters that sit inside quotation marks."""
    inside = sum(len(m.group()) for m in _QUOTED.finditer(text))
    return inside / len(text) if text else 0.0


def _article_sentences(article: Article) -> list[_Sentence]:
    text = article.text
    return [
        _Sentence(text[a:b], a, i, article) for i, (a, b) in enumerate(split_sentences(text))
    ]


def balanced_quotes(text: str) -> bool:
    """Whether every quotation opened in ``text`` is closed in it (a sentence cut out of the middle
    of a longer quotation is not: it would read as a whole quote that nobody said)."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _is_candidate(sentence: _Sentence) -> bool:
    """A complete, prose sentence of reasonable length (not a caption, byline or fragment)."""
    text = sentence.text
    words = len(text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and text.endswith(_TERMINAL)
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
        and balanced_quotes(text)
    )


def tfidf_vectors(token_lists: Sequence[Sequence[str]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors (sublinear tf, smoothed idf) of the given token lists."""
    frequency = Counter(t for toks in token_lists for t in set(toks))
    n = len(token_lists)
    idf = {t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()}
    return [
        _normalise({t: (1.0 + math.log(c)) * idf[t] for t, c in Counter(toks).items()})
        for toks in token_lists
    ]


def _normalise(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(t, 0.0) for t, v in small.items())


def _mean(vectors: Sequence[Vector]) -> Vector:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return {t: v / len(vectors) for t, v in total.items()} if vectors else {}


def _centroid(sentences: Sequence[_Sentence], vectors: Sequence[Vector]) -> Vector:
    """Mean of the per-article mean vectors, so every article weighs the same."""
    by_article: dict[str, list[Vector]] = {}
    for sentence, vector in zip(sentences, vectors, strict=True):
        by_article.setdefault(sentence.article.id, []).append(vector)
    return _normalise(_mean([_mean(vs) for vs in by_article.values()]))


def _relevance(sentence: _Sentence, vector: Vector, centroid: Vector) -> float:
    lead = 1.0 + LEAD_WEIGHT / (1 + sentence.position)
    quotes = 1.0 - QUOTE_PENALTY * quoted_fraction(sentence.text)
    return cosine(vector, centroid) * lead * quotes


def _source_key(sentence: _Sentence) -> str:
    return outlet_key(sentence.article.outlet) or f"article:{sentence.article.id}"


def _mmr_select(
    sentences: Sequence[_Sentence], vectors: Sequence[Vector], relevance: Sequence[float], k: int
) -> list[int]:
    """Indices of up to ``k`` sentences chosen greedily by MMR with an outlet-diversity bonus."""
    top = max(relevance, default=0.0) or 1.0
    chosen: list[int] = []
    while len(chosen) < k:
        cited = {_source_key(sentences[i]) for i in chosen}
        scores = [
            (_mmr_score(i, vectors, chosen, relevance[i] / top, _source_key(sentences[i]) in cited), i)
            for i in range(len(sentences))
            if i not in chosen
        ]
        usable = [(score, i) for score, i in scores if score is not None]
        if not usable:
            break
        chosen.append(max(usable, key=lambda pair: (pair[0], -pair[1]))[1])
    return chosen


def _mmr_score(
    i: int, vectors: Sequence[Vector], chosen: Sequence[int], relevance: float, cited: bool
) -> float | None:
    """MMR score of sentence ``i`` given those ``chosen``; None when it is too close to one."""
    overlap = max((cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
    if overlap > MAX_SIMILARITY:
        return None
    bonus = 0.0 if cited else NEW_OUTLET_BONUS
    return LAMBDA * relevance - (1 - LAMBDA) * overlap + bonus


def _pool(story: Story, analyses: Mapping[str, Analysis]) -> list[_Sentence]:
    """Sentences of the independent member articles, in story then reading order."""
    return [
        sentence
        for aid in independent_ids(story)
        if aid in analyses
        for sentence in _article_sentences(analyses[aid].article)
    ]


def summarize_story(
    story: Story, analyses: Mapping[str, Analysis], *, sentences: int = 3
) -> tuple[SummarySentence, ...]:
    """Up to ``sentences`` verbatim, cited sentences that sum up ``story`` (see module docstring)."""
    pool = [s for s in _pool(story, analyses) if tokens(s.text)]
    candidates = [s for s in pool if _is_candidate(s)] or pool
    if sentences <= 0 or not candidates:
        return ()
    all_vectors = tfidf_vectors([tokens(s.text) for s in pool])
    by_start = {(s.article.id, s.start): v for s, v in zip(pool, all_vectors, strict=True)}
    vectors = [by_start[(s.article.id, s.start)] for s in candidates]
    centroid = _centroid(pool, all_vectors)
    relevance = [_relevance(s, v, centroid) for s, v in zip(candidates, vectors, strict=True)]
    picked = _mmr_select(candidates, vectors, relevance, sentences)
    return tuple(_cite(candidates[i]) for i in picked)


def _cite(sentence: _Sentence) -> SummarySentence:
    article = sentence.article
    return SummarySentence(
        text=sentence.text, article_id=article.id, outlet=article.outlet, url=article.url
    )
