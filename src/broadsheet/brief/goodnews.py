"""Good News: does a story read positive? A lexicon scorer, offline, no model and no cloud API.

A story reads positive when what happened is good for someone — a rescue, a cure, a gift, a
record, a reunion, a species saved — not when the prose is upbeat. So the lexicon (``LEXICON``,
written for broadsheet; ``+`` good events, ``-`` harm) weighs events, not adjectives, and:
- a word matches an entry by its stem (``rescu`` matches rescue, rescued, rescuers);
- a negation ("no", "not", "never", "without", "n't") within the three words before an entry
  turns it the other way at half weight ("no one was hurt" reads good, "not saved" bad);
- the headline counts ``TITLE_WEIGHT`` times the body;
- a story's text is the headlines of its independent articles and their first ``LEAD_SENTENCES``
  sentences (where the news is; the rest is background that often recalls old harm);
- the score is ``(good - harm) / (good + harm + SMOOTHING)``, in (-1, 1); a story is good news at
  ``THRESHOLD`` or more, and never when its headlines name a grave harm (``VETO``: a death, a
  killing, an attack), whatever else they say.

Measured on ``tests/data/goodnews/`` (hand-labelled stories, MIT text) by ``broadsheet bench
edition``; the test suite pins the figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from broadsheet.brief.rank import independent_ids
from broadsheet.model import Analysis, Story
from broadsheet.text import first_sentences, lower_words

LEAD_SENTENCES = 3
LEAD_CHARS = 2000  # the lead sentences are in there; splitting the whole text would only cost time
TITLE_WEIGHT = 2.0
SMOOTHING = 2.0
THRESHOLD = 0.35
NEGATION_WINDOW = 3

# stem: weight. Written for broadsheet (no third-party list), in groups of events, not moods.
_GOOD = """
rescu 3, saved 3, lifesav 3, freed 3, releas 1, reunit 3, reunion 3, found 2, recover 2,
cure 3, cured 3, heal 2, breakthrough 3, discover 3, scientist 2, researcher 2, astronomer 2,
physicist 2, telescope 2, spacecraft 1, species 1, confirm 1, map 1, simulation 1,
donat 3, donor 2, charit 3, grant 2, volunteer 3, kindness 3, generous 3, generosit 3, gift 1,
celebrat 2, anniversary 2, hero 2, restor 2, conserv 2, renewable 2, solar 2, adopt 2,
milestone 2, thriv 2, inspir 2, joy 2, grateful 2, gratitude 2, peace 2, resolv 2, settl 1,
agree 1, allowed 1, over 1, graduat 2, scholarship 2, achiev 2, triumph 1, reviv 2, survivor 2,
newborn 2, smile 2, hope 1, hopeful 2, improv 1,
"""
_HARM = """
kill 3, dead 3, death 3, die 3, died 3, dies 3, dying 3, murder 3, shoot 2, shot 2, gunman 3,
attack 2, war 2, bomb 3, terror 3, crash 2, injur 2, wound 2, victim 2, abus 3, assault 3, rape 3,
arrest 2, charged 1, guilty 2, prison 2, jail 2, sentenc 2, lawsuit 1, sued 1, fraud 2,
scandal 2, impeach 2, investigat 1, accus 2, alleg 2, threat 2, fear 1, crisis 2, disaster 3,
flood 2, wildfire 2, fire 1, storm 1, plague 2, outbreak 2, disease 1, cancer 1, virus 1,
pandemic 2, poverty 1, fell 1, drop 1, lose 1, loss 1, lost 1, fail 1, declin 1, layoff 2, fired 1,
protest 1, violen 2, fight 1, conflict 2, sanction 1, ban 1, collaps 2, warn 1, danger 2, risk 1,
worst 2, tragic 3, tragedy 3, mourn 3, grief 3, suicid 3, overdos 2, meth 1, drug 1, hack 1,
breach 1, scam 2, stole 2, theft 2, missing 1, kidnap 3, hostage 2, racis 2, hate 2, harass 2,
controvers 1, critic 1, backlash 1, row 1, dispute 1, slam 1, blast 1, cut 1, problem 1,
struggl 1, suffer 2, pain 1, sick 1, ill 1, hurt 2, damag 2, destroy 2, destruct 2, emergency 1,
shortage 1, debt 1, recession 2, deni 1, refus 1, strike 1, shut 1, delay 1, pollut 2,
toxic 2, poison 2, cruel 2, hunger 2, famine 3, epidemic 2, quake 3, earthquake 3,
hurricane 2, tornado 2, evacuat 1, brutal 2, horror 2, chaos 2, turmoil 2, plung 1, slump 1,
deport 2, shatter 2, dismal 2, broke 1, glitch 1, trade war 2, tariff 1, slaughter 3, clash 2,
"""
# Commerce and products: a price, a sale or a gadget is not good news for anyone in particular.
_COMMERCE = """
stock 1, shares 1, investor 1, earnings 1, sales 1, review 1, deal 1, price 1, listing 1,
ceo 1, merger 1, market 1, revenue 1, profit 1, brand 1, launch 1, model 1, platform 1,
suv 1, convertible 1, keyboard 1, gaming 1, advertis 1, partnership 1, release clause 1,
"""
# A title naming one of these is good news even when it names a harm ("rescue of kidnapped girl").
RELIEF = frozenset({"rescu", "saved", "freed", "reunit", "cure", "cured", "recover", "found"})
VETO = frozenset({"kill", "dead", "death", "die", "died", "dies", "murder", "shoot", "shot",
                  "attack", "bomb", "terror", "rape", "abus", "assault", "gunman", "suicid",
                  "kidnap", "war", "hostage", "slaughter"})
NEGATIONS = frozenset({"no", "not", "never", "without", "nobody", "none", "nothing", "t"})


def _lexicon(table: str, sign: float) -> dict[str, float]:
    entries = (item.rsplit(maxsplit=1) for item in table.replace("\n", " ").split(",") if item.strip())
    return {stem.strip(): sign * float(weight) for stem, weight in entries}


LEXICON: dict[str, float] = {**_lexicon(_COMMERCE, -1.0), **_lexicon(_GOOD, 1.0),
                             **_lexicon(_HARM, -1.0)}
_STEMS = sorted(LEXICON, key=len, reverse=True)
_SHORT = {s for s in _STEMS if len(s) <= 4}  # short stems match whole words only ("war", not "ward")
_STEM_RE = re.compile("|".join(re.escape(s) for s in _STEMS))


@lru_cache(maxsize=1 << 16)  # a story's words recur across its articles and the edition's stories
def stem_of(word: str) -> str | None:
    """The lexicon stem ``word`` (lower-cased) starts with, the longest one; None when none does."""
    found = _STEM_RE.match(word)
    if found is None:
        return None
    stem = found.group()
    if stem in _SHORT and word != stem and word not in (stem + "s", stem + "ed", stem + "ing"):
        return next((s for s in _STEMS if s not in _SHORT and word.startswith(s)), None)
    return stem


def tally(text: str, weight: float = 1.0) -> tuple[float, float, set[str]]:
    """``(good, harm, stems)`` of ``text``: weighted sums of matched entries, negations applied."""
    good = harm = 0.0
    seen: set[str] = set()
    tokens = lower_words(text)
    for i, token in enumerate(tokens):
        stem = stem_of(token)
        if stem is None:
            continue
        value = LEXICON[stem] * weight
        if any(t in NEGATIONS for t in tokens[max(0, i - NEGATION_WINDOW):i]):
            value = -value / 2
        seen.add(stem)
        good, harm = (good + value, harm) if value > 0 else (good, harm - value)
    return good, harm, seen


def positivity(titles: Sequence[str], bodies: Sequence[str]) -> float:
    """The score of a story told by ``titles`` and lead ``bodies`` (module docstring); -1 on a veto."""
    good = harm = 0.0
    for title in titles:
        g, h, stems = tally(title, TITLE_WEIGHT)
        if stems & VETO and not stems & RELIEF:
            return -1.0
        good, harm = good + g, harm + h
    for body in bodies:
        g, h, _ = tally(body)
        good, harm = good + g, harm + h
    return round((good - harm) / (good + harm + SMOOTHING), 4)


def story_text(story: Story, analyses: Mapping[str, Analysis]) -> tuple[list[str], list[str]]:
    """The headlines and lead sentences of the story's independent articles."""
    members = [analyses[aid].article for aid in independent_ids(story) if aid in analyses]
    titles = [a.title for a in members if a.title] or [story.title]
    bodies = [" ".join(first_sentences(a.text[:LEAD_CHARS], LEAD_SENTENCES)) for a in members]
    return titles, bodies


def story_positivity(story: Story, analyses: Mapping[str, Analysis]) -> float:
    """How positive ``story`` reads, in [-1, 1)."""
    return positivity(*story_text(story, analyses))


def good_news(stories: Sequence[Story], analyses: Mapping[str, Analysis]) -> list[Story]:
    """The stories that read positive (score >= ``THRESHOLD``), most positive first."""
    scored = [(story_positivity(s, analyses), i, s) for i, s in enumerate(stories)]
    return [s for score, _, s in sorted(scored, key=lambda x: (-x[0], x[1])) if score >= THRESHOLD]
