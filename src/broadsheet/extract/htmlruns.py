"""The HTML path's one parse of a page and trafilatura's runs on it: which runs are made and
whose text the body starts from.

``parse_html`` parses the markup as trafilatura would (its repairs and parser options, lxml's
element classes looked up in C); ``run_trafilatura`` makes one run on that tree (``runs`` makes
the precise and the fast recall runs); ``extraction`` reads the page's metadata and chooses the
body text: the fast precise run on most pages, the full precise run where that looks cut short
(``needs_full_run``), the default run where the precise body is short, and the floor a later
recall run must pass (``recall_floor``). Callers elsewhere call ``htmlruns.run_trafilatura``
through this module, so a test replaces it in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from broadsheet.extract import byline, runs
from broadsheet.extract.text import control_count
from broadsheet.text import word_count

SHORT_BODY_WORDS = 200
FAST_SHORT_WORDS = 250
LONGER_DEFAULT = 2.0
WORDS_PER_PARAGRAPH = 10
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)


def run_trafilatura(tree: Any, url: str | None, *, precise: bool, fast: bool = False,
                    recall: bool = False) -> str:
    """trafilatura's text for a parsed page ("" when it found none). trafilatura works on its
    own copy of ``tree``, so one parse serves every run; a precise run is made by
    ``runs.precise_text`` and a fast recall run by ``runs.recall_text`` (the same text, their
    whole-tree prunes made in Python); ``recall`` asks for trafilatura's ``favor_recall`` run."""
    import trafilatura

    if precise:
        return runs.precise_text(tree, url, fast=fast)
    if recall and fast:
        return runs.recall_text(tree, url)
    doc: Any = trafilatura.bare_extraction(tree, url=url, include_comments=False, fast=fast,
                                           favor_recall=recall)
    return str(doc.text or "") if doc is not None else ""


def parse_html(markup: str, controls: int | None = None) -> Any:
    """The page's tree, as ``trafilatura.utils.load_html`` parses a string (its repairs, its
    parser's options, its fallback to bytes, its refusal of a short tree that does not say
    "html"), but with lxml's element classes looked up in C (``_parser``): lxml.html's own
    lookup is a Python call for every element touched, and trafilatura's runs and the metadata
    reader touch each many times over (678,000 calls on the 181 scrapinghub pages, a twelfth of
    the time of the HTML path). Every element is then a plain ``HtmlElement`` (no form classes,
    which nothing here uses); the trees serialise the same. ``controls``: the markup's count of
    control characters (``control_count``) when the caller has it already."""
    import trafilatura.utils

    beginning = markup[:50].lower()
    dubious = trafilatura.utils.is_dubious_html(beginning)
    if controls is None:
        controls = control_count(markup)
    if controls or any(char in markup for char in _XML_REFUSED):
        markup = trafilatura.utils.repair_faulty_html(markup, beginning)
    else:
        markup = _repaired(markup, beginning)
    tree, from_bytes = None, False
    try:
        tree = _fromstring(markup)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, from_bytes = _from_bytes(markup), True
    except Exception:  # lxml raises many types on hostile markup; bytes are tried next
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(markup)
    return None if tree is not None and dubious and len(tree) < 2 else tree


_XML_REFUSED = "\x0c\ufffe\uffff"  # with the control characters, what trafilatura deletes


