"""``steps``: the parser's and the recogniser's step loops with the GIL held parse as spaCy does."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from broadsheet.analyze import steps
from broadsheet.analyze.matmul import one_blas_thread
from broadsheet.analyze.nlp import load_model, parse_texts
from broadsheet.analyze.steps import run_component, run_pipeline, transition_steps

PAGES = Path(__file__).parent / "data" / "extraction"
NAMES = ("scrapinghub_076f4f33bf75.txt", "scrapinghub_8e3efab59f48.txt")
QUOTED = ('"We will not back down," said Senator Elizabeth Warren of Massachusetts on Tuesday. '
          "The White House, which declined to comment, told reporters in Washington that "
          "President Trump would travel to Ohio.\n\nHe added: \"It's over.\"")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [(PAGES / name).read_text(encoding="utf-8") for name in NAMES] + [QUOTED, "", "  \n "]


def _annotation(docs: list[Doc]) -> list[list[tuple[object, ...]]]:
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]
            for doc in docs]


def test_same_parse_as_spacys_pipe_on_real_pages(nlp: Language, texts: list[str]) -> None:
    with one_blas_thread():
        want = _annotation(list(nlp.pipe(texts, batch_size=2)))
        got = _annotation(list(run_pipeline(nlp, texts, 2)))
    assert got == want
    assert sum(len(doc) for doc in got) > 500 and any(t[5] == "PERSON" for doc in got for t in doc)


def test_parse_texts_runs_the_held_gil_steps(nlp: Language, texts: list[str]) -> None:
    with one_blas_thread():
        want = _annotation(list(nlp.pipe(texts)))
    got = list(parse_texts(texts, nlp, batch_size=3))
    assert [doc.text for doc in got] == texts and _annotation(got) == want


def _ready(nlp: Language, name: str) -> list[Doc]:
    """Three docs through the components before ``name``."""
    docs = [nlp.make_doc(QUOTED), nlp.make_doc("Obama spoke."), nlp.make_doc("")]
    for _, earlier in nlp.pipeline[: nlp.pipe_names.index(name)]:
        docs = run_component(earlier, docs)
    return docs


@pytest.mark.parametrize("name", ["parser", "ner"])
def test_each_transition_component_predicts_spacys_states(nlp: Language, name: str) -> None:
    component = nlp.get_pipe(name)
    with one_blas_thread():
        want, got = _ready(nlp, name), _ready(nlp, name)
        component.set_annotations(want, component.predict(want))
        component.set_annotations(got, transition_steps(component, got))
    assert _annotation(got) == _annotation(want)
    assert [len(doc) for doc in got] == [len(doc) for doc in want] and len(got[2]) == 0
    attribute = "DEP" if name == "parser" else "ENT_IOB"
    assert got[0].has_annotation(attribute) and got[1].has_annotation(attribute)


def test_empty_docs_give_their_initial_states(nlp: Language) -> None:
    parser = nlp.get_pipe("parser")
    states = transition_steps(parser, [nlp.make_doc(""), nlp.make_doc("")])
    assert len(states) == 2 and all(state.is_final() for state in states)


def test_a_beam_parser_keeps_spacys_own_pipe(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("a beam parser must not take the greedy steps")

    monkeypatch.setattr(steps, "transition_steps", refuse)
    parser = nlp.get_pipe("parser")
    parser.cfg["beam_width"] = 2
    try:
        docs = run_component(parser, [nlp.make_doc("Obama spoke.")])
    finally:
        parser.cfg["beam_width"] = 1
    assert len(docs) == 1 and docs[0].has_annotation("DEP")


def test_a_pipeline_with_its_own_pipe_runs_it(nlp: Language) -> None:
    class StandIn:
        max_length = nlp.max_length

        def pipe(self, texts: object, batch_size: int = 1) -> object:
            return (nlp.make_doc(f"seen {text}") for text in texts)  # type: ignore[attr-defined]

    assert [doc.text for doc in run_pipeline(StandIn(), ["a", "b"], 4)] == ["seen a", "seen b"]  # type: ignore[arg-type]
    nlp.pipe = lambda texts, batch_size: iter([nlp.make_doc("injected")])  # type: ignore[method-assign]
    try:
        assert [doc.text for doc in parse_texts(["Obama spoke."], nlp)] == ["injected"]
    finally:
        del nlp.pipe
    assert "pipe" not in vars(nlp) and [doc.text for doc in parse_texts(["Hi."], nlp)] == ["Hi."]
