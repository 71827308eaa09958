"""What kind of speaker a voice is: official, former official, expert, outlet, unnamed source.

The rules, first match wins (``speaker_kind``); they read the speaker's name and the role and
organisation the analysis found beside it:

1. **outlet** — the speaker is a news organisation: one of the story's own outlets, a name ending
   in a newsroom word ("The Washington Post", "BBC News", "the Times", "Fox Business", "The news
   organization", "the San Diego Union-Tribune": after a hyphen too; not a person counted, "At least
   one GOP insider") or a wire agency (Reuters, the
   Associated Press, AFP, Bloomberg); and, when no
   rule below fits, a name the story writes as a newsroom reporting ("Deadline reports that",
   "..., Kan reported on Wednesday.", "The Wrap's report", "as reported by MarketScreener":
   ``reports_news``; never a college, an institute or another body whose reports are findings).
2. **unnamed source** — a word for a source and no person's name: "officials", "a senior
   administration official", "people familiar with the matter", "a Lumio spokesperson",
   "a spokeswoman for Neumann", "A representative for the platform", "emergency officials",
   "sources", "Razer representatives"; not a body whose proper name holds such a word ("Indiana
   State Police"), nor an administration (a government: "the Biden administration" is an official).
3. **former official** — a role or name saying "former", "ex-" or "retired" before an office
   ("a former CIA chief", "former Secretary of State John Kerry").
4. **official** — a place that speaks (the analysis labels the name a GPE: "China", "the UK"); an office
   in the role, the organisation or a title before the name: president, minister, secretary, senator,
   governor, mayor, judge, spokesperson, ambassador, chief negotiator, police, a rank ("Lt. Col."), a
   highway patrol's officer or a state trooper; or a public or governing body's director, head, chief,
   executive or officer ("county health director", "league executive"), a public body's agency or
   department (NASA, "the Department of Energy", "U.S. Attorney", a director of "the Office of Management
   and Budget": an Office of a capitalised name); a Speaker (the title written with its capital, not a
   keynote, guest, featured, motivational or public speaker); a member of a Senate or House committee
   ("top Democrat on the Senate Intelligence Committee"; not a party's "Democratic Congressional Campaign
   Committee"); or a speaker named for a public body or an office ("Federal prosecutors", "a judge", "the
   White House", "the Swedish Prosecution Authority", "the Congressional Budget Office", "The National
   Institute on Drug Abuse", "The city council": a council of a city, a town, a county or a state; not
   "the Council on ...", a think tank). A company's chief executive is not an official, nor a company's
   or a union's president or spokesperson (a president or spokesperson with an organisation that is no
   public body: "president and chief operating officer of SpaceX", "spokesperson for Instagram", or a
   role naming a union, company or association: "local president of the prison workers' union"); a public
   bank's is ("president of the Federal Reserve Bank of New York"). A speaker named for the office it
   holds is one ("China's ambassador to Britain", "A California transit chief", "a career Army officer";
   not "a Taliban representative"), and so is an embassy, customs, an administration ("the Drug
   Enforcement Administration"), the European Union, or an acronym the story spells out as one ("DEA",
   "CBP": ``spelled_out``), or a president of one ("CPUC President Marybel Batjer"), or an officer of one
   written before the title ("DAE Additional Director Dr Azizur Rahman", the Department of Agricultural
   Extension). An intergovernmental body (the UN and its agencies written by their initials, "UNHCR",
   "UNICEF"; NATO, the IMF, the World Bank) is a public one, and so is an abbreviation the story gives a
   body's name to in brackets, whatever its letters ("the Central Election Commission (TsIK)"). A body
   word counts only as the head of the name ("Box Office Mojo" is no office). A bare "president" the
   story also calls a chief executive ("chairman, CEO and president Craig Menear") is a company's
   (``runs_a_company``). A member of Congress's party and state ("Senate Majority Leader, R-Ky.",
   "Oversight Chairman, R-Utah"), a majority or minority leader, a city attorney, the Census and a bureau
   (not a farm or business bureau) are officials; a campaign's spokesman or press secretary is not
   ("Trump campaign spokesman"), nor a campaign's, a union's or a company's officials ("Three senior Holt
   campaign officials"); "Chief" written as the title before a name is a police or fire chief's
   ("according to Chief Ada R. Holt"), and a member of Congress written by party and state ("Ada Holt,
   Republican of Kentucky") holds a seat; "Justice" is an office alone, after an article or a court, or
   as a title before a name, not a surname ("Jim Justice") nor a field ("the Center of Media Justice").
5. **expert** — an expert's role or an expert's organisation: analyst, professor, economist,
   researcher, any scientist ("neuroscientist"), engineer, any "-ologist"; a university, institute,
   think tank or centre; "the authors" in a story that tells of a study.
   a research firm's director, a head of research ("Head of Research at ICICI Securities"), a
   study's author ("Senior author"), a university department's member (its "Department of" is no
   public body's); or a speaker named as experts
   ("researchers", "Experts on jail suicide", "the authors of the study"). A lawyer for one side
   is not an expert (other), whatever the organisation: a role naming a lawyer, an attorney or a
   counsel with no expert's word of its own ("senior lawyer with the Center for Biological
   Diversity") is no expert's; nor is a centre or a foundation named for a cause ("the Center of
   Media Justice", "... for Reproductive Rights"): an advocacy group.
6. otherwise **other** (a witness, a company's chief executive, a player, a resident).

A voice the analysis gave no role or organisation is read with the title written just before its
name anywhere in the story ("Finance minister Helena Rask resigned", "President Trump";
``title_before``; after a conjunction too: "..., D-N.Y., and Sen. Ada Holt") and the description just
after it ("Howitt, who is now an immunologist at Stanford University", "Kurt Volker, the former special
envoy to Ukraine", "Ada Holt, Republican of Kentucky"; ``description_after``).

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
    r"reuters|bloomberg|afp|ap|news agency|news organi[sz]ation|news outlet|outlet)\s*$)|"
    r"^(?:the\s+)?(?:associated press|agence france-presse|"
    r"reuters|bloomberg|afp|ap|cnn|bbc|npr|axios|politico|cbs|nbc|abc|fox news)\b",
    re.I,
)
_SOURCE = (r"officials?|sources?|aides?|spokes(?:person|man|woman|people)|persons?|people|"
           r"diplomats?|insiders?|advisers?|advisors?|analysts|lawmakers|someone|"
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
_PARTY = r"(?:Republican|Democrat|Independent)"  # a member of Congress's, with "of" and a state
_OFFICE = re.compile(
    r"\b(?:president|vice president|prime minister|minister|secretary|senator|sen\.|"
    r"representative|rep\.|congress(?:man|woman)?|lawmaker|legislator|governor|gov\.|mayor|"
    r"spokes(?:person|man|woman)|ambassador|envoy|diplomat|officials?|commissioner|"
    r"(?:attorney|surgeon|inspector|secretary|solicitor|major|brigadier|lieutenant) general|"
    r"general\s+[A-Z]|gen\.|prosecutor|judge|magistrate|chancellor|chief of staff|"
    # a justice: the word alone, after an article or a court, or a title before a name ("Justice
    # Kennedy", "the Justice Department"); not a surname ("Jim Justice") nor a field ("the Center of
    # Media Justice", "an environmental justice group")
    r"(?:^|(?<=\bthe )|(?<=\ba )|(?<=\bsome )|(?<=\bchief )|(?<=\bassociate )|(?<=\bcourt ))justices?|"
    r"(?-i:Justice(?=\s+[A-Z]))|"
    r"(?:majority|minority) leader|"
    # a member of Congress written by party and state ("Republican of Kentucky")
    rf"(?-i:{_PARTY} of(?= [A-Z]))|"
    # a member of Congress's party and state ("R-Ky.", "D-Calif.", "R-Utah", "R-S.C.")
    r"(?-i:(?<![\w-])[RDI]-(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2}|Utah|Iowa|Ohio|Maine|Texas|Idaho|Alaska|Hawaii))|"
    r"(?:police|fire|army|navy|defen[cs]e|deputy|transit) chief|disease (?:prevention|control)|"
    r"chief (?:justice|constable|whip)|(?-i:Constable)|sergeant|sgt\.|"
    r"admiral|colonel|col\.|lt\.|maj\.|commander|cmdr\.|superintendent|police|sheriff|white house|pentagon|"
    r"(?:chief|trade|peace) negotiator|"
    r"state department|kremlin|parliament|"
    r"mp|cabinet|king|queen|premier|opposition leader|party leader|speaker of|whip|mayor|"
    r"(?:house|assembly|senate) speaker|(?:public )?prosecution|"
    r"(?<!keynote )(?<!guest )(?<!featured )(?<!motivational )(?<!public )(?-i:Speaker)|"
    r"(?-i:Office of (?:the )?[A-Z][\w'’.-]*)|(?:senate|house) (?:[\w-]+ ){0,3}committee|"
    r"(?:army|police|military|naval|navy|border|customs|correctional|probation|patrol) officers?|"
    r"highway patrol|state troopers?|"
    r"fbi|cia|nsa|united nations|nato|nasa|cdc|world health organi[sz]ation|joint chiefs|"
    # the United Nations' agencies by their initials ("UNHCR spokesman Ada Holt")
    r"(?-i:UN(?:HCR|ICEF|ESCO|RWA|DP|EP|FPA|CTAD|IDO|AIDS|OCHA)|OCHA)|"
    r"international monetary fund|imf|world bank|world trade organi[sz]ation|"
    r"centers? for disease control|(?:department|ministry|bureau|secretary) of|ombudsman|"
    r"(?:u\.?s\.?|district|state|county|city) attorney|"
    rf"(?:{_BODY})\s+(?:\w+\s+)?(?:director|head|chief|officer|executive|administrator|"
    r"manager|spokes\w+|official|chair(?:man|woman|person)?|leader|secretary)|"
    r"(?:head|director|chief|administrator) of (?:the )?(?:[\w'’.-]+ ){0,3}(?:ministry|government))(?!\w)",
    re.I,
)
_EXPERT = re.compile(
    r"\b(?:analyst|professor|prof\.|economist|researcher|\w*scientist|historian|scholar|expert|"
    r"fellow|lecturer|strategist|consultant|physician|surgeon|psychiatrist|doctor|dr\.|engineer|statistician|"
    r"\w+ologists?|university|college|institute|institution|think tank|foundation|center|"
    r"centre|school of|laboratory|observatory|national weather service|weather service|"
    r"research (?:director|firm|group)|market research|(?:senior|lead|study|co-?)\s*author|"
    r"(?:head|director|chief) of (?:\w+\s+)?research)(?!\w)",
    re.I,
)


# A speaker named for a public body or an office and no person ("Federal prosecutors", "a judge",
# "the White House", "The utilities commission"), or for experts ("researchers").
_BODY_NAME = re.compile(
    r"\b(?:prosecutors?|judges?|courts?|department|ministr(?:y|ies)|minister|commission|government|"
    r"governor|mayor|sheriff|regulators?|parliament|senate|congress|white house|pentagon|kremlin|"
    r"ombudsman|military|police|agency|cent(?:er|re)s? for disease control|authority|office|"
    r"public defender|national institutes? (?:of|on|for)|embassy|consulate|customs|administration|treasury|"
    r"census|(?<!business )(?<!farm )bureau|"
    r"border (?:protection|patrol|force)|european (?:union|commission|parliament|council)|"
    r"(?:city|town|county|village|municipal|district|borough|parish|state|provincial|regional) council)\b",
    re.I,
)
_EXPERT_NAME = re.compile(r"\b(?:experts?|researchers|scientists|economists|scholars|academics|"
                          r"historians|research (?:group|team)|"
                          r"authors of (?:the|a|an|this)\b.*\b(?:study|research|paper|report))\b", re.I)
# "the authors", "the study's authors": a study's when the story tells of one.
_AUTHORS = re.compile(r"^(?:the|its|their)\s+(?:[\w'’]+\s+)?(?:co-?)?authors$", re.I)
_STUDY = re.compile(r"\b(?:study|studies|research|paper|trial|survey)\b", re.I)
# A president of a company or a union is no official: "president" with an organisation that is
# no public body ("president and chief operating officer of SpaceX").
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_PRESIDENT = re.compile(r"\b(?:(?:vice )?president|spokes(?:person|man|woman)|press secretary)\b", re.I)
_PRIVATE = re.compile(r"\b(?:union|company|firm|corporation|inc\.?|association|campaign)(?!\w)", re.I)
_PUBLIC = re.compile(r"\b(?:federal|government|ministry|department|agency|commission|council|authority|"
                     r"county|municipal|public|parliament|senate|national security)\b", re.I)
# Where a speaker's name is cut to its head: "China's ambassador to Britain" -> "China's ambassador".
_HEAD_END = re.compile(r"\s+(?:of|to|for|at|in|with|from|on)\s.*$", re.I)


def _official(name: str, role: str | None, organisation: str | None) -> bool:
    """Rule 4 (see the module docstring); an acronym written with full stops is read without them
    ("F.B.I. agents" as "FBI agents")."""
    name, role = _undotted(name), role and _undotted(role)
    organisation = organisation and _undotted(organisation)
    described = " ".join(x for x in (role, organisation) if x)
    if _OFFICE.match(_ARTICLE.sub("", name)) or _body_named(name) or _named_for_office(name):
        return True
    if role and _CHIEF_TITLE.fullmatch(role.strip()):
        return True  # "Chief Ada R. Holt": a police or fire chief's title, written before the name
    offices = [m.group() for m in _OFFICE.finditer(described)]
    if not offices or (_ACADEMIC.search(described) and all(_DEPARTMENT.fullmatch(o) for o in offices)):
        return False  # no office, or a university's department ("Department of Health Sciences at
        # the University of York"): an expert's
    rest = _PRESIDENT.sub("", described)
    if _OFFICE.search(rest):
        return True
    # The only office is a president's or a spokesperson's: official for a public body (or none
    # named), not for a company, a union or any other organisation.
    if _PRIVATE.search(described):
        return False
    return not organisation or bool(_PUBLIC.search(rest) or _BODY_NAME.search(rest))


# "Chief" alone as the title before a name, capitalised ("according to Chief Ada R. Holt"); a company's
# chief is written with the office ("Chief Executive Ada Holt").
_CHIEF_TITLE = re.compile(r"(?:(?:Deputy|Assistant|Acting|Interim)\s+)?Chief\.?")
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")


def _undotted(text: str) -> str:
    """``text`` with its acronyms written with full stops closed up ("F.B.I." -> "FBI")."""
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), text)


def _body_named(name: str) -> bool:
    """Whether ``name`` names a public body or an office by a body word that heads it, not one a
    further proper name follows ("the Congressional Budget Office", not "Box Office Mojo")."""
    return any(m.group().endswith((" of", " on", " for")) or not re.match(r"\s+[A-Z]", name[m.end():])
               for m in _BODY_NAME.finditer(name))


def _named_for_office(name: str) -> bool:
    """Whether a speaker with no person's name is named for an office it holds: the head of its
    name is an office ("China's ambassador to Britain", "A California transit chief", "a career
    Army officer", "Some senators"), not a possessor's ("President Trump's advisers")."""
    head = re.sub(r"(?<=[a-z])s$", "", _HEAD_END.sub("", name).strip())  # "Some senators": a senator's
    last = list(_OFFICE.finditer(head))
    if not last or last[-1].end() != len(head) or re.search(r"['’]s$", last[-1].group()):
        return False
    if _PRESIDENT.fullmatch(last[-1].group()) and _PRIVATE.search(head):
        return False  # "a Clinton campaign spokesman": a campaign's, no public body's
    if _PRIVATE_BEFORE.search(head, 0, last[-1].start()):
        return False  # "Three senior Holt campaign officials", "union officials": no public body's
    return not _ELECTED.fullmatch(last[-1].group())  # "a Taliban representative" holds no seat


_PRIVATE_BEFORE = re.compile(_PRIVATE.pattern + r"\s+$", re.I)
_ACADEMIC = re.compile(r"\b(?:university|college|school of|institute of technology)\b", re.I)
_DEPARTMENT = re.compile(r"(?:department|office) of(?: the)?(?: [A-Z][\w'’.-]*)?", re.I)
_ELECTED = re.compile(r"representative|rep\.", re.I)


def is_outlet(name: str, outlets: Collection[str] = ()) -> bool:
    """True when ``name`` is a news organisation (rule 1)."""
    key = name_key(name)
    if key and key in {name_key(o) for o in outlets}:
        return True
    if _COUNTED.match(name):
        return False  # "an insider", "a reporter", "At least one GOP insider": a person, not a newsroom
    # a newsroom word after a hyphen counts ("the San Diego Union-Tribune", "Post-Gazette")
    return bool(key) and bool(_NEWSROOM.search(key) or _NEWSROOM.search(name_key(name.replace("-", " "))))


_COUNTED = re.compile(r"(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than)\s+)?"
                      r"(?:an?|one|two|three|four|five|six|several|some|many)\s", re.I)


def reports_news(name: str, texts: Iterable[str], label: str | None = None) -> bool:
    """Whether the story writes ``name`` as a newsroom that reports (rule 1): "Deadline reports that
    Paramount ...", "..., Kan reported on Wednesday.", "The Wrap's report today claims" -- the
    verb with no object of its own ("Home Depot reported third-quarter earnings" is a company's
    results) or a possessive report; never a person's name (a reporter is a person)."""
    words = name.split()
    if label == "PERSON" or not words or not words[-1][:1].isupper() or _INSTITUTION.search(name):
        return False
    named = re.escape(_ARTICLE.sub("", name))
    pattern = re.compile(rf"\b{named}\s+(?:(?:first|also|previously|later|originally)\s+)?report(?:s|ed)\b"
                         rf"(?=\s+(?:that|on\s+\w+day|\w+day|earlier|last|this|late|citing)\b|\s*[.,;])|"
                         rf"\b{named}['’]s\s+(?:\w+\s+)?(?:report|reporting|story|scoop)\b|"
                         rf"\bas\s+(?:first\s+|previously\s+)?reported\s+(?:by|in)\s+(?:the\s+)?{named}\b")
    return any(pattern.search(text) for text in texts)


# A college, an institute, a society: a body whose reports are its findings, no newsroom's.
_INSTITUTION = re.compile(r"\b(?:college|university|institute|society|association|academy|foundation|"
                          r"federation|council|board|agency|department|ministry|centers?|centres?)\b", re.I)


def is_unnamed(name: str) -> bool:
    """True for a source without a name: "officials", "a Lumio spokesperson", "people familiar
    with the plan", "two senior officials" (rule 2)."""
    words = name.split()
    representative = _REPRESENTATIVE_FOR, _A_REPRESENTATIVE, _REPRESENTATIVES
    if words and any(pattern.match(name) for pattern in representative):
        return True  # "A representative for the platform", "Their company representative": unnamed
    if not words or not _SOURCE_WORDS.search(name) or _named_body(words):
        return False
    if _SPOKESPERSON_FOR.match(name):
        return True
    head = " ".join(words[:3]) if len(words) > 3 else name
    if _HEAD_SOURCE.search(head.rstrip(".,")) or _FAMILIAR.search(name):
        return True
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    return not capitalised


_REPRESENTATIVE_FOR = re.compile(r"^(?:an?|one)\s+(?:\w+\s+)?representative\s+(?:for|of|at|from)\s+"
                                 r"(?:the|an?|its|their|his|her)\s+[a-z]", re.I)
# "a company representative", "Their company representative"; not "a Taliban representative"
_A_REPRESENTATIVE = re.compile(r"^(?:[Aa]n?|[Oo]ne|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)\s+"
                               r"(?:[a-z][\w-]*\s+)?representative$")
# "Razer representatives", "company representatives": a body's people, unnamed; not "representatives of ..."
_REPRESENTATIVES = re.compile(r"^(?:[\w&'’.-]+\s+){1,3}representatives$")
_SPOKESPERSON_FOR = re.compile(r"^(?:an?|the|one)\s+(?:\w+\s+)?(?:spokes\w+|sources?|officials?|aides?)\s+"
                               r"(?:for|of|at|in|with|to)\b", re.I)


def _named_body(words: list[str]) -> bool:
    """Whether a source word is part of a proper name ("Indiana State Police", "Fort Worth Police
    Department"): capitalised, after the first word."""
    return any(_SOURCE_WORDS.fullmatch(w) and w[:1].isupper() for w in words[1:])


def runs_a_company(name: str, texts: Iterable[str]) -> bool:
    """Whether the story calls ``name`` a chief executive, right before the name ("chairman, CEO
    and president Craig Menear", "said CEO Craig Menear") or in an apposition after it ("Tim
    Cook, Apple's chief executive"): a bare "president" is then a company's."""
    parts = name.split()
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return False
    named = "|".join(re.escape(n) for n in (name, parts[-1]))
    pattern = re.compile(rf"\b{_CHIEF_EXECUTIVE}(?:,?\s+(?:and\s+)?[a-z][\w-]*){{0,3}}\s+(?:{named})\b|"
                         rf"\b(?:{named}),\s+(?:[\w'’&.-]+\s+){{0,4}}{_CHIEF_EXECUTIVE}")
    return any(pattern.search(text) for text in texts)


_CHIEF_EXECUTIVE = r"(?:CEO|chief executive(?: officer)?)\b"
# The end of a sentence inside the words before a name: a word of four lower-case letters or more
# and a stop ("industry."; not "Sen.", "Capt."), or a question or exclamation mark.
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{4}\.)|(?<=[!?]))\s+")


