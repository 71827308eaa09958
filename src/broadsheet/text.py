"""Words, sentences and names: the one home of the text helpers every stage uses.

Extraction, analysis, stories and the brief all count words, split sentences and compare names; they
do it here, the same way, so that "a sentence" or "the same speaker" means one thing across the
pipeline. Pure functions of strings, no I/O.

- words: ``words`` (``\\w+`` runs), ``word_count`` (CJK-aware), ``word_set`` (a readable literal for
  long word lists), ``content_words`` (lower-cased, stop words and possessives dropped);
- comparison forms: ``collapse`` (white space), ``normal`` (and lower case), ``squash`` (letters and
  digits only), ``name_key`` (a person's or organisation's name, for grouping mentions), ``EDGE_PUNCT``
  (what a name or a quote is stripped of at its edges);
- sentences: ``split_sentences`` gives ``(start, end)`` offsets and does not break after
  abbreviations ("U.S.", "Sept.", "Mr.", initials); ``sentences`` gives their texts;
  ``ends_sentence`` tells whether a line ends like one;
- vectors: ``tfidf_vectors`` and ``cosine`` for the small sets of sentences a story holds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

from broadsheet.storytexts import StoryTexts

Span = tuple[int, int]
Vector = dict[str, float]

WORD = re.compile(r"\w+")


def word_set(spaced: str) -> frozenset[str]:
    """The set of the space-separated words of ``spaced`` (keeps long word lists readable)."""
    return frozenset(spaced.split())


# --- words -------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Every ``\\w+`` run of ``text``, case kept."""
    return WORD.findall(text)


def lower_words(text: str) -> list[str]:
    """Every ``\\w+`` run of ``text``, lower-cased."""
    return [w.lower() for w in WORD.findall(text)]


_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Number of ``\\w+`` words; a CJK run without spaces counts one word per two characters.
    A short text's count is remembered (``_CACHED_CHARS``, the last ``_CACHED_TEXTS``): the
    extraction stage counts each paragraph four or five times over (boilerplate, page signals)."""
    if len(text) > _CACHED_CHARS:
        return _word_count(text)
    return _cached_word_count(text)


def _word_count(text: str) -> int:
    return max(len(WORD.findall(text)), len(_CJK.findall(text)) // 2)


_CACHED_CHARS = 2_000
_CACHED_TEXTS = 1_024  # at most 2,000 characters each: a few megabytes held at the most
_cached_word_count = lru_cache(maxsize=_CACHED_TEXTS)(_word_count)


STOP_WORDS = word_set(
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers herself him himself his how i if in into is it "
    "its itself just me more most my myself no nor not now of off on once only or other our ours "
    "ourselves out over own same she should so some such than that the their theirs them "
    "themselves then there these they this those through to too under until up very was we were "
    "what when where which while who whom why will with would you your yours yourself said says "
    "say told according mr ms mrs"
)
_CONTENT_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")


def content_words(text: str) -> list[str]:
    """Lower-cased content words of ``text``: stop words, one-letter words and possessive 's dropped."""
    found = (w.removesuffix("'s").removesuffix("’s") for w in _CONTENT_WORD.findall(text.casefold()))
    return [w for w in found if len(w) > 1 and w not in STOP_WORDS]


# --- comparison forms ----------------------------------------------------------------------------


def collapse(text: str) -> str:
    """``text`` with every run of white space made one space, and trimmed."""
    return " ".join(text.split())


def normal(text: str) -> str:
    """White space collapsed and lower-cased: the form used to spot a repeated line."""
    return collapse(text).lower()


def squash(text: str) -> str:
    """Lower-cased letters and digits only: "TheWeek.com" and "The Week" compare alike-ish."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


HONORIFICS = word_set("mr mrs ms miss mx messrs mme mlle dr prof sir dame")
# Quotation marks, brackets, separators and spaces stripped from the edges of a speaker's name or
# of the words said (the brief's voices and its rules of words no one said).
EDGE_PUNCT = "\"'“”‘’()[],;:-–— "
_NON_WORD = re.compile(r"[^\w\s]")


def name_key(name: str) -> str:
    """The comparison key of a name: case, punctuation, spacing and a leading "the" ignored.

    "The Washington Post", "the Washington Post." and "Washington Post" share a key; so do
    "U.S." and "US". Courtesy titles are kept: strip them first where they do not count.
    """
    parts = _NON_WORD.sub("", name.casefold()).split()
    return " ".join(parts[1:] if len(parts) > 1 and parts[0] == "the" else parts)


GENERATIONS = word_set("jr sr ii iii iv")  # generational suffixes after a surname


# Short forms of common English given names, each under the form a person's key uses ("Josh Apte"
# and "Joshua Apte", "Tim Morrison" and "Timothy Morrison" are one person in a story). General
# knowledge of names, not strings of any site; a short form of several names goes with none.
_GIVEN_NAMES = """
    abraham:abe alexander:alex andrew:andy anthony:tony benjamin:ben,benji
    charles:chuck,charlie christopher:chris daniel:dan,danny david:dave deborah:debbie,deb
    donald:don edward:ed,eddie,ted elizabeth:liz,beth,betsy frederick:fred gerald:jerry
    gregory:greg james:jim,jimmy,jamie jeffrey:jeff jennifer:jen,jenny jonathan:jon joseph:joe,joey
    joshua:josh katherine:kate,kathy,katie kenneth:ken kimberly:kim lawrence:larry leonard:len
    margaret:maggie,peggy matthew:matt michael:mike,mikey mitchell:mitch nathaniel:nate
    nicholas:nick,nicky patricia:pat,patty patrick:paddy peter:pete philip:phil rebecca:becky
    richard:rich,rick,dick,ricky robert:bob,bobby,rob,robbie ronald:ron,ronnie samuel:sam
    stephen:steve,stevie steven:steve susan:sue thomas:tom,tommy timothy:tim theodore:teddy
    victoria:vicky william:bill,billy,will,willie zachary:zach,zack
