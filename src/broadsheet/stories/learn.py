"""Learning the scorer from labelled story sets (the weights are not set by hand). The rounds
cited below ("the history") are in docs/quality-history.md, each with its figures.

0. **One realistic stream.** The sets are mixed into one stream (``mixed``) in which every story
   gets a day of a short synthetic period, ``PER_DAY`` articles a day on average: BASIL's 100 events
   spread over ten years, each alone in its time window, would teach that "published within a few
   days" means "the same story"; on a real day hundreds of stories share the window. A story's
   articles keep their real offsets from its first one where the set has dates, else get 0-2 days;
   ``UNDATED_SHARE`` of the articles lose their date, as some pages do. ``mixed`` can also start
   the stories of one topic on one day (``topic_days``: ECB+'s two events of a kind) or keep a dated
   set's undated articles undated (``keep_undated``); both are off in the recipe (round 11 in the
   history: with the thresholds held they help every set, but the threshold search then loses it).
1. **Pairs.** Each labelled set is replayed as a stream in publication order with the *true*
   stories in the index (teacher forcing): for every article, the index's candidate stories are
   scored with ``score.pair_features`` and labelled 1 when the candidate is the article's true story.
   The article then joins its true story, so later articles see the stories as they should be.
2. **Weights.** A logistic regression (scikit-learn, L2, features standardised then folded back)
   fits those pairs; each set weighs the same in total, so the largest set does not decide alone.
   The model reads story sizes up to the largest story of the stream (``Model.size_cap``).
3. **Thresholds.** The ``join`` and ``merge`` probabilities are chosen on a small grid by running
   the real clusterer and keeping the pair with the best mean ``scorer`` over the sets it is run
   on: the mixed stream, or with ``per_set`` (``TUNE_PER_SET``) each labelled set as it comes, its
   own dates or none, each set weighing the same. On one mixed stream a set weighs by its articles
   (BCubed) and by its true pairs (pairwise F1, quadratic in story size: ECB+ holds 82% of the
   stream's pairs), so the set with the biggest stories decides; and the stream's dates are
   synthetic, so no set meets the window as it will at run time. With ``per_set`` ``join`` and
   ``merge`` are searched once more after step 4: chosen before the story-pair scorer exists, they
   make up for the merges it adds later by joining more eagerly. Two steadier searches can be
   switched on for steps 3-5 (both off, round 19 in the history: on the training stream they pick
   thresholds the held-out sets lose by): ``SETS_WEIGH_SAME`` scores each set of the stream on its
   own articles, each weighing the same, and ``SMOOTHED`` judges a grid point by the mean of its
   value and its neighbours' (``_search``).
4. **Story pairs.** The stream is clustered with that model, merges off; every story is compared
   with its index candidates as the merge pass compares them (``story_pairs``), a pair labelled 1
   when the two stories' majority labels agree. A second logistic regression (``fit`` again, over
   ``PAIR_FEATURES``) learns the merge decision from those pairs, and its threshold is chosen on
   ``PAIR_GRID`` like the others.
5. **Undated pairs.** The two merge thresholds of story pairs without a gap (``Model.merge_undated``,
   ``PairModel.undated``) are chosen on the same grids with the stream's dates removed
   (``tune_undated``): there every pair is undated and every story a candidate of every other, as
   in a set without dates; in the dated stream the few undated pairs decided little (learned
   without AllSides, the story-pair scorer merged undated pairs at 0.5 and chained its headlines).
   With ``UNDATED_IN_TURN`` (off, round 20 in the history: steady, but the held-out sets lose) the
   two are searched one after the other, not as one grid (the two merge the same stories, so the
   grid is a ridge of equal values on which a 5% change of the stream moves the choice): the
   article scorer's first, on the stream as ``snippets`` (each article its title and first
   sentence, undated: many short items of one story, where undated merges pay or cost) with the
   story-pair scorer's undated merges off; then the story-pair scorer's on the stream without its
   dates.

6. **The linkage's bar.** With ``LEARN_LINK``, ``Model.link`` (the bar of the centroid linkage
   that places a batch's undated articles, ``linkage.py``) is chosen on ``LINK_GRID`` (None: the
   linkage off) on each labelled set apart without its dates, each weighing the same, every
   other value held: steps 1 to 5 run with the linkage off, so the dated path keeps the
   thresholds and the story-pair scorer it learns today, and the bar is judged where it acts
   (every article undated, a set on its own as an undated set meets the clusterer; on the mixed
   stream without dates the sets' stories and lone reports crowd each other's candidates and
   the choice swings from None to 0.7 with the sets learned from: the history, stories round 27).

``learn(sets)`` does all of it; the bench calls it once on every set (the shipped ``DEFAULT_MODEL``)
and once per held-out set on the others (the leave-one-set-out figures). Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from broadsheet import timestamps
from broadsheet.model import Article
from broadsheet.stories.engine import CANDIDATES, Clusterer, Incoming, cluster_articles, prepare
from broadsheet.stories.index import StoryIndex, StoryState, weigh
from broadsheet.stories.score import FEATURES, PAIR_FEATURES, Model, PairModel
from broadsheet.text import first_sentences

JOIN_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
PER_DAY = 100
UNDATED_SHARE = 0.15
TOPIC_DAYS = False  # stories of one topic (``LabelledSet.topics``) share one synthetic day
KEEP_UNDATED = False  # articles a dated set gives no date stay undated in the stream
TUNE_PER_SET = False  # thresholds searched on each set as it comes (round 12: not better)
_START = datetime(2030, 1, 1, tzinfo=UTC)
MERGE_GRID = (0.7, 0.8, 0.9, 1.01)  # 1.01: never merge
PAIR_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
SMOOTHED = False  # a grid point judged with its neighbours (``_search``; round 19: off)
SETS_WEIGH_SAME = False  # the stream's sets scored apart, each weighing the same (round 19: off)
UNDATED_IN_TURN = False  # step 5's two thresholds in turn, the first on snippets (round 20: off)
LINK_GRID = (None, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7)  # None: the linkage off
LEARN_LINK = True  # step 6: the linkage's bar (round 27)
Scorer = Callable[[Sequence[str], Sequence[str]], float]


@dataclass(frozen=True)
class LabelledSet:
    """A named labelled story set: articles and the true story label of each."""

    name: str
    articles: Sequence[Article]
    labels: Sequence[str]
    topics: Sequence[str] | None = None  # each article's topic: its stories share one day
    sources: Sequence[str] | None = None  # the set each article comes from (``mixed``)


@dataclass
class Pairs:
    """Training pairs of one set: a feature row and a 0/1 label each."""

    rows: list[tuple[float, ...]]
    labels: list[int]
    missed: int = 0  # articles whose true story existed but was not among the candidates


def _unit(text: str) -> float:
    """A number in [0, 1) from a hash of ``text``."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") / 2.0 ** 64


