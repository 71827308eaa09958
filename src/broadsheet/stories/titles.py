"""What a story writes around a speaker's name, read for its kind when the analysis gave it no
role: a title before the name (``title_before``), a description after it (``description_after``),
an office a relative clause after it says the speaker held (``held_after``), the words an acronym
stands for (``spelled_out``, ``acronym_body_before``), the name an abbreviation is given in brackets
(``defined_before``), and whether the story calls the speaker a chief executive (``runs_a_company``).

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from broadsheet.stories.kindwords import EXPERT, FORMER, OFFICE, PARTY
from broadsheet.storytexts import readable, written_then
from broadsheet.text import mentioning, mentioning_all

_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|asked|according|added|wrote|and|or|with|by)\b",
                     re.I)


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
    return any(pattern.search(text) for text in mentioning(texts, parts[-1]))  # each form ends in it


_CHIEF_EXECUTIVE = r"(?:CEO|chief executive(?: officer)?)\b"
# The end of a sentence inside the words before a name: a word of four lower-case letters or more
# and a stop ("industry."; not "Sen.", "Capt."), a question or exclamation mark, or a line break.
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{4}\.)|(?<=[!?]))\s+|[ \t]*\n\s*")


# A person counted ("a woman in Plains City, Plains", "one voter from Plains"): no proper name, no place
# that speaks; not a quantity ("a few states", "a number of officials").
A_PERSON_COUNTED = re.compile(r"(?i:an?|one)\s+(?!few\b|number\b|host\b|handful\b|lot\b)[a-z]")


def title_before(name: str, texts: Iterable[str]) -> str | None:
    """The words just before ``name`` in one of ``texts``, when they hold an office or an expert's
    title ("Finance minister Helena Rask resigned" -> "Finance minister"), within its sentence (not
    "... the region's call centre industry. Lumio said"), with a "former" before its four words
    ("former White House Russia adviser Ada Holt"); None when none do."""
    parts, texts = name.split(), readable(texts)
    one_word = len(parts) < 2
    if not parts or not parts[-1][:1].isupper() or (one_word and len(name) < 3) \
            or A_PERSON_COUNTED.match(name):
        return None  # no proper name: "the doctor prescribed the man" gives "the man" no title, nor
        # "... to be president after a woman in Plains City" "a woman in Plains City"
    end = r"\b(?![ \t]+[A-Z])" if one_word else r"\b"  # "President Ascom Americas" is not Ascom's
    pattern = re.compile(r"((?:[A-Za-z][\w'’.-]*\s+){1,4})" + re.escape(name) + end)
    for text in mentioning(texts, name):
        for match in words_before(pattern, text, name):
            words = _SENTENCE_END.split(match.group(1))[-1].strip()  # "... centre industry. Lumio said"
            words = _SPEECH.split(words)[-1].strip()  # "D-N.Y., and Sen. Ada Holt": "Sen."
            if not words or _NOT_YET.search(words):
                continue  # "a would-be president Ada Holt": a candidate, no office
            if _OWNER_BEFORE.search(words):
                continue  # "a spokesperson for Ada Holt": the name is whose spokesperson, not hers
            if one_word and not OFFICE.fullmatch(words.split()[-1]):
                continue  # "President Trump", not "a spokesperson for Instagram"
            if OFFICE.search(words) or EXPERT.search(words):
                whole = words == match.group(1).strip()  # "former White House Russia adviser Ada Holt"
                former = _FORMER_BEFORE.search(text, 0, match.start(1)) if whole else None
                return f"{former.group(1)} {words}" if former else words
    return _apposed_title(name, parts, texts) or _listed_title(name, parts, texts) \
        or _bracketed_title(name, parts, texts)


def _bracketed_title(name: str, parts: list[str], texts: Iterable[str]) -> str | None:
    """The title an editor's bracket writes before a name, the bracket closing inside the name or
    after the title ("[special counsel Ada] Holt", "[Sen.] Ada Holt"): the title, when it holds an
    office or an expert's word; None otherwise."""
    if len(parts) < 2:
        return None
    found_in = mentioning_all(texts, parts[-1], "[")
    if not found_in:
        return None  # no editor's bracket: no pattern to build
    inside = re.escape(" ".join(parts[:-1]))
    pattern = re.compile(rf"\[((?:[A-Za-z][\w'’.-]*[ \t]+){{0,3}}[A-Za-z][\w'’.-]*)"
                         rf"(?:[ \t]+{inside}\][ \t]+|\][ \t]+{inside}[ \t]+){re.escape(parts[-1])}(?![\w-])")
    for text in found_in:
        for match in pattern.finditer(text):
            words = match.group(1)
            if OFFICE.search(words) or EXPERT.search(words):
                return words
    return None


