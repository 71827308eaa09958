"""The named speaker of a source mention: relatives, line speakers, and what a title stands for.

``name_speaker`` turns a source reading (``sources``) into a ``speakers.Speaker``: a relative
"who" names the noun it stands for (a relative "who" hung on a vessel stands for the people aboard
it: "seamen on board the MV Ada, who said"), a pronoun its antecedent (``pronouns``), a name before
a colon or after a closing dash speaks as written. Then "the president" or "the analyst" is the one
person the article gives that title ("Jefferies analyst Jonathan Matuszewski"), "the company" the
one organisation that spoke before it, and "the union" the one union it names before ("a Screen
Actors Guild strike. The union said").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import Candidate
from broadsheet.analyze.entities import bare_name
from broadsheet.analyze.pronouns import resolve_pronoun
from broadsheet.analyze.spans import char_span, text_of
from broadsheet.analyze.speakers import EntityIndex, Speaker, describe
from broadsheet.model import Entity, Span
from broadsheet.text import name_key

# Capitalised words before a colon that label a part of the page, not a speaker ("Update: ...").
EDITORIAL_LABELS = frozenset(
    {
        "update", "updated", "note", "editor", "related", "photo", "photos", "video", "watch",
        "read", "more", "correction", "source", "sources", "live", "breaking", "exclusive",
        "analysis", "opinion", "transcript", "listen", "see", "also", "warning", "q", "a"
    }
)
_RELATIVE_WORDS = frozenset({"who", "that", "which", "whom"})


def name_speaker(
    doc: Doc,
    source: Candidate | int,
    index: EntityIndex,
    earlier: Sequence[Speaker],
    quoted: Sequence[Span] = (),
) -> Speaker | None:
    """The named speaker of a source mention (a reading from ``sources``, or a head token): a
    relative "who" names the noun it stands for, a pronoun its antecedent (``resolve_pronoun``);
    a name before a colon or after a closing dash speaks as written. None when the mention is an
    editorial label ("Update:") or a relative with nothing to stand for."""
    if isinstance(source, int):
        root, kind = doc[source], "subject"
    else:
        root, kind = doc[source.first : source.last + 1].root, source.kind
    if kind in {"prefix", "suffix"} and not isinstance(source, int):
        return _line_speaker(doc, source, index)
    if root.lower_ in _RELATIVE_WORDS and root.tag_ in {"WP", "WDT"}:
        if root.head.dep_ not in {"relcl", "acl"}:
            return None
        aboard = _people_aboard(root.head.head) if root.lower_ == "who" else None
        if aboard is not None:
            return aboard
        root = root.head.head
    speaker = describe(doc, root.i, index)
    if speaker.is_pronoun:
        speaker = resolve_pronoun(doc, speaker, earlier, index, quoted)
    return resolve_union(doc, resolve_company(doc, resolve_title(doc, speaker, index), earlier), index)


def _people_aboard(antecedent: Token) -> Speaker | None:
    """The people a relative "who" stands for when the noun it hangs on is the vessel they are on
    ("seamen on board the MV Ada, who said ...", "passengers aboard Flight 9, who said"): the plural
    common noun before "on board" or "aboard", with the vessel ("seamen on board the MV Ada"); None
    when the noun is no vessel so written."""
    doc = antecedent.doc
    i = antecedent.left_edge.i
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    aboard = 2 if before == ["on", "board"] else 1 if before[-1:] == ["aboard"] else 0
    people = doc[i - aboard - 1] if aboard and i - aboard > 0 else None
    if people is None or people.pos_ != "NOUN" or people.tag_ != "NNS":
        return None
    first = people.left_edge.i if people.left_edge.i < people.i else people.i
    span = char_span(doc, first, antecedent.i)
    return Speaker(text_of(doc)[span[0] : span[1]], span, people.i, None)


def _line_speaker(doc: Doc, source: Candidate, index: EntityIndex) -> Speaker | None:
    """The words before a line's colon or after its closing dash, as the speaker."""
    words = [t for t in doc[source.first : source.last + 1] if not t.is_punct]
    if not words or any(t.lower_ in EDITORIAL_LABELS for t in words):
        return None
    text = text_of(doc)[source.span[0] : source.span[1]]
    return Speaker(text, source.span, words[-1].i, index.label(words[-1].i))


