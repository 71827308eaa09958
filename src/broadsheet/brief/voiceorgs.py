"""A voice's organisation as shown, and what its kind is read with (``brief.voices``): the body
that employs the speaker (``employer_of``), no organisation cut into a longer name or a title
(``not_cut_in``), cut from the speaker's own name or one of a joint speaker (``not_cut_from``), or a
person's surname (``not_a_person``); the organisation a role names (``organisation_in``), whether
the story writes a name as a place (``a_place``), the organisation whose possessive the story writes
before a spokesperson's bare title (``owner_of_title``), and the label the analyses give each name
(``entity_labels``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from broadsheet.brief.speakernames import JOB, OWNER
from broadsheet.model import Analysis
from broadsheet.text import EDGE_PUNCT, mentioning, name_key

ARTICLE = re.compile(r"^the\s+", re.I)


_A_UNIT = re.compile(r"\b(?:center|centre|institute|program|programme|school|department|division|lab|"
                     r"laboratory|unit|office|college|faculty|clinic|hospital|group|team|service)s?\b", re.I)


_AT_BODY = r"\s+at\s+((?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w'’.&-]*)*)"


def employer_of(found: str | None, role: str | None, labels: Mapping[str, str]) -> str | None:
    """The body that employs the speaker, where the analysis took a name the role says is not it: a
    field named before "at" a body ("associate physician of Pulmonary and Critical Care at
    Massachusetts General Hospital"; a unit named so stays: "director of the Longevity Institute at
    ..."), or a name after an organisation's possessive ("Car Talk's
    GM electric vehicle expert": GM is what the expert knows)."""
    if not found or not role or found not in role:
        return found
    at = re.search(re.escape(found) + _AT_BODY, role)
    if at and not _A_UNIT.search(found):
        return at.group(1)  # not "the Longevity Institute at the USC ... School of Gerontology", a unit
    owner = OWNER.match(role)
    owned = owner is not None and role.index(found) > owner.end(1)
    if owner and owned and labels.get(name_key(ARTICLE.sub("", owner.group(1)))) == "ORG":
        return owner.group(1)
    return found


def not_cut_in(role: str | None, organisation: str | None) -> str | None:
    """No organisation that the role writes as part of a longer name or of a title ("PAC America" of
    "super PAC America Rising", "House" of "the House Majority PAC", "Senate" of "aide to Senate
    Majority Leader Mitch McConnell", "State" of "Secretary of State", "Intelligence" of "Intelligence
    committee chairman"); one before a title of its own stays ("Senate Majority Leader", "PolitiFact
    Executive Director", "Homeland Security Secretary"), without a rank of that title read into it
    ("House" of "Assistant House Majority Leader") or the title's first word read into its name after
    the body's head ("Plains Party" of "Plains Party Research Director")."""
    if not role or not organisation:
        return organisation
    written = re.search(rf"(?<![\w'’-]){re.escape(ARTICLE.sub('', organisation))}(?![\w'’-])", role)
    if written is None:
        return organisation
    if re.search(r"\b(?:Secretary|Department|Ministry|Minister) of (?:the )?$", role[:written.start()]):
        return None  # "Secretary of State": the office's word, no organisation
    if _LOWER_BODY.match(role, written.end()):
        return None  # "Intelligence" of "Intelligence committee chairman": a word of the body's name
    run = _NAME_RUNS_ON.match(role, written.end())
    if run is not None and not _A_TITLE_WORD.search(run.group()):
        return None
    rank = _RANK_BEFORE_BODY.fullmatch(organisation)
    if rank and run is not None:
        return rank.group(1)  # "Assistant House" of "Assistant House Majority Leader": the rank is the
        # title's, the body the House
    body = _ENDS_IN_A_BODY.fullmatch(organisation)
    return body.group(1) if body and run is not None else organisation  # "Plains Party Research" of
    # "Plains Party Research Director": the title's first word read into the body's name


# A body's name with capitalised words after its head noun ("Plains Party Research" of "Plains Party
# Research Director"): the words after the head begin the title that follows.
_BODY_HEAD = (r"(?:Committee|Council|Party|Commission|Department|Agency|Bureau|Foundation|Association|"
              r"Union|Caucus|Coalition|League|Board)")
_ENDS_IN_A_BODY = re.compile(rf"(.*\b{_BODY_HEAD})(?:[ \t]+(?!{_BODY_HEAD}\b)[A-Z][\w'’.&-]*)+")
# A rank of a title read into the body's name before it ("Assistant House", "Deputy White House").
_RANK_BEFORE_BODY = re.compile(r"(?:Assistant|Deputy|Acting|Associate|Interim|Senior|Former)[ \t]+([A-Z].*)")


def not_a_common_noun(organisation: str | None, texts: Sequence[str]) -> str | None:
    """No organisation that is an acronym the story writes more than once and each time after the same
    lower-case word, a kind of body named as a common noun ("PAC" where every mention is "a super PAC",
    "the super PAC's campaign"); one the story also writes on its own or after other words stays
    ("NASA" of "former NASA official", with "NASA said"; "CNN" of "told CNN" and "CNN analyst")."""
    if not organisation or not _ACRONYM.fullmatch(organisation):
        return organisation
    written = re.compile(rf"(?<![\w'’.-]){re.escape(organisation)}(?![\w-])")
    found = [(text, m.start()) for text in mentioning(texts, organisation)
             for m in written.finditer(text)]
    before = {_modifier_before(text[:at]) for text, at in found}
    return None if len(found) > 1 and len(before) == 1 and None not in before else organisation


def _modifier_before(before: str) -> str | None:
    """The lower-case word, no article, preposition, possessive or standing ("former"), that ends
    ``before`` ("... a super "), or that word capitalised as the first of its sentence or line ("Super "),
    lower-cased; None when there is none."""
    window = before[-80:]
    word = _LAST_WORD.search(window)
    if word is None or word.group(2).lower() in _NO_MODIFIER:
        return None
    opens = (not word.group(1) and len(before) <= len(window)) \
        or bool(re.search(r"(?:[.!?][\"”’)]?[ \t]+|\n[ \t]*)$", word.group(1)))
    lower = word.group(2).islower() or (opens and word.group(2)[1:].islower())
    return word.group(2).lower() if lower else None


_LAST_WORD = re.compile(r"(.*?)(?<![\w'’-])([A-Za-z][\w-]*)[ \t]+$", re.S)
# Words before an acronym that are no modifier of it: articles, prepositions, possessives, a person's
# standing written before a body's name ("former NASA official", "a longtime FBI agent"), and a cue
# the body is told or asked by ("told AFP").
_NO_MODIFIER = frozenset({"the", "a", "an", "of", "for", "at", "with", "to", "in", "on", "by", "from", "and",
                          "or", "its", "his", "her", "their", "our", "former", "retired", "then", "current",
                          "onetime", "longtime", "veteran", "senior", "top", "likely", "fellow", "ex",
                          "told", "tells", "said", "says", "asked", "via", "per"})


def whole_organisation(organisation: str | None, role: str | None) -> str | None:
    """An organisation cut at a hyphen made whole from the role that writes it ("Chick" of "Chick-fil-A
    president" -> "Chick-fil-A")."""
    if not organisation or not role:
        return organisation
    found = re.search(rf"(?<![\w'’-]){re.escape(organisation)}((?:-[\w]+)+)", role)
    if found is None and _A_BODY_CUT.search(organisation):
        found = re.search(rf"(?<![\w'’-]){re.escape(organisation)}({_OF_A_NAME})", role)
    country = re.search(rf"(?<![\w.])({_COUNTRY_ABBREVIATION})[ \t]+{re.escape(organisation)}(?![\w'’-])",
                        role) if found is None and organisation[:1].isupper() else None
    if country:
        return f"{country.group(1)} {organisation}"  # "UK Independence Party", not "Independence Party"
    return organisation + found.group(1) if found else organisation


# A country's abbreviation a name opens with ("UK Independence Party").
_COUNTRY_ABBREVIATION = r"UK|U\.K\.|US|U\.S\.|EU|UN|U\.N\."


# A body's word ending an organisation the role writes on with "of" and a capitalised name ("the White
# House's Office" of "... Office of Political Strategy and Outreach"): the name is the body's.
_A_BODY_CUT = re.compile(r"\b(?:Office|Department|Bureau|Committee|Council|Commission|Agency)$")
_OF_A_NAME = (r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’.&-]*"
              r"(?:[ \t]+(?:and[ \t]+|for[ \t]+|&[ \t]+)?[A-Z][\w'’.&-]*)*")


