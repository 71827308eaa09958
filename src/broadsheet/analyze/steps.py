"""The parser's and the entity recogniser's step loops run with the GIL held: ``run_pipeline``.

spaCy's greedy transition parsing (``Parser.greedy_parse``) releases the GIL around its C step loop.
Inside that loop every validity check of an action reads the state's buffer (``StateC.B``), which
the compiled spaCy 3.8 build makes acquire and release the GIL on each call (an untyped local
in ``_state.pxd``): hundreds of thousands of lock round trips per article, under ``perf`` about
half of the recogniser's CPU time (``pthread_mutex_lock``/``unlock``, ``take_gil``, ``drop_gil``).

``transition_steps`` runs the same loop from Python, with the GIL held, so each of those calls
finds the GIL already taken and costs nothing. Each step is what spaCy's C loop computes, in the
same order: the state's feature ids (``get_token_ids``), the sum of their precomputed hidden
vectors plus the bias and the maxout (``precompute_hiddens``, spaCy's own C code), the hidden-to-
actions product on thinc's blis (the ``sgemm`` the C loop calls), the bias, the unseen actions set
to the minimum score, then spaCy's own ``transition_states`` (the best valid action, taken). On
BASIL articles the recogniser goes from about 37 to 16 ms of CPU per article and the parser from
13 to 7, with every dependency, head, entity and sentence start the same as spaCy's
(``tests/test_analyze_steps.py`` compares them on real pages).

``run_pipeline`` is ``nlp.pipe`` for our pipeline: each batch goes through the components in
order, the transition parsers through ``transition_steps`` (a beam parser keeps spaCy's own). A
pipeline whose ``pipe`` is not spaCy's own (a stand-in, or a ``Language`` whose ``pipe`` was
replaced on the instance, as fault-injection tests do) runs that ``pipe`` unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import NumpyOps

_BLIS = NumpyOps()  # the product spaCy's C step loop makes (thinc's blis)


def run_pipeline(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """The docs of ``texts`` through every component of ``nlp``, in batches of ``batch_size``
    (what ``nlp.pipe`` gives, with ``transition_steps`` for the parser and the recogniser); a
    pipeline with a ``pipe`` of its own runs that one (see module docstring)."""
    if not isinstance(nlp, Language) or "pipe" in vars(nlp):
        return iter(nlp.pipe(texts, batch_size=batch_size))
    return _batches_through(nlp, texts, batch_size)


def _batches_through(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """``run_pipeline`` for spaCy's own ``Language``."""
    stream = iter(texts)
    while batch := list(islice(stream, batch_size)):
        docs = [nlp.make_doc(text) for text in batch]
        for _, component in nlp.pipeline:
            docs = run_component(component, docs)
        yield from docs


def run_component(component: Any, docs: list[Doc]) -> list[Doc]:
    """One component over one batch of docs (in order)."""
    if _greedy(component):
        component.set_annotations(docs, transition_steps(component, docs))
        return docs
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=len(docs)))
    return [component(doc) for doc in docs]


def _greedy(component: Any) -> bool:
    """Whether ``component`` is a transition parser that decodes greedily with an output layer
    (the model ``action_scores`` reproduces; any other keeps spaCy's own ``pipe``)."""
    return (isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1
            and bool(component.model.attrs.get("has_upper")))


def transition_steps(parser: Parser, docs: list[Doc]) -> list[Any]:
    """``parser.predict(docs)`` (the final states) computed step by step with the GIL held."""
    batch = parser.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return list(batch)
    parser._ensure_labels_are_added(docs)
    steps = parser.model.predict(docs)
    try:
        states = [state for state in batch if not state.is_final()]
        while states:
            states = parser.transition_states(states, action_scores(steps, states))
    finally:
        steps.clear_memory()
    return list(batch)


def action_scores(steps: Any, states: list[Any]) -> numpy.ndarray:
    """The score of every action in every state, as spaCy's ``predict_states`` computes it."""
    hidden = steps.state2vec.predict(steps.get_token_ids(states))
    upper = steps.vec2scores
    scores = _BLIS.gemm(hidden, upper.get_param("W"), trans2=True)
    scores += upper.get_param("b")
    unseen = steps._class_mask == 0
    if unseen.any():
        scores[:, unseen] = scores.min()
    return numpy.ascontiguousarray(scores, dtype="float32")
