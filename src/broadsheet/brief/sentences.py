"""Which sentences can stand alone in a Speed Read, and how much of a sentence to keep.

A summary sentence is copied from its article, so it carries the article's habits with it. These
rules decide what a reader would trip over once the sentence sits alone under another outlet's lead:

- **datelines** are trimmed: "WASHINGTON (AP) — ", "SIOUX FALLS, S.D. – ", "HONOLULU, Hawaii
  (HawaiiNewsNow) - ", "Hong Kong (CNN Business)", "WASHINGTON ―", "Nov 18 (Reuters) - ", "(CNN)",
  "LONDON: " and labels such as "UPDATE - May 30, 5:20 p.m.: ", "Updated: " or "EXCLUSIVE: " are
  cut off the front; the rest is still a verbatim
  slice of the article (``dateline_length`` says how many characters go);
- a sentence that **opens on a pronoun** ("He", "It", "They", "This", "That" ...) or **a connective
  it cannot stand without** ("But", "However", "Separately", "Then", "Meanwhile" ...), or that
  points back early on ("Mr. Garrett then ...", "5 of those hits ...", "Clearly, she ...", "As they
  stepped outside ...": a pronoun right after an opening adverb or a subordinating word) is
  refused: it points at a sentence the reader does not have;
- a sentence in **the writer's own voice** (I, we, us, you outside quotation marks; "US" in
  capitals is the country), a question, an
  exclamation, an imperative ("Welcome to ...", "See this page") or talk about the page itself ("read
  more", "this article") is refused: a briefing reports, it does not address the reader;
- a **quotation without its speaker** is refused: a sentence that quotes five words or more must
  name who said them inside the same sentence (an attribution whose cue and non-pronoun speaker both
  sit in the sentence), so words are never shown as the outlet's own ("America is not a clown show."
  is Glenn Beck's). Short quoted terms ("the 'meth, we're on it' campaign") are not quotations.

Pure functions of strings and spans; ``bench.edition`` counts the same three faults on a built edition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.model import Attribution, Span
from broadsheet.text import QUOTED, word_set, words

QUOTATION_WORDS = 5  # a quoted run of this many words or more is a quotation, not a quoted term

PRONOUNS = word_set(
    "he she it they him her them his hers its their theirs this that these those such we i you "
    "our us my your one another both either neither each"
)
CONNECTIVES = word_set(
    "but however and or so yet still also meanwhile then thus therefore moreover furthermore "
    "additionally separately instead nevertheless nonetheless likewise similarly besides otherwise "
    "hence consequently accordingly indeed later afterwards afterward too though although whereas "
    "plus again anyway regardless alternatively conversely"
)
_CONNECTIVE_PHRASES = re.compile(
    r"^(?:in addition|as a result|on the other hand|at the same time|in turn|by contrast|in contrast|"
    r"even so|since then|after that|before that|as well|for (?:his|her|their|its) part|"
    r"in (?:that|this) case|to that end|that said|not only that|of course|in fact|what's more|"
    r"what’s more|as such|for example|for instance|in other words|in short|after all|above all|"
    r"at the time|at that point|by then|even then|until then|to be sure|now)\b",
    re.I,
)
WRITER_VOICE = word_set("i we us our ours you your yours me my myself ourselves yourself yourselves")
IMPERATIVES = word_set(
    "welcome meet check take get read watch click see imagine consider remember don't sign "
    "subscribe follow join discover find learn try")
_PAGE_TALK = re.compile(r"\b(?:this (?:page|article|story|post|video|podcast|newsletter)|click here|"
                        r"read more|sign up|subscribe)\b", re.I)

# "UPDATE - May 30, 5:20 p.m.: ", "EXCLUSIVE: ", "BREAKING NEWS — "
_LABEL = re.compile(
    r"^(?:UPDATE[SD]?|Updated|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|LISTEN|ANALYSIS|OPINION|EDITOR['’]S NOTE|"
    r"CORRECTION|LIVE|DEVELOPING|FIRST ON [A-Z]+)\b"
    r"(?:(?:[^:\n]|:(?=\d)){0,40}:|[^:—–\n]{0,40}?\s[—–-]+)\s+",
)
# "(CNN)" or "(CNN) -- " at the very start
_AGENCY_FIRST = re.compile(r"^\((?:[A-Z][\w&.'’ -]{0,30})\)\s*(?:[—–-]+\s*)?")
# up to six capitalised place words (commas, state abbreviations) then "(Agency)" and/or a dash or colon
_PLACE = r"(?:[A-Z][\w.'’&-]*|[A-Z]{2,}|de|del|la|of)"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,?\s+{_PLACE}){{0,5}},?)\s*"
    r"(?P<agency>\([^()]{1,40}\))?\s*(?:(?P<mark>[—–―]+-?|--?(?=\s)|:(?=\s))\s*|(?<=\)))(?=[\"“‘'A-Z0-9])"
)
# "Nov 18 (Reuters) - ", "Nov. 18, 2019 /PRNewswire/ -- "
_DATED = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)(?:\([^()]{1,40}\)|/[^/]{1,40}/)\s*[—–-]+\s*"
)


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline or label, 0 when there is none."""
    cut = 0
    for _ in range(2):  # "UPDATE: WASHINGTON (AP) — ..." carries two
        rest = text[cut:]
        found = _LABEL.match(rest) or _AGENCY_FIRST.match(rest) or _DATED.match(rest)
        found = found or _place_dateline(rest)
        if not found or found.end() >= len(rest):
            break
        cut += found.end()
    return cut


