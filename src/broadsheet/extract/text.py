"""Plain-text path: a news page flattened to text (boilerplate and all) -> the clean Article.

The page is read as lines. Steps, each a small general rule:

1. the related-stories list (separator-divided items, ``related.py``) is read and taken out;
2. every line gets a *score*: a line shaped like running text (long enough, ends like a sentence,
   mostly lower-case words) scores its word count, half when it stands alone between menu-like
   lines (a teaser under its label and headline); any other non-empty line (a menu entry, a
   headline, a byline) a small penalty growing with its length; a promo, sign-up or share line a
   large one; a short line whose shape recurs down the page ("<user> says:", a timestamp) — the
   skeleton of a comment thread or a teaser list — a wall; blank lines score 0;
3. the article is the best run of lines (its sum of scores) starting within ``ANCHOR_REACH``
   lines after the first line that repeats the headline (the page's first line is usually its
   ``<title>``) and worth at least ``MIN_SHARE`` of the page's best run; a run goes on over gaps
   while what follows pays for the gap and the gap's walls stay under ``HARD_WALL`` (Kadane with a
   fixed start). Without such a headline line, the page's best run is taken;
4. inside the block, prose lines are paragraphs, and a short capitalised line between two prose
   lines is kept as a sub-heading; a line printed twice on the page (a caption, a promo) is
   dropped; then the shared boilerplate stage removes promos, sign-up calls, bios, brand lines
   and repeats (``boilerplate.py``);
5. the title and outlet come from ``metadata.py``.

Measured on the 181 scrapinghub plain-text dumps: shingle F1 0.913 (P 0.936, R 0.891) where
keeping everything scores 0.665.

Only ``MAX_CHARS`` characters of a page are read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from broadsheet.extract import boilerplate, metadata
from broadsheet.extract.language import guess_language
from broadsheet.extract.linemodel import LineModel, shipped_model
from broadsheet.extract.lines import Matrix, PageLines, page_features
from broadsheet.extract.related import find_related, outweighs
from broadsheet.model import PARAGRAPH_SEPARATOR, Article, Page, Rejected, RelatedItem
from broadsheet.text import WORD, ends_sentence, lower_words, normal, sentences, word_count

_CAPITALISED = re.compile(r"^[^\w]*[A-ZÀ-Ý]")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
MIN_PROSE_WORDS = 8
MIN_ARTICLE_WORDS = 12
MAX_CHARS = 2_000_000
_SAMPLE = 65_536
# the control characters lxml refuses (tab, line feed, form feed and carriage return are fine)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes(code for code in range(32) if CONTROL.match(chr(code)))
MIN_SHARE = 0.2
ANCHOR_REACH = 40
PROMO_PENALTY = 20.0
WALL_PENALTY = 60.0
HARD_WALL = 60.0
SKELETON_REPEATS = 3
MAX_SKELETON_WORDS = 6
ISOLATION = 2
ISOLATED_SHARE = 0.5
SURE = 0.9
WALL_REACH = 3


@dataclass(frozen=True)
class Block:
    """The article block: line indices ``[start, end)`` and its score."""

    start: int
    end: int
    score: float


# --- line scores -----------------------------------------------------------------------------


def capitalised_share(line: str) -> float:
    """Share of letter-words that start with a capital (menus and headlines are Title Case)."""
    words = _LETTER_WORD.findall(line)
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    if not cased:
        return 0.0
    return sum(1 for w in cased if w[0].isupper()) / len(cased)


def is_prose(line: str) -> bool:
    """A line shaped like running text: long enough, mostly lower-case, with a sentence end."""
    words = word_count(line)
    if words < MIN_PROSE_WORDS or capitalised_share(line) > 0.6:
        return False
    return ends_sentence(line) or len(sentences(line)) > 1


def skeletons_of(line: str) -> tuple[str, ...]:
    """The shape of a short line: digits as 0 and the first word as * ("* says:", "* 0, 0")."""
    words = _DIGITS.sub("0", line.strip()).split()
    if len(words) < 2 or word_count(line) > MAX_SKELETON_WORDS:
        return ()
    return (" ".join(["*", *words[1:]]),)


def skeletons(lines: Sequence[str]) -> set[str]:
    """Shapes shared by several different short lines: the skeleton of a comment thread or a
    list ("<user> says:", "2 days ago at 07:52 am", "Rating: 36 Votes")."""
    distinct = {line.strip() for line in lines}
    shapes = Counter(shape for line in distinct for shape in skeletons_of(line))
    return {s for s, n in shapes.items() if n >= SKELETON_REPEATS}


@dataclass(frozen=True)
class LineScore:
    """What a line adds to a run (``value``) and what it adds to a gap's wall (``wall``)."""

    value: float
    wall: float = 0.0


