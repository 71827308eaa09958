"""A speaker's name as the analysis wrote it, cleaned for a voice (``brief.voices``): courtesy and
office titles ("Mr. Hall", "President Putin"), a focusing word, stray punctuation, an owner or a
lower-case description before a proper name, a job title before a person's name, the place after a
titled name (``clean_speaker``); the person named with a title after a speaker cut to their company
(``titled_after``), the proper name between a common noun and its cue (``named_after``), a document
named as the speaker (``document_owner``) and pronoun speakers (``is_pronoun``).
"""

from __future__ import annotations

import re

from broadsheet.model import Attribution
from broadsheet.stories.kindwords import OFFICE
from broadsheet.text import EDGE_PUNCT, HONORIFICS, name_key, word_set

_PRONOUNS = word_set(
    "i me we us you he him she her it they them his hers its their theirs our ours one who whom "
    "this that these those someone somebody anyone everyone nobody none"
)
_COURTESY = re.compile(rf"^(?:(?:{'|'.join(sorted(HONORIFICS))})\.?\s+)+", re.I)
_OFFICE = re.compile(
    r"^(?:(?:u\.?s\.?\s+)?(?:president|vice president|prime minister|chancellor|secretary|"
    r"senator|sen\.|representative|rep\.|governor|gov\.|mayor|general|gen\.|minister|"
    r"spokesperson|spokesman|spokeswoman|judge|justice|king|queen|pope|premier|"
    r"inspector|insp\.?|detective|det\.?|sergeant|sgt\.?|"  # a police rank: "Insp Ada Holt"
    r"(?:house\s+)?(?-i:Speaker))\s+)+",  # "Speaker Ada Holt": capitalised, a title (no "keynote speaker")
    re.I,
)


# A focusing word the subject was written with, before a common noun ("Even some justices", "Also
# officials"): no part of the name.
_FOCUS = re.compile(r"^(?:even|only|also|just|still|yet|but|and)\s+(?=(?-i:[a-z]))", re.I)


# A parenthesis the name was cut inside ("Sen. Bernie Sanders (Vt" of "(Vt.)"), or a member of
# Congress's party and state after the name ("Rep. Ada Holt (D-Calif.)"): no part of the name.
_OPEN_ASIDE = re.compile(r"\s*\((?:[^()]*$|[RDI](?:-[A-Z][\w.]*)?\)$)")