def _repaired(markup: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` for a page without a character XML refuses
    (``control_count``, ``_XML_REFUSED``): its other two repairs, a doctype with a slash and a
    self-closing ``<html/>``, without its search of the whole page for those characters (a
    character class tried at every position: a millisecond and a half on the median page,
    where two plain searches take a tenth of that)."""
    import trafilatura.utils

    doctype, self_closing = trafilatura.utils.DOCTYPE_TAG, trafilatura.utils.FAULTY_HTML
    if "doctype" in beginning:
        first, _, rest = markup.partition("\n")
        markup = doctype.sub("", first, count=1) + "\n" + rest
    for line in markup[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return self_closing.sub(r"\1>", markup, count=1)
    return markup


def _fromstring(markup: str | bytes) -> Any:
    import lxml.html

    return lxml.html.fromstring(markup, parser=_parser())


def _from_bytes(markup: str) -> Any:
    try:
        return _fromstring(markup.encode("utf8", "surrogatepass"))
    except Exception:  # as trafilatura: no tree
        return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    """trafilatura's HTML parser (the same options) with lxml's C lookup of element classes."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def needs_full_run(words: int, markup: str) -> bool:
    """Does the fast run's body (of ``words`` words) look cut short? Fewer than
    ``FAST_SHORT_WORDS`` words, or fewer than ``WORDS_PER_PARAGRAPH`` per ``<p>`` of the markup:
    then the page holds much more text
    than was kept, and trafilatura's comparison with readability and jusText (its slow half,
    skipped in fast mode) is worth its time. Chosen on the scrapinghub pages and WCXB dev
    articles (fast run alone against the full one, raw trafilatura text): the same F1 on
    scrapinghub with the full run on 22% of its pages; on WCXB 0.001 below, full run on 15%."""
    return words < FAST_SHORT_WORDS or words < WORDS_PER_PARAGRAPH * len(_PARAGRAPH.findall(markup))


def extraction(markup: str, url: str | None,
                controls: int | None = None) -> tuple[str, Any, Any, int]:
    """The body text, the document holding the metadata and the parsed tree; one fast
    trafilatura run on most pages.

    The page is parsed once: the metadata is read from the tree first, as trafilatura reads it
    (``byline.page_metadata``: the same values, its byline search made cheap), then the text
    runs each work on a copy of the tree. The first run is precise (``favor_precision``) and
    fast (no comparison with readability and jusText): on the scrapinghub pages and the WCXB
    dev articles it takes about 0.6 of the time of the full run and gives the same text except
    where the body comes out short (``needs_full_run``): then the full precise run is made (one
    page in five), and then the default run too, since precision mode may keep only a first
    section: its text wins when the precise one is short (under ``SHORT_BODY_WORDS``) and it is
    longer, or when it is ``LONGER_DEFAULT`` times as long (chosen on the dev sets: WCXB dev
    articles 0.935 -> 0.937, where 1.5 would do as well; scrapinghub unchanged, where 1.5 costs
    0.001); where the precise body is short and the text chosen still looks cut short, the floor
    a recall run must pass (``recall_floor``; ``recalled`` reads it, round 27). Where every one of
    those runs finds nothing, trafilatura's recall run is the last try before the page is
    rejected (``no_text``): of the 1,678 dev pages, 11 were rejected so, and
    the recall run finds text on 2 (a WCXB article of 1,900 words, a forum page of 39). On a
    page judged an article whose body announces what it does not hold, ``filled`` makes one
    more run (the fast recall run). ``controls``: as ``parse_html``'s.
    """
    tree = parse_html(markup, controls)
    if tree is None:
        return "", None, None, 0
    meta = byline.page_metadata(tree, url)
    url = url or meta.url
    text = run_trafilatura(tree, url, precise=True, fast=True)
    words = word_count(text)
    cut_short = needs_full_run(words, markup)
    if cut_short:
        text = run_trafilatura(tree, url, precise=True) or text
        words = word_count(text)
    if cut_short or words < SHORT_BODY_WORDS:
        default = run_trafilatura(tree, url, precise=False)
        enough = words if words < SHORT_BODY_WORDS else LONGER_DEFAULT * words
        text = default if word_count(default) > enough else text
    floor = recall_floor(words, text, markup)
    if not text.strip():  # the last try before "no_text": a page the other runs find empty
        text = run_trafilatura(tree, url, precise=False, recall=True)
    return text, meta, tree, floor


def recall_floor(precise_words: int, text: str, markup: str) -> int:
    """The words the fast recall run must pass for ``recalled`` to read it (0: no run): where
    the precise body was short (under ``SHORT_BODY_WORDS``, ``precise_words``) and the text
    chosen after the default run (``text``) still looks cut short (``needs_full_run``: under
    ten words a ``<p>`` of the markup), ``LONGER_DEFAULT`` times that text's words."""
    words = word_count(text)
    if precise_words >= SHORT_BODY_WORDS or not words or not needs_full_run(words, markup):
        return 0
    return int(LONGER_DEFAULT * words)
