"""What kind of speaker a voice is: official, former official, expert, outlet, unnamed source.

The rules, first match wins (``speaker_kind``); they read the speaker's name and the role and
organisation the analysis found beside it:

1. **outlet** — the speaker is a news organisation: one of the story's own outlets, a name ending
   in a newsroom word ("The Washington Post", "BBC News", "the Times", "Fox Business") or a wire
   agency (Reuters, the Associated Press, AFP, Bloomberg).
2. **unnamed source** — a word for a source and no person's name: "officials", "a senior
   administration official", "people familiar with the matter", "a Lumio spokesperson",
   "a spokeswoman for Neumann", "emergency officials", "sources"; not a body whose proper name
   holds such a word ("Indiana State Police").
3. **former official** — a role or name saying "former", "ex-" or "retired" before an office
   ("a former CIA chief", "former Secretary of State John Kerry").
4. **official** — a place that speaks (the analysis labels the name a GPE: "China", "the UK");
   an office in the role, the organisation or a title before the name: president, minister,
   secretary, senator, governor, mayor, judge, spokesperson, ambassador, chief negotiator, police,
   a rank ("Lt. Col."); or a public or governing body's director, head, chief, executive or
   officer ("county health director", "league executive"), a public body's agency or department
   (NASA, "the Department of Energy", "U.S. Attorney"); or a speaker named for a public body or
   an office ("Federal prosecutors", "a judge", "the White House", "the Swedish Prosecution
   Authority", "the Congressional Budget Office", "The National Institute on Drug Abuse"). A
   company's chief executive is not an official, nor a company's or a union's president (a
   president with an organisation that is no public body: "president and chief operating officer
   of SpaceX", or a role naming a union, company or association: "local president of the prison
   workers' union").
5. **expert** — an expert's role or an expert's organisation: analyst, professor, economist,
   researcher, scientist, engineer, any "-ologist"; a university, institute, think tank or centre.
   a research firm's director, a study's author ("Senior author"); or a speaker named as experts
   ("researchers", "Experts on jail suicide", "the authors of the study"). A lawyer for one side
   is not an expert (other).
6. otherwise **other** (a witness, a company's chief executive, a player, a resident).

A voice the analysis gave no role or organisation is read with the title written just before its
name anywhere in the story ("Finance minister Helena Rask resigned", "President Trump";
``title_before``).

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Literal

from broadsheet.text import name_key

SpeakerKind = Literal["official", "former official", "expert", "outlet", "unnamed source", "other"]
KINDS: tuple[SpeakerKind, ...] = ("official", "former official", "expert", "outlet",
                                  "unnamed source", "other")

_NEWSROOM = re.compile(
    r"(?:\b(?:news|times|post|journal|tribune|herald|gazette|telegraph|guardian|press|chronicle|"
    r"observer|independent|examiner|inquirer|daily|weekly|magazine|wire|broadcasting|radio|tv|"
    r"television|network|business|newspaper|dispatch|standard|register|star|sun|mail|express|"
    r"reporter|review|monitor|insider|politico|axios|cnn|bbc|cnbc|msnbc|npr|abc|nbc|cbs|pbs|"
    r"reuters|bloomberg|afp|ap|news agency)\s*$)|^(?:the\s+)?(?:associated press|agence france-presse|"
    r"reuters|bloomberg|afp|ap|cnn|bbc|npr|axios|politico|cbs|nbc|abc|fox news)\b",
    re.I,
)
_SOURCE = (r"officials?|sources?|aides?|spokes(?:person|man|woman|people)|persons?|people|"
           r"diplomats?|insiders?|advisers?|advisors?|analysts|lawmakers|administration|someone|"
           r"individuals?|staffers?|employees|members|witnesses|residents|investigators|"
           r"executives|managers|authorities|police")
_FAMILIAR = re.compile(r"^(?:\w+\s+){0,2}(?:people|persons?|sources?|officials?) familiar with\b", re.I)
_SOURCE_WORDS = re.compile(rf"\b(?:{_SOURCE})\b", re.I)
_HEAD_SOURCE = re.compile(rf"\b(?:{_SOURCE})$", re.I)
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|asked|according|added|wrote|and|or|with|by)\b",
                     re.I)
_FORMER = re.compile(r"\b(?:former|ex-|ex\s|retired|one-time|onetime|erstwhile)", re.I)
_BODY = (r"county|city|state|federal|municipal|provincial|national|regional|public|government|"
         r"league|federation|association|commission|committee|council|board|agency|ministry|"
         r"department|authority|union|party")
_OFFICE = re.compile(
    r"\b(?:president|vice president|prime minister|minister|secretary|senator|sen\.|"
    r"representative|rep\.|congress(?:man|woman)?|lawmaker|legislator|governor|gov\.|mayor|"
    r"spokes(?:person|man|woman)|ambassador|envoy|diplomat|officials?|commissioner|"
    r"(?:attorney|surgeon|inspector|secretary|solicitor|major|brigadier|lieutenant) general|"
    r"general\s+[A-Z]|gen\.|prosecutor|judge|justice|magistrate|chancellor|chief of staff|"
    r"(?:police|fire|army|navy|defen[cs]e|deputy|transit) chief|disease (?:prevention|control)|"
    r"chief (?:justice|constable|whip)|"
    r"admiral|colonel|col\.|lt\.|maj\.|commander|cmdr\.|superintendent|police|sheriff|white house|pentagon|"
    r"(?:chief|trade|peace) negotiator|"
    r"state department|kremlin|parliament|"
    r"mp|cabinet|king|queen|premier|opposition leader|party leader|speaker of|whip|mayor|"
    r"fbi|cia|nsa|united nations|nato|nasa|cdc|world health organi[sz]ation|joint chiefs|"
    r"centers? for disease control|(?:department|ministry|bureau|secretary) of|ombudsman|"
    r"(?:u\.?s\.?|district|state|county) attorney|"
    rf"(?:{_BODY})\s+(?:\w+\s+)?(?:director|head|chief|officer|executive|administrator|"
    r"manager|spokes\w+|official|chair(?:man|woman|person)?|leader|secretary))(?!\w)",
    re.I,
)
_EXPERT = re.compile(
    r"\b(?:analyst|professor|prof\.|economist|researcher|scientist|historian|scholar|expert|"
    r"fellow|lecturer|strategist|consultant|physician|doctor|dr\.|engineer|statistician|"
    r"\w+ologists?|university|college|institute|institution|think tank|foundation|center|"
    r"centre|school of|laboratory|observatory|national weather service|weather service|"
    r"research (?:director|firm|group)|market research|(?:senior|lead|study|co-?)\s*author)(?!\w)",
    re.I,
)


# A speaker named for a public body or an office and no person ("Federal prosecutors", "a judge",
# "the White House", "The utilities commission"), or for experts ("researchers").
_BODY_NAME = re.compile(
    r"\b(?:prosecutors?|judges?|courts?|department|ministr(?:y|ies)|minister|commission|government|"
    r"governor|mayor|sheriff|regulators?|parliament|senate|congress|white house|pentagon|kremlin|"
    r"ombudsman|military|police|agency|cent(?:er|re)s? for disease control|authority|office|"
    r"public defender|national institutes? (?:of|on|for))\b",
    re.I,
)
_EXPERT_NAME = re.compile(r"\b(?:experts?|researchers|scientists|economists|scholars|academics|"
                          r"historians|research (?:group|team)|"
                          r"authors of (?:the|a|an|this)\b.*\b(?:study|research|paper|report))\b", re.I)
# A president of a company or a union is no official: "president" with an organisation that is
# no public body ("president and chief operating officer of SpaceX").
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_PRESIDENT = re.compile(r"\b(?:vice )?president\b", re.I)
_PRIVATE = re.compile(r"\b(?:union|company|firm|corporation|inc\.?|association)(?!\w)", re.I)


def _official(name: str, role: str | None, organisation: str | None) -> bool:
    """Rule 4 (see the module docstring)."""
    described = " ".join(x for x in (role, organisation) if x)
    if _OFFICE.match(_ARTICLE.sub("", name)) or _BODY_NAME.search(name):
        return True
    if not _OFFICE.search(described):
        return False
    only_president = not _OFFICE.search(_PRESIDENT.sub("", described))
    private = bool(organisation and not _OFFICE.search(organisation)) or bool(_PRIVATE.search(described))
    return not (only_president and private)


def is_outlet(name: str, outlets: Collection[str] = ()) -> bool:
    """True when ``name`` is a news organisation (rule 1)."""
    key = name_key(name)
    if key and key in {name_key(o) for o in outlets}:
        return True
    if re.match(r"(?:an?|one)\s", name, re.I):
        return False  # "an insider", "a reporter": a person, not a newsroom
    return bool(key) and bool(_NEWSROOM.search(key))


def is_unnamed(name: str) -> bool:
    """True for a source without a name: "officials", "a Lumio spokesperson", "people familiar
    with the plan", "two senior officials" (rule 2)."""
    words = name.split()
    if not words or not _SOURCE_WORDS.search(name) or _named_body(words):
        return False
    if _SPOKESPERSON_FOR.match(name):
        return True
    head = " ".join(words[:3]) if len(words) > 3 else name
    if _HEAD_SOURCE.search(head.rstrip(".,")) or _FAMILIAR.search(name):
        return True
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    return not capitalised


