"""The best content and source reading of a cue, and the frame rules that settle its content.

Every reading (``candidates``, ``sources``) is scored by its model and the most probable kept; for
the content, shapes of English copy the parse often breaks (an interrupted quotation, a reporting
clause closing or inside its sentence, "according to", a quotation opened right after the cue, a
"that" clause) are settled by rule over the model (``_frame_rules``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import Candidate, CueSite, content_candidates
from broadsheet.analyze.features import closes_sentence, content_features, source_features
from broadsheet.analyze.learned import Models
from broadsheet.analyze.quotes import Quotation
from broadsheet.analyze.sources import source_candidates
from broadsheet.analyze.spans import text_of, tidy_content

FRAME_CONFIDENCE = 0.9  # how often the frame rule's content is right on PolNeAR train
# Verbs of saying whose sentence-closing clause attributes the words before it.
FRAME_VERBS = frozenset(
    {
        "say", "tell", "add", "report", "write", "warn", "note", "explain", "argue", "insist",
        "claim", "state", "announce", "acknowledge", "admit", "continue", "conclude", "tweet",
        "reply", "respond", "ask", "suggest", "caution", "predict", "recall", "observe", "remark",
        "accord"
    }
)


def best(models: Models, doc: Doc, site: CueSite, *, content: bool) -> tuple[Candidate | None, float]:
    """The best content (or source) reading of a cue and its probability."""
    candidates = content_candidates(doc, site) if content else source_candidates(doc, site)
    if not candidates:
        return None, 0.0
    kinds = frozenset(c.kind for c in candidates)
    model = models.content if content else models.source
    features = content_features if content else source_features
    scored = [(model.probability(features(doc, site, c, kinds)), c) for c in candidates]
    probability, chosen = max(scored, key=lambda pair: pair[0])
    if content:
        return _frame_rules(doc, site, scored, chosen, probability)
    return chosen, probability


def _frame_rules(doc: Doc, site: CueSite, scored: list[tuple[float, Candidate]], chosen: Candidate,
                 probability: float) -> tuple[Candidate, float]:
    """Shapes of English copy the parse often breaks, settled by rule over the model:

    - ``"X," she said. "Y."`` and ``"X," said Ann Lee, an economist. "Y."``: a quotation that opens
      the cue's sentence, resumed by one that opens the next sentence of the paragraph, is one
      interrupted quotation (``quote_pair``), as annotators mark it: precision +0.8 on dev
      (0.902 -> 0.910), +1.0 on unseen articles (0.894 -> 0.904), speech F1 +0.2 and +0.4;
    - a reporting clause that closes its sentence after a comma ("X, Kirby said last week.",
      "X, the Times reported, citing officials.") attributes the words before the comma, and
      "according to Y" the rest of its sentence on the side away from it;
    - a reporting clause between commas inside its sentence ("The museum, Mr. Obama said, would
      ...") attributes the whole sentence around it;
    - ``X said, "..."``: a quotation opening right after the cue and a comma or colon is what was
      said, all of it, however many sentences it runs over (unless a quotation closed before the cue
      in the same sentence: ``"A," he said, "B."`` is one interrupted quotation): speech F1 +0.4
      on dev, +0.2 on unseen articles, precision the same or better;
    - "warned for months that X": a "that" clause inside the chosen words is what was said.
    """
    chosen, probability, left = _past_own_modifier(doc, site, scored, chosen, probability)
    by_kind = {c.kind: (p, c) for p, c in scored}
    text = text_of(doc)
    pair = by_kind.get("quote_pair")
    if pair is not None:
        return pair[1], max(pair[0], probability)
    if doc[site.head].lower_ == "according":
        side = by_kind.get("right") if site.clause[0] <= site.sentence[0] else left
        if side is not None and (side is by_kind.get("right") or closes_sentence(doc, site)):
            return side[1], max(side[0], probability, FRAME_CONFIDENCE)
    if left is not None and doc[site.head].lemma_.lower() in FRAME_VERBS and _closes(doc, site):
        before = text[left[1].span[0] : doc[site.clause[0]].idx].rstrip(" \n\"'”’")
        if before.endswith(","):
            return left[1], max(left[0], probability, FRAME_CONFIDENCE)
    quoted = _quoted_after(doc, site)
    if quoted is not None:
        return quoted, max(probability, FRAME_CONFIDENCE)
    whole = by_kind.get("sentence")
    if whole is not None and doc[site.head].lemma_.lower() in FRAME_VERBS and _parenthetical(doc, site):
        return whole[1], max(whole[0], probability, FRAME_CONFIDENCE)
    that = by_kind.get("that") or by_kind.get("ccomp")
    if that is not None and chosen.kind in {"rights", "object", "sentence"}:
        inside = chosen.span[0] < that[1].span[0] and that[1].span[1] <= chosen.span[1]
        if inside:
            return that[1], max(that[0], probability)
    return chosen, probability


def _past_own_modifier(doc: Doc, site: CueSite, scored: list[tuple[float, Candidate]], chosen: Candidate,
                       probability: float) -> tuple[Candidate, float, tuple[float, Candidate] | None]:
    """The chosen reading and its probability, and the ``left`` reading with its own, when the
    words before the cue clause only modify the cue verb (``_own_modifier``): no ``left`` reading
    then, and in its place the best reading other than the whole sentence (folds 8,105 -> 8,120
    right at 12 fewer kept, dev 1,028 -> 1,031)."""
    left = next(((p, c) for p, c in scored if c.kind == "left"), None)
    if left is None or not _own_modifier(doc, site, left[1]):
        return chosen, probability, left
    others = [(p, c) for p, c in scored if c.kind not in {"left", "sentence"}]
    if chosen.kind == "left" and others:
        probability, chosen = max(others, key=lambda pair: pair[0])
    return chosen, probability, None


_MODIFIER_DEPS = frozenset({"npadvmod", "prep", "advmod", "advcl", "mark", "cc", "punct", "intj"})


def _own_modifier(doc: Doc, site: CueSite, reading: Candidate) -> bool:
    """Whether the words before the cue clause only modify the cue verb ("*Last week*, the
    Treasury announced new measures", "*Two hours after his tweet*, Trump tweeted an image"): a
    time, a place or a circumstance of the saying, never what was said; not when they hold a
    quotation or a clause with its own subject (``"... Bigger than the little deal" announced in
    October, said Derek Scissors``, which the parse hangs on "said" as a clause of its own)."""
    words = doc[reading.first : reading.last + 1]
    if any(t.is_quote or t.dep_ in {"nsubj", "nsubjpass"} for t in words):
        return False  # a quotation, or a clause with its own subject, is what was said
    return all(_top_dep(t, doc[site.head]) in _MODIFIER_DEPS for t in words)


_PHRASE_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct"})


def _closes(doc: Doc, site: CueSite) -> bool:
    """Whether the cue clause closes its sentence (``features.closes_sentence``), or only phrases
    of the cue verb follow it, no verb among them ("..., Ramos told AFP *in an interview in Mexico
    City on Monday*.")."""
    if closes_sentence(doc, site):
        return True
    head = doc[site.head]
    rest = [t for t in doc[site.clause[1] + 1 : site.sentence[1] + 1] if not t.is_space]
    return all(t.pos_ not in {"VERB", "AUX"} and _top_dep(t, head) in _PHRASE_DEPS for t in rest)


def _top_dep(token: Token, head: Token) -> str:
    """The dependency of the child of ``head`` whose subtree holds ``token`` ("" when none does)."""
    while token.head.i != head.i and token.head.i != token.i:
        token = token.head
    return token.dep_ if token.head.i == head.i else ""


def _quoted_after(doc: Doc, site: CueSite) -> Candidate | None:
    """The whole quotation opened right after the cue (``_quote_opened_after``) as a content, when
    no quotation closed before the cue in its sentence."""
    opened = _quote_opened_after(doc, site)
    cue_at = doc[site.head].idx
    if opened is None or any(doc[site.sentence[0]].idx <= q.end <= cue_at for q in site.quotes):
        return None
    span = tidy_content(text_of(doc), (opened.start, opened.end), list(site.quotes))
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or not len(words):
        return None
    return Candidate("quote_after", span, words.start, words.end - 1)


def _quote_opened_after(doc: Doc, site: CueSite) -> Quotation | None:
    """The quotation that opens right after the cue and a comma or colon (``Clinton said, "I ..."``),
    unless it opens in lower case (``said, "we were floored"``: the sentence goes on through it)."""
    head = doc[site.head]
    after = head.idx + len(head.text)
    text = text_of(doc)
    for quote in site.quotes:
        if quote.start >= after:
            between = text[after : quote.start].strip()
            opens = text[quote.inner[0] : quote.inner[1]].lstrip("' ")[:1]
            return quote if between in {",", ":"} and not opens.islower() else None
    return None


def _parenthetical(doc: Doc, site: CueSite) -> bool:
    """Whether the cue clause sits between commas inside its sentence with words on both sides
    ("The museum, Mr. Obama said, would make visitors ..."): the sentence around it is what was
    said, as annotators mark it."""
    first, last = site.clause
    start, end = site.sentence
    before = [t for t in doc[start:first] if not t.is_space]
    after = [t for t in doc[last + 1 : end + 1] if not t.is_space]
    if len(before) < 3 or len(after) < 3 or before[-1].text != "," or after[0].text != ",":
        return False
    return any(t.is_alpha for t in before[:-1]) and any(t.is_alpha for t in after[1:])
