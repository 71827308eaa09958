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

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from broadsheet.brief.rank import independent_ids, outlet_key
from broadsheet.model import Analysis, Article, Story, SummarySentence
from broadsheet.text import (
    Vector,
    content_words,
    cosine,
    normalise,
    quoted_fraction,
    split_sentences,
    tfidf_vectors,
)

LAMBDA = 0.7  # MMR trade-off between relevance and novelty
LEAD_WEIGHT = 0.6  # the first sentence of an article counts 1 + LEAD_WEIGHT times
QUOTE_PENALTY = 0.6  # a sentence entirely inside quotation marks keeps 1 - QUOTE_PENALTY
NEW_OUTLET_BONUS = 0.15  # added to the MMR score of a sentence from an outlet not cited yet
MAX_SIMILARITY = 0.55  # a candidate this close (cosine) to a chosen sentence is redundant
MIN_WORDS, MAX_WORDS = 6, 60


_TERMINAL = tuple(".!?…\"'”’)")


@dataclass(frozen=True)
class _Sentence:
    """A sentence of one article: ``text`` is ``article.text[start:end]``."""

    text: str
    start: int
    position: int
    article: Article


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
    return normalise(_mean([_mean(vs) for vs in by_article.values()]))


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
    pool = [s for s in _pool(story, analyses) if content_words(s.text)]
    candidates = [s for s in pool if _is_candidate(s)] or pool
    if sentences <= 0 or not candidates:
        return ()
    all_vectors = tfidf_vectors([content_words(s.text) for s in pool])
    by_start = {(s.article.id, s.start): v for s, v in zip(pool, all_vectors, strict=True)}
    vectors = [by_start[(s.article.id, s.start)] for s in candidates]
    centroid = _centroid(pool, all_vectors)
    relevance = [_relevance(s, v, centroid) for s, v in zip(candidates, vectors, strict=True)]
    picked = _mmr_select(candidates, vectors, relevance, sentences)
    return tuple(_cite(candidates[i]) for i in picked)


def _cite(sentence: _Sentence) -> SummarySentence:
    article = sentence.article
    return SummarySentence(
        text=sentence.text, article_id=article.id, outlet=article.outlet, url=article.url,
        version=article.version,
    )
