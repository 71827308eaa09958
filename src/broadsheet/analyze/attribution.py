"""Who said what: attributions of direct quotes and reported speech in one parsed article.

The rules, in the order they run (the parse comes from ``nlp``; cues from ``cues``; what was said
from ``content``; speakers, roles and pronouns from ``speakers``; the cue's frame, ``via`` and
``when``, from ``frames``):

1. **Cues** are speech verbs, "according to" and "Name:" line openers, outside quotations, with a
   speaker (``cues``).
2. **Content** of a cue is its complement, else a quotation touching its clause, else the rest of
   the sentence across a comma (``content``). A quotation is never cut in two.
3. A content stops where a later sentence-final cue clause begins, so nested frames separate:
   in "The U.S. has warned that X, Kirby said", the U.S. warned "X" and Kirby said "The U.S. has
   warned that X".
4. **Pronoun speakers** (he, she, it, they) resolve to their antecedent (``speakers``); the speaker
   span then points at the antecedent mention. A relative "who said" speaks for the noun it
   modifies. A person is named by their canonical name in the article ("Trump" -> "Donald Trump"),
   so ``text[speaker_span]`` is the mention and its words are always among the speaker's.
5. **Continuations**: a quotation no attribution covers attaches to the attribution whose cue is
   in the same sentence, else to the attribution of the sentence just before (chains run on across
   paragraphs). A continuation keeps the speaker, cue span, role, via and when; its content is the
   quotation (``direct``) or, when the words before it hold no verb (``Kim "expects ..."``), the
   sentence up to the quotation's end (``mixed``). Short or title-case quotations (titles, scare
   quotes) and sentences with a verb of their own ("He described it as "...") continue nothing.
6. **Kind**: ``direct`` when the content lies inside one quotation, ``mixed`` when it contains or
   overlaps one, ``indirect`` otherwise. A person's role found in one attribution is shared with
   the person's other attributions in the article (same canonical entity).

**Reporting chains** (the convention): the speaker is always the original source and ``via`` the
outlet or person that carried the words. "Everard ... told BBC News" -> speaker John Everard,
via "BBC News"; "The New York Times reported Monday, citing U.S. and allied officials" -> speaker
"U.S. and allied officials", via "The New York Times", cue "reported", when "Monday"; "'...,'
Welch said, according to Vermont Edition" -> speaker Welch, via "Vermont Edition". An outlet
reporting on its own ("The Times reported that ...") is the speaker, with no via. A ``via`` equal
to the article's own outlet is dropped (the outlet carrying its own interview is not a chain).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from broadsheet.analyze.content import FINITE_TAGS, find_content, is_quotation
from broadsheet.analyze.cues import Cue, find_cues, needs_support
from broadsheet.analyze.entities import bare_name, find_entities
from broadsheet.analyze.frames import clause_range, find_via, find_when
from broadsheet.analyze.quotes import Quotation, find_quotations
from broadsheet.analyze.spans import (
    char_span,
    strip_space,
    text_of,
    tidy_content,
    word_count,
)
from broadsheet.analyze.speakers import EntityIndex, Speaker, describe, resolve_pronoun
from broadsheet.model import Article, Attribution, AttributionKind, Entity, Span

_MIN_CONTINUATION_WORDS = 3
@dataclass(frozen=True)
class _Found:
    """An attribution under construction; ``clause`` is the cue clause's character span."""

    cue: Span
    speaker: Speaker
    content: Span
    clause: Span
    sentence: int
    last_sentence: int
    via: str | None = None
    when: str | None = None
    according: bool = False


class _Sentences:
    """Sentence numbers by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [int(sent.start_char) for sent in doc.sents]
        self.bounds = [(int(sent.start_char), int(sent.end_char)) for sent in doc.sents]

    def at(self, char: int) -> int:
        """The number of the sentence holding character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)


def find_attributions(
    doc: Doc,
    article: Article | None = None,
    *,
    entities: Sequence[Entity] | None = None,
    resolve_pronouns: bool = True,
) -> list[Attribution]:
    """Every attribution in ``doc`` (the parse of ``article.text``), in text order.

    ``entities`` (from ``entities.find_entities``) are computed when not given; with
    ``resolve_pronouns=False`` a pronoun speaker stays the pronoun (benchmarks score mentions).
    """
    if not text_of(doc).strip():
        return []
    quotes = find_quotations(text_of(doc))
    index = EntityIndex(doc, find_entities(doc) if entities is None else entities)
    sentences = _Sentences(doc)
    found = [f for cue in find_cues(doc, quotes) if (f := _attribute(doc, cue, quotes, index, sentences))]
    found = _cut_at_parentheticals(text_of(doc), found, quotes)
    found = _according_chains(found)
    if resolve_pronouns:
        found = _resolve_pronouns(doc, found, index, [(q.start, q.end) for q in quotes])
    found = _share_roles(found, index)
    found += _continuations(doc, found, quotes, sentences)
    found.sort(key=lambda f: (f.content[0], f.cue[0]))
    outlet = article.outlet if article is not None else None
    return [_to_attribution(text_of(doc), f, quotes, outlet, index) for f in found]


