"""A voice's role as shown (``brief.voices``): tidied (``tidy_role``: no word it was cut after, no
next person, relative clause, principal's description, trailing courtesy title, name suffix or
dateline), none when it is the speaker's own words (``not_own_name``), made whole from the story
when cut before the name it ends in (``whole_role``), at a hyphen (``whole_word``), after the
"Director of" of the title before the name (``titled_whole``) or before a company's suffix
(``whole_company``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.storytexts import matches_from
from broadsheet.text import CALENDAR as TEXT_CALENDAR
from broadsheet.text import HONORIFICS, mentioning, mentioning_all, name_key

_DANGLING = re.compile(r"(?:[\s,;:–—-]+(?:at|to|of|for|in|and|or|with|from|on|by|the|a|an))+[\s,;:–—-]*$",
                       re.I)


def tidy_role(role: str | None) -> str | None:
    """A role without the word it was cut after ("division vice president, Nissan Sales & Regional
    Operations at" -> "... Operations"); None when nothing is left."""
    if role is None:
        return None
    role = _NEXT_PERSON.sub("", role)  # "..., and Eddie Villalba, outbound product manager"
    role = _RELATIVE.sub("", role)  # "nominee, whose loss to Ivo Dahl marked ...": the clause is no role
    role = _PRINCIPALS_DESCRIPTION.sub(r"\1", role)
    role = _TRAILING_COURTESY.sub("", role)  # "spine surgeon Dr." of "spine surgeon Dr. Ehsan Jazini"
    role = _NAME_SUFFIX.sub("", role)  # "police Chief, Jr." of "police Chief Ada Holt, Jr. said": her name's
    dated = _DATELINE.match(role)  # "CLEVELAND - Donald" of "CLEVELAND - Donald Trump laid out ...":
    if dated and re.fullmatch(r"[A-Z][\w'’.-]*", role[dated.end():]):  # a dateline and a first name
        return None
    role = role[dated.end():] if dated else role
    role = _OWNER_PRONOUN.sub("", role)  # "Her spokesman": whose, the role shown alone cannot say
    role = _RUN_ON_HEADLINE.sub("", role)  # "... brings clout to a contest Former Plains Representative":
    # a capitalised "Former" after a lower-case word opens a new sentence, a headline run into the lead
    if OWNER_ONLY.fullmatch(role.strip()):
        return None  # "BBC's" of "the BBC's Ada Holt": the organisation's possessive, no role
    return _DANGLING.sub("", " " + role).strip() or None


def not_own_name(role: str | None, speaker: str) -> str | None:
    """No role made of the speaker's own words ("Crazy" of "Crazy Lenny's E-Bikes")."""
    words = set(name_key(role or "").split())
    return None if words and words <= set(name_key(speaker).split()) else role


def whole_role(role: str | None, speaker: str, texts: Sequence[str]) -> str | None:
    """A role cut before the name it ends in, made whole from the story where the role is written
    beside the speaker ("Darren Tipton, CEO of Paris" of "..., CEO of Paris Baguette North
    America", "Chief Product Officer of data management firm" of "... firm EncompaaS"): the
    capitalised words right after it, unless they are the speaker's own name or a day or a month."""
    if not role:
        return role
    surname = speaker.split()[-1] if speaker.split() else ""
    found_in = mentioning_all(texts, role, surname + ",")
    if not found_in:
        return role  # the name is written before a comma nowhere: no pattern to build
    pattern = re.compile(rf"\b{re.escape(surname)},[ \t]+(?:(?:the|a|an)[ \t]+)?" + re.escape(role)
                         + r"((?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.&-]*)+)")
    own = set(name_key(speaker).split())
    for text in found_in:
        found = next(matches_from(pattern, text, surname), None)
        if found is None:
            continue
        run = found.group(1)
        words = {w.lower().strip(".'’") for w in run.split()}
        if words & own or words & CALENDAR or re.search(r"['’]s$", run):
            return role
        return role + run
    return role


def titled_whole(role: str | None, speaker: str, texts: Sequence[str]) -> str | None:
    """A role that is only the end of the capitalised title the story writes right before the
    speaker's name, made whole ("National Intelligence" of "Director of National Intelligence Ada
    Holt"): an office's title and "of" before it; a role with a word in lower case, or one of the
    speaker's own name, stays."""
    if not role or not speaker.split() or re.search(r"(?<![\w'’.-])[a-z]", role):
        return role
    if set(name_key(role).split()) & set(name_key(speaker).split()):
        return role  # "Plains" of "Plains Bikes": the speaker's own name
    found_in = mentioning_all(texts, role, speaker.split()[-1])
    if not found_in:
        return role
    pattern = re.compile(r"(?<![\w'’.-])(" + _TITLE_OF + ")" + re.escape(role)
                         + r"[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,2}" + re.escape(speaker.split()[-1])
                         + r"(?![\w'’-])")
    for text in found_in:
        found = pattern.search(text)
        if found:
            return found.group(1) + role
    return role


_TITLE_OF = (r"(?:(?:Deputy|Assistant|Acting|Associate|Executive|Under)[ \t]+)*"
             r"(?:Director|Secretary|Minister|Chair(?:man|woman|person)?|Head|Chief|Commissioner|"
             r"Administrator|President|Governor|Ambassador|Dean|Chancellor)[ \t]+of[ \t]+(?:the[ \t]+)?")


def _titles_the_name(role: str, speaker: str, texts: Sequence[str]) -> bool:
    """Whether the story writes the role whole as the title right before the speaker's name
    ("President Ada Holt"): no role cut at a hyphen, whatever other title the story hyphens ("the
    inauguration of President-elect Ivo Dahl" is his)."""
    if not speaker.split():
        return False
    found_in = mentioning_all(texts, role, speaker.split()[-1])
    if not found_in:
        return False
    title = re.compile(rf"(?<![\w-]){re.escape(role)}[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{0,2}}"
                       rf"{re.escape(speaker.split()[-1])}(?![\w'’-])")
    return any(next(matches_from(title, text, role), None) for text in found_in)


def whole_word(role: str | None, texts: Sequence[str], speaker: str = "") -> str | None:
    """A role cut at a hyphen made whole from the story ("associate professor ... and a co" of "... and
    a co-author", "yoga therapist, E" of "yoga therapist Holly Wilgus, E-RYT 200"): the hyphened word,
    the capitals or numbers after it and up to four words more before a stop ("co-author of the
    study,"), where the role's last part is written so; a single capital only with capitals or numbers
    after its hyphen (a party's "D" is not made "D-Money", a nickname the article writes)."""
    if not role or not role[-1].isalnum() or _titles_the_name(role, speaker, texts):
        return role
    _, comma, tail = role.rpartition(", ")
    found_in = mentioning(texts, tail + "-")
    if not found_in:
        return role  # the role's last part is hyphened nowhere
    before = r",[ \t]+" if comma else r"(?<![\w-])"
    if re.fullmatch(r"[A-Z]", tail):  # "E" of "E-RYT 200"; not a party's "D" made a nickname, "D-Money"
        pattern = re.compile(before + re.escape(tail) + r"(-[A-Z0-9][A-Z0-9-]*\b"
                             r"(?:[ \t]+[A-Z0-9][A-Z0-9-]*\b)*)")
    else:
        pattern = re.compile(before + re.escape(tail) + r"(-\w[\w-]*(?:[ \t]+[A-Z0-9][A-Z0-9-]*\b)*"
                             r"(?:(?:[ \t]+[\w'’-]+){1,4}(?=[,.;:)]))?)")  # "co-author of the study,"
    for text in found_in:
        found = pattern.search(text)
        if found:
            return role + found.group(1)
    return role


def whole_company(role: str | None, texts: Sequence[str]) -> str | None:
    """A role that opens with a company's suffix, the company's name cut before it, made whole from
    the story ("L.L.P., a public accounting firm" of "Ada Holt of Dahl L.L.P., a public accounting
    firm" -> "Dahl L.L.P., a public accounting firm"): the capitalised words the story writes right
    before it, after "of", "at", "with" or "from"."""
    if not role or not _COMPANY_SUFFIX.match(role):
        return role
    pattern = re.compile(r"\b(?:of|at|with|from)[ \t]+((?:[A-Z][\w'’&.-]*[ \t]+){1,3})" + re.escape(role))
    for text in mentioning(texts, role):
        found = pattern.search(text)
        if found:
            return found.group(1) + role
    return role


_COMPANY_SUFFIX = re.compile(r"(?:L\.?L\.?P|L\.?L\.?C|Inc|Ltd|Corp|P\.?L\.?L\.?C|P\.?C)\.?(?:,|$)")


# A news story's dateline, a place in capitals and a dash ("CLEVELAND - ", "NEW YORK (AP) — ").
_DATELINE = re.compile(r"^(?:[A-Z]{4,}|[A-Z]{2,}(?:[ \t]+[A-Z]{2,})+)(?:,[ \t]+[A-Z][\w.]*)?"
                       r"(?:[ \t]+\([A-Za-z]+\))?[ \t]*[-–—]+[ \t]*")
_TRAILING_COURTESY = re.compile(rf"[\s,]+(?:{'|'.join(sorted(HONORIFICS))})\.?$", re.I)
CALENDAR = TEXT_CALENDAR | {"today"}
_RELATIVE = re.compile(r",\s+(?:whose|who|which|where|when)\s.*$")
_NAME_SUFFIX = re.compile(r"[\s,]+(?:Jr|Sr)\.?$|[\s,]+(?:II|III|IV)$")
_RUN_ON_HEADLINE = re.compile(r"^.*\b(?!(?:the|a|an|of|to|for|in|at|and|or|from|with|on|by)\b)[a-z][\w'’-]*"
                              r"[ \t]+(?=Former[ \t]+[A-Z])", re.S)  # not "envoy to the Former Yugoslavia"
_OWNER_PRONOUN = re.compile(r"^(?:his|her|their|its)\s+(?=\S)", re.I)
OWNER_ONLY = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?")
_NEXT_PERSON = re.compile(r",?\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+,.*$")
# The description of the person a role works for, after that person's name ("spokeswoman for Speaker
# Paul Ryan, Republican of Wisconsin", "aide to Sen. Ada Holt, the Texas Democrat"): his, not hers.
_PRINCIPALS_DESCRIPTION = re.compile(r"(\b(?:for|to)\s+(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+"
                                     r"(?:Republican|Democrat|[RDI]-|(?:a|an|the|who)\s).*$")
