"""Who said what: the attributions of one parsed article, each with a named speaker.

1. **Detection** (``detect``, with the models learned from PolNeAR): the cues, and for each the
   content and the source mention in the cue's own clause ("he" in "he said", "who" in "Obama, who
   said"). ``spans.speaker`` points at that mention.
2. **The speaker's name** (``speakers``, ``pronouns``, ``naming``): a name speaks as the person's
   fullest name in the article ("Trump" -> "Donald Trump"), with the ``role`` and ``organisation``
   its own phrase gives it; a pronoun or a relative "who" takes the name of what it stands for; a
   common noun ("officials") keeps its words. "X reported, citing Y": Y is the speaker and X the ``via``.
3. **Continuations**: a quotation no attribution covers, in the same paragraph as an attribution
   just before it, continues that attribution (``"X," said Hall. "Y."`` gives Hall a second,
   ``direct`` attribution); its content is the quotation, or the sentence up to the quotation's end
   when the words before it hold no verb (``Kim "expects ..."``). A quotation that directly follows
   a quoted content is part of it (``quote_pair``), as annotators mark it.
4. **Kind** (direct, indirect, mixed), **act** (``acts``), ``via`` and ``when`` (``frames``); a
   person's role found in one attribution fills their others; ``canonical`` is the key that groups
   a speaker's voices across a story (``speakerkeys.canonical_key``), None for a speaker who is no
   person or organisation.

**Reporting chains**: the speaker is the original source and ``via`` the outlet or person that
carried the words ("Everard told BBC News" -> via "BBC News"); a ``via`` equal to the article's own
outlet is dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from broadsheet.analyze.acts import classify_act
from broadsheet.analyze.candidates import Candidate
from broadsheet.analyze.detect import Detection, detect
from broadsheet.analyze.entities import bare_name, find_entities
from broadsheet.analyze.frames import cited_source, find_via, find_when
from broadsheet.analyze.learned import Models, shipped_models
from broadsheet.analyze.naming import name_speaker
from broadsheet.analyze.quotes import Quotation, find_quotations
from broadsheet.analyze.spans import char_span, strip_space, text_of, tidy_content
from broadsheet.analyze.speakerkeys import canonical_key
from broadsheet.analyze.speakers import EntityIndex, Speaker
from broadsheet.model import Article, Attribution, AttributionKind, Entity, Span

_MIN_CONTINUATION_WORDS = 3
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class _Found:
    """An attribution under construction."""

    detection: Detection
    speaker: Speaker
    mention: Span
    content: Span
    sentence: int
    via: str | None = None
    when: str | None = None


class _Sentences:
    """Sentence numbers by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(int(sent.start_char), int(sent.end_char)) for sent in doc.sents]
        self.starts = [start for start, _ in self.bounds]

    def at(self, char: int) -> int:
        """The number of the sentence holding character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)


def find_attributions(
    doc: Doc,
    article: Article | None = None,
    *,
    entities: Sequence[Entity] | None = None,
    models: Models | None = None,
) -> list[Attribution]:
    """Every attribution in ``doc`` (the parse of ``article.text``), in text order.

    ``entities`` (from ``entities.find_entities``) are computed when not given; ``models`` default
    to the ones shipped in the package.
    """
    return [found for found, _ in scored_attributions(doc, article, entities=entities, models=models)]


def scored_attributions(
    doc: Doc,
    article: Article | None = None,
    *,
    entities: Sequence[Entity] | None = None,
    models: Models | None = None,
) -> list[tuple[Attribution, float]]:
    """``find_attributions`` with each attribution's score (its detection's; a continuation takes
    its owner's), for tuning the threshold on what the stage really outputs."""
    text = text_of(doc)
    if not text.strip():
        return []
    quotes = tuple(find_quotations(text))
    index = EntityIndex(doc, find_entities(doc) if entities is None else entities)
    sentences = _Sentences(doc)
    found: list[_Found] = []
    for detection in detect(doc, quotes, models or shipped_models()):
        item = _found(doc, detection, index, found, sentences)
        if item is not None:
            found.append(item)
    found = _share_roles(found)
    found += _continuations(doc, found, quotes, sentences)
    found.sort(key=lambda f: (f.content[0], f.detection.cue[0]))
    outlet = article.outlet if article is not None else None
    return [(_to_attribution(doc, f, quotes, outlet, index), f.detection.score) for f in found]


def _found(doc: Doc, detection: Detection, index: EntityIndex, earlier: list[_Found],
           sentences: _Sentences) -> _Found | None:
    """The attribution of one detection, its speaker named; None when it has no speaker."""
    if detection.source is None:
        return None
    quoted = [(q.start, q.end) for q in detection.site.quotes]
    speaker = name_speaker(doc, detection.source, index, [f.speaker for f in earlier], quoted)
    if speaker is None:
        return None
    head = detection.site.head
    via = None
    mention = _mention(doc, detection.source, speaker.span)
    cited = cited_source(doc[head])
    if cited is not None:
        via, speaker = speaker.text, name_speaker(doc, cited, index, [], quoted) or speaker
        mention = speaker.span
    if detection.carrier is not None:
        via = text_of(doc)[detection.carrier.span[0] : detection.carrier.span[1]]
    content = detection.content.span
    return _Found(
        detection=detection,
        speaker=speaker,
        mention=mention,
        content=content,
        sentence=sentences.at(detection.cue[0]),
        via=via or find_via(doc, head, content, index),
        when=find_when(doc, head, content, detection.source.span),
    )