def line_score(line: str, walls: set[str] | frozenset[str] = frozenset()) -> LineScore:
    """Prose scores its word count; other lines a penalty: small, promo-sized or a wall.

    Promo lines cost a lot (so a footer of them is not crossed for a little text) but count
    like any short line toward ``HARD_WALL``, as newsletter boxes sit inside articles.
    """
    if not line.strip():
        return LineScore(0.0)
    if is_prose(line) and not boilerplate.is_boilerplate(line):
        return LineScore(float(word_count(line)))
    small = min(3.0 + word_count(line) / 2, 10.0)
    if any(shape in walls for shape in skeletons_of(line)):
        return LineScore(-WALL_PENALTY, WALL_PENALTY)
    if boilerplate.is_boilerplate(line):
        return LineScore(-PROMO_PENALTY, small)
    return LineScore(-small, small)


def page_scores(lines: Sequence[str]) -> list[LineScore]:
    """The score of every line of the page, isolated prose lines discounted."""
    walls = skeletons(lines)
    scores = [line_score(line, walls) for line in lines]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n, i in enumerate(filled):
        if scores[i].value > 0 and _isolated(scores, filled, n):
            scores[i] = LineScore(scores[i].value * ISOLATED_SHARE)
    return scores


def _isolated(scores: Sequence[LineScore], filled: Sequence[int], n: int) -> bool:
    """True when the ``n``-th non-blank line has ``ISOLATION`` non-prose lines on each side: a
    teaser between its label, headline and source line, not a paragraph of a story."""
    before = filled[max(0, n - ISOLATION) : n]
    after = filled[n + 1 : n + 1 + ISOLATION]
    return all(scores[j].value <= 0 for j in (*before, *after)) and len(before) == len(after)


# --- block choice ----------------------------------------------------------------------------


def best_ends(scores: Sequence[LineScore]) -> dict[int, tuple[float, int]]:
    """For each prose line ``s``: the best sum of values from ``s`` to some ``e``, and ``e``.

    One right-to-left pass over the prose lines: a run goes on to the next prose line when the
    gap between them has a wall under ``HARD_WALL`` and what follows adds to the sum
    (best(s) = value(s) + max(0, gap + best(next))): Kadane with a fixed start and walls no
    amount of later text can buy.
    """
    result: dict[int, tuple[float, int]] = {}
    following: int | None = None
    gap = wall = 0.0
    for s in range(len(scores) - 1, -1, -1):
        if scores[s].value <= 0:
            gap, wall = gap + scores[s].value, wall + scores[s].wall
            continue
        value, end = scores[s].value, s + 1
        if following is not None and wall < HARD_WALL and gap + result[following][0] > 0:
            value, end = value + gap + result[following][0], result[following][1]
        result[s] = (value, end)
        following, gap, wall = s, 0.0, 0.0
    return result


def choose_block(scores: Sequence[LineScore], anchors: Sequence[int]) -> Block | None:
    """The article block: after the first headline line that is followed (within
    ``ANCHOR_REACH`` lines) by a substantial run — at least ``MIN_SHARE`` of the page's best —
    the best run starting there; without one, the page's best run."""
    ends = best_ends(scores)
    starts = sorted(ends)
    if not starts:
        return None
    top = max(starts, key=lambda s: ends[s][0])
    for anchor in anchors:
        near = [s for s in starts if 0 < s - anchor <= ANCHOR_REACH]
        best = max(near, key=lambda s: ends[s][0], default=None)
        if best is not None and ends[best][0] >= MIN_SHARE * ends[top][0]:
            return Block(best, ends[best][1], ends[best][0])
    return Block(top, ends[top][1], ends[top][0])


def headline_anchors(lines: Sequence[str]) -> list[int]:
    """Lines that repeat the headline; the page's first line only when no other line does, and
    the line before it when that first line is itself a paragraph (a text with no headline)."""
    found = metadata.title_lines(lines)
    if len(found) != 1:
        return found[1:]
    return [found[0] - 1] if metadata.reads_as_paragraph(lines[found[0]]) else found


