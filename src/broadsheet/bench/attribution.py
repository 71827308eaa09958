"""Benchmark of attribution (who said what): ``broadsheet bench attribution --data DIR``.

The data and the metric are in ``bench.polnear`` (the figures the reference scorer
``shared/tools/score_attribution.py`` prints: precision, speech recall, speech F1, recall over all,
cue accuracy). Rows:

- ``polnear-dev``: the PolNeAR dev split (84 articles), a clean check: every threshold is chosen on
  cross-fitted train folds (``analyze.training``); both rows are gated;
- ``polnear-unseen``: the train articles held out from training (``analyze.learned`` names them), on
  which nothing was trained or tuned — the figure to expect on articles never seen;
- ``basil-speed``: articles and words per second of our whole analysis of attributions (parse
  included) on the BASIL articles, the length of a real edition's articles, and articles per CPU
  second of this process (the figure a busy shared machine distorts least);
- ``basil-profile``: where that time goes, in CPU milliseconds per article for each spaCy component
  (the tokenizer first) and for our rules, each run over the first ``PROFILE_ARTICLES`` BASIL
  articles in turn, in the batches the parse uses;
- ``polnear-human``, ``polnear-human-curve``, ``polnear-human-kind``: the second annotator of the 16
  doubly annotated train articles scored against the first, all attributions and speech only, ours on
  the same (in sample) articles, the human's precision / recall-over-all curve by cue kind and the
  recall of each cue kind (``bench.human``);
- ``demo-voices-A`` / ``-B`` / ``-C`` / ``-D``: the share of hand-judged voices of the demo edition that
  are right (speaker, role, organisation and kind; ``bench.voices``), built afresh (gated too; not
  with ``limit``);
- ``wcxb-voices-G``: the same for sample G, voices of an edition of 25 WCXB dev news pages (in the
  evaluation data) that no rule was written on before it was judged (gated too; not with ``limit``);
- ``wcxb-voices-H``: the same for sample H, voices of an edition of 82 other English WCXB dev article
  pages (blogs, guides, trade press), judged before round 15's rules were written (gated too);
- ``wcxb-voices-I``: the same for sample I, 60 voices of an edition of 56 more English WCXB dev article
  pages in neither G nor H, judged before round 16's rules were written (gated too);
- ``wcxb-voices-J``: the same for sample J, 60 voices of an edition of 51 more English WCXB dev article
  pages in none of G, H and I, judged before round 17's rules were written (gated too);
- ``wcxb-voices-K``: the same for sample K, 60 voices of an edition of 56 more English WCXB dev article
  pages in none of G, H, I and J, judged before round 18's rules were written (gated too);
- ``wcxb-voices-L``: the same for sample L, all 10 voices of an edition of the 519 English WCXB dev
  article pages in none of G to K, judged before round 19's rules were written (gated too);
- ``basil-voices-M``: the same for sample M, 60 voices of an edition of the 300 BASIL news articles
  (NYT, Fox News, HuffPost) from their plain text, judged before round 20's rules were written; the
  judged file keeps no article text, only offsets into it and a hash (gated too);
- ``ecbplus-voices-N``: the same for sample N, 60 voices of an edition of the 982 ECB+ news documents
  (tokenised text), judged before round 21's rules were written; kept as M's are (gated too).
- ``polnear-voices-O``: the same for sample O, 60 voices of an edition of the 167 PolNeAR articles the
  attribution models never trained on (dev and the held-out train articles), judged before round 22's
  rules were written; kept as M's are (gated too).
- ``basil-voices-P``: the same for sample P, 60 voices of an edition of the 248 BASIL articles M did not
  draw from, judged before voices round 24's rules were written; kept as M's are (gated too).
- ``allsides-voices-Q``: the same for sample Q, 60 voices of an edition of AllSides-NEUS's 7,212 train
  and val records (outlets' headlines and leads), judged before voices round 25's rules were written;
  kept as M's are (gated too).
- ``ecbplus-voices-R``: the same for sample R, 60 voices of an edition of the 924 ECB+ documents N did not
  draw from, judged before voices round 26's rules were written; kept as M's are (gated too).
- ``basil-voices-S``: the same for sample S, 60 voices of an edition of the 195 BASIL articles neither M nor
  P drew from, judged before voices round 27's rules were written; kept as M's are (gated too).
- ``ecbplus-voices-T``: the same for sample T, 60 voices of an edition of the 277 ECB+ documents of the 14
  topics R drew no document from, less N's, judged before voices round 28's rules were written; kept as
  M's are (gated too).
- ``polnear-voices-U``: the same for sample U, 60 voices of an edition of the 119 PolNeAR articles the
  attribution models never trained on that O did not draw from, judged before voices round 29's rules were
  written; kept as M's are (gated too).

Systems, run in the same process on the same texts: ours; a naive regex quote-finder
(``"..." said X`` / ``X said "..."``); textacy's ``direct_quotations`` on the same spaCy model when
textacy is installed (it installs without torch: ``pip install textacy``). With
``baselines=False`` (the quality gate) only our figures on dev and on the unseen articles are
measured.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from broadsheet.analyze.nlp import DEFAULT_BATCH_SIZE
from broadsheet.bench import BenchReport, BenchRow
from broadsheet.bench.polnear import Document, Predicted, load_split, score
from broadsheet.bench.voices import (
    ALLSIDES_Q,
    ALLSIDES_Y,
    ALLSIDES_Z,
    BASIL_M,
    BASIL_P,
    BASIL_S,
    BASIL_V,
    BASIL_X,
    ECBPLUS_N,
    ECBPLUS_R,
    ECBPLUS_T,
    POLNEAR_AA,
    POLNEAR_AB,
    POLNEAR_AC,
    POLNEAR_O,
    POLNEAR_U,
    POLNEAR_W,
    WCXB_H_FIXTURE,
    WCXB_I_FIXTURE,
    WCXB_J_FIXTURE,
    WCXB_K_FIXTURE,
    WCXB_L_FIXTURE,
    basil_records,
    news_voice_rows,
    voice_rows,
    wcxb_voice_rows,
)
from broadsheet.model import Span

System = Callable[[list[str]], list[list[Predicted]]]
PROFILE_ARTICLES = 50
NOTES = (
    "metric (the issue's, = shared/tools/score_attribution.py): content token Dice >= 0.5, paired "
    "one-to-one greedily, and the speaker span overlapping the gold Source; speech recall over gold "
    "attributions whose cue holds a speech word; speech_f1 of the two; recall_all over every gold "
    "attribution (beliefs and perceptions included); cue_accuracy on paired attributions",
    "nearest published (other corpora): BBC Citron on PARC 3.0 overlap F1 source 85.3 / content 83.3; "
    "SFU Gender Gap Tracker rule-based quotes F1 83.7; human level on the 16 doubly annotated train "
    "articles (polnear-human rows): speech only precision 0.944, speech recall 0.916, speech F1 0.930; "
    "all attributions precision 0.757, recall over all 0.754",
)
_NAME = r"(?P<source>(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey)"
_VERB = r"(?P<cue>said|says|added|told|asked|explained|wrote|stated)"
_QUOTE = r"[\"“](?P<content>[^\"“”]{3,}?)[\"”]"
_REGEX_PATTERNS = (
    re.compile(_QUOTE + r"\s*,?\s*" + _VERB + r"\s+" + _NAME),
    re.compile(_QUOTE + r"\s*,?\s*" + _NAME + r"\s+" + _VERB),
    re.compile(_NAME + r"\s+" + _VERB + r"\s*[,:]?\s*" + _QUOTE),
)


def regex_baseline(text: str) -> list[Predicted]:
    """The naive quote-finder: a quotation next to "said X" / "X said"."""
    return [
        Predicted(match.span("source"), match.span("cue"), match.span("content"))
        for pattern in _REGEX_PATTERNS
        for match in pattern.finditer(text)
    ]


def broadsheet_system(model: str | None = None) -> System:
    """Our attribution stage as a benchmark system (the spaCy model is loaded once)."""
    from broadsheet.analyze import attribution_pipeline, find_article_attributions

    nlp = attribution_pipeline(model)

    def predict(texts: list[str]) -> list[list[Predicted]]:
        return [
            [Predicted(a.speaker_span, a.cue_span, a.content_span) for a in found]
            for found in find_article_attributions(texts, nlp)
        ]

    return predict


def textacy_system(model: str | None = None) -> System | None:
    """textacy's ``direct_quotations`` on the same spaCy model, or None when textacy is missing."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    import spacy

    from broadsheet.analyze.nlp import DEFAULT_MODEL

    nlp = spacy.load(model or DEFAULT_MODEL)

    def predict(texts: list[str]) -> list[list[Predicted]]:
        found = []
        for doc in nlp.pipe(texts):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:  # it refuses a text with an odd number of quotation marks
                triples = []
            found.append([_triple(t) for t in triples])
        return found

    return predict