# The place a titled name is written with ("Representative Ada Holt of Oregon", "Mayor Ivo Dahl of
# Seattle"): no part of the name, when two words of the name come before it.
_PLACE_AFTER = re.compile(r"^((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’-]+)\s+of\s+"
                          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")


# An editor's bracket inside a name: the name's words are kept, the bracket dropped.
_EDITORS_BRACKET = re.compile(r"(?<=\w)\](?=\s+[A-Z])|(?<=\s)\[(?=[A-Z])")


def clean_speaker(raw: str) -> tuple[str, str | None]:
    """``raw`` without courtesy titles, a focusing word ("Even some justices"), possessive or stray
    punctuation, an editor's bracket ("Ada] Holt" -> "Ada Holt"), and any office title.

    Returns ``(name, office)``: "Mr. Hall" -> ("Hall", None); "President Putin" -> ("Putin",
    "President"). A name that would be left empty keeps its title ("the President" stays), and so
    does one whose title is a possessor's ("President Trump's advisers" are no president).
    """
    name = _EDITORS_BRACKET.sub("", " ".join(raw.split()))  # "Ada] Holt" of "[special counsel Ada] Holt"
    name = _OPEN_ASIDE.sub("", name.strip(EDGE_PUNCT)).strip(EDGE_PUNCT)
    name = re.sub(r"['’]s$", "", name)
    name = _COURTESY.sub("", name) or name
    name = _FOCUS.sub("", name)
    name = _without_descriptor(name)
    name = _TRAILING_PREPOSITION.sub("", name) or name  # "Police at" of "Police at first told ..."
    office = _OFFICE.match(name)
    rest = name[office.end():] if office else ""
    if office and rest[:1].isupper() and not re.search(r"['’]s\b", rest):
        return _PLACE_AFTER.sub(r"\1", rest), office.group().strip()
    titled = (_TITLED_NAME.fullmatch(name) or _LOWER_TITLED_NAME.fullmatch(name)
              or _OFFICER_NAMED.fullmatch(name))
    return (titled.group(2), titled.group(1)) if titled else (name, None)


# A preposition or a place's adverb the subject ran on into ("Police at first told workers ...", "police
# there have said"): no name ends in one.
_TRAILING_PREPOSITION = re.compile(r"\s+(?:at|in|on|of|for|to|with|from|by|after|before|during|there|here)$")


# A job title written before a person's name, capitalised, with the company before it ("Founder Ric
# Scalzo", "Holloway Events Founder and Lead Designer Cathleen Holloway"): the name is the person's.
JOB = (r"(?:Co-?)?(?:Founder|Owner|CEO|CFO|CTO|COO|Director|Designer|Planner|Manager|Editor|Chef|"
        r"Partner|Officer|Executive|Principal|Chair(?:man|woman|person)?|Coordinator|Consultant|"
        r"Specialist|Strategist|Producer|Architect|Engineer|Advis[eo]r|Coach|Trainer|Instructor|"
        r"Therapist|Tester|Curator)")
_TITLE_RUN = (rf"((?:[A-Z][\w'’&.-]*[ \t]+)*?{JOB}"
              rf"(?:[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w-]*[ \t]+)*?{JOB})*)")
_PERSON = r"([A-Z][\w'’.-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][\w'’-]+)"
_TITLED_NAME = re.compile(_TITLE_RUN + r"[ \t]+" + _PERSON)
_TITLED_AFTER = re.compile(r"[ \t]+" + _TITLE_RUN + r"[ \t]+" + _PERSON + r"(?![ \t]*[A-Z\w])")
# A title in lower case (and often a conjunction) written before a person's name, the whole read as the
# speaker ("said Holt Labs CEO and new Dahl Inc. general manager Ada Holt", "the State Department of
# Parks and Recreation deputy director Ada Holt"): the name is the person's, the rest her role.
_LOWER_JOB = (r"(?:director|manager|officer|executive|chief|president|chair(?:man|woman|person)?|"
              r"spokes(?:man|woman|person)|secretary|commissioner|administrator|analyst|head|founder|"
              r"editor|counsel|attorney|lawyer|adviser|advisor|coordinator|superintendent|supervisor|"
              r"inspector|correspondent|reporter)")
_LOWER_TITLED_NAME = re.compile(rf"([A-Z][^,]*?[ \t]{_LOWER_JOB})[ \t]+" + _PERSON)
# An office's or an officer's capitalised title before a person's name, "former" or a body's name before it
# at most and "of" a capitalised body or place after it ("Former Secretary of State Ada Holt", "Plains Auto
# Workers Secretary-Treasurer Ivo Dahl", "former Plains Gov. Ada Holt"): the name is the person's, the rest
# the title.
_CAPITAL_OFFICE = (r"(?:Secretary(?:-Treasurer)?|Treasurer|Commissioner|Comptroller|Auditor|Ambassador|"
                   r"Administrator|Superintendent|Attorney[ \t]+General|(?:Vice[ \t]+)?President|"
                   r"Governor|Gov\.|Senator|Sen\.|Representative|Rep\.|Mayor|Minister)")
_OFFICER_NAMED = re.compile(r"((?:former[ \t]+)?(?:[A-Z][\w'’&.-]*[ \t]+)*?" + _CAPITAL_OFFICE
                            + r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*)*?)?)"
                            + r"[ \t]+" + _PERSON)


def titled_after(attribution: Attribution, text: str) -> tuple[str, str] | None:
    """The person named after a speaker cut to their company, with their title ("says Estera Events
    | Co-Owner and Lead Planner Erica Vanco."), or cut to the body before an office's title and a name
    that end right before the cue ("The Plains Union President Ada Holt said"): ``(name, role)``; None
    when no title and name follow."""
    span, cue = attribution.speaker_span, attribution.cue_span
    if span is None or not attribution.speaker[:1].isupper():
        return None
    found = _TITLED_AFTER.match(text, span[1])
    if found is None and cue is not None and cue[0] > span[1]:
        found = _OFFICE_BEFORE_CUE.fullmatch(text, span[1], cue[0])
        if found is None:
            return _title_alone_named(attribution, text)
    return (found.group(2), f"{text[span[0]:span[1]]} {found.group(1)}") if found else None


def _title_alone_named(attribution: Attribution, text: str) -> tuple[str, str] | None:
    """The person named right after a speaker read as an office's title alone, every word capitalised,
    and before the cue ("Senate Minority Leader Ada Holt, D-Maine, predicted"): ``(name, title)``."""
    span, cue = attribution.speaker_span, attribution.cue_span
    if span is None or cue is None or not _TITLE_ALONE.fullmatch(attribution.speaker):
        return None
    named = _NAME_BEFORE_CUE.fullmatch(text, span[1], cue[0]) if OFFICE.search(attribution.speaker) else None
    return (named.group(1), attribution.speaker) if named else None