# --- paragraphs ------------------------------------------------------------------------------


def looks_like_subheading(line: str) -> bool:
    """A short capitalised line without a sentence end, e.g. a section heading in the text."""
    words = word_count(line)
    return 2 <= words <= 12 and not ends_sentence(line) and bool(
        _CAPITALISED.match(line)
    )


def block_paragraphs(lines: Sequence[str], block: Block) -> list[str]:
    """Candidate paragraphs of the block: prose lines plus sub-headings between prose.

    A line printed more than once on the page (a caption shown in a gallery and beside the
    photo, a promo in two templates) is not article text: every copy goes.
    """
    counts = Counter(" ".join(line.split()) for line in lines if line.strip())
    inside = [" ".join(line.split()) for line in lines[block.start : block.end] if line.strip()]
    kept: list[str] = []
    for i, line in enumerate(inside):
        if counts[line] > 1:
            continue
        if is_prose(line) or (_between_prose(inside, i) and looks_like_subheading(line)):
            kept.append(line)
    return kept


def _between_prose(lines: Sequence[str], i: int) -> bool:
    """True when the lines before and after ``i`` are both prose."""
    return 0 < i < len(lines) - 1 and is_prose(lines[i - 1]) and is_prose(lines[i + 1])


def without_related(lines: list[str], *, body: bool = False) -> tuple[list[str], tuple[RelatedItem, ...]]:
    """The page's lines with its related-stories list blanked out, and the list's items.

    With ``body`` the lines are an article body already extracted (the HTML path's), where a list
    that holds more words than the rest of the body is the content itself, not stories around it
    (``related.outweighs``: a page of events, a ranking, a FAQ): it stays, and no items are read.
    """
    found = find_related(lines)
    if found is None or (body and outweighs(found, lines)):
        return lines, ()
    blanked = lines[: found.start] + [""] * (found.end - found.start) + lines[found.end :]
    return blanked, found.items


def same_text(a: str, b: str) -> bool:
    """True when two lines hold the same words (the headline repeated in the block). ``a`` is
    read only up to one word more than ``b`` holds: a longer paragraph differs there already."""
    words = lower_words(b)
    return [m.group().lower() for m in islice(WORD.finditer(a), len(words) + 1)] == words


def page_lines(content: str) -> tuple[list[str], tuple[RelatedItem, ...]]:
    """The lines of a flattened page (its first ``MAX_CHARS``), related list blanked, and its items.

    A stray NUL (a page saved from a broken server) is a space, not a reason to refuse the page.
    """
    text = content[:MAX_CHARS].replace("\x00", " ")
    return without_related(text.splitlines())


@dataclass(frozen=True)
class Selection:
    """The article lines chosen on a page: their texts and the index of the first one."""

    lines: tuple[str, ...]
    start: int


def model_selection(lines: Sequence[str], model: LineModel, outlet: str | None = None,
                    template: frozenset[str] = frozenset()) -> Selection | None:
    """The lines the learned model keeps (probability at or above its cutoff), in page order."""
    found = page_features(lines, outlet)
    return selection_from(found, model.probabilities(found.features), model.cutoff, template)


def selection_from(found: PageLines, probabilities: Matrix, cutoff: float,
                   template: frozenset[str] = frozenset()) -> Selection | None:
    """The lines whose probability reaches ``cutoff``, that are not site template and not an
    uncertain line just under a wall.

    A wall is a line of a shape the page repeats ("<user> says:", "<n> days ago"): the skeleton
    of a comment thread or a teaser list. Comments read like prose line by line, so the model
    keeps some of them with middling confidence; a line within ``WALL_REACH`` lines under a wall
    needs ``SURE`` probability. A wall the model keeps itself (a meal plan's "Meal 1", "Meal 2",
    a table's rows) is article and guards nothing. (Held out by site, this buys scrapinghub-text
    precision +0.012 for recall -0.003; cutting everything past the first wall instead lost 0.07
    on WCXB.)
    """
    walls = [wall and p < cutoff for wall, p in zip(wall_lines(found.text), probabilities, strict=True)]
    chosen = [k for k, p in enumerate(probabilities)
              if p >= cutoff and normal(found.text[k]) not in template
              and (p >= SURE or not any(walls[max(0, k - WALL_REACH) : k]))]
    if not chosen:
        return None
    return Selection(tuple(found.text[k] for k in chosen), found.index[chosen[0]])