def _triple(triple: Any) -> Predicted:
    """A textacy ``DQTriple`` as character spans (speaker and cue from first to last token)."""
    speaker = _token_range(triple.speaker)
    cue = _token_range(triple.cue)
    return Predicted(speaker, cue, (triple.content.start_char, triple.content.end_char))


def _token_range(tokens: Any) -> Span | None:
    """From the first token's start to the last token's end (None for no tokens)."""
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else None


def _systems(baselines: bool) -> list[tuple[str, System]]:
    """Ours, then (with ``baselines``) the regex baseline and textacy when it is installed."""
    systems: list[tuple[str, System]] = [("broadsheet", broadsheet_system())]
    if baselines:
        systems.append(("regex-baseline", lambda texts: [regex_baseline(t) for t in texts]))
        textacy = textacy_system()
        if textacy is not None:
            systems.append(("textacy-direct-quotations", textacy))
    return systems


def _score_rows(dataset: str, documents: list[Document], systems: list[tuple[str, System]]) -> list[BenchRow]:
    """One row per system on ``documents``, with articles per second."""
    texts = [d.text for d in documents]
    rows = []
    for name, system in systems:
        started = time.perf_counter()
        predicted = system(texts)
        seconds = time.perf_counter() - started
        metrics = score(documents, predicted)
        metrics["articles_per_s"] = len(texts) / seconds if seconds else 0.0
        rows.append(BenchRow(dataset, name, metrics, len(documents), seconds))
    return rows


