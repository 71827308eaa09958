"""The key voices group a speaker by (``model.Attribution.canonical``), or None for no voice.

A person is keyed by ``text.person_key``; a named organisation, nation or place by its bare name;
an unlabelled phrase only when it is a proper name (not one capitalised only because it opens its
sentence, nor a street) or an agent noun ("officials", "the paper" as a newspaper). Pronouns,
relatives, possessions ("Trump's claim"), names with "a" ("A CT of his chest") and classes of
bodies across time ("recent governments") make no voice.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from broadsheet.analyze.entities import AGENT_NOUNS, bare_name
from broadsheet.analyze.speakers import Speaker
from broadsheet.text import name_key, person_key

_UNNAMED = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "which", "that", "one", "this"})


def canonical_key(doc: Doc, speaker: Speaker) -> str | None:
    """The key voices group this speaker by (see ``model.Attribution.canonical``), or None when the
    speaker is no person or organisation."""
    head = doc[speaker.head]
    if bare_name(speaker.text).lower() in _UNNAMED or speaker.is_pronoun or _a_possession(doc, speaker):
        return None
    if speaker.label == "PERSON":
        return person_key(speaker.text)
    if (head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE"}) and _indefinite(head):
        return None
    if speaker.label in {"ORG", "NORP", "GPE"}:
        return name_key(bare_name(speaker.text))
    if _across_time(head):
        return None
    proper = head.pos_ == "PROPN" and not _capital_by_position(doc, speaker) and not _a_place(head)
    if proper or (head.lemma_.lower() in AGENT_NOUNS and not _a_document(head)):
        return name_key(bare_name(speaker.text))
    return None


# Words that end the name of a place: an unlabelled "Wall Street" or "Main Street" is a market or a
# place, not a body that speaks (the entity recogniser labels "Downing Street" an ORG when it is one).
_PLACE_WORDS = frozenset({"street", "avenue", "road", "square", "boulevard", "lane"})
# Adjectives of time that make a plural a class of bodies across the years ("recent governments",
# "previous administrations"), not one voice.
_ACROSS_TIME = frozenset({"recent", "previous", "past", "successive", "earlier", "prior", "future"})


def _indefinite(head: Token) -> bool:
    """Whether a name takes "a" or "an" ("A CT of his chest showed ...", labelled an organisation;
    not "a Reuters reporter", whose head is a common noun): one of a kind, not a named body."""
    return any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in head.children)


def _a_place(head: Token) -> bool:
    """Whether an unlabelled proper noun names a street or a square ("Wall Street")."""
    return head.lower_ in _PLACE_WORDS


def _across_time(head: Token) -> bool:
    """Whether a plural noun is a class of bodies across time ("Recent governments have said")."""
    return head.tag_ in {"NNS", "NNPS"} and any(
        child.dep_ == "amod" and child.lower_ in _ACROSS_TIME for child in head.children
    )


def _a_possession(doc: Doc, speaker: Speaker) -> bool:
    """Whether the speaker's words end in something owned that cannot speak ("Howitt and Garett's
    work", "Trump's claim"): the noun after the last possessive is no agent noun ("Trump's
    lawyer", "the party's leader" speak)."""
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None:
        return False
    marks = [t.i for t in span if t.tag_ == "POS"]
    after = [t for t in doc[marks[-1] + 1 : span.end] if t.pos_ in {"NOUN", "PROPN"}] if marks else []
    return bool(after) and after[-1].lemma_.lower() not in AGENT_NOUNS and after[-1].pos_ == "NOUN"


def _a_document(head: Token) -> bool:
    """Whether "paper" names a document, not a newspaper: a newspaper is "the paper" (singular,
    definite); "court papers" and "a paper" (a study) are documents and make no voice."""
    if head.lemma_.lower() != "paper":
        return False
    definite = any(t.dep_ == "det" and t.lower_ == "the" for t in head.children)
    return head.tag_ == "NNS" or not definite


def _capital_by_position(doc: Doc, speaker: Speaker) -> bool:
    """Whether an unlabelled "proper noun" is capitalised only because it opens its sentence
    ("Research shows", "Court papers showed", "Summary Studies show"): the phrase starts the
    sentence and none of its capitalised words is capitalised anywhere else in the article."""
    span = doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None or not len(span) or not span[0].is_sent_start:
        return False
    capitals = {t.text for t in span if t.is_title}
    return not any(t.text in capitals and _mid_sentence(t) and t.i not in range(span.start, span.end)
                   for t in doc)


def _mid_sentence(token: Token) -> bool:
    """Whether a word stands inside a sentence after a word that is not capitalised itself (the
    "Studies" of "Summary Studies show" opens its sentence as much as "Summary" does)."""
    if token.is_sent_start or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_title or before.is_upper) or before.is_punct