def title_before(name: str, texts: Iterable[str]) -> str | None:
    """The words just before ``name`` in one of ``texts``, when they hold an office or an expert's
    title ("Finance minister Helena Rask resigned" -> "Finance minister"), within its sentence (not
    "... the region's call centre industry. Lumio said"), with a "former" before its four words
    ("former White House Russia adviser Ada Holt"); None when none do."""
    parts = name.split()
    one_word = len(parts) < 2
    if not parts or not parts[-1][:1].isupper() or (one_word and len(name) < 3):
        return None  # no proper name: "the doctor prescribed the man" gives "the man" no title
    end = r"\b(?![ \t]+[A-Z])" if one_word else r"\b"  # "President Ascom Americas" is not Ascom's
    pattern = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})" + re.escape(name) + end)
    for text in texts:
        for match in pattern.finditer(text):
            words = _SENTENCE_END.split(match.group(1))[-1].strip()  # "... centre industry. Lumio said"
            words = _SPEECH.split(words)[-1].strip()  # "D-N.Y., and Sen. Ada Holt": "Sen."
            if not words:
                continue
            if one_word and not _OFFICE.fullmatch(words.split()[-1]):
                continue  # "President Trump", not "a spokesperson for Instagram"
            if _OFFICE.search(words) or _EXPERT.search(words):
                whole = words == match.group(1).strip()  # "former White House Russia adviser Ada Holt"
                former = _FORMER_BEFORE.search(text, 0, match.start(1)) if whole else None
                return f"{former.group(1)} {words}" if former else words
    return None