def basil_texts(data: Path, limit: int | None = None) -> list[str]:
    """The texts of the BASIL articles (``clustering/basil/basil_articles.jsonl``)."""
    return [str(record.get("text") or "") for record in basil_records(data)][:limit]


def _speed_row(data: Path, system: System, limit: int | None) -> BenchRow:
    """Articles and words per (wall and CPU) second of ``system`` on the BASIL articles."""
    texts = basil_texts(data, limit)
    started, cpu = time.perf_counter(), time.process_time()
    system(texts)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(text.split()) for text in texts)
    metrics = {"articles_per_s": len(texts) / seconds, "words_per_s": words / seconds,
               "articles_per_cpu_s": len(texts) / cpu if cpu else 0.0}
    return BenchRow("basil-speed", "broadsheet", metrics, len(texts), seconds)


def profile_row(data: Path, limit: int | None) -> BenchRow:
    """CPU milliseconds per article of each spaCy component and of the rules (see module docstring),
    each component run over the articles in the batches ``parse_texts`` uses, as it runs them
    (``steps.run_component``)."""
    from broadsheet.analyze import attribution_pipeline
    from broadsheet.analyze.attribution import find_attributions
    from broadsheet.analyze.matmul import one_blas_thread
    from broadsheet.analyze.steps import run_component

    nlp = attribution_pipeline()
    texts = basil_texts(data, min(limit or PROFILE_ARTICLES, PROFILE_ARTICLES))
    timings: dict[str, float] = {}
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    timings["tokenizer_ms"] = time.process_time() - started
    with one_blas_thread():
        for name, component in nlp.pipeline:
            started = time.process_time()
            docs = [done for batch in _batches(docs) for done in run_component(component, batch)]
            timings[f"{name}_ms"] = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        find_attributions(doc)
    timings["rules_ms"] = time.process_time() - started
    metrics = {key: 1000 * seconds / max(1, len(texts)) for key, seconds in timings.items()}
    return BenchRow("basil-profile", "broadsheet", metrics, len(texts), sum(timings.values()))