def mixed(sets: Sequence[LabelledSet], *, per_day: float = PER_DAY,
          undated_share: float = UNDATED_SHARE, topic_days: bool = TOPIC_DAYS,
          keep_undated: bool = KEEP_UNDATED) -> LabelledSet:
    """Every set in one stream with synthetic dates (see the module docstring, step 0). With
    ``topic_days`` the stories of one topic of a set that gives topics start on one day (ECB+'s
    two events of a kind: told apart by their words only, as when they come undated); with
    ``keep_undated`` the articles a dated set gives no date stay undated. Both are off in the
    recipe: measured in round 11 of the history."""
    total = sum(len(s.articles) for s in sets)
    days = max(1.0, total / per_day)
    articles: list[Article] = []
    labels: list[str] = []
    sources: list[str] = []
    for labelled in sets:
        first: dict[str, datetime] = {}
        for article, label in zip(labelled.articles, labelled.labels, strict=True):
            when = timestamps.parse(article.published)
            if when is not None:
                first[label] = min(first.get(label, when), when)
        topics = labelled.topics or labelled.labels
        for article, label, topic in zip(labelled.articles, labelled.labels, topics, strict=True):
            key = f"{labelled.name}:{label}"
            day = f"{labelled.name}:topic:{topic}" if topic_days and labelled.topics else key
            undated = keep_undated and bool(first) and article.published is None
            articles.append(_redated(article, key, day, first.get(label), days,
                                     1.0 if undated else undated_share))
            labels.append(key)
            sources.append(labelled.name)
    return LabelledSet("mixed", articles, labels, sources=sources)


def _redated(article: Article, key: str, day: str, first: datetime | None, days: float,
             undated_share: float) -> Article:
    uid = f"{key}:{article.id}"
    if _unit("undated:" + uid) < undated_share:
        return replace(article, id=uid, published=None)
    base = _START + timedelta(days=_unit(day) * days)
    when = timestamps.parse(article.published)
    if when is not None and first is not None:
        offset = min(when - first, timedelta(days=30))
    else:
        offset = timedelta(days=_unit(uid) * 3)
    return replace(article, id=uid, published=timestamps.to_iso(base + offset))