_LOWER_BODY = re.compile(r"[ \t]+(?:committee|subcommittee|panel|caucus|commission|council)\b")
_ACRONYM = re.compile(r"[A-Z]{2,5}")


_NAME_RUNS_ON = re.compile(r"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.&-]*)+")
_A_TITLE_WORD = re.compile(rf"(?:{JOB}|Leader|Secretary|Speaker|President|Spokes\w+|Whip|Commissioner|"
                           r"Counsel|Economist|Analyst|Administrator|Attorney|Head|Chief|Insider|"
                           r"Correspondent|Reporter|Columnist|Anchor|Host|Writer)$")


def not_cut_from(speaker: str, organisation: str | None) -> str | None:
    """No organisation that is the speaker's own name cut short of its last word ("The Hollywood"
    of "The Hollywood Reporter", "the Sioux Falls Argus" of "the Sioux Falls Argus Leader"): the
    speaker is the body ("The United Nations" of "The United Nations High Commissioner for Human
    Rights" stays), nor one of the speakers a joint speaker names ("Google" of "Amazon and
    Google"), nor the one an administration, a campaign or a family is named for ("Holt" of "the
    Holt administration": a person, no body the speaker belongs to), nor one item of a list of names
    in it ("Dahl" of "residents of Holt, Dahl, Vale and Kade")."""
    if organisation and re.fullmatch(rf"(?:the\s+)?{re.escape(organisation)}\s+{_NAMED_FOR}", speaker, re.I):
        return None  # "the Ada Holt administration": the one it is named for, no body of its own
    if organisation and speaker.lower().startswith(organisation.lower()):
        rest = speaker[len(organisation):].split()
        if len(rest) == 1 and rest[0][:1].isupper():  # the name's last word cut off
            return None
    marked = f" {name_key(speaker)} ".replace(f" {name_key(organisation or '')} ", " @ ")
    if organisation and _CONJUNCT.search(marked):
        return None  # "Google" of "Amazon and Google": one of the speakers, not their body
    listed = re.escape(organisation or "")
    if organisation and re.search(rf"(?:,|\band)\s+{listed}\s*,|,\s*{listed}\s+and\b", speaker):
        return None  # "Dahl" of "residents of Holt, Dahl, Vale and Kade": one place of a list
    return organisation


