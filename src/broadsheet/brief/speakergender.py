"""Who a "he" or "she" speaker is when the analysis gave it the wrong person (``pronoun_person``).

The analysis resolves "he" and "she" alike to the nearest person; it reads no gender. The article
does: a courtesy title written with a surname ("Mr. Dahl", "Mrs. Holt") or a kin apposition ("his
wife, Ada Holt"). A "he" or "she" given to a person the article writes as the other gender is the
one person its sentence or the sentence before writes with a title of the pronoun's gender ("When
she noticed Mr. Dahl, ..., he said"); a surname speaker whose words open with "he" or "she" ("Holt
has suggested that he will ...") given to the other gender is the one other person the article
names in full with that surname. A "he" or "she" opening its sentence after a sentence whose
subject is a person written after an outlet's possessive ("Plains News’ Ivo Dahl noticed that ...
He commented that ...", a name the analysis reads as an organisation) is that person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.brief.nonspeakers import sentence_starts
from broadsheet.model import Attribution, Entity
from broadsheet.stories.outlets import is_outlet
from broadsheet.text import name_key

_TITLED = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+([A-Z][\w'’-]+)")
_FEMALE_TITLES = frozenset({"Mrs", "Ms", "Miss"})
_KIN = {"wife": "f", "mother": "f", "daughter": "f", "sister": "f", "widow": "f",
        "husband": "m", "father": "m", "son": "m", "brother": "m", "widower": "m"}
_KIN_WORDS = "|".join(_KIN)
_WORDS_OPEN = re.compile(r"\s*(?:that[ \t]+)?(he|she)\b", re.I)
# "Plains News’ Ivo Dahl noticed": an outlet's possessive, a person's two or three capitalised words, a verb.
_OUTLETS_PERSON = re.compile(r"\s*((?:[A-Z][\w.&-]*[ \t]+){0,3}[A-Z][\w.&-]*)(?:['’]s?|’)[ \t]+"
                             r"((?:[A-Z][\w'-]+[ \t]+){1,2}[A-Z][\w'-]+)[ \t]+[a-z]+ed\b")


def pronoun_person(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The person a "he" or "she" speaker (or a surname whose words open with one) stands for where the
    analysis gave it someone else (see the module docstring); None to keep the analysis's."""
    span = attribution.speaker_span
    if span is None or not attribution.content.strip():
        return None
    written = text[span[0]:span[1]]
    pronoun = written.lower() if written.lower() in ("he", "she") else None
    if pronoun is not None:
        return _outlets_person(text, span[0]) or _titled_near(attribution, text, span[0], pronoun, entities)
    opens = _WORDS_OPEN.match(attribution.content)
    if opens is None or " " in written.strip() or not written[:1].isupper():
        return None
    return _other_of_surname(attribution.speaker, written.strip(), text, opens.group(1).lower(), entities)


def gender_of(person: str, text: str, before: int) -> str | None:
    """ "m" or "f" as the article writes ``person`` before character ``before``: a kin apposition of the
    full name ("his wife, Ada Holt"; "Ada Holt, his wife"), else the nearest courtesy title written with
    the surname; None when the article writes neither."""
    full = re.escape(" ".join(person.split()))
    kin = re.search(rf"\b(?:his|her)[ \t]+({_KIN_WORDS}),[ \t]+{full}\b|"
                    rf"\b{full},[ \t]+(?:his|her)[ \t]+({_KIN_WORDS})\b", text)
    if kin:
        return _KIN[(kin.group(1) or kin.group(2)).lower()]
    surname = person.split()[-1] if person.split() else ""
    titles = [m.group(1) for m in _TITLED.finditer(text, 0, before) if m.group(2) == surname]
    return None if not titles else "f" if titles[-1] in _FEMALE_TITLES else "m"


def _titled_near(attribution: Attribution, text: str, at: int, pronoun: str,
                 entities: Sequence[Entity]) -> str | None:
    """The one person written with a courtesy title of ``pronoun``'s gender in its sentence or the one
    before, when the analysis gave the pronoun a person of the other gender."""
    wanted = "m" if pronoun == "he" else "f"
    given = gender_of(attribution.speaker, text, at)
    if given is None or given == wanted:
        return None
    window = sentence_starts(text, at)[-1]
    surnames = {m.group(2) for m in _TITLED.finditer(text, window, at)
                if ("f" if m.group(1) in _FEMALE_TITLES else "m") == wanted}
    if len(surnames) != 1:
        return None
    (surname,) = surnames
    return _full_name(surname, entities) or surname


def _other_of_surname(given: str, surname: str, text: str, pronoun: str,
                      entities: Sequence[Entity]) -> str | None:
    """The one other person the article names in full with ``surname`` when ``given`` (the analysis's)
    is written as the other gender than ``pronoun``'s."""
    wanted = "m" if pronoun == "he" else "f"
    if len(given.split()) < 2 or given.split()[-1] != surname or gender_of(given, text, len(text)) in (
            None, wanted):
        return None
    others = {key: name for key, name in _full_names(surname, entities).items() if key != name_key(given)}
    if len(others) != 1:
        return None
    (other,) = others.values()
    return None if gender_of(other, text, len(text)) not in (None, wanted) else other


def _full_name(surname: str, entities: Sequence[Entity]) -> str | None:
    """The one full name (two words or more) the analysis recognised with ``surname`` last."""
    names = _full_names(surname, entities)
    return next(iter(names.values())) if len(names) == 1 else None


def _full_names(surname: str, entities: Sequence[Entity]) -> dict[str, str]:
    """Every person the analysis recognised in full (two words or more) with ``surname`` last, by key."""
    names = (" ".join((e.canonical or e.text).split()) for e in entities if e.label == "PERSON")
    return {name_key(name): name for name in names if len(name.split()) >= 2 and name.split()[-1] == surname}


def _outlets_person(text: str, at: int) -> str | None:
    """The person opening the sentence before as its subject, written after an outlet's possessive,
    when the pronoun at ``at`` opens its own sentence."""
    starts = sentence_starts(text, at)
    if len(starts) < 2 or text[starts[0]:at].strip(" \t\"“"):
        return None
    found = _OUTLETS_PERSON.match(text, starts[1])
    if found is None or found.end() > starts[0] or not is_outlet(found.group(1)):
        return None
    return found.group(2)