# A speaker read as a title alone, every word capitalised ("Senate Minority Leader"), and the person's
# name between it and the cue, a party and state after it at most (", D-Maine,", "(R-Ohio)").
_TITLE_ALONE = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
_NAME_BEFORE_CUE = re.compile(r"[ \t]+" + _PERSON + r"(?:,?[ \t]+\(?[RDI]-[A-Z][\w.]*\)?,?)?[ \t]+")
# An office's title, capitalised, and a person's name between a body read as the speaker and the cue.
_OFFICE_BEFORE_CUE = re.compile(r"[ \t]+((?:Vice[ \t]+)?(?:President|Chair(?:man|woman|person)?|"
                                r"Spokes(?:man|woman|person)|Director|Secretary))[ \t]+"
                                + _PERSON + r"[ \t]+")


# A document named as the speaker ("Schwab's 2025 RIA Benchmarking Study1", "the Dietary
# Guidelines", "The Soliant 2025 Best States for Mental Health report", "the Dietary Guidelines for
# Americans", "This Japan Travel Guide", "the Product Feed Spec"): its owner speaks, when the name says
# whose it is; otherwise no one (the words make no voice).
_DOCUMENT = re.compile(r"\b(?:report|study|studies|survey|guidelines|index|analysis|poll|(?-i:Guide)|"
                       r"spec|specs|specification|specifications)\d*"  # a guide, capitalised: no tour guide
                       r"(?:\s+\d{4}(?:\s*[–-]\s*\d{4})?)?"  # "... Market Report 2025–2030"
                       r"(?:\s+for\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)?$",  # "... for Americans"
                       re.I)
OWNER = re.compile(r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s")


def document_owner(name: str) -> str | None:
    """The owner of a document named as the speaker, "" when it names none; None for no document."""
    if not _DOCUMENT.search(name):
        return None
    owner = OWNER.match(name)
    return owner.group(1) if owner else ""


_OWNED_NAME = re.compile(r"^(?:\S+\s+){0,3}\S+['’]s\s+((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)$")
# "Data portability ... provider Veeam Software", "the Insurance company State Farm"
_DESCRIBED_NAME = re.compile(r"^(?:(?:the|a|an)\s+)?[A-Z][\w-]*((?:\s+[a-z][\w-]*)+)\s+"
                             r"([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)$")
_BODY_WORD = re.compile(r"\b(?:department|ministry|office|court|administration|agency|committee|council|"
                        r"house|team|campaign|party|government|police|army|board|commission|"
                        r"university|company|fund|bank|group|foundation|institute|center|centre)\b", re.I)
_LINKING = word_set("of for at in on to from with by about the")  # a phrase, not a description
FUNCTION_WORDS = word_set("of for and the at in on to de van von der da di la le du")
# The lower-case particles inside a person's name ("Osama bin Laden", "Ibrahim al Jaafari"): a name's
# words, no description before one ("bin" is not a descriptor of "Laden").
_NAME_PARTICLES = word_set("bin bint ibn al el del della den dos das ter ten")


def _without_descriptor(name: str) -> str:
    """A proper name without what is written before it: an owner ("theCUBE's Savannah Peterson"
    -> "Savannah Peterson") or a description in lower case ending in a noun ("Data portability and
    resilience solutions provider Veeam Software" -> "Veeam Software"; not "Secretary of State Mike
    Pompeo", whose lower-case words only link, nor "Some members of Congress", "The authors of the
    research published in the journal JAMA Psychiatry": a preposition makes a phrase)."""
    owned = _OWNED_NAME.match(name)
    if owned and not _BODY_WORD.search(owned.group(1)) and not _OFFICE.match(owned.group(1)):
        return owned.group(1)  # not "Trump's Justice Department", "Biden's White House"
    described = _DESCRIBED_NAME.match(name)
    words = described.group(1).split() if described else []
    if described and not set(words) & _LINKING and set(words) - FUNCTION_WORDS - _NAME_PARTICLES:
        return described.group(2)  # not "Some members of Congress", "A spokeswoman for Neumann"
    return name


def named_after(attribution: Attribution, text: str) -> str | None:
    """The proper name written between a speaker named by a common noun and its cue, which the
    analysis left out ("Business advisory firm Riveron announced" -> "Riveron"); None otherwise."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    words = attribution.speaker.split()
    if speaker is None or cue is None or not words or not words[-1].islower():
        return None
    gap = _NAME_GAP.fullmatch(text[speaker[1]:cue[0]])
    return gap.group(1) if gap else None


_NAME_GAP = re.compile(r"[ \t]+([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})[ \t]+"
                       r"(?:has[ \t]+|have[ \t]+)?")


def is_pronoun(name: str) -> bool:
    """True for an empty speaker or one made only of pronouns ("he", "they", "his")."""
    words = name_key(name).split()
    return all(w in _PRONOUNS for w in words)