def pairs(labelled: LabelledSet, *, window_days: float, limit: int = CANDIDATES) -> Pairs:
    """Teacher-forced training pairs of one set (see the module docstring, step 1)."""
    index = StoryIndex(window_days=window_days)
    engine = Clusterer(index, candidates=limit)
    label_of = dict(zip((a.id for a in labelled.articles), labelled.labels, strict=True))
    items = sorted((prepare(a) for a in labelled.articles), key=lambda i: i.features.order)
    story_of: dict[str, StoryState] = {}
    out = Pairs([], [])
    for item in items:
        label = label_of[item.member.article_id]
        _score(engine, item, story_of.get(label), out, limit)
        if label in story_of:
            engine._join(story_of[label], item)
        else:
            story_of[label] = engine._start(item, indexed=True)
    return out


def _score(engine: Clusterer, item: Incoming, truth: StoryState | None, out: Pairs,
           limit: int) -> None:
    index, features = engine.index, item.features
    index.idf.add(features.terms)
    article = weigh(index.idf, features.title, features.lead, features.names)
    candidates = index.candidates(features, article, limit)
    if truth is not None and truth not in candidates:
        out.missed += 1
    if not candidates:
        return
    matrix = engine.features(article, candidates, [s.gap(features.day) for s in candidates],
                             [features.title.plus(features.lead)])
    out.rows.extend(tuple(row) for row in matrix.tolist())
    out.labels.extend(int(story is truth) for story in candidates)


def story_pairs(labelled: LabelledSet, model: Model, *, window_days: float,
                limit: int = CANDIDATES) -> Pairs:
    """Story-pair training rows (step 4): ``labelled`` clustered by ``model`` with merges off,
    then each story (smallest first) against its index candidates, as the merge pass sees them
    (the lone articles' neighbour vote is a merge too: off)."""
    index = StoryIndex(window_days=window_days)
    engine = Clusterer(index, replace(model, merge=1.01, pair=None), candidates=limit,
                       lone_neighbours=None)
    engine.add_all(prepare(a) for a in labelled.articles)
    label_of = dict(zip((a.id for a in labelled.articles), labelled.labels, strict=True))
    major = {s.id: Counter(label_of[m.article_id] for m in s.members).most_common(1)[0][0]
             for s in index.stories.values()}
    out = Pairs([], [])
    for story in sorted(index.stories.values(), key=lambda s: (s.size, s.id)):
        others = [s for s in index.story_candidates(story, limit) if not s.roundup]
        if story.roundup or not others:
            continue
        rows = engine.story_features(story, others)
        side = np.log(max(1, model.capped(story.size)))
        out.rows.extend((*row, side) for row in rows.tolist())
        out.labels.extend(int(major[s.id] == major[story.id]) for s in others)
    return out


def fit(by_set: Mapping[str, Pairs]) -> Model:
    """A logistic regression over every set's pairs, each set weighing the same in total."""
    from sklearn.linear_model import LogisticRegression

    rows = np.array([r for p in by_set.values() for r in p.rows], dtype=np.float64)
    labels = np.array([y for p in by_set.values() for y in p.labels])
    weights = np.concatenate([np.full(len(p.rows), 1.0 / max(1, len(p.rows)))
                              for p in by_set.values()])
    mean, std = rows.mean(axis=0), rows.std(axis=0)
    std[std == 0] = 1.0
    regression = LogisticRegression(C=1.0, max_iter=2000)
    regression.fit((rows - mean) / std, labels, sample_weight=weights * len(rows))
    coef = regression.coef_[0] / std
    bias = float(regression.intercept_[0] - np.dot(coef, mean))
    return Model(weights=tuple(round(float(c), 4) for c in coef), bias=round(bias, 4))


def tune_pair(model: Model, pairs_found: Pairs, sets: Sequence[LabelledSet], scorer: Scorer, *,
              window_days: float) -> Model:
    """``model`` with the story-pair scorer fitted on ``pairs_found`` and its threshold chosen
    on ``PAIR_GRID`` (the best mean ``scorer`` over ``sets``; 1.01 turns it off)."""
    if len(set(pairs_found.labels)) < 2:
        return model
    fitted = fit({"pairs": pairs_found})

    def with_pair(threshold: float) -> Model:
        return replace(model, pair=PairModel(fitted.weights, fitted.bias, threshold))

    (threshold,) = _search((PAIR_GRID,), lambda point: _mean(with_pair(*point), sets, scorer,
                                                              window_days))
    return with_pair(threshold)


