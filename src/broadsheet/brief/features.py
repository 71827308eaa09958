"""Features and "What they're saying": which voices a lead story shows, by a written rule.

**Kinds of speaker** (``speaker_kind``), read from the speaker's name, role and organisation:
``outlet`` (a news organisation, or one of the story's outlets, speaking as a source), ``unnamed
source`` (officials, sources, people familiar, a spokesperson without a name), ``former
official`` (a role that says "former" or "ex-" with an office), ``official`` (an office, or a
government body as organisation), ``expert`` (analyst, professor, researcher, economist ...),
``organisation`` (a company or group speaking as itself), else ``person``.

**The rule for "What they're saying"** (``saying``): a voice is shown only when
1. the speaker is named (a person or an organisation, not a pronoun, not an unnamed source, not a
   number such as "51 percent" from a poll) — a briefing puts on the record only those on it;
2. it has a quote in the speaker's own words: ``direct``, else ``mixed`` (a paraphrase is the
   outlet's words, not theirs), of ``MIN_WORDS`` to ``MAX_WORDS`` words;
and of those, one quote per voice (the longest direct one in bounds), at most ``MAX_VOICES`` voices,
picked greedily so that each next voice brings an outlet not shown yet, then a kind of speaker not
shown yet, then is quoted by the most outlets, then comes first in the story. Every quote shown has
passed the verbatim check (``brief.verify`` runs before the edition is written).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from broadsheet.brief.rank import outlet_key
from broadsheet.model import Quote, Voice
from broadsheet.text import words

MIN_WORDS, MAX_WORDS = 6, 60
MAX_VOICES = 4
FEATURES = 3  # the lead stories of an edition shown as Features

_UNNAMED = re.compile(
    r"^(?:an?|the|some|two|three|several|many|other|senior|top|local|federal|state|u\.?s\.?|"
    r"western|european|israeli|russian|chinese|american|british)?\s*"
    r"(?:[\w.]+\s+){0,3}?(?:officials?|sources?|people|persons?|spokes(?:person|man|woman)|"
    r"aides?|insiders?|analysts?|experts?|diplomats?|lawmakers|residents|witnesses|critics|"
    r"observers|authorities|investigators|police|prosecutors|researchers|scientists|"
    r"employees|staff|members|representatives|executives|advisers|advisors)\b",
    re.I,
)
_NUMBERISH = re.compile(r"^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b|"
                        r"an? (?:overwhelming|majority|plurality|third|quarter|half))", re.I)
_OUTLET_WORDS = re.compile(
    r"\b(?:times|post|news|journal|herald|tribune|gazette|telegraph|guardian|reuters|"
    r"associated press|ap|afp|bloomberg|cnn|bbc|nbc|cbs|abc|fox|msnbc|npr|politico|axios|"
    r"magazine|daily|wire|press|radio|television|tv)\b",
    re.I,
)
_FORMER = re.compile(r"\b(?:former|ex-|onetime|one-time|retired)\b", re.I)
_OFFICE = re.compile(
    r"\b(?:president|minister|secretary|spokes(?:person|man|woman)|senator|sen\.|governor|gov\.|"
    r"mayor|official|ambassador|commissioner|lawmaker|congress(?:man|woman)|representative|"
    r"rep\.|attorney general|prosecutor|sheriff|police chief|chief of staff|chancellor|premier|"
    r"judge|justice|envoy|diplomat|general|admiral|speaker|leader|council(?:or|lor)|director "
    r"of (?:the )?(?:national|federal|state|central))\b",
    re.I,
)
_GOVERNMENT = re.compile(
    r"\b(?:department|ministry|government|white house|kremlin|pentagon|congress|senate|house|"
    r"parliament|council|police|agency|commission|administration|cabinet|state department|"
    r"embassy|military|army|navy|court)\b",
    re.I,
)
_EXPERT = re.compile(
    r"\b(?:analyst|professor|prof\.|researcher|scientist|economist|expert|doctor|dr\.|physician|"
    r"lecturer|fellow|historian|strategist|scholar|specialist|epidemiologist|psychologist|"
    r"consultant|author|director of research)\b",
    re.I,
)
_ORGANISATION = re.compile(
    r"\b(?:inc|corp|co|ltd|llc|plc|group|company|association|union|foundation|institute|"
    r"university|bank|club|party|league|federation|organi[sz]ation|society|fund|coalition)\b\.?",
    re.I,
)


def _outlet_like(name: str, outlets: Iterable[str]) -> bool:
    key = outlet_key(name)
    return key in {outlet_key(o) for o in outlets} or bool(_OUTLET_WORDS.search(name))


def speaker_kind(voice: Voice, outlets: Iterable[str] = ()) -> str:
    """The kind of speaker ``voice`` is (see the module docstring for the kinds and their order)."""
    name, role, org = voice.speaker, voice.role or "", voice.organisation or ""
    if _UNNAMED.match(name) or name[:1].islower():
        return "unnamed source"
    if _outlet_like(name, outlets) and not role:
        return "outlet"
    if _FORMER.search(role) and (_OFFICE.search(role) or _GOVERNMENT.search(role)):
        return "former official"
    if _OFFICE.search(role) or (org and _GOVERNMENT.search(org)):
        return "official"
    if _EXPERT.search(role):
        return "expert"
    if _ORGANISATION.search(name) or (len(words(name)) == 1 and not role and name.isupper()):
        return "organisation"
    return "person"


def named(voice: Voice) -> bool:
    """Whether the speaker is on the record by name (rule 1 of the module docstring)."""
    name = voice.speaker.strip()
    return bool(name) and name[:1].isupper() and not _UNNAMED.match(name) and not _NUMBERISH.match(name)


def _in_bounds(quote: Quote) -> bool:
    return MIN_WORDS <= len(words(quote.content)) <= MAX_WORDS


def best_quote(voice: Voice) -> Quote | None:
    """The quote to show for ``voice``: the longest direct one in bounds, else the longest mixed."""
    for kind in ("direct", "mixed"):
        fitting = [q for q in voice.quotes if q.kind == kind and _in_bounds(q)]
        if fitting:
            return max(fitting, key=lambda q: (len(q.content), -voice.quotes.index(q)))
    return None


def _outlets_quoting(voice: Voice) -> int:
    return len({outlet_key(q.outlet) or q.article_id for q in voice.quotes})


def _eligible(voices: Sequence[Voice], outlets: Sequence[str]) -> list[tuple[Voice, int]]:
    """Named voices with a quotable quote, each cut to that one quote and given its kind, with
    the number of outlets that quoted it."""
    chosen: list[tuple[Voice, int]] = []
    for voice in voices:
        quote = best_quote(voice) if named(voice) else None
        if quote is not None:
            kind = voice.kind or speaker_kind(voice, outlets)
            if kind != "unnamed source":
                chosen.append((replace(voice, quotes=(quote,), kind=kind), _outlets_quoting(voice)))
    return chosen


def saying(voices: Sequence[Voice], outlets: Sequence[str] = ()) -> tuple[Voice, ...]:
    """The "What they're saying" selection of a story's ``voices`` (the rule in the docstring).

    ``voices`` come in the story's order (most outlets first); the result holds at most
    ``MAX_VOICES`` voices of one quote each.
    """
    pool = list(enumerate(_eligible(voices, outlets)))
    shown: list[Voice] = []
    while pool and len(shown) < MAX_VOICES:
        seen_outlets = {outlet_key(v.quotes[0].outlet) for v in shown}
        seen_kinds = {v.kind for v in shown}
        best = min(pool, key=lambda item: (
            outlet_key(item[1][0].quotes[0].outlet) in seen_outlets,
            item[1][0].kind in seen_kinds, -item[1][1], item[0],
        ))
        shown.append(best[1][0])
        pool.remove(best)
    return tuple(shown)