def _attribute(
    doc: Doc, cue: Cue, quotes: list[Quotation], index: EntityIndex, sentences: _Sentences
) -> _Found | None:
    """The attribution a cue introduces, or None when it has no speaker or no content."""
    if cue.speaker is None:
        return None
    clause = clause_range(doc, cue, quotes)
    sentence = sentences.bounds[sentences.at(doc[cue.head].idx)]
    content = find_content(doc, cue, clause, quotes, sentence)
    if content is None or (needs_support(cue, doc) and not is_quotation(content, quotes)):
        return None
    speaker = describe(doc, cue.cited if cue.cited is not None else cue.speaker, index)
    if cue.kind == "colon" and speaker.span[1] > doc[cue.head].idx:
        speaker = _prefix_speaker(doc, cue, index)
    via = describe(doc, cue.speaker, index).text if cue.cited is not None else None
    clause_chars = char_span(doc, *clause)
    cue_span = char_span(doc, cue.first, cue.last)
    return _Found(
        cue=cue_span,
        speaker=speaker,
        content=content,
        clause=clause_chars,
        sentence=sentences.at(cue_span[0]),
        last_sentence=sentences.at(max(content[1], cue_span[1]) - 1),
        via=via or find_via(doc, cue, content, index),
        when=find_when(doc, cue, content, speaker.span),
        according=cue.kind == "according",
    )


def _prefix_speaker(doc: Doc, cue: Cue, index: EntityIndex) -> Speaker:
    """The words before the colon of a ``colon`` cue, as the speaker."""
    first = cue.speaker if cue.speaker is not None else cue.head
    while first > 0 and "\n" not in doc[first - 1].text + doc[first - 1].whitespace_:
        first -= 1
    span = char_span(doc, first, cue.head - 1)
    return Speaker(text_of(doc)[span[0] : span[1]], span, cue.speaker or first, index.label(first))


def _cut_at_parentheticals(text: str, found: list[_Found], quotes: list[Quotation]) -> list[_Found]:
    """Rule 3: end a content where a later sentence-final cue clause begins."""
    finals = [f.clause[0] for f in found if f.content[1] <= f.clause[0]]
    result = []
    for item in found:
        cut = min(
            (c for c in finals if item.cue[1] <= c and item.content[0] < c < item.content[1]), default=None
        )
        if cut is not None:
            content = tidy_content(text, (item.content[0], cut), quotes)
            item = replace(item, content=content) if word_count(text, content) >= 2 else item
        result.append(item)
    return result


def _according_chains(found: list[_Found]) -> list[_Found]:
    """"'...,' Welch said, according to Vermont Edition": an "according to Y" whose content holds
    another attribution's cue is a reporting chain; Y becomes that attribution's via."""
    carriers: dict[int, str] = {}
    chains = set()
    for outer in found:
        if not outer.according:
            continue
        for position, inner in enumerate(found):
            inside = outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]
            if inner is not outer and inside:
                chains.add(id(outer))
                carriers.setdefault(position, outer.speaker.text)
    return [
        replace(item, via=item.via or carriers.get(position))
        for position, item in enumerate(found)
        if id(item) not in chains
    ]


def _resolve_pronouns(doc: Doc, found: list[_Found], index: EntityIndex, quoted: list[Span]) -> list[_Found]:
    """Rule 4: replace pronoun speakers by their antecedents."""
    resolved: list[_Found] = []
    for item in sorted(found, key=lambda f: f.cue[0]):
        if item.speaker.is_pronoun:
            earlier = [f.speaker for f in resolved]
            speaker = resolve_pronoun(doc, item.speaker, earlier, index, quoted)
            item = replace(item, speaker=speaker)
        resolved.append(item)
    return resolved


def _share_roles(found: list[_Found], index: EntityIndex) -> list[_Found]:
    """A person's role and organisation, found once, fill the person's other attributions."""
    roles: dict[str, Speaker] = {}
    for item in found:
        key = _person_key(item.speaker, index)
        if key and item.speaker.role and key not in roles:
            roles[key] = item.speaker
    shared = []
    for item in found:
        known = roles.get(_person_key(item.speaker, index) or "")
        if known is not None and item.speaker.role is None:
            speaker = replace(item.speaker, role=known.role, organisation=known.organisation)
            item = replace(item, speaker=speaker)
        shared.append(item)
    return shared