def dateless(labelled: LabelledSet) -> LabelledSet:
    """``labelled`` with every date removed: every story pair in it is an undated one."""
    return LabelledSet(f"{labelled.name} without dates",
                       [replace(a, published=None) for a in labelled.articles], labelled.labels,
                       sources=labelled.sources)


def snippets(labelled: LabelledSet) -> LabelledSet:
    """``labelled`` as short undated items: each article its title and its body's first sentence,
    no date (a feed item, a search result). Its stories are told in many short items, and the
    stories of one topic (ECB+'s two events of a kind) in few words each: what undated merges
    join or must keep apart in a set of snippets."""
    return LabelledSet(f"{labelled.name} snippets", [_snippet(a) for a in labelled.articles],
                       labelled.labels, sources=labelled.sources)


def _snippet(article: Article) -> Article:
    first = first_sentences("\n".join(article.paragraphs), 1)
    return replace(article, published=None, paragraphs=tuple(first))


def tune_undated(model: Model, sets: Sequence[LabelledSet], scorer: Scorer, *,
                 window_days: float) -> Model:
    """The merge thresholds of story pairs without a gap (``Model.merge_undated`` on
    ``MERGE_GRID``, ``PairModel.undated`` on ``PAIR_GRID``), chosen on ``sets`` without their
    dates (``dateless``): in a dated stream few pairs are undated and the choice would rest on
    them; a set without dates (AllSides, Google News) is all undated pairs, every story a
    candidate of every other. With ``UNDATED_IN_TURN`` one after the other (module docstring,
    step 5): ``merge_undated`` over ``sets`` as ``snippets`` with the story-pair scorer's undated
    merges off, then ``PairModel.undated`` over ``sets`` without their dates."""
    bare = [dateless(s) for s in sets]

    def undated(merge: float, pair_undated: float | None) -> Model:
        pair = model.pair and replace(model.pair, undated=pair_undated)
        return replace(model, merge_undated=max(merge, model.join), pair=pair)

    pairs = PAIR_GRID if model.pair is not None else (None,)
    if not UNDATED_IN_TURN:
        merge, pair_undated = _search(
            (MERGE_GRID, pairs), lambda point: _mean(undated(*point), bare, scorer, window_days))
        return undated(merge, pair_undated)
    short = [snippets(s) for s in sets]
    off = PAIR_GRID[-1] if model.pair is not None else None
    (merge,) = _search((MERGE_GRID,),
                       lambda point: _mean(undated(point[0], off), short, scorer, window_days))
    (pair_undated,) = _search((pairs,),
                              lambda point: _mean(undated(merge, point[0]), bare, scorer,
                                                  window_days))
    return undated(merge, pair_undated)


def tune_link(model: Model, sets: Sequence[LabelledSet], scorer: Scorer, *,
              window_days: float) -> Model:
    """``Model.link`` chosen on ``LINK_GRID`` by the mean ``scorer`` over ``sets`` without their
    dates (``dateless``: every article goes through the linkage), the rest of ``model`` held
    (module docstring, step 6)."""
    bare = [dateless(s) for s in sets]
    (link,) = _search((LINK_GRID,), lambda point: _mean(replace(model, link=point[0]), bare,
                                                        scorer, window_days))
    return replace(model, link=link)


def tune(model: Model, sets: Sequence[LabelledSet], scorer: Scorer, *,
         window_days: float) -> Model:
    """The ``join`` and ``merge`` thresholds with the best mean ``scorer`` over ``sets``."""
    def joined(join: float, merge: float) -> Model:
        return replace(model, join=join, merge=max(merge, join))

    join, merge = _search((JOIN_GRID, MERGE_GRID),
                          lambda point: _mean(joined(*point), sets, scorer, window_days))
    return joined(join, merge)