_FORMER_BEFORE = re.compile(r"\b(former|ex-|retired|one-time|onetime)\s+$", re.I)


def description_after(name: str, texts: Iterable[str]) -> str | None:
    """The words just after ``name`` in one of ``texts`` that describe it with an office or an
    expert's title: an apposition ("Owen John Dempsey, a consultant chest physician at …"), a
    relative "who is" ("Howitt, who is now an immunologist at Stanford University") or an "of the"
    body ("Penelope Muse Abernathy of the University of North Carolina"), after a degree or two
    ("Nadia Parr, MD, an internal medicine physician at ..."); the name may be written
    by its last word alone ("said Howitt, who is …"). None when none does."""
    parts = name.split()
    if not parts or not parts[-1][:1].isupper():
        return None
    proper = all(p[:1].isupper() for p in parts)  # a person's name, not "Volker and Morrison"
    forms = (name, parts[-1]) if proper else (name,)
    names = "|".join(re.escape(n) for n in dict.fromkeys(forms) if len(n) > 2)
    pattern = re.compile(rf"\b(?:{names})" + _DESCRIBED)
    for text in texts:
        for match in pattern.finditer(text):
            words = match.group(1).strip()
            if _PARTY_OF_STATE.match(words) and not match.group().startswith(name):
                continue  # "Ada Holt, Republican of Ohio" is hers, not her husband's, "Ivo Holt"
            if _OFFICE.search(words) or _EXPERT.search(words) or _FORMER.search(words):
                return words
    return None