_CONJUNCT = re.compile(r" and @ $|^ @ and ")
_NAMED_FOR = r"(?:administration|campaign|presidency|government|camp|family|estate)"


def a_place(name: str, texts: Sequence[str]) -> bool:
    """Whether the story writes ``name`` as a place or a state somewhere ("in China", "to Britain",
    "from the UK", "Austria's interior minister"): a name the recogniser calls a place that is never
    written so is a club or a company ("Tottenham said in a statement")."""
    escaped = re.escape(name)
    place = re.compile(rf"\b(?:in|to|from|across|throughout|with|against)\s+(?:the\s+)?{escaped}(?!\w)|"
                       rf"\b{escaped}['’]s\s+(?:\w+\s+){{0,2}}{_STATE}")
    return any(place.search(text) for text in mentioning(texts, name))


_STATE = (r"(?:government|ministry|minister|president|prime minister|parliament|embassy|army|military|"
          r"police|courts?|leaders?|officials)\b")


def not_a_person(found: str | None, labels: Mapping[str, str]) -> str | None:
    """The organisation the analysis found, unless it is a person's surname: the story's analyses
    call it a person and name a person by a full name ending in it ("Trump" of "a group that has
    applauded some of Trump's decisions", with "Donald Trump" in the story; not "SpaceX", which the
    recogniser calls a person but no one is named after)."""
    key = name_key(ARTICLE.sub("", re.sub(r"['’]s?$", "", found or "")))
    if key and labels.get(key) == "PERSON" and any(
        label == "PERSON" and name.split()[-1] == key and " " in name for name, label in labels.items()
    ):
        return None
    return found