def _human_rows(data: Path, ours: System) -> list[BenchRow]:
    """The human level and ours beside it on the doubly annotated train articles (``bench.human``)."""
    from broadsheet.analyze import attribution_pipeline
    from broadsheet.bench.human import human_rows

    return human_rows(data, ours, attribution_pipeline())


def _batches(docs: list[Doc]) -> list[list[Doc]]:
    """``docs`` in the batches of ``parse_texts``."""
    return [docs[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(docs), DEFAULT_BATCH_SIZE)]


def run(data: Path, *, limit: int | None = None, baselines: bool = True) -> BenchReport:
    """Score ours (and with ``baselines`` the baselines and the speed) on PolNeAR's dev split and
    unseen articles; ``limit`` caps the articles of each row."""
    from broadsheet.analyze.learned import heldout_names

    report = BenchReport(stage="attribution", notes=list(NOTES))
    systems = _systems(baselines)
    report.rows += _score_rows("polnear-dev", load_split(data, "dev", limit=limit), systems)
    unseen = load_split(data, "train", limit=limit, names=heldout_names())
    report.rows += _score_rows("polnear-unseen", unseen, systems)
    if baselines:
        report.rows.append(_speed_row(data, systems[0][1], limit))
        report.rows.append(profile_row(data, limit))
        report.rows += _human_rows(data, systems[0][1])
    if limit is None:
        report.rows += voice_rows()
        report.rows += wcxb_voice_rows(data)
        report.rows += wcxb_voice_rows(data, WCXB_H_FIXTURE)
        report.rows += wcxb_voice_rows(data, WCXB_I_FIXTURE)
        report.rows += wcxb_voice_rows(data, WCXB_J_FIXTURE)
        report.rows += wcxb_voice_rows(data, WCXB_K_FIXTURE)
        report.rows += wcxb_voice_rows(data, WCXB_L_FIXTURE)
        report.rows += news_voice_rows(data, BASIL_M)
        report.rows += news_voice_rows(data, ECBPLUS_N)
        report.rows += news_voice_rows(data, POLNEAR_O)
        report.rows += news_voice_rows(data, BASIL_P)
        report.rows += news_voice_rows(data, ALLSIDES_Q)
        report.rows += news_voice_rows(data, ECBPLUS_R)
        report.rows += news_voice_rows(data, BASIL_S)
        report.rows += news_voice_rows(data, ECBPLUS_T)
        report.rows += news_voice_rows(data, POLNEAR_U)
        report.rows += news_voice_rows(data, BASIL_V)
        report.rows += news_voice_rows(data, POLNEAR_W)
        report.rows += news_voice_rows(data, BASIL_X)
        report.rows += news_voice_rows(data, ALLSIDES_Y)
        report.rows += news_voice_rows(data, ALLSIDES_Z)
        report.rows += news_voice_rows(data, POLNEAR_AA)
        report.rows += news_voice_rows(data, POLNEAR_AB)
        report.rows += news_voice_rows(data, POLNEAR_AC)
    return report
