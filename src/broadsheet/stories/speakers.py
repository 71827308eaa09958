"""What kind of speaker a voice is: official, former official, expert, outlet, unnamed source.

The rules, first match wins (``speaker_kind``); they read the speaker's name and the role and
organisation the analysis found beside it:

1. **outlet** — the speaker is a news organisation: one of the story's own outlets, a name ending
   in a newsroom word ("The Washington Post", "BBC News", "the Times", "Fox Business", "The news
   organization", "the San Diego Union-Tribune": after a hyphen too; not a person counted, "At least
   one GOP insider") or a wire agency (Reuters, the
   Associated Press, AFP, Bloomberg); and, when no
   rule below fits, a name the story writes as a newsroom reporting (a person's name whose surname is a
   newsroom's, "Ivo Bloomberg", is none) ("Deadline reports that",
   "..., Kan reported on Wednesday.", "The Wrap's report", "as reported by MarketScreener":
   ``reports_news``; never a college, an institute or another body whose reports are findings).
2. **unnamed source** — a word for a source and no person's name: "officials", "a senior
   administration official", "people familiar with the matter", "a Lumio spokesperson",
   "a spokeswoman for Neumann", "A representative for the platform", "emergency officials",
   "sources", "Razer representatives"; not a body whose proper name holds such a word ("Indiana
   State Police"), nor an administration (a government: "the Biden administration" is an official).
3. **former official** — a role or name saying "former", "ex-" or "retired" before an office
   ("a former CIA chief", "former Secretary of State John Kerry"); not one the story titles with an
   office held now right before the name ("Defense Secretary Ada Holt, a retired general").
4. **official** — a place that speaks (the analysis labels the name a GPE: "China", "the UK"); an office
   in the role, the organisation or a title before the name: president, minister, secretary, senator,
   governor, mayor, judge, spokesperson, ambassador, chief negotiator, a special counsel, police, a rank
   ("Lt. Col."), a highway patrol's officer or a state trooper; or a public or governing body's director,
   head, chief, executive or officer ("county health director", "league executive"), a public body's agency or
   department (NASA, "the Department of Energy", "U.S. Attorney", a director of "the Office of Management
   and Budget": an Office of a capitalised name); a Speaker (the title written with its capital, not a
   keynote, guest, featured, motivational or public speaker); a member of a Senate or House committee
   ("top Democrat on the Senate Intelligence Committee"; not a party's "Democratic Congressional Campaign
   Committee"); or a speaker named for a public body or an office ("Federal prosecutors", "a judge", "the
   White House", "the Swedish Prosecution Authority", "the Congressional Budget Office", "Immigration and
   Customs Enforcement", "the National Archives", "The National
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
``title_before``; after a conjunction too: "..., D-N.Y., and Sen. Ada Holt"; inside an editor's bracket:
"[special counsel Ada] Holt"; or set before it with a
comma: "the Senate Democratic leader, Ada Holt of Ohio,"; not across a line break, nor an office not
yet held: "a would-be president Ada Holt") and the description just after it ("Howitt, who is now an
immunologist at Stanford University", "Kurt Volker, the former special envoy to Ukraine", "Ada Holt,
Republican of Kentucky"; ``description_after``), or failing both an office a relative clause after it
says it held ("who was ...", "who served as ...": a former one; ``held_after``). A voice whose role
names no office nor an expert's word is read with the title before its name instead, when that ends
in an office right before the name ("Holt's campaign counterpart", "Sen. Ada Holt": an official; not
a spokesperson's title, whose body the role may say, nor one with an owner: "Dahl's representative
Ada Holt").

Where the rules live: the words they share in ``kindwords``; rules 1 and 2 in ``outlets``; rule 4
in ``officials``; the titles and descriptions a story writes around a name in ``titles``; the
order of the rules and rules 3 and 5 here.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Literal

from broadsheet.stories.kindwords import EXPERT, FORMER, OFFICE
from broadsheet.stories.officials import PARTY_COMMITTEE, PRESIDENT, is_official, undotted
from broadsheet.stories.outlets import is_outlet, is_unnamed, newsroom_named, reports_news
from broadsheet.stories.titles import (
    A_PERSON_COUNTED,
    acronym_body_before,
    defined_before,
    description_after,
    held_after,
    runs_a_company,
    spelled_out,
    title_before,
)
from broadsheet.storytexts import readable, written_then
from broadsheet.text import GIVEN_NAMES, mentioning

SpeakerKind = Literal["official", "former official", "expert", "outlet", "unnamed source", "other"]
KINDS: tuple[SpeakerKind, ...] = ("official", "former official", "expert", "outlet",
                                  "unnamed source", "other")


_SPOKESPERSON = re.compile(r"spokes(?:person|man|woman)|press secretary", re.I)
# A speaker named as experts ("researchers", "the authors of the study").
_EXPERT_NAME = re.compile(r"\b(?:experts?|researchers|scientists|economists|scholars|academics|"
                          r"historians|research (?:group|team)|"
                          r"authors of (?:the|a|an|this)\b.*\b(?:study|research|paper|report))\b", re.I)
# "the authors", "the study's authors": a study's when the story tells of one.
_AUTHORS = re.compile(r"^(?:the|its|their)\s+(?:[\w'’]+\s+)?(?:co-?)?authors$", re.I)
_STUDY = re.compile(r"\b(?:study|studies|research|paper|trial|survey)\b", re.I)


def speaker_kind(name: str, role: str | None = None, organisation: str | None = None,
                 outlets: Collection[str] = (), context: Iterable[str] = (),
                 label: str | None = None) -> SpeakerKind:
    """The kind of the speaker ``name`` with ``role`` and ``organisation`` (see the module docstring);
    without either, a title written before the name in ``context`` (the story's texts) counts.
    ``label`` is the entity label the analysis gave the name, if any: a GPE that speaks (a country,
    a state, a city: "China said") is its government, an official. An acronym is read with the
    words it stands for in ``context`` too ("DEA": the Drug Enforcement Administration)."""
    context, newsroom, held_now = readable(context), False, False
    if not role and not organisation:
        around = (title_before(name, context), description_after(name, context))
        held_now = bool(around[0] and OFFICE.search(around[0]) and not FORMER.search(around[0]))  # "Defense
        # Secretary Ada Holt, a retired general": the office before the name is held now
        newsroom = newsroom_named(name, context)  # "the state news agency PNA": a newsroom, whatever
        # office an adjective before it names ("the official PNA news agency")
        role = " ".join(x for x in around if x) or held_after(name, context)  # "Ivo Dahl, who was ..."
    elif role and not OFFICE.search(role) and not EXPERT.search(role):
        titled = title_before(name, context) or ""  # "Holt's campaign counterpart" of "..., Sen. Ada Holt"
        ends = [m for m in OFFICE.finditer(titled) if m.end() == len(titled)]
        if ends and not _SPOKESPERSON.fullmatch(ends[-1].group()) and not re.search(r"['’]s?\s", titled):
            role = titled  # the office right before the name ("Sen."), not "President Holt had directed",
            # nor a spokesman's or an owner's agent's title ("Holt's representative": whose, the role says)
    organisation = organisation or _body_of_title(role)  # "The Plains Union President": the union's
    described = " ".join(x for x in (role, organisation) if x)
    if newsroom or (is_outlet(name, outlets) and not _surname_of_a_person(name, outlets, label)):
        return "outlet"
    if is_unnamed(name):
        return "unnamed source"
    everything = undotted(f"{described} {name}")
    if not held_now and (((FORMER.search(everything) or _held_before(role, context))
                          and OFFICE.search(everything)) or _served_before(role, organisation)):
        return "former official"
    spelled = spelled_out(name, context) or defined_before(name, context)  # "... Commission (TsIK)"
    organisation = spelled_out(organisation or "", context) or organisation  # "CPUC President"
    organisation = organisation or acronym_body_before(name, context)  # "DAE Additional Director"
    if role and not organisation and PRESIDENT.fullmatch(role.strip()) and runs_a_company(name, context):
        role = f"{role}, company chief executive"  # "chairman, CEO and president Craig Menear"
    if ((label == "GPE" and not A_PERSON_COUNTED.match(name)) or is_official(name, role, organisation)
            or (spelled and is_official(spelled, None, None))):
        return "official"
    party = PARTY_COMMITTEE.search(described)  # a party committee's staff ("Green National Committee
    # Policy Director"): no expert
    if not party and (_expert(role, organisation, described) or _EXPERT_NAME.search(name)
                      or _study_authors(name, context)):
        return "expert"
    return "outlet" if reports_news(name, context, label) else "other"


_GIVEN = frozenset(GIVEN_NAMES) | frozenset(GIVEN_NAMES.values())
# Newsrooms named for their founders, whose surnames people share ("Mike Bloomberg"); not a newsroom
# word ("Library Journal", "Plains Times": a newsroom, whatever the recogniser calls it).
_SURNAMED_NEWSROOMS = frozenset({"bloomberg", "reuters"})


def _surname_of_a_person(name: str, outlets: Collection[str], label: str | None) -> bool:
    """Whether a name the analysis labels a person (or that opens with a common given name, "Mike
    Reuters") reads as a newsroom only by its last word, a surname ("Ivo Bloomberg", "Ada Reuters"): a
    person, no outlet (not one of the story's own outlets)."""
    words = name.split()
    given = bool(words) and words[0].lower() in _GIVEN
    return ((label == "PERSON" or given) and len(words) > 1 and words[0][:1].isupper()
            and words[-1].lower() in _SURNAMED_NEWSROOMS
            and not is_outlet(" ".join(words[:-1]), outlets) and name not in outlets)


# A body written before a president's, a chair's or a spokesperson's title, the role the whole ("The
# National Organization for Plains President", "Plains Teachers Association President").
_BODY_TITLE = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-Z][\w'’&.-]*\s+)*?(?:Organi[sz]ation|Association|Union|Foundation|Society|"
    r"Institute|Cent(?:er|re)|Campaign|Fund|Network|Alliance|Coalition|League|Federation|Club|Group|"
    r"Company|Corporation)(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*?)?)"
    r"\s+(?:Vice\s+)?(?:President|Chair(?:man|woman|person)?|Spokes(?:man|woman|person))")


def _body_of_title(role: str | None) -> str | None:
    """The body a role writes before its president's, chair's or spokesperson's title ("The National
    Organization for Plains President" -> "National Organization for Plains"): the office is that
    body's, so a public one's only if the body is public; None for no such role."""
    found = _BODY_TITLE.fullmatch(role.strip()) if role else None
    return found.group(1) if found else None


def _held_before(role: str | None, texts: Iterable[str]) -> bool:
    """Whether the role is dated to a time past, in itself or where the story writes it: under
    presidents ("national security official under Presidents Reagan and George W. Bush") or during
    an administration, a term or a work done ("Office of Management and Budget director during the
    drafting of the law")."""
    if not role:
        return False
    if _PAST_TIME.search(role):
        return True
    return any(next(written_then(text, role, _THEN_PAST_TIME), None) for text in mentioning(texts, role))


def _served_before(role: str | None, organisation: str | None) -> bool:
    """Whether the role says an office was held once, by one who holds none before it: "economist who
    served as director of the Plains Budget Office and is now ...", the office or the government body
    (the organisation) in what was served as (not "senator who served as governor", an office held
    now, nor "who has served as director since 2010", one still held)."""
    served = _SERVED_AS.search(role or "")
    if served is None or OFFICE.search((role or "")[:served.start()]):
        return False
    body = re.sub(r"^the\s+", "", organisation or "", flags=re.I)
    return bool(OFFICE.search(served.group(1))) or (
        bool(body) and body in served.group(1) and is_official(body, None, organisation))


_SERVED_AS = re.compile(r"\bwho[ \t]+(?:(?:once|previously|formerly|earlier)[ \t]+)?served[ \t]+as[ \t]+"
                        r"(.+?)(?=[ \t]+and[ \t]+|,|;|$)")


_PAST_TIME = re.compile(r"\b(?:under[ \t]+(?:former[ \t]+President|Presidents)[ \t]+[A-Z]|"
                        r"during[ \t]+(?:the|his|her|their)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                        r"(?:administrations?|presidency|term|tenure|\w+ing[ \t]+of)\b)")
_THEN_PAST_TIME = re.compile(r",?[ \t]+" + _PAST_TIME.pattern)  # written right after a role


_LAWYER = re.compile(r"\b(?:lawyer|attorney|counsel|litigator)\b", re.I)


def _expert(role: str | None, organisation: str | None, described: str) -> bool:
    """Whether the role and organisation are an expert's; a lawyer's role with no expert's word
    in it is not, whatever the organisation ("senior lawyer with the Center for Biological
    Diversity": a lawyer for one side)."""
    own = role.replace(organisation, "") if role and organisation else role
    if own and _LAWYER.search(own) and not EXPERT.search(own):
        return False
    return bool(EXPERT.search(_ADVOCACY.sub("", described)))


# A centre or a foundation named for a cause ("the Center of Media Justice", "the Center for
# Reproductive Rights"): an advocacy group, whose director is no expert for it.
_ADVOCACY = re.compile(r"\b(?:center|centre|institute|foundation)\s+(?:for|of)\s+(?:[\w'’-]+\s+){0,2}?"
                       r"(?:justice|rights|equality|freedom|liberty|action)\b", re.I)


def _study_authors(name: str, texts: Iterable[str]) -> bool:
    """Whether ``name`` is "the authors" (or "the study's authors") in a story that tells of a
    study, research or a paper: experts, as "the authors of the study" are."""
    return bool(_AUTHORS.match(name.strip())) and any(_STUDY.search(text) for text in texts)