def organisation_in(role: str | None, labels: Mapping[str, str], texts: Sequence[str] = ()) -> str | None:
    """The longest name in ``role`` the story's analyses call an organisation ("Ascom" of
    "President Ascom North America"), or a place the story never writes as one ("Emirates" of
    "Emirates President": an airline; not an abbreviation, "U.S. President"), read for the voice's
    kind; None when there is none."""
    words = (role or "").split()
    windows = [(i, j) for i in range(len(words)) for j in range(len(words), i, -1)]

    def an_organisation(name: str) -> bool:
        label = labels.get(name_key(name))
        name = name.strip(EDGE_PUNCT)
        abbreviated = re.fullmatch(r"(?:[A-Z]\.?){2,4}", name)  # "U.S.", "UK": a state
        return label == "ORG" or (label == "GPE" and not abbreviated and not a_place(name, texts))

    named = [(i, j) for i, j in windows if an_organisation(" ".join(words[i:j]))]
    if not named:
        return None
    i, j = max(named, key=lambda w: (w[1] - w[0], -w[0]))
    return " ".join(words[i:j]).strip(EDGE_PUNCT)


def entity_labels(analyses: Iterable[Analysis]) -> dict[str, str]:
    """The label the analyses give each entity name most often, and at least twice (one label is
    too weak a sign: the recogniser calls "LN", Live Nation, a GPE once); keyed by ``name_key``,
    "the" aside."""
    counts: dict[str, Counter[str]] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            counts.setdefault(name_key(ARTICLE.sub("", entity.text)), Counter())[entity.label] += 1
    common = {key: count.most_common(1)[0] for key, count in counts.items() if key}
    return {key: label for key, (label, seen) in common.items() if seen >= 2}


def owner_of_title(role: str | None, speaker: str, labels: Mapping[str, str],
                   texts: Sequence[str]) -> str | None:
    """The organisation whose spokesperson the speaker is, where the role is the bare title and the
    story writes the organisation's possessive right before it and the name ("Holt Motors'
    spokesman Ivo Dahl", "the Pentagon's spokeswoman Ada Holt"): a name the analyses call an
    organisation (not a person's, "Holt's spokesman", nor a place's); None otherwise."""
    if not role or not _SPOKESPERSON.fullmatch(role.strip()) or not speaker.split():
        return None
    pattern = re.compile(r"(?<![\w'’])([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})['’]s?[ \t]+"
                         + re.escape(role.strip()) + r"[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,2}"
                         + re.escape(speaker.split()[-1]) + r"(?![\w'’-])")
    for text in mentioning(texts, speaker.split()[-1]):
        for found in pattern.finditer(text):
            words = found.group(1).split()  # "IR. Saints" of "... on IR. Saints' spokesman": the run's end
            for start in range(len(words)):
                owner = " ".join(words[start:])
                if labels.get(name_key(ARTICLE.sub("", owner))) == "ORG":
                    return owner
    return None


_SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)", re.I)


def school_of(role: str | None) -> str | None:
    """The body a role writes the speaker graduated from ("George Mason University" of "a George Mason
    University grad whose ...", of "a graduate of George Mason University"): their school, not their
    employer, so no organisation of theirs and no kind of theirs; None when there is none."""
    found = _SCHOOL_BEFORE.search(role or "") or _SCHOOL_AFTER.search(role or "")
    return found.group(1) if found else None


def without_school(role: str | None) -> str | None:
    """``role`` without the body it writes the speaker graduated from (read for the voice's kind)."""
    school = school_of(role)
    return role.replace(school, "").strip() or None if role and school else role


_GRADUATE = r"(?:grad|graduate|alum|alumnus|alumna)s?"
_SCHOOL_BEFORE = re.compile(r"((?:[A-Z][\w'’.&-]*[ \t]+)*[A-Z][\w'’.&-]*)[ \t]+" + _GRADUATE + r"\b")
_SCHOOL_AFTER = re.compile(r"\b" + _GRADUATE + r"[ \t]+of[ \t]+((?:the[ \t]+)?[A-Z][\w'’.&-]*"
                           r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.&-]*)*)")