"""


def _given_names(table: str) -> dict[str, str]:
    """Short form -> the form keys use; a short form listed under two names is dropped."""
    forms: dict[str, set[str]] = {}
    for entry in table.split():
        full, short = entry.split(":")
        for form in short.split(","):
            forms.setdefault(form, set()).add(full)
    return {form: next(iter(fulls)) for form, fulls in forms.items() if len(fulls) == 1}


GIVEN_NAMES = _given_names(_GIVEN_NAMES)


def person_key(name: str) -> str:
    """The key one person goes by whatever the article calls them: first and last word of the name
    without courtesy titles, initials and generational suffixes, a short given name in its full
    form ("Adam B. Schiff", "Mr. Adam Schiff" and "adam schiff jr." -> "adam schiff"; "Josh Apte"
    -> "joshua apte"; a single word stays itself: "Trump" -> "trump")."""
    parts = [p for p in name_key(name).split() if p not in HONORIFICS and p not in GENERATIONS]
    named = [p for p in parts if len(p) > 1] or parts
    if len(named) < 2:
        return "".join(named)
    return f"{GIVEN_NAMES.get(named[0], named[0])} {named[-1]}"


# The days of the week and the months, as words: a capitalised word that names no one
CALENDAR = word_set("monday tuesday wednesday thursday friday saturday sunday january february march "
                    "april may june july august september october november december")
# English month names and their abbreviations, for patterns (alternatives, no group)
MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")


def quoted_fraction(text: str) -> float:
    """The share of ``text``'s characters that sit inside quotation marks."""
    inside = sum(len(m.group()) for m in QUOTED.finditer(text))
    return inside / len(text) if text else 0.0


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
MAX_MESSAGE_CHARS = 500


def mentioning(texts: Iterable[str], *written: str) -> list[str]:
    """The texts holding one of ``written`` as it is written (case and all): a case-sensitive
    pattern that must match one of them can match nowhere else, so a story of hundreds of articles
    is read only where a speaker is named, not every text once per voice (a story's ``StoryTexts``
    answers from the index of its words, each question once)."""
    if isinstance(texts, StoryTexts):
        return texts.holding(*written)
    if len(written) == 1:  # the most asked, read without a generator per text
        one = written[0]
        return [text for text in texts if one in text]
    return [text for text in texts if any(w in text for w in written)]


def mentioning_all(texts: Iterable[str], first: str, *more: str) -> list[str]:
    """The texts holding ``first`` (as ``mentioning`` finds them) and every one of ``more``, each as it
    is written: where a pattern needs all of them, it is built only when one of these is left."""
    return [text for text in mentioning(texts, first) if all(w in text for w in more)]


def printable(message: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``message`` safe to print on a terminal or in a JSON line: control characters and lone
    surrogates (undecodable bytes of a file name) shown as ``\\xNN`` escapes, cut to ``limit``."""
    safe = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()) & 0xFF:02x}", message)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


# --- sentences -----------------------------------------------------------------------------------

ABBREVIATIONS = word_set(
    "mr mrs ms mx dr prof sr jr st mt sen rep gov gen col lt capt sgt adm cmdr maj rev hon pres "
    "supt insp det jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs "
    "fri sat sun inc corp co ltd llc plc bros dept univ assn est no nos vs etc approx fig al ave "
    "blvd rd ft"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘]?[A-Z0-9])|[。！？]")
_LAST_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z.]*$")
_WORD_REACH = 64  # no abbreviation is longer; looking further back only costs time
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?:[.!?…]|[。！？])[\"'”’»)\]」』）]*$")


def split_sentences(text: str) -> list[Span]:
    """``(start, end)`` offsets of the sentences of ``text``; a line break always ends one."""
    return list(_sentence_spans(text))


def _sentence_spans(text: str) -> Iterator[Span]:
    """``split_sentences``, one sentence at a time: the first ones are found without reading on."""
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if not _is_abbreviation(text, boundary.start()):
                yield _strip(text, start, boundary.end())  # never blank: it holds the stop
                start = boundary.end()
        if text[start:line.end()].strip():
            yield _strip(text, start, line.end())


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (``split_sentences``), as strings."""
    return [text[a:b] for a, b in split_sentences(text)]


def first_sentences(text: str, count: int) -> list[str]:
    """The first ``count`` sentences of ``text``: ``sentences(text)[:count]``, read no further."""
    return [text[a:b] for a, b in islice(_sentence_spans(text), count)]


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends like a sentence (a full stop, ?, ! or … , maybe then a quote)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = _LAST_WORD.search(text, max(0, dot - _WORD_REACH), dot)  # a window: linear, not quadratic
    if word is None:
        return False
    token = word.group()
    if len(token) == 1:
        return token.isupper()
    return token.casefold() in ABBREVIATIONS or _DOTTED.fullmatch(token) is not None


def _strip(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


# --- vectors -------------------------------------------------------------------------------------


def tfidf_vectors(token_lists: Sequence[Sequence[str]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors (sublinear tf, smoothed idf) of the given token lists."""
    frequency = Counter(t for toks in token_lists for t in set(toks))
    n = len(token_lists)
    idf = {t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()}
    return [
        normalise({t: (1.0 + math.log(c)) * idf[t] for t, c in Counter(toks).items()})
        for toks in token_lists
    ]


def normalise(vector: Vector) -> Vector:
    """``vector`` scaled to unit length (an all-zero vector becomes empty)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(t, 0.0) for t, v in small.items())