def _search(axes: Sequence[Sequence[Any]], value: Callable[[tuple[Any, ...]], float]
            ) -> tuple[Any, ...]:
    """The point of the grid ``axes`` (a value of each axis) with the best ``value``: with
    ``SMOOTHED`` the mean of its own and its neighbours' (one step along one axis), so that a point
    ahead of the points around it by a hair of the stream's noise does not decide; ties go to
    the best value of the point alone, then to the first point."""
    points = list(itertools.product(*(range(len(axis)) for axis in axes)))
    raw = {p: value(tuple(axis[i] for axis, i in zip(axes, p, strict=True))) for p in points}

    def judged(point: tuple[int, ...]) -> tuple[float, float]:
        near = [point, *(q for q in _near(point) if q in raw)] if SMOOTHED else [point]
        return sum(raw[q] for q in near) / len(near), raw[point]

    best = max(points, key=judged)
    return tuple(axis[i] for axis, i in zip(axes, best, strict=True))


def _near(point: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
    """The grid points one step from ``point`` along one axis (some may lie off the grid)."""
    for axis in range(len(point)):
        for step in (-1, 1):
            yield (*point[:axis], point[axis] + step, *point[axis + 1:])


def _mean(model: Model, sets: Sequence[LabelledSet], scorer: Scorer, window_days: float) -> float:
    return sum(_run(model, s, scorer, window_days) for s in sets) / len(sets)


def _run(model: Model, labelled: LabelledSet, scorer: Scorer, window_days: float) -> float:
    """``scorer`` of ``labelled`` clustered by ``model``: with ``SETS_WEIGH_SAME`` and a stream
    that mixes sets (``sources``), the mean over its sets, each scored on its own articles."""
    stories = cluster_articles(labelled.articles, model=model, window_days=window_days,
                               lone_words=0,  # the post-pass of ``lonewords``: not the recipe's
                               names_veto=0,  # nor the names veto (``namesveto``)
                               far_days=0,  # nor the far pass (``farwords``)
                               far_pieces=False)  # nor its pieces (``farpieces``)
    where = {aid: s.id for s in stories for aid in s.article_ids}
    found = [where[a.id] for a in labelled.articles]
    if not SETS_WEIGH_SAME or not labelled.sources:
        return scorer(labelled.labels, found)
    groups: dict[str, list[int]] = {}
    for i, source in enumerate(labelled.sources):
        groups.setdefault(source, []).append(i)
    return sum(scorer([labelled.labels[i] for i in group], [found[i] for i in group])
               for group in groups.values()) / len(groups)


def learn(sets: Sequence[LabelledSet], scorer: Scorer, *, window_days: float,
          topic_days: bool = TOPIC_DAYS, per_set: bool = TUNE_PER_SET) -> Model:
    """Weights fitted on the sets mixed into one stream, then the thresholds, then the
    story-pair scorer (the whole recipe). The thresholds are tuned on that stream, or with
    ``per_set`` on each set as it comes (its own dates, or none), each set weighing the same,
    and ``join``/``merge`` once more after the story-pair scorer (module docstring, step 3);
    with ``LEARN_LINK`` last the linkage's bar, on each set without its dates (step 6)."""
    stream = mixed(sets, topic_days=topic_days)
    model = fit({stream.name: pairs(stream, window_days=window_days)})
    model = replace(model, size_cap=max(Counter(stream.labels).values()))
    tuned_on = list(sets) if per_set else [stream]
    model = tune(model, tuned_on, scorer, window_days=window_days)
    found = story_pairs(stream, model, window_days=window_days)
    model = tune_pair(model, found, tuned_on, scorer, window_days=window_days)
    if per_set:  # join and merge again, for the clusterer with its story-pair scorer in
        model = tune(model, tuned_on, scorer, window_days=window_days)
    model = tune_undated(model, tuned_on, scorer, window_days=window_days)
    return tune_link(model, sets, scorer, window_days=window_days) if LEARN_LINK else model


def describe(model: Model) -> str:
    """The model as one line: each feature's weight, the bias and the thresholds."""
    weights = ", ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, model.weights, strict=True))
    merge_undated = model.merge if model.merge_undated is None else model.merge_undated
    line = (f"{weights}; bias={model.bias:+.2f}; join={model.join}; merge={model.merge} "
            f"(undated {merge_undated}); sizes up to {model.size_cap}")
    if model.link is not None:
        line += f"; undated batches linked at {model.link}"
    if model.pair is None:
        return line
    pair = ", ".join(f"{n}={w:+.2f}" for n, w in zip(PAIR_FEATURES, model.pair.weights, strict=True))
    undated = model.pair.threshold if model.pair.undated is None else model.pair.undated
    return (f"{line}; story pairs: {pair}; bias={model.pair.bias:+.2f}; "
            f"merge at {model.pair.threshold} (undated {undated})")
