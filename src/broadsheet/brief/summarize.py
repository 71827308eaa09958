"""Speed Reads: two to four sentences copied verbatim from a story's articles, each cited.

Nothing is generated, so nothing can be hallucinated: every ``SummarySentence.text`` is a slice of
its article's ``text`` (a dateline trimmed off the front is still a slice), and carries that
article's id, version, outlet and url as its citation (``brief.verify`` checks it again).

How sentences are chosen:
1. every independent member article (near-duplicates add nothing new) is split into sentences
   (``text.split_sentences``); each loses its dateline (``sentences.trim``);
2. a sentence is a candidate when it is complete prose of reasonable length and can stand alone
   (``sentences.standalone``: no pronoun or connective opening, no writer's voice, no quotation
   without its speaker) and does not cut a quotation in half;
3. words are weighed by TF-IDF over the story's sentences; the story centroid is the mean of the
   per-article centroids, so one long article cannot outvote three short ones; a sentence's
   relevance is its cosine to the centroid, raised for lead sentences (news puts the gist first)
   and lowered the more of it sits inside quotation marks (quotes belong to "What they're saying");
4. **the lead** is the most relevant of the articles' first two sentences, raised by how much of the
   members' headlines it restates (``headline_coverage``): a lede restates its headline with the
   detail, where a hook ("NFL assaults have led to lawsuits before.") or a background line ("The
   most recent Star Trek film was ...") shares a word or two with it, and one sharing none is taken
   only when no candidate shares any; the story's main actor is in every sentence, so TF-IDF alone
   weighs its name least;
5. **what the outlets add**: each further sentence is picked greedily by
   ``LAMBDA * relevance + (1 - LAMBDA) * novelty`` (+ a bonus for an outlet not cited yet), where
   novelty is the share of the sentence's TF-IDF weight on words neither the title nor the chosen
   sentences used; a sentence with too little new (``MIN_NOVELTY``) or too close to a chosen one
   (``MAX_SIMILARITY``) is never taken, so the Speed Read does not say the same thing twice; nor
   is one whose content words are mostly in one chosen sentence (a paraphrase of the lead), or
   that leans back, was cut short or has a caption run into it (``brief.additions``);
6. **order**: the lead first, then the additions by their article's publication time and their
   place in it, so the story reads forward.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from broadsheet.brief.additions import STEM, may_add, repeats, stems
from broadsheet.brief.rank import independent_ids, outlet_key
from broadsheet.brief.sentences import Speech, speeches, standalone, trim
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
from broadsheet.timestamps import timestamp

LAMBDA = 0.55  # relevance against novelty when adding to the lead
LEAD_WEIGHT = 0.6  # the first sentence of an article counts 1 + LEAD_WEIGHT times
LEAD_POSITIONS = 2  # the lead is one of an article's first two sentences
QUOTE_PENALTY = 0.6  # a sentence entirely inside quotation marks keeps 1 - QUOTE_PENALTY
NEW_OUTLET_BONUS = 0.15  # added to the score of a sentence from an outlet not cited yet
MAX_SIMILARITY = 0.45  # a candidate this close (cosine) to a chosen sentence is redundant
MIN_NOVELTY = 0.45  # a candidate must bring at least this share of new weight
MIN_WORDS, MAX_WORDS = 6, 55
HEADLINE_WEIGHT = 1.0  # a lead restating all of the headlines' words counts 1 + HEADLINE_WEIGHT times

_TERMINAL = tuple(".\"'”’)")  # not "…": a sentence ending in an ellipsis was cut short
_NO_TIME = float("inf")


@dataclass(frozen=True)
class _Sentence:
    """A trimmed sentence of one article: ``text`` is ``article.text[start:start + len(text)]``."""

    text: str
    start: int
    position: int
    article: Article
    said: tuple[Speech, ...]


def _article_sentences(analysis: Analysis) -> list[_Sentence]:
    text = analysis.article.text
    said = tuple(speeches(text, analysis.attributions))
    found: list[_Sentence] = []
    for position, (a, b) in enumerate(split_sentences(text)):
        offset, rest = trim(text[a:b])
        found.append(_Sentence(rest, a + offset, position, analysis.article, said))
    return found


def balanced_quotes(text: str) -> bool:
    """Whether every quotation opened in ``text`` is closed in it (a sentence cut out of the middle
    of a longer quotation is not: it would read as a whole quote that nobody said)."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _is_candidate(sentence: _Sentence) -> bool:
    """Complete prose of reasonable length that can stand alone (see the module docstring)."""
    text = sentence.text
    return (
        MIN_WORDS <= len(text.split()) <= MAX_WORDS
        and text.endswith(_TERMINAL) and not text.endswith(("...", "…", "...\"", "…”"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“")
        and balanced_quotes(text)
        and standalone(text, sentence.start, sentence.said)
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


def novelty(vector: Vector, covered: set[str]) -> float:
    """The share of a unit ``vector``'s weight on words not in ``covered``."""
    return 1.0 - sum(v * v for t, v in vector.items() if t in covered)


@dataclass
class _Choice:
    """The state of the greedy pick: candidates with their vectors and relevance, what is chosen."""

    candidates: Sequence[_Sentence]
    vectors: Sequence[Vector]
    relevance: Sequence[float]
    covered: set[str]
    chosen: list[int]
    stems: Sequence[set[str]]
    known: set[str]  # the stems of the headlines and the lead (``additions.leans_back``)

    def score(self, i: int) -> float | None:
        """The addition score of candidate ``i``; None when it is redundant or already chosen, or
        cannot follow the lead (``brief.additions``)."""
        if i in self.chosen or not self._may_add(i):
            return None
        overlap = max((cosine(self.vectors[i], self.vectors[j]) for j in self.chosen), default=0.0)
        new = novelty(self.vectors[i], self.covered)
        if overlap > MAX_SIMILARITY or new < MIN_NOVELTY:
            return None
        cited = {_source_key(self.candidates[j]) for j in self.chosen}
        bonus = 0.0 if _source_key(self.candidates[i]) in cited else NEW_OUTLET_BONUS
        return LAMBDA * self.relevance[i] + (1 - LAMBDA) * new + bonus

    def _may_add(self, i: int) -> bool:
        return may_add(self.candidates[i].text, self.known) and not repeats(
            self.stems[i], (self.stems[j] for j in self.chosen))

    def take(self, i: int) -> None:
        self.chosen.append(i)
        self.covered.update(self.vectors[i])
        self.known.update(self.stems[i])


def headline_terms(articles: Sequence[Article]) -> Counter[str]:
    """The content words of the articles' headlines (by their first ``STEM`` letters, so "resigns"
    and "resigning" match), each counted once a headline."""
    terms: Counter[str] = Counter()
    for article in articles:
        terms.update({word[:STEM] for word in content_words(article.title)})
    return terms


def headline_coverage(text: str, terms: Counter[str]) -> float:
    """The share of the headlines' words (``headline_terms``, counted) that ``text`` restates."""
    total = sum(terms.values())
    said = stems(text)
    return sum(n for term, n in terms.items() if term in said) / total if total else 0.0


def _lead(candidates: Sequence[_Sentence], relevance: Sequence[float]) -> int:
    """The lead sentence (first two of an article; else any) most relevant once raised by how much
    of the headlines it restates; one restating none only when no candidate restates any."""
    terms = headline_terms(list({s.article.id: s.article for s in candidates}.values()))
    coverage = [headline_coverage(s.text, terms) for s in candidates]
    leads = [i for i, s in enumerate(candidates) if s.position < LEAD_POSITIONS]
    pool = [i for i in leads if coverage[i] > 0] or leads or range(len(candidates))
    return max(pool, key=lambda i: (relevance[i] * (1.0 + HEADLINE_WEIGHT * coverage[i]), -i))


def _select(choice: _Choice, k: int) -> list[int]:
    choice.take(_lead(choice.candidates, choice.relevance))
    while len(choice.chosen) < k:
        scored = [(s, i) for i in range(len(choice.candidates)) if (s := choice.score(i)) is not None]
        if not scored:
            break
        choice.take(max(scored, key=lambda pair: (pair[0], -pair[1]))[1])
    return choice.chosen


def _reading_order(chosen: list[int], candidates: Sequence[_Sentence]) -> list[int]:
    """The lead, then the rest by publication time of their article and place in it."""
    def when(i: int) -> tuple[float, str, int]:
        sentence = candidates[i]
        stamp = timestamp(sentence.article.published)
        return (stamp if stamp is not None else _NO_TIME, sentence.article.id, sentence.position)

    return chosen[:1] + sorted(chosen[1:], key=when)


def _pool(story: Story, analyses: Mapping[str, Analysis]) -> list[_Sentence]:
    """Sentences of the independent member articles, in story then reading order."""
    return [
        sentence
        for aid in independent_ids(story)
        if aid in analyses
        for sentence in _article_sentences(analyses[aid])
        if sentence.text and content_words(sentence.text)
    ]


def summarize_story(
    story: Story, analyses: Mapping[str, Analysis], *, sentences: int = 3
) -> tuple[SummarySentence, ...]:
    """Up to ``sentences`` verbatim, cited sentences that sum up ``story`` (see module docstring)."""
    pool = _pool(story, analyses)
    keep = [i for i, s in enumerate(pool) if _is_candidate(s)]
    if sentences <= 0 or not keep:
        return ()
    vectors = tfidf_vectors([content_words(s.text) for s in pool])
    centroid = _centroid(pool, vectors)
    candidates = [pool[i] for i in keep]
    chosen_vectors = [vectors[i] for i in keep]
    relevance = [_relevance(s, v, centroid) for s, v in zip(candidates, chosen_vectors, strict=True)]
    top = max(relevance) or 1.0
    articles = list({s.article.id: s.article for s in candidates}.values())
    choice = _Choice(candidates, chosen_vectors, [r / top for r in relevance],
                     set(content_words(story.title)), [], [stems(s.text) for s in candidates],
                     set(headline_terms(articles)))
    picked = _reading_order(_select(choice, sentences), candidates)
    return tuple(_cite(candidates[i]) for i in picked)


def _cite(sentence: _Sentence) -> SummarySentence:
    article = sentence.article
    return SummarySentence(
        text=sentence.text, article_id=article.id, outlet=article.outlet, url=article.url,
        version=article.version,
    )