_PARTY_OF_STATE = re.compile(rf"{_PARTY}\s+of\s")


_DESCRIBED = (r"(?:,\s+(?:M\.?D|Ph\.?D|D\.?O|R\.?N|MPH|MBA|DDS|DVM|PsyD)\.?)*"  # "Parr, MD, an internist"
              r"(?:,\s+(?:who\s+is\s+(?:now\s+)?)?(?:an?|the)\s+|\s+of\s+(?=the\s+[A-Z])|"
              rf",\s+(?={_PARTY}\s+of\s+[A-Z]))"  # "Ada Holt, Republican of Ohio"
              r"([^,.;:()\"“”]{3,120})")
_ACRONYM = re.compile(r"(?:the\s+)?([A-Z]{2,6})")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:and|of|for|on|the|&)\s+)*[A-Z][\w'’.-]*)*")
_LINKS = frozenset({"and", "of", "for", "on", "the", "&"})


def spelled_out(name: str, texts: Iterable[str]) -> str | None:
    """The words an acronym speaker stands for in ``texts`` ("DEA" -> "Drug Enforcement
    Administration", "CBP" -> "Customs and Border Protection"): the first run of capitalised words
    whose initials spell it (linking "and", "of", "for" aside); None for no acronym or no run."""
    acronym = _ACRONYM.fullmatch(name.strip())
    if acronym is None:
        return None
    letters = acronym.group(1)
    for text in texts:
        for run in _CAPITALISED_RUN.finditer(text):
            words = [w for w in run.group().split() if w.lower() not in _LINKS]
            for start in range(len(words) - len(letters) + 1):
                window = words[start : start + len(letters)]
                if "".join(w[0] for w in window) == letters and not all(w.isupper() for w in window):
                    return _span_of(run.group(), window)
    return None


def _defined_before(name: str, texts: Iterable[str]) -> str | None:
    """The name an abbreviation is given in brackets right after ("the country's Central Election
    Commission (TsIK)": whatever its letters, a transliteration's too); None when the story gives
    none."""
    short = _ABBREVIATION.fullmatch(name.strip())
    if short is None:
        return None
    pattern = re.compile(rf"({_CAPITALISED_RUN.pattern})[ \t]*\([ \t]*{re.escape(short.group(1))}[ \t]*\)")
    for text in texts:
        found = pattern.search(text)
        if found and len(found.group(1).split()) > 1 and not found.group(1).isupper():
            return found.group(1)  # not a dateline's place, "NEW YORK (AP)"
    return None


# An abbreviation: two to eight letters, two capitals at least ("DEA", "TsIK", "MoD").
_ABBREVIATION = re.compile(r"(?:the\s+)?((?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,7})")


def _acronym_body_before(name: str, texts: Iterable[str]) -> str | None:
    """The body an acronym written before the speaker's title and name stands for ("DAE Additional
    Director Dr Azizur Rahman", with "Department of Agricultural Extension (DAE)" in the story; three
    letters at least: "US President" is no body);
    None when there is none or the story does not spell it out."""
    parts = name.split()
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return None
    pattern = re.compile(r"\b([A-Z]{3,6})\s+(?:[A-Z][\w-]*\s+){1,3}(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?"
                         + re.escape(name) + r"\b")
    texts = list(texts)
    for text in texts:
        for match in pattern.finditer(text):
            body = spelled_out(match.group(1), texts)
            if body:
                return body
    return None


def _span_of(run: str, words: list[str]) -> str:
    """The part of ``run`` from the first to the last of ``words`` (its linking words kept)."""
    start = run.index(words[0])
    end = run.index(words[-1], start) + len(words[-1])
    return run[start:end]


def speaker_kind(name: str, role: str | None = None, organisation: str | None = None,
                 outlets: Collection[str] = (), context: Iterable[str] = (),
                 label: str | None = None) -> SpeakerKind:
    """The kind of the speaker ``name`` with ``role`` and ``organisation`` (see the module docstring);
    without either, a title written before the name in ``context`` (the story's texts) counts.
    ``label`` is the entity label the analysis gave the name, if any: a GPE that speaks (a country,
    a state, a city: "China said") is its government, an official. An acronym is read with the
    words it stands for in ``context`` too ("DEA": the Drug Enforcement Administration)."""
    context = list(context)
    if not role and not organisation:
        around = (title_before(name, context), description_after(name, context))
        role = " ".join(x for x in around if x) or None
    described = " ".join(x for x in (role, organisation) if x)
    if is_outlet(name, outlets):
        return "outlet"
    if is_unnamed(name):
        return "unnamed source"
    everything = _undotted(f"{described} {name}")
    if (_FORMER.search(everything) or _held_before(role, context)) and _OFFICE.search(everything):
        return "former official"
    spelled = spelled_out(name, context) or _defined_before(name, context)  # "... Commission (TsIK)"
    organisation = spelled_out(organisation or "", context) or organisation  # "CPUC President"
    organisation = organisation or _acronym_body_before(name, context)  # "DAE Additional Director"
    if role and not organisation and _PRESIDENT.fullmatch(role.strip()) and runs_a_company(name, context):
        role = f"{role}, company chief executive"  # "chairman, CEO and president Craig Menear"
    if label == "GPE" or _official(name, role, organisation) or (spelled and _official(spelled, None, None)):
        return "official"
    if _expert(role, organisation, described) or _EXPERT_NAME.search(name) or _study_authors(name, context):
        return "expert"
    return "outlet" if reports_news(name, context, label) else "other"


def _held_before(role: str | None, texts: Iterable[str]) -> bool:
    """Whether the role is dated to a time past, in itself or where the story writes it: under
    presidents ("national security official under Presidents Reagan and George W. Bush") or during
    an administration, a term or a work done ("Office of Management and Budget director during the
    drafting of the law")."""
    if not role:
        return False
    if _PAST_TIME.search(role):
        return True
    written = re.compile(re.escape(role) + r",?[ \t]+" + _PAST_TIME.pattern)
    return any(written.search(text) for text in texts)


_PAST_TIME = re.compile(r"\b(?:under[ \t]+(?:former[ \t]+President|Presidents)[ \t]+[A-Z]|"
                        r"during[ \t]+(?:the|his|her|their)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                        r"(?:administrations?|presidency|term|tenure|\w+ing[ \t]+of)\b)")


_LAWYER = re.compile(r"\b(?:lawyer|attorney|counsel|litigator)\b", re.I)


def _expert(role: str | None, organisation: str | None, described: str) -> bool:
    """Whether the role and organisation are an expert's; a lawyer's role with no expert's word
    in it is not, whatever the organisation ("senior lawyer with the Center for Biological
    Diversity": a lawyer for one side)."""
    own = role.replace(organisation, "") if role and organisation else role
    if own and _LAWYER.search(own) and not _EXPERT.search(own):
        return False
    return bool(_EXPERT.search(_ADVOCACY.sub("", described)))


# A centre or a foundation named for a cause ("the Center of Media Justice", "the Center for
# Reproductive Rights"): an advocacy group, whose director is no expert for it.
_ADVOCACY = re.compile(r"\b(?:center|centre|institute|foundation)\s+(?:for|of)\s+(?:[\w'’-]+\s+){0,2}?"
                       r"(?:justice|rights|equality|freedom|liberty|action)\b", re.I)


def _study_authors(name: str, texts: Iterable[str]) -> bool:
    """Whether ``name`` is "the authors" (or "the study's authors") in a story that tells of a
    study, research or a paper: experts, as "the authors of the study" are."""
    return bool(_AUTHORS.match(name.strip())) and any(_STUDY.search(text) for text in texts)
