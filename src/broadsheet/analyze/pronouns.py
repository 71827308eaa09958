"""Pronoun speakers: what "he", "she", "it" or "they" stands for.

**Pronouns** (he, she, it, they) resolve to the most recent matching antecedent before them:
a previous speaker or the main-clause subject of the right kind (PERSON for he/she, ORG for
they, ORG or GPE for it: "Emirates had a fleet … it announced") in the three sentences before;
when the latest of these is the same pronoun as a subject ("She gave me … “…,” she said"),
what that one stands for; else any subject there, else a mention that modifies no other noun
(not "Ubisoft games", "Universal's music division"), else the last such speaker, else any
mention; but "it" is left unresolved when one of these weaker ones comes before a common noun
that is a main-clause subject ("... the new Scale Set Client. This upcoming release introduces
... It also announces": the release, no name).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from broadsheet.analyze.spans import in_heading
from broadsheet.analyze.speakers import PERSON_PRONOUNS, EntityIndex, Speaker, describe
from broadsheet.model import Span

_WINDOW_SENTENCES = 3


def resolve_pronoun(
    doc: Doc,
    speaker: Speaker,
    earlier: Sequence[Speaker],
    index: EntityIndex,
    quoted: Sequence[Span] = (),
    depth: int = 0,
) -> Speaker:
    """The antecedent of a pronoun speaker, or the pronoun itself when none fits.

    Mentions inside the ``quoted`` spans are not antecedents: a name in a quotation is someone the
    speaker talks about. The window stops at a heading (``spans.in_heading``): a pronoun under
    "Gender Equality." stands for no one named above it, nor for the heading. The latest of the
    earlier speakers and main-clause subjects of the window wins; when that is the same pronoun
    ("She gave me … 'I cannot …,' she said"), the pronoun stands for what that one stands for.
    Then other subjects, then any mention that is no modifier of another noun ("Ubisoft games",
    "Universal's music division"), then earlier speakers.
    """
    pronoun = speaker.text.lower()
    wanted = {"PERSON"} if pronoun in PERSON_PRONOUNS else {"ORG", "GPE"} if pronoun == "it" else {"ORG"}
    window_start = _window_start(doc, speaker.head)
    before = [s for s in earlier if s.span[1] <= speaker.span[0] and _matches(s, wanted, pronoun)]
    recent = [s for s in before if s.span[0] >= window_start]
    mentions = [
        m
        for m in _mentions(doc, index, wanted, window_start, speaker.span[0])
        if not _inside(m.span[0], quoted)
    ]
    subjects = [m for m in mentions if doc[m.head].dep_ in _SUBJECTS]
    main = [m for m in subjects if _main_clause(doc[m.head])]
    chained = _same_pronoun(doc, speaker, window_start, quoted)
    first = recent + main + ([chained] if chained is not None and depth < _CHAIN else [])
    if first:
        latest = max(first, key=lambda s: s.span[0])
        if latest is chained:
            found = resolve_pronoun(doc, latest, earlier, index, quoted, depth + 1)
            return found if found is not latest else speaker
        return latest
    for pool in (subjects, [m for m in mentions if not _modifier(doc[m.head])], before, mentions):
        if pool:
            found = max(pool, key=lambda s: s.span[0])
            if pronoun == "it" and _a_thing_since(doc, found.span[1], speaker.head, quoted):
                return speaker  # "This upcoming release introduces ... It also announces": the thing
            return found
    return speaker


def _a_thing_since(doc: Doc, char: int, head: int, quoted: Sequence[Span]) -> bool:
    """Whether a common noun is a main-clause subject between character ``char`` and the token
    ``head`` (outside quotations): "it" stands for that thing, not for a name before it."""
    for token in reversed(doc[:head]):
        if token.idx < char:
            return False
        subject = token.pos_ == "NOUN" and token.dep_ in _SUBJECTS and _main_clause(token)
        if subject and not _inside(token.idx, quoted):
            return True
    return False


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CHAIN = 5  # how many same pronouns back a chain is followed


def _inside(char: int, quoted: Sequence[Span]) -> bool:
    return any(start <= char < end for start, end in quoted)


def _main_clause(token: Token) -> bool:
    """Whether a subject is the subject of its sentence's main verb (not of a clause inside it:
    "Figgins declined to address whether Thomas slept … the night Epstein died")."""
    return token.head.dep_ == "ROOT"


def _modifier(token: Token) -> bool:
    """Whether a mention's head modifies another noun ("Ubisoft games", "Universal's music
    division", "Boeing jets"): the mention is what something belongs to, not who acts."""
    return token.dep_ in {"compound", "poss"} and token.head.pos_ in {"NOUN", "PROPN"}


def _same_pronoun(doc: Doc, speaker: Speaker, start: int, quoted: Sequence[Span]) -> Speaker | None:
    """The latest earlier use of the speaker's pronoun as a main-clause subject in the window
    (outside quotations), as a speaker to resolve in turn; None when there is none."""
    for token in reversed(doc[: speaker.head]):
        if token.idx < start:
            break
        if (token.lower_ == speaker.text.lower() and token.dep_ in _SUBJECTS and _main_clause(token)
                and not _inside(token.idx, quoted)):
            span = (token.idx, token.idx + len(token.text))
            return Speaker(token.text, span, token.i, None)
    return None


def _matches(speaker: Speaker, wanted: set[str], pronoun: str) -> bool:
    """Whether an earlier speaker can be what the pronoun stands for."""
    if speaker.label in wanted:
        return True
    return pronoun == "they" and speaker.label is None and not speaker.is_pronoun


def _window_start(doc: Doc, token_index: int) -> int:
    """The first character of the sentence ``_WINDOW_SENTENCES`` before the token's sentence, or of
    the first sentence after a heading (``spans.in_heading``) between them."""
    sentence = doc[token_index].sent
    start = sentence.start
    for _ in range(_WINDOW_SENTENCES):
        if start == 0 or in_heading(doc[start - 1]):
            break
        start = doc[start - 1].sent.start
    return int(doc[start].idx)


def _mentions(doc: Doc, index: EntityIndex, wanted: set[str], start: int, end: int) -> list[Speaker]:
    """Mentions of entities with the wanted labels between characters ``start`` and ``end``."""
    found = []
    for entity in index.entities:
        if entity.label not in wanted or entity.span[0] < start or entity.span[1] > end:
            continue
        span = doc.char_span(*entity.span, alignment_mode="expand")
        if span is None:
            continue
        speaker = describe(doc, span.root.i, index)
        if speaker.span != entity.span:
            speaker = Speaker(entity.text, entity.span, span.root.i, entity.label)
        found.append(speaker)
    return found