def _mention(doc: Doc, source: Candidate, named: Span) -> Span:
    """The speaker's mention in its clause: the name inside the source phrase or its apposition
    ("Steve Hall" of "CNN national security analyst Steve Hall", "Ana Berg" of "The chief
    executive, Ana Berg,"), else the source itself ("he", "who")."""
    root = doc[source.first : source.last + 1].root
    outer = char_span(doc, root.left_edge.i, root.right_edge.i)
    return named if outer[0] <= named[0] and named[1] <= outer[1] else source.span


def _share_roles(found: list[_Found]) -> list[_Found]:
    """A person's role and organisation, found once, fill the person's other attributions."""
    roles: dict[str, Speaker] = {}
    for item in found:
        if item.speaker.label == "PERSON" and item.speaker.role:
            roles.setdefault(item.speaker.text, item.speaker)
    shared = []
    for item in found:
        known = roles.get(item.speaker.text) if item.speaker.label == "PERSON" else None
        if known is not None and item.speaker.role is None:
            speaker = replace(item.speaker, role=known.role, organisation=known.organisation)
            item = replace(item, speaker=speaker)
        shared.append(item)
    return shared


def _continuations(
    doc: Doc, found: list[_Found], quotes: tuple[Quotation, ...], sentences: _Sentences
) -> list[_Found]:
    """Rule 3: attributions for quotations of the same paragraph that no attribution covers yet."""
    text = text_of(doc)
    made: list[_Found] = []
    for quote in quotes:
        if _covered(quote, found + made) or not _speech_like(text, quote):
            continue
        first = sentences.at(quote.start)
        owner = _owner(text, found + made, first, quote, sentences)
        content = _continuation_content(doc, quote, sentences.bounds[first]) if owner else None
        if owner is not None and content is not None:
            made.append(replace(owner, content=content, sentence=first))
    return made


def _covered(quote: Quotation, found: Sequence[_Found]) -> bool:
    """Whether an attribution's content, cue or speaker already overlaps the quotation."""
    return any(
        span[0] < quote.end and quote.start < span[1]
        for item in found
        for span in (item.content, item.detection.cue, item.mention)
    )


def _speech_like(text: str, quote: Quotation) -> bool:
    """Long enough, and not a Title Case name of a work or a slogan."""
    if quote.word_count(text) < _MIN_CONTINUATION_WORDS:
        return False
    words = text[quote.inner[0] : quote.inner[1]].split()
    return not all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def _owner(text: str, found: Sequence[_Found], sentence: int, quote: Quotation,
           sentences: _Sentences) -> _Found | None:
    """The attribution a quotation continues: one in the sentence before, in the same paragraph."""
    if sentence == 0:
        return None
    start = sentences.bounds[sentence - 1][0]
    if "\n" in text[start : quote.start]:
        return None
    before = [
        f for f in found if sentence - 1 in {sentences.at(f.content[1] - 1), f.sentence}
    ]
    return max(before, key=lambda f: f.content[1]) if before else None


def _continuation_content(doc: Doc, quote: Quotation, sentence: Span) -> Span | None:
    """The quoted words when the quotation opens its sentence; the sentence up to the quotation's
    end when the words before it hold no verb (``Kim "expects ..."``); else None."""
    text = text_of(doc)
    if not any(char.isalnum() for char in text[sentence[0] : quote.start]):
        return tidy_content(text, (quote.start, quote.end), [quote])
    before = doc.char_span(sentence[0], quote.start, alignment_mode="contract")
    if before is not None and any(t.tag_ in _FINITE or t.pos_ == "VERB" for t in before):
        return None
    return strip_space(text, (sentence[0], quote.end))


def _speaker_name(speaker: Speaker, index: EntityIndex) -> str:
    """A person's canonical (fullest) name in the article when the mention's words are among it
    ("Trump" -> "Donald Trump"); otherwise the speaker's own words."""
    entity = next((e for e in index.entities if e.span == speaker.span), None)
    if speaker.label != "PERSON" or entity is None:
        return speaker.text
    mention = set(bare_name(speaker.text).split())
    return entity.canonical if mention <= set(entity.canonical.split()) else speaker.text


def _to_attribution(doc: Doc, item: _Found, quotes: tuple[Quotation, ...], outlet: str | None,
                    index: EntityIndex) -> Attribution:
    """The public record of one attribution."""
    text = text_of(doc)
    cue = item.detection.cue
    speaker = item.speaker
    return Attribution(
        speaker=_speaker_name(speaker, index),
        cue=text[cue[0] : cue[1]],
        content=text[item.content[0] : item.content[1]],
        kind=_kind(item.content, quotes),
        role=speaker.role,
        organisation=speaker.organisation,
        via=None if _same_outlet(item.via, outlet) else item.via,
        when=item.when,
        speaker_span=item.mention,
        cue_span=cue,
        content_span=item.content,
        act=classify_act(doc, item.detection.site.head, text[item.content[0] : item.content[1]]),
        canonical=canonical_key(doc, replace(speaker, text=_speaker_name(speaker, index))),
    )


def _kind(content: Span, quotes: tuple[Quotation, ...]) -> AttributionKind:
    """Direct, mixed or indirect."""
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
