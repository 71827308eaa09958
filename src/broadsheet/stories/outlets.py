"""Rules 1 and 2 of ``speakers``: a speaker that is no named person: a news outlet (``is_outlet``,
and a name the story writes as a newsroom reporting, ``reports_news``) or an unnamed source
(``is_unnamed``: "officials", "a Lumio spokesperson", "people familiar with the matter").

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from broadsheet.stories.kindwords import ARTICLE
from broadsheet.storytexts import writing_any_case
from broadsheet.text import mentioning_all, name_key

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
    found_in = mentioning_all(texts, ARTICLE.sub("", name), "report")
    if not found_in:
        return False  # every way below writes "report"
    named = re.escape(ARTICLE.sub("", name))
    pattern = re.compile(rf"\b{named}\s+(?:(?:first|also|previously|later|originally)\s+)?report(?:s|ed)\b"
                         rf"(?=\s+(?:that|on\s+\w+day|\w+day|earlier|last|this|late|citing)\b|\s*[.,;])|"
                         rf"\b{named}['’]s\s+(?:\w+\s+)?(?:report|reporting|story|scoop)\b|"
                         rf"\bas\s+(?:first\s+|previously\s+)?reported\s+(?:by|in)\s+(?:the\s+)?{named}\b")
    return any(pattern.search(text) for text in found_in)


def newsroom_named(name: str, texts: Iterable[str]) -> bool:
    """Whether the story writes ``name`` with a newsroom's word right before or after it: "the state
    news agency PNA", "the official PNA news agency", "the newspaper Plains Herald", "Holt Weekly
    magazine", "the Plains Courier newspaper" (rule 1)."""
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return False
    found_in = [text for text in writing_any_case(texts, ARTICLE.sub("", name)) if _newsroom_word(text)]
    if not found_in:
        return False
    named = re.escape(ARTICLE.sub("", name))
    pattern = re.compile(rf"\b(?:news\s+agency|newspaper|broadcaster|news\s+site|tabloid),?\s+(?:the\s+)?"
                         rf"{named}\b(?!\s+(?-i:[A-Z]))|\b{named}\s+(?:news\s+agency|magazine|newspaper)\b",
                         re.I)
    return any(pattern.search(text) for text in found_in)


_NEWSROOM_WORD = re.compile(r"news\s+agency|newspaper|broadcaster|news\s+site|tabloid|magazine", re.I)


@lru_cache(maxsize=4096)
def _newsroom_word(text: str) -> bool:
    """Whether ``text`` holds a word ``newsroom_named`` reads (each of its patterns needs one): a
    story's texts are read for it once, not once per voice (a text's hash is kept by the string)."""
    return _NEWSROOM_WORD.search(text) is not None


# A college, an institute, a society: a body whose reports are its findings, no newsroom's.
_INSTITUTION = re.compile(r"\b(?:college|university|institute|society|association|academy|foundation|"
                          r"federation|council|board|agency|department|ministry|centers?|centres?)\b", re.I)


def is_unnamed(name: str) -> bool:
    """True for a source without a name: "officials", "a Lumio spokesperson", "people familiar
    with the plan", "two senior officials" (rule 2)."""
    words = name.split()
    representative = _REPRESENTATIVE_FOR, _A_REPRESENTATIVE, _REPRESENTATIVES, _REPRESENTATIVE_OF_NAME
    if words and any(pattern.match(name) for pattern in representative):
        return True  # "A representative for the platform", "Their company representative": unnamed
    if _SOMEONE_FAMILIAR.match(name):
        return True  # "a publishing executive familiar with the talks": whoever it is, unnamed
    if _ONE_UNNAMED.match(name):
        return True  # "a senior Ada Holt adviser", "one Lumio Plains employee": one of theirs, unnamed
    if not words or not _SOURCE_WORDS.search(name) or _named_body(words):
        return False
    if _SPOKESPERSON_FOR.match(name):
        return True
    head = " ".join(words[:3]) if len(words) > 3 else name
    if _HEAD_SOURCE.search(head.rstrip(".,")) or _FAMILIAR.search(name):
        return True
    capitalised = [w for w in words[1:] if w[:1].isupper()]
    return not capitalised


# Someone described, no name, as familiar with a thing ("a publishing executive familiar with the talks",
# "one lawyer familiar with the case"): an article or a count, lower-case words and "familiar with".
_SOMEONE_FAMILIAR = re.compile(r"^(?i:an?|one|two|three|four|several|some)\s+(?:[a-z][\w-]*\s+){1,3}"
                               r"familiar\s+with\b")
# One person counted, up to four words (a body's or a person's name among them) and a singular source head.
_ONE_UNNAMED = re.compile(r"^(?i:an?|one)\s+(?:[\w&'’.-]+\s+){0,4}"
                          r"(?:employee|adviser|advisor|aide|staffer|insider|source|official)$")
_REPRESENTATIVE_FOR = re.compile(r"^(?:an?|one)\s+(?:\w+\s+)?representative\s+(?:for|of|at|from)\s+"
                                 r"(?:the|an?|its|their|his|her)\s+[a-z]", re.I)
# "A representative for Mr. Dahl", "a spokesman of Lumio": one person counted, speaking for a name.
_REPRESENTATIVE_OF_NAME = re.compile(r"^(?i:an?|one)\s+(?:[a-z]+\s+)?"
                                     r"(?i:representative|spokes(?:man|woman|person))\s+(?:for|of)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z]")
# "a company representative", "Their company representative";
# "A Secret Service representative", "a Plains Union representative": a body's, unnamed, whatever the body
_A_REPRESENTATIVE = re.compile(r"^(?:[Aa]n?|[Oo]ne|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)\s+"
                               r"(?:[a-z][\w-]*\s+|(?:[A-Z][\w&'’.-]*\s+){1,3})?representative$")
# "Razer representatives", "company representatives": a body's people, unnamed; not "representatives of ..."
_REPRESENTATIVES = re.compile(r"^(?:[\w&'’.-]+\s+){1,3}representatives$")
_SPOKESPERSON_FOR = re.compile(r"^(?:an?|the|one)\s+(?:\w+\s+)?(?:spokes\w+|sources?|officials?|aides?)\s+"
                               r"(?:for|of|at|in|with|to)\b", re.I)


def _named_body(words: list[str]) -> bool:
    """Whether a source word is part of a proper name ("Indiana State Police", "Fort Worth Police
    Department"): capitalised, after the first word."""
    return any(_SOURCE_WORDS.fullmatch(w) and w[:1].isupper() for w in words[1:])
