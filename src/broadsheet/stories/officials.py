"""Rule 4 of ``speakers``: whether a speaker is an official (``is_official``): an office in its
name, role or organisation, a public body that speaks, a speaker named for an office it holds; not
a company's, a union's, an association's or a campaign's president, spokesperson or officials, nor a
university's department.

Pure: no I/O.
"""

from __future__ import annotations

import re

from broadsheet.stories.kindwords import ARTICLE, OFFICE

# A speaker named for a public body or an office and no person ("Federal prosecutors", "a judge",
# "the White House", "The utilities commission"), or for experts ("researchers").
_BODY_NAME = re.compile(
    r"\b(?:(?:customs|immigration|law|drug|narcotics) enforcement|national archives|"  # before "customs"
    r"prosecutors?|judges?|courts?|department|ministr(?:y|ies)|minister|commission|government|"
    r"governor|mayor|sheriff|regulators?|parliament|senate|congress|white house|pentagon|kremlin|"
    r"ombudsman|military|police|agency|cent(?:er|re)s? for disease control|authority|office|"
    r"public defender|national institutes? (?:of|on|for)|embassy|consulate|customs|administration|treasury|"
    r"census|(?<!business )(?<!farm )bureau|"
    r"border (?:protection|patrol|force)|european (?:union|commission|parliament|council)|"
    r"(?:city|town|county|village|municipal|district|borough|parish|state|provincial|regional) council)\b",
    re.I,
)


# A president of a company or a union is no official: "president" with an organisation that is
# no public body ("president and chief operating officer of SpaceX").


PRESIDENT = re.compile(r"\b(?:(?:vice )?president|spokes(?:person|man|woman)|press secretary)\b", re.I)
_OFFICIAL = re.compile(r"\bofficials?\b", re.I)
# (a president who is also its chief executive, "president and CEO", is a company's or a body's officer)
_PRIVATE = re.compile(r"\b(?:union|company|firm|corporation|inc\.?|association|campaign|ceo|"
                      r"chief executive)(?!\w)", re.I)
_PUBLIC = re.compile(r"\b(?:federal|government|ministry|department|agency|commission|council|authority|"
                     r"county|municipal|public|parliament|senate|national security)\b", re.I)
# Where a speaker's name is cut to its head: "China's ambassador to Britain" -> "China's ambassador".
_HEAD_END = re.compile(r"\s+(?:of|to|for|at|in|with|from|on)\s.*$", re.I)


def is_official(name: str, role: str | None, organisation: str | None) -> bool:
    """Rule 4 (see the module docstring); an acronym written with full stops is read without them
    ("F.B.I. agents" as "FBI agents")."""
    name, role = undotted(name), role and undotted(role)
    organisation = organisation and undotted(organisation)
    described = " ".join(x for x in (role, organisation) if x)
    if OFFICE.match(ARTICLE.sub("", name)) or _body_named(name) or _named_for_office(name):
        return True
    private = _COMPANY_VICE_PRESIDENT.sub("", PARTY_COMMITTEE.sub("", described))
    if private != described:  # "senior vice president of marketing", "Green National Committee
        described = private  # Policy Director": a company's or a party's, no office unless another
        if not OFFICE.search(described):
            return False
    if role and _CHIEF_TITLE.fullmatch(role.strip()):
        return True  # "Chief Ada R. Holt": a police or fire chief's title, written before the name
    offices = [m.group() for m in OFFICE.finditer(described)]
    if not offices or (_ACADEMIC.search(described) and all(_DEPARTMENT.fullmatch(o) for o in offices)):
        return False  # no office, or a university's department ("Department of Health Sciences at
        # the University of York"): an expert's
    rest = PRESIDENT.sub("", described)
    if OFFICE.search(_OFFICIAL.sub("", rest)):
        return True
    # The only office is a president's, a spokesperson's or an "official": not for a company, a union,
    # an association or a campaign ("an official of the bar association"); an "official" of any other
    # body is one, a president or a spokesperson only of a public body (or none named).
    if _PRIVATE.search(described):
        return False
    if OFFICE.search(rest):
        return True
    return not organisation or bool(_PUBLIC.search(rest) or _BODY_NAME.search(rest))


# A company's vice president: a senior, an executive or a corporate one, or one of a function written in
# lower case ("senior vice president of worldwide marketing", "vice-president of product marketing"); a
# state's is of a capitalised place ("Vice President of Colombia").
_COMPANY_VICE_PRESIDENT = re.compile(
    r"\b(?:senior|executive|corporate|group|regional|assistant|associate)[ \t]+vice[ \t-]+president\b"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?[\w'’-]+)?|"
    r"\bvice[ \t-]+president[ \t]+(?:of|for)[ \t]+(?-i:[a-z])[\w'’-]*(?:[ \t]+[\w'’-]+){0,3}", re.I)


# A party's committee and a title on it written after its name ("Green National Committee Policy
# Director", "the Libertarian Campaign Committee"): a party's staff, no office of state.
PARTY_COMMITTEE = re.compile(
    r"(?-i:(?<!Senate )(?<!House )(?<!Assembly )\b(?:Republican|Democratic|Libertarian|Green)[ \t]+"
    r"(?:[A-Z][\w-]*[ \t]+){0,3}?Committee"
    r"(?:[ \t]+(?!(?:of|for|and|on)\b)[A-Z][\w-]*){0,3})")


# "Chief" alone as the title before a name, capitalised ("according to Chief Ada R. Holt"); a company's
# chief is written with the office ("Chief Executive Ada Holt").
_CHIEF_TITLE = re.compile(r"(?:(?:Deputy|Assistant|Acting|Interim)\s+)?Chief\.?")
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")


def undotted(text: str) -> str:
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
    last = list(OFFICE.finditer(head))
    if not last or last[-1].end() != len(head) or re.search(r"['’]s$", last[-1].group()):
        return False
    if PRESIDENT.fullmatch(last[-1].group()) and _PRIVATE.search(head):
        return False  # "a Clinton campaign spokesman": a campaign's, no public body's
    if _PRIVATE_BEFORE.search(head, 0, last[-1].start()):
        return False  # "Three senior Holt campaign officials", "union officials": no public body's
    return not _ELECTED.fullmatch(last[-1].group())  # "a Taliban representative" holds no seat


_PRIVATE_BEFORE = re.compile(_PRIVATE.pattern + r"\s+$", re.I)
_ACADEMIC = re.compile(r"\b(?:university|college|school of|institute of technology)\b", re.I)
_DEPARTMENT = re.compile(r"(?:department|office) of(?: the)?(?: [A-Z][\w'’.-]*)?", re.I)
_ELECTED = re.compile(r"representative|rep\.", re.I)