def wall_lines(texts: Sequence[str]) -> list[bool]:
    """For each line: is it a wall (a short shape the page repeats, see ``skeletons``)?"""
    shapes = skeletons(texts)
    return [any(s in shapes for s in skeletons_of(t)) for t in texts]


def rule_selection(lines: Sequence[str], template: frozenset[str] = frozenset()) -> Selection | None:
    """The lines the hand-written rules keep: the best block's prose (the fallback path)."""
    block = choose_block(page_scores(lines), headline_anchors(lines))
    if block is None:
        return None
    kept = [p for p in block_paragraphs(lines, block) if normal(p) not in template]
    return Selection(tuple(kept), block.start)


def select(lines: Sequence[str], model: LineModel | None, outlet: str | None = None,
           template: frozenset[str] = frozenset()) -> Selection | None:
    """The article lines of a page: by the learned model when one is shipped, else by the rules."""
    if model is None:
        return rule_selection(lines, template)
    return model_selection(lines, model, outlet, template)


def text_from_probabilities(content: str, found: PageLines, probabilities: Matrix,
                            cutoff: float) -> str:
    """The body the text path gives when its line model says ``probabilities`` (for measuring:
    a held-out fold's model, the page's features computed once)."""
    page = Page(id="-", source="-", kind="text", content=content)
    lines, related = page_lines(content)
    selection = selection_from(found, probabilities, cutoff)
    result = None if selection is None else _article(page, lines, selection, related)
    return result.text if isinstance(result, Article) else ""


def control_count(text: str) -> int:
    """How many control characters (``CONTROL``) ``text`` holds. Counted on its UTF-8 bytes,
    where a byte under 32 is always that character: a few times faster than a search of the
    text, which most pages store two or four bytes a character."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def junk_reason(content: str) -> tuple[str, str] | None:
    """Why ``content`` is not a page at all (``empty``, ``binary``), or None when it may be one."""
    if not content or content.isspace():
        return "empty", "the page is empty"
    sample = content[:_SAMPLE]
    odd = sample.count("\ufffd") + control_count(sample)  # undecodable or control characters
    if odd > 0.1 * len(sample):
        return "binary", f"{odd} of the first {len(sample)} characters are control or undecodable"
    return None


_SHIPPED = object()


def extract_text(page: Page, template: frozenset[str] = frozenset(),
                 model: LineModel | object | None = _SHIPPED) -> Article | Rejected:
    """The clean article of a page flattened to plain text (``Page.kind == "text"``).

    ``template`` holds the normalised lines the site's other pages repeat (boilerplate of the
    site); ``model`` defaults to the shipped line model.
    """
    junk = junk_reason(page.content)
    if junk is not None:
        return Rejected.of(page, "extract", *junk)
    lines, related = page_lines(page.content)
    chosen = shipped_model() if model is _SHIPPED else model
    selection = select(lines, chosen if isinstance(chosen, LineModel) else None, page.outlet,
                       template)
    if selection is None:
        return Rejected.of(page, "extract", "no_text", "no line of the page reads like article text")
    return _article(page, lines, selection, related)


def _article(page: Page, lines: list[str], selection: Selection,
             related: tuple[RelatedItem, ...]) -> Article | Rejected:
    """Assemble the Article from the chosen lines, with title, outlet and boilerplate removed."""
    outlet = page.outlet or metadata.guess_outlet(lines)
    title = page.title or metadata.guess_title(lines, selection.start)
    candidates = [p for p in selection.lines if not same_text(p, title)]
    paragraphs = boilerplate.clean_paragraphs(candidates, outlet)
    if not paragraphs:
        return Rejected.of(page, "extract", "no_text", "the article lines held only boilerplate")
    words = sum(word_count(p) for p in paragraphs)
    return Article(
        id=page.id,
        source=page.source,
        title=title,
        paragraphs=paragraphs,
        url=page.url,
        published=page.published,
        outlet=outlet,
        language=guess_language(PARAGRAPH_SEPARATOR.join(paragraphs)),
        is_article=words >= MIN_ARTICLE_WORDS and any(is_prose(p) for p in paragraphs),
        related=related,
    )