# A plural title heading a list of names, each with a bracketed state at most, joined by commas and
# "and" ("Reps. Ada Holt (Ohio), Ivo Dahl (Maine) and Una Berg (Iowa)"): each listed name's title.
_PLURAL_TITLES = {"Reps.": "Rep.", "Representatives": "Representative", "Sens.": "Sen.",
                  "Senators": "Senator", "Govs.": "Gov.", "Governors": "Governor"}
_LISTED_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}(?:[ \t]+\([^()\n]{1,30}\))?"
_LISTED = re.compile(rf"(?<!\bof )\b(?-i:({'|'.join(re.escape(t) for t in _PLURAL_TITLES)}))[ \t]+"
                     rf"({_LISTED_NAME}(?:,?[ \t]+and[ \t]+{_LISTED_NAME}|,[ \t]+{_LISTED_NAME})+)")
_LIST_BREAK = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")
_STATE_BRACKET = re.compile(r"[ \t]+\([^()]*\)$")


def _listed_title(name: str, parts: list[str], texts: Iterable[str]) -> str | None:
    """The title a plural title heading a list of names gives one of them ("Reps. Ada Holt (Ohio), Ivo
    Dahl (Maine) and Una Berg (Iowa)": "Rep." for each); None when the name is in no such list."""
    if len(parts) < 2:
        return None
    for text in mentioning(texts, name):
        for match in _LISTED.finditer(text):
            listed = {_STATE_BRACKET.sub("", item) for item in _LIST_BREAK.split(match.group(2))}
            if name in listed:
                return _PLURAL_TITLES[match.group(1)]
    return None