_TITLES = {
    "president": ("president",), "senator": ("senator", "sen."), "governor": ("governor", "gov."),
    "mayor": ("mayor",), "secretary": ("secretary",), "speaker": ("speaker",),
    "congressman": ("rep.", "representative", "congressman"), "congresswoman": ("rep.", "congresswoman"),
    "chairman": ("chairman",), "chancellor": ("chancellor",), "judge": ("judge",),
    "candidate": (), "nominee": (),
    "analyst": ("analyst",), "economist": ("economist",),
}
# Titles written in lower case before a name ("Jefferies analyst Jonathan Matuszewski"): "the
# analyst" is that person too; other titles count only capitalised ("President Trump", not "a
# former president Trump met").
_LOWER_TITLES = frozenset({"analyst", "economist"})


def resolve_title(doc: Doc, speaker: Speaker, index: EntityIndex) -> Speaker:
    """ "the president" -> the person the article gives that title ("President Donald Trump"), when
    it gives it to exactly one person ("the analyst": "Jefferies analyst Jonathan Matuszewski");
    otherwise the speaker unchanged."""
    words = bare_name(speaker.text).lower().split()
    if speaker.label is not None or len(words) != 1 or words[0] not in _TITLES or not _TITLES[words[0]]:
        return speaker
    titles = _TITLES[words[0]]
    named: dict[str, Entity] = {}
    for entity in index.entities:
        start = doc.char_span(*entity.span, alignment_mode="expand")
        before = doc[start.start - 1] if start is not None and start.start > 0 else None
        if entity.label == "PERSON" and before is not None and before.lower_ in titles and (
                before.is_title or before.lower_ in _LOWER_TITLES):
            named.setdefault(entity.canonical, entity)
    if len(named) != 1:
        return speaker
    entity = next(iter(named.values()))
    return Speaker(entity.canonical, speaker.span, speaker.head, "PERSON", speaker.text, speaker.organisation)


# Nouns a news article calls a company it has named ("France Telecom said ... the firm said").
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "carrier", "operator", "airline", "bank", "insurer",
                            "lender", "retailer", "manufacturer", "maker", "giant", "conglomerate"})


def resolve_company(doc: Doc, speaker: Speaker, earlier: Sequence[Speaker]) -> Speaker:
    """ "The company" or "the French firm" (the, an optional nationality, a company noun) -> the one
    organisation that spoke before it in the article, when exactly one did ("France Telecom said");
    otherwise the speaker unchanged (two companies quoted, or a name the recogniser labels nothing:
    "the company" may be either)."""
    head = doc[speaker.head]
    words = [t for t in doc[head.left_edge.i : head.i]]
    plain = bool(words) and words[0].lower_ == "the" and all(t.ent_type_ == "NORP" for t in words[1:])
    if speaker.label is not None or head.tag_ != "NN" or head.lower_ not in _COMPANY_NOUNS or not plain:
        return speaker
    before = [s for s in earlier if s.span[1] <= speaker.span[0]]
    named = {name_key(s.text): s for s in before if s.label == "ORG" or _unlabelled_name(doc, s)}
    if len(named) != 1 or next(iter(named.values())).label != "ORG":
        return speaker
    return Speaker(bare_name(next(iter(named.values())).text), speaker.span, speaker.head, "ORG")


def _unlabelled_name(doc: Doc, speaker: Speaker) -> bool:
    """A speaker written as a name the recogniser labels nothing ("Orange said"): it may be a company."""
    return speaker.label is None and doc[speaker.head].pos_ == "PROPN"


# The last words of a union's name ("the Screen Actors Guild", "the United Auto Workers").
_UNION_NAMES = frozenset({"union", "guild", "workers", "teamsters", "brotherhood", "federation"})


def resolve_union(doc: Doc, speaker: Speaker, index: EntityIndex) -> Speaker:
    """ "The union" -> the one union the article names before it, whatever it was written as ("a
    Screen Actors Guild strike. The union ... said"): an organisation whose name ends in a union's
    word; otherwise the speaker unchanged (no union named, or two)."""
    head = doc[speaker.head]
    words = [t.lower_ for t in doc[head.left_edge.i : head.i + 1]]
    if speaker.label is not None or head.tag_ != "NN" or words != ["the", "union"]:
        return speaker
    named = {e.canonical for e in index.entities if e.label == "ORG" and e.span[1] <= speaker.span[0]
             and e.canonical.split()[-1].lower() in _UNION_NAMES}
    if len(named) != 1:
        return speaker
    return Speaker(next(iter(named)), speaker.span, speaker.head, "ORG")