def _place_dateline(text: str) -> re.Match[str] | None:
    """A place dateline: shouting capitals ("SIOUX FALLS, S.D. –") or any place with an agency."""
    found = _DATELINE.match(text)
    if found is None:
        return None
    place = found.group("place")
    if found.group("mark") is None and not found.group("agency"):
        return None
    first = words(place)[0] if words(place) else ""
    shouting = len(first) >= 3 and first.isupper()
    if found.group("agency") or (shouting and found.group("mark") != ":") or (
        shouting and found.group("mark") == ":" and place.isupper()
    ):
        return found
    return None


def trim(text: str) -> tuple[int, str]:
    """``(offset, rest)``: ``text`` without its dateline; ``rest == text[offset:]``."""
    cut = dateline_length(text)
    return cut, text[cut:]


def first_word(text: str) -> str:
    """The first word of ``text``, lower-cased ("" when it has none)."""
    found = words(text[:60])
    return found[0].casefold() if found else ""


_EARLY_THEN = re.compile(r"^(?:\S+\s+){1,3}then\b", re.I)  # "Mr. Garrett then swung it ..."
# "If these new opportunities ...", "5 of those hits ...": a demonstrative early points back;
# "this week", "those who" do not.
_EARLY_DEMONSTRATIVE = re.compile(
    r"^(?:\S+\s+){1,3}(?:these|those(?!\s+who\b)|this(?!\s+(?:week|year|month|morning|afternoon|"
    r"evening|weekend|spring|summer|autumn|fall|winter|season|time)\b))\b", re.I)


# "Clearly, she believes ...", "As they stepped outside ...": a person pronoun right after an
# opening adverb or a subordinating word has its person in an earlier sentence, unless the clause
# names it right after its comma ("After she left the clinic, Lindsay Lohan checked into ...").
_EARLY_PRONOUN = re.compile(
    r"^(?:[a-z]+ly,|as|when|while|after|before|because|once|until|since|whether|if)\s+"
    r"(?:he|she|they|his|her|their|him|them)\b", re.I)
_NAMED_AFTER_CLAUSE = re.compile(r"^\w+\s+\w+\b[^,]{0,200},\s+[A-Z][\w'’.-]+\s+[A-Z]")