def words_before(pattern: re.Pattern[str], text: str, name: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern of words written right before ``name`` (words of
    ``_IN_WORDS`` characters, then the name, then at most a look at the spaces and the character
    after it), read only in the runs of such characters that lead up to the name: a story of
    hundreds of articles names its people in every one, and a search from every letter of every
    text took most of a big story's voices. The same matches: a match ending in a name written at
    ``q`` lies in the run of word characters ``q`` ends, so no match starts before that run or
    after its end (a test checks this against ``finditer`` on random texts)."""
    pos = 0
    while (q := text.find(name, pos)) >= 0:
        start = q
        while start > pos and _IN_WORDS.match(text, start - 1):
            start -= 1
        end = _BREAK.search(text, q)
        run_end = end.start() if end else len(text)
        match = pattern.search(text, start, _after_spaces(text, run_end + len(name)) + 1)
        if match is None:
            pos = run_end + 1
            continue
        yield match
        pos = match.end()


_IN_WORDS = re.compile(r"[\w'’.\s-]")  # what the words before a name (title_before's) are made of
_BREAK = re.compile(r"[^\w'’.\s-]")


def _after_spaces(text: str, at: int) -> int:
    """The end of the run of spaces and tabs at ``at``: what a look past a name may read."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


# A title ending in a preposition right before a name makes the name its owner, not its holder.
_OWNER_BEFORE = re.compile(r"(?<![\w'’-])(?:for|of|at|with|to|from|by)$", re.I)


def _apposed_title(name: str, parts: list[str], texts: Iterable[str]) -> str | None:
    """An office written as a definite description set before the name with a comma, the name's own
    clause closing after it ("the Senate Democratic leader, Ada Holt of Ohio, went ..."; "the
    mayor, Ada Holt, said"); not a list ("the mayor, Ada Holt and Ivo Dahl")."""
    if len(parts) < 2:
        return None
    pattern = re.compile(r"(?<![\w'’-])the\s+((?:[\w'’.-]+\s+){0,3}[\w'’.-]+),\s+" + re.escape(name)
                         + r"(?=,|\s+of\s+[A-Z]|\s+\()")
    for text in mentioning(texts, name):
        for match in pattern.finditer(text):
            words = match.group(1)
            if not _SPEECH.search(words) and OFFICE.search(words):
                return words
    return None


_NOT_YET = re.compile(r"\b(?:would-be|wannabe|aspiring)\s+\S+$", re.I)  # the title's office not yet held
_FORMER_BEFORE = re.compile(r"\b(former|ex-|retired|one-time|onetime)\s+$", re.I)


def description_after(name: str, texts: Iterable[str]) -> str | None:
    """The words just after ``name`` in one of ``texts`` that describe it with an office or an
    expert's title: an apposition ("Owen John Dempsey, a consultant chest physician at …"), a
    relative "who is" ("Howitt, who is now an immunologist at Stanford University") or an "of the"
    body ("Penelope Muse Abernathy of the University of North Carolina"), after a degree or two
    ("Nadia Parr, MD, an internal medicine physician at ..."); the name may be written
    by its last word alone ("said Howitt, who is …"). None when none does."""
    parts, texts = name.split(), readable(texts)
    if not parts or not parts[-1][:1].isupper():
        return None
    proper = all(p[:1].isupper() for p in parts)  # a person's name, not "Volker and Morrison"
    forms = (name, parts[-1]) if proper else (name,)
    kept = [n for n in dict.fromkeys(forms) if len(n) > 2]
    for text in mentioning(texts, *kept) if kept else texts:
        for start, match in written_then(text, kept, _DESCRIBED_AFTER, before=_WORD_EDGE):
            words = _WHEN.split(match.group(1).strip())[0]  # "a lawyer by the time her husband won
            # the governorship": the clause of time is about another
            if _PARTY_OF_STATE.match(words) and not text[start:match.end()].startswith(name):
                continue  # "Ada Holt, Republican of Ohio" is hers, not her husband's, "Ivo Holt"
            if OFFICE.search(words) or EXPERT.search(words) or FORMER.search(words):
                return words
    return None


# A clause of time in a description ("by the time ...", "when ...", "while ...", "until ..."): it tells
# when, often of someone else, not what the one described is.
_WHEN = re.compile(r"\s+(?:by\s+the\s+time|when|while|until)\s+", re.I)


def held_after(name: str, texts: Iterable[str]) -> str | None:
    """An office a relative clause after the name (or its last word) says the speaker held ("Ivo Dahl,
    who was deputy secretary at the Plains department under ...", "Mr. Dahl, who served as governor
    from 2001 to 2009"), as a former one ("former deputy secretary ..."); not a passive ("who was
    elected governor": he holds it) nor a place ("who was at the White House")."""
    parts, texts = name.split(), readable(texts)
    if not parts or not parts[-1][:1].isupper():
        return None
    kept = [n for n in dict.fromkeys((name, parts[-1])) if len(n) > 2]
    if not kept:
        return None
    for text in mentioning(texts, *kept):
        for _, match in written_then(text, kept, _WHO_WAS, before=_WORD_EDGE):
            words = match.group(1).strip()
            office = OFFICE.search(words)
            before = words[:office.start()].split() if office else []
            if office and len(before) <= 3 and not {w.lower() for w in before} & _NOT_HELD \
                    and not _PASSIVE.match(words):
                return f"former {words}"
    return None


_NOT_HELD = frozenset({"in", "at", "on", "with", "among", "to", "from", "by", "not", "there", "also",
                       "near", "inside", "outside", "for", "of"})
_PASSIVE = re.compile(r"(?:\w+ed|sworn|chosen|born|named|made|given|seen|known|told|re-?elected)\b", re.I)


_PARTY_OF_STATE = re.compile(rf"{PARTY}\s+of\s")


_DESCRIBED = (r"(?:,\s+(?:M\.?D|Ph\.?D|D\.?O|R\.?N|MPH|MBA|DDS|DVM|PsyD)\.?)*"  # "Parr, MD, an internist"
              r"(?:,\s+(?:who\s+is\s+(?:now\s+)?)?(?:an?|the)\s+|\s+of\s+(?=the\s+[A-Z])|"
              rf",\s+(?={PARTY}\s+of\s+[A-Z]))"  # "Ada Holt, Republican of Ohio"
              r"([^,.;:()\"“”]{3,120})")
_DESCRIBED_AFTER = re.compile(_DESCRIBED)  # read right after the name
_WHO_WAS = re.compile(r",\s+who\s+(?:was|served\s+as)\s+(?:(?:an?|the)\s+)?([^,.;:()\"“”]{3,120})")
_WORD_EDGE = re.compile(r"\b")
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
        for run, words in _capitalised_runs(text):
            for start in range(len(words) - len(letters) + 1):
                window = words[start : start + len(letters)]
                if "".join(w[0] for w in window) == letters and not all(w.isupper() for w in window):
                    return _span_of(run, window)
    return None


@lru_cache(maxsize=4096)
def _capitalised_runs(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The runs of capitalised words of ``text``, each with its words but the linking ones: a story's
    texts are read for them once, not once per acronym a voice is called (a text's hash is kept by
    the string)."""
    return tuple((run.group(), tuple(w for w in run.group().split() if w.lower() not in _LINKS))
                 for run in _CAPITALISED_RUN.finditer(text))


def defined_before(name: str, texts: Iterable[str]) -> str | None:
    """The name an abbreviation is given in brackets right after ("the country's Central Election
    Commission (TsIK)": whatever its letters, a transliteration's too); None when the story gives
    none."""
    short = _ABBREVIATION.fullmatch(name.strip())
    if short is None:
        return None
    pattern = re.compile(rf"({_CAPITALISED_RUN.pattern})[ \t]*\([ \t]*{re.escape(short.group(1))}[ \t]*\)")
    for text in mentioning(texts, short.group(1)):
        found = pattern.search(text)
        if found and len(found.group(1).split()) > 1 and not found.group(1).isupper():
            return found.group(1)  # not a dateline's place, "NEW YORK (AP)"
    return None


# An abbreviation: two to eight letters, two capitals at least ("DEA", "TsIK", "MoD").
_ABBREVIATION = re.compile(r"(?:the\s+)?((?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,7})")


def acronym_body_before(name: str, texts: Iterable[str]) -> str | None:
    """The body an acronym written before the speaker's title and name stands for ("DAE Additional
    Director Dr Azizur Rahman", with "Department of Agricultural Extension (DAE)" in the story; three
    letters at least: "US President" is no body);
    None when there is none or the story does not spell it out."""
    parts = name.split()
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return None
    pattern = re.compile(r"\b([A-Z]{3,6})\s+(?:[A-Z][\w-]*\s+){1,3}(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?"
                         + re.escape(name) + r"\b")
    texts = readable(texts)
    for text in mentioning(texts, name):
        for match in pattern.finditer(text):
            body = spelled_out(match.group(1), texts)
            if body:
                return body
    return None


def _span_of(run: str, words: Sequence[str]) -> str:
    """The part of ``run`` from the first to the last of ``words`` (its linking words kept)."""
    start = run.index(words[0])
    end = run.index(words[-1], start) + len(words[-1])
    return run[start:end]