def _person_key(speaker: Speaker, index: EntityIndex) -> str | None:
    """The canonical name of a PERSON speaker, or None."""
    if speaker.label != "PERSON":
        return None
    entity = next((e for e in index.entities if e.span == speaker.span), None)
    return entity.canonical if entity is not None else bare_name(speaker.text)


def _continuations(
    doc: Doc, found: list[_Found], quotes: list[Quotation], sentences: _Sentences
) -> list[_Found]:
    """Rule 5: attributions for quotations that no attribution covers yet."""
    made: list[_Found] = []
    for quote in quotes:
        if _covered(quote, found + made) or not _speech_like(text_of(doc), quote):
            continue
        first = sentences.at(quote.start)
        owner = _owner(found + made, first)
        if owner is None:
            continue
        last = sentences.at(quote.end - 1)
        content = _continuation_content(doc, quote, sentences.bounds[first])
        if content is None:
            continue
        made.append(replace(owner, content=content, sentence=first, last_sentence=last))
    return made


def _covered(quote: Quotation, found: Sequence[_Found]) -> bool:
    """Whether an attribution's content or clause already overlaps the quotation."""
    return any(
        span[0] < quote.end and quote.start < span[1]
        for item in found
        for span in (item.content, item.clause)
    )


def _speech_like(text: str, quote: Quotation) -> bool:
    """Long enough, and not a Title Case name of a work or a slogan."""
    if quote.word_count(text) < _MIN_CONTINUATION_WORDS:
        return False
    words = text[quote.inner[0] : quote.inner[1]].split()
    return not all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def _owner(found: Sequence[_Found], sentence: int) -> _Found | None:
    """The attribution a quotation in ``sentence`` continues: same sentence, else the one before."""
    same = [f for f in found if f.sentence == sentence]
    if same:
        return same[0]
    before = [f for f in found if f.last_sentence == sentence - 1]
    return max(before, key=lambda f: f.content[1]) if before else None


def _continuation_content(doc: Doc, quote: Quotation, sentence: Span) -> Span | None:
    """The quoted words when the quotation fills its sentence; the sentence up to the quotation's
    end when the words before it hold no finite verb (``Kim "expects ..."``); else None (the
    sentence has a verb of its own: "He described it as "..."" is not a continuation)."""
    text = text_of(doc)
    if not any(char.isalnum() for char in text[sentence[0] : quote.start]):
        return tidy_content(text, (quote.start, quote.end), [quote])
    before = doc.char_span(sentence[0], quote.start, alignment_mode="contract")
    if before is not None and any(t.tag_ in FINITE_TAGS or t.pos_ == "VERB" for t in before):
        return None
    return strip_space(text, (sentence[0], quote.end))


def _speaker_name(speaker: Speaker, index: EntityIndex) -> str:
    """The name a speaker goes by: a person's canonical (fullest) name in the article, so that
    "Trump said" after "President Donald Trump" reads "Donald Trump"; otherwise the mention itself."""
    entity = next((e for e in index.entities if e.span == speaker.span), None)
    if speaker.label != "PERSON" or entity is None:
        return speaker.text
    mention = set(bare_name(speaker.text).split())
    return entity.canonical if mention <= set(entity.canonical.split()) else speaker.text


def _to_attribution(text: str, item: _Found, quotes: list[Quotation], outlet: str | None,
                    index: EntityIndex) -> Attribution:
    """The public record of one attribution."""
    return Attribution(
        speaker=_speaker_name(item.speaker, index),
        cue=text[item.cue[0] : item.cue[1]],
        content=text[item.content[0] : item.content[1]],
        kind=_kind(item.content, quotes),
        role=item.speaker.role,
        organisation=item.speaker.organisation,
        via=None if _same_outlet(item.via, outlet) else item.via,
        when=item.when,
        speaker_span=item.speaker.span,
        cue_span=item.cue,
        content_span=item.content,
    )


def _kind(content: Span, quotes: list[Quotation]) -> AttributionKind:
    """Rule 6: direct, mixed or indirect."""
    if any(q.inner[0] <= content[0] and content[1] <= q.inner[1] for q in quotes):
        return "direct"
    if any(q.start < content[1] and content[0] < q.end for q in quotes):
        return "mixed"
    return "indirect"


def _same_outlet(via: str | None, outlet: str | None) -> bool:
    """Whether ``via`` names the article's own outlet ("The Week" vs "the week")."""
    if via is None or outlet is None:
        return False
    return bare_name(via).lower() == bare_name(outlet).lower()
