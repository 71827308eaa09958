"""What a Speed Read may add after its lead: the tests a further sentence must pass.

The lead tells the event; each addition must tell the reader something more, and read as a whole
sentence where it now stands, under another outlet's lead. Four faults were found by judging the
additions of BASIL's and ECB+'s events by hand (``scripts/probes/lead55/NOTES.md``):

- **it repeats a chosen sentence**: most of its content words (by their first ``STEM`` letters, as
  the headline rule matches them) are already in the lead or an earlier addition. TF-IDF over the
  story's sentences weighs the event's own words least (every sentence has them), so a paraphrase
  of the lead ("Ellen DeGeneres would return next year to host the annual Oscar ceremony") looks
  new to it; counting words plainly does not;
- **it leans back**: a short opening phrase then a person pronoun ("In a statement released
  Tuesday, he decried ..."), or "The" + a word pointing at something said before ("The questions
  come as ...", "The source challenged ...") that neither the headlines nor the lead said;
- **it was cut short**: the splitter took a state's abbreviation for a full stop ("Prominent
  Republicans are calling for Ariz.");
- **something ran into it**: a caption, headline or dateline glued on without a stop ("... at the
  weekend A British climber has fallen ...", "No injuries reported ALASKA - Shortly after ...").

Pure functions of strings; ``brief.summarize`` applies them to the additions only, so the choice of
the lead (judged apart, ``bench.leads``) is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from broadsheet.text import CALENDAR, content_words, word_set

STEM = 6  # words match by their first letters ("resigns", "resigning"), here and in the headline rule
MAX_REPEATED = 0.5  # an addition with this share of its stems in one chosen sentence repeats it

_INTRO_THEN_PRONOUN = re.compile(r"^(?P<intro>[^,]{1,80}),\s+(?:he|she|they)\s", re.I)
_POINTING_NOUNS = word_set(
    "comment comments remark remarks question questions source article line move statement news "
    "announcement incident episode video report letter")
_POINTING = re.compile(r"^The\s+(?P<noun>[a-z]+)\b")
# The AP's state abbreviations and the titles that stand before a name: a sentence ending on one
# straight after a small word was cut where the splitter took its stop for the sentence's end.
_ABBREVIATIONS = (
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb "
    "Nev Okla Ore Pa Tenn Vt Va Wash Wis Wyo Gov Sen Rep Gen Lt Col Sgt Capt Dr Mr Mrs Ms St Mt Ft")
_CUT_ABBREVIATION = re.compile(
    r"\b(?:for|with|to|of|by|from|and|in|at|on)\s+(?:" + "|".join(_ABBREVIATIONS.split()) + r")\.$")
_RUN_IN_ARTICLE = re.compile(r"\b[a-z]+\s+A\s+[A-Za-z]")
_RUN_IN_DATELINE = re.compile(r"\S\s+[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+[-–—]\s+[A-Z]")


def stems(text: str) -> set[str]:
    """The content words of ``text`` by their first ``STEM`` letters."""
    return {word[:STEM] for word in content_words(text)}


def repeats(candidate: set[str], chosen: Iterable[set[str]]) -> bool:
    """Whether at least ``MAX_REPEATED`` of ``candidate``'s stems are in one ``chosen`` sentence."""
    return bool(candidate) and any(
        len(candidate & said) >= MAX_REPEATED * len(candidate) for said in chosen)


def leans_back(text: str, known: set[str]) -> bool:
    """Whether ``text`` points at something the reader has not been told; ``known`` holds the
    stems of the headlines and the lead."""
    intro = _INTRO_THEN_PRONOUN.match(text)
    if intro and not _names_someone(intro.group("intro")):
        return True
    pointing = _POINTING.match(text)
    noun = pointing.group("noun") if pointing else ""
    return noun in _POINTING_NOUNS and noun[:STEM] not in known


def _names_someone(phrase: str) -> bool:
    """Whether a capitalised word other than the first, a weekday or a month is in ``phrase``."""
    return any(word[:1].isupper() and word.lower() not in CALENDAR for word in phrase.split()[1:])


def cut_short(text: str) -> bool:
    """Whether ``text`` ends on an abbreviation right after a small word ("calling for Ariz.")."""
    return bool(_CUT_ABBREVIATION.search(text))


def run_in(text: str) -> bool:
    """Whether a caption, headline or dateline seems glued into ``text`` without a stop."""
    return bool(_RUN_IN_ARTICLE.search(text) or _RUN_IN_DATELINE.search(text))


def may_add(text: str, known: set[str]) -> bool:
    """Whether ``text`` can follow a lead as it stands (repetition is checked against the choice)."""
    return not (leans_back(text, known) or cut_short(text) or run_in(text))