# "One of them said ...", "One was found dead" point back; "One person was killed in ...",
# "One member of the Browns' defense ..." name what they count.
_ONE_ALONE = re.compile(r"^one\s+(?:of\s+(?:them|us|you|which)|said|says|is|was|has|had|would|could|"
                        r"can|will|might|does|did|who|that)\b", re.I)


def opens_dependent(text: str) -> bool:
    """True when ``text`` opens on a pronoun or a connective it cannot stand without (or carries
    "then", a demonstrative or a person pronoun among its first words: the sentence continues one
    the reader has not seen)."""
    head = text.lstrip("\"'“‘(")
    first = first_word(head)
    pronoun = first in PRONOUNS and (first != "one" or bool(_ONE_ALONE.match(head)))
    return (pronoun or first in CONNECTIVES or bool(_CONNECTIVE_PHRASES.match(head))
            or bool(_EARLY_THEN.match(head)) or bool(_EARLY_DEMONSTRATIVE.match(head))
            or (bool(_EARLY_PRONOUN.match(head)) and not _NAMED_AFTER_CLAUSE.match(head)))


def outside_quotes(text: str) -> str:
    """``text`` with every quoted run removed: the words the writer says in their own voice."""
    return QUOTED.sub(" ", text)


def writer_voice(text: str) -> bool:
    """True for a question or an exclamation, or a sentence whose writer speaks as I/we or to
    "you" (outside quotes)."""
    own = outside_quotes(text)
    question = own.rstrip("\"'”’) ").endswith(("?", "!"))
    imperative = first_word(own.lstrip("\"'“‘( ")) in IMPERATIVES
    return (question or imperative or bool(_PAGE_TALK.search(own))
            or any(w.casefold() in WRITER_VOICE and not _acronym(w) for w in words(own)))


def _acronym(word: str) -> bool:
    """"US" (the country) in capitals is no pronoun; "I" is."""
    return len(word) > 1 and word.isupper()


def quotations(text: str) -> list[re.Match[str]]:
    """The quoted runs of ``text`` long enough to be someone's words (``QUOTATION_WORDS``)."""
    return [m for m in QUOTED.finditer(text) if len(m.group().split()) >= QUOTATION_WORDS]


@dataclass(frozen=True)
class Speech:
    """Where an attribution sits in its article: the spans the quotation rule looks at."""

    speaker: Span | None
    cue: Span | None
    content: Span | None
    pronoun: bool


def speeches(text: str, attributions: Sequence[Attribution]) -> list[Speech]:
    """The span view of ``attributions`` of an article whose text is ``text``."""
    return [
        Speech(a.speaker_span, a.cue_span, a.content_span, _is_pronoun_mention(text, a.speaker_span))
        for a in attributions
    ]


def _is_pronoun_mention(text: str, span: Span | None) -> bool:
    if span is None:
        return True
    mention = [w.casefold() for w in words(text[span[0]:span[1]])]
    return not mention or all(w in PRONOUNS or w in ("who", "whom") for w in mention)


def _inside(span: Span | None, start: int, end: int) -> bool:
    return span is not None and start <= span[0] and span[1] <= end


def _overlaps(span: Span | None, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


def speaker_named(start: int, end: int, said: Sequence[Speech]) -> bool:
    """True when an attribution overlapping ``[start, end)`` has its cue and a named speaker in it."""
    return any(
        _overlaps(s.content, start, end) and _inside(s.cue, start, end)
        and _inside(s.speaker, start, end) and not s.pronoun
        for s in said
    )


def bare_quotation(text: str, start: int, said: Sequence[Speech]) -> bool:
    """True when the sentence ``text`` (at ``start`` in its article) quotes someone it does not name."""
    return bool(quotations(text)) and not speaker_named(start, start + len(text), said)


def standalone(text: str, start: int, said: Sequence[Speech]) -> bool:
    """Whether the (already trimmed) sentence can stand alone in a summary (module docstring)."""
    return not (opens_dependent(text) or writer_voice(text) or bare_quotation(text, start, said))