_SPOKESPERSON_FOR = re.compile(r"^(?:an?|the|one)\s+(?:\w+\s+)?(?:spokes\w+|sources?|officials?|aides?)\s+"
                               r"(?:for|of|at|in|with|to)\b", re.I)


def _named_body(words: list[str]) -> bool:
    """Whether a source word is part of a proper name ("Indiana State Police", "Fort Worth Police
    Department"): capitalised, after the first word."""
    return any(_SOURCE_WORDS.fullmatch(w) and w[:1].isupper() for w in words[1:])


def title_before(name: str, texts: Iterable[str]) -> str | None:
    """The words just before ``name`` in one of ``texts``, when they hold an office or an expert's
    title ("Finance minister Helena Rask resigned" -> "Finance minister"); None when none do."""
    parts = name.split()
    one_word = len(parts) < 2
    if not parts or not parts[-1][:1].isupper() or (one_word and len(name) < 3):
        return None  # no proper name: "the doctor prescribed the man" gives "the man" no title
    end = r"\b(?![ \t]+[A-Z])" if one_word else r"\b"  # "President Ascom Americas" is not Ascom's
    pattern = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})" + re.escape(name) + end)
    for text in texts:
        for match in pattern.finditer(text):
            words = match.group(1).strip()
            if _SPEECH.search(words):
                continue
            if one_word and not _OFFICE.fullmatch(words.split()[-1]):
                continue  # "President Trump", not "a spokesperson for Instagram"
            if _OFFICE.search(words) or _EXPERT.search(words):
                return words
    return None


def speaker_kind(name: str, role: str | None = None, organisation: str | None = None,
                 outlets: Collection[str] = (), context: Iterable[str] = (),
                 label: str | None = None) -> SpeakerKind:
    """The kind of the speaker ``name`` with ``role`` and ``organisation`` (see the module docstring);
    without either, a title written before the name in ``context`` (the story's texts) counts.
    ``label`` is the entity label the analysis gave the name, if any: a GPE that speaks (a country,
    a state, a city: "China said") is its government, an official."""
    if not role and not organisation:
        role = title_before(name, context)
    described = " ".join(x for x in (role, organisation) if x)
    if is_outlet(name, outlets):
        return "outlet"
    if is_unnamed(name):
        return "unnamed source"
    everything = f"{described} {name}"
    if _FORMER.search(everything) and _OFFICE.search(everything):
        return "former official"
    if label == "GPE" or _official(name, role, organisation):
        return "official"
    if _EXPERT.search(described) or _EXPERT_NAME.search(name):
        return "expert"
    return "other"
