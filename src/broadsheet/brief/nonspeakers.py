"""Named speakers that make no voice (``brief.voices``): a noun inside another speaker's words
with a verb of its own (``in_others_words``), a pronoun given a far name past a nearer subject
(``antecedent_in_doubt``), a speaker named by things, no one who can speak (``cannot_speak``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from broadsheet.analyze.entities import AGENT_NOUNS
from broadsheet.brief.speakernames import FUNCTION_WORDS, OWNER, is_pronoun
from broadsheet.model import Attribution, Entity
from broadsheet.text import EDGE_PUNCT, name_key, word_set


def in_others_words(attribution: Attribution, others: Sequence[Attribution], text: str) -> bool:
    """Whether the speaker is a noun inside another speaker's words, the subject of a verb of its own
    before the cue ("Zane Merva suggested that the Bolt should be a big success for GM, saying,
    \"...\"": the Bolt says nothing; "students reported that Calm was helpful ... and stated they
    would ..."): a verb stands between it and the cue (not "X said that Y told him ...")."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0] or not _OWN_VERB.search(text[speaker[1]:cue[0]]):
        return False
    return any(other is not attribution and other.content_span is not None
               and other.content_span[0] <= speaker[0] and speaker[1] <= other.content_span[1]
               for other in others)


def antecedent_in_doubt(attribution: Attribution, text: str, entities: Sequence[Entity] = ()) -> bool:
    """Whether a pronoun speaker ("he describes", "They complimented ...") was given a name that is not
    written in the pronoun's sentence nor the one before, while one of those sentences opens with
    another name as its subject ("Stardust is undoubtedly Brown as his most pop - ..., which he
    describes as ...", the pronoun given to a singer named a paragraph before; "Consumer Reports was
    particularly impressed ... They complimented ...", given to the headphones' maker): a nearer
    subject makes the far antecedent a guess, and the voice is left out rather than shown wrong (a
    sentence inside a quotation opens with no subject of the writer's; "they" may stand for a person
    named as a subject with others: "Martha added that ... They also disputed that ...")."""
    span = attribution.speaker_span
    if span is None or not is_pronoun(text[span[0]:span[1]]) or is_pronoun(attribution.speaker):
        return False
    starts = sentence_starts(text, span[0])
    window = text[starts[-1]:span[0]]
    own = [w for w in re.findall(r"[A-Z][\w'’&.-]*", attribution.speaker) if w.lower() not in FUNCTION_WORDS]
    if not own or any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", window) for w in own):
        return False
    people = {name_key(e.text) for e in entities if e.label == "PERSON"}
    plural = text[span[0]:span[1]].lower() in {"they", "them"}
    subjects = [_SUBJECT_NAME.match(text, start) for start in starts if not _in_a_quotation(text, start)]
    names = [found.group(1) for found in subjects if found]
    return any(_a_name(name, text) and not (plural and name_key(name) in people)
               for name in names)  # "Martha added ... They also disputed": she is one of them


def _a_name(words: str, text: str) -> bool:
    """Whether a capitalised run that opens a sentence is a name: two capitalised words or more
    ("Consumer Reports"), or one the page never writes in lower case ("Stardust"; not "There",
    "This", "I've")."""
    parts = _CONTRACTION.sub("", words).split()
    if len(parts) > 1:
        return parts[0] != "The" or len(parts) > 2 or _a_name(parts[1], text)
    return not is_pronoun(parts[0]) and not re.search(rf"\b{re.escape(parts[0].lower())}\b", text)


def _in_a_quotation(text: str, start: int) -> bool:
    """Whether character ``start`` is inside a quotation opened earlier in its paragraph."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_CONTRACTION = re.compile(r"['’](?:ve|s|m|ll|d|re)$", re.I)


def sentence_starts(text: str, end: int, count: int = 2) -> list[int]:
    """The starts of the sentence holding character ``end`` and of the ``count`` - 1 before it
    (nearest first; fewer when the text begins sooner)."""
    starts: list[int] = []
    cursor = end
    for _ in range(count):
        ends = list(_SENTENCE_END.finditer(text, 0, cursor))
        starts.append(ends[-1].end() if ends else 0)
        if not ends:
            break
        cursor = ends[-1].start()
    return starts


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n+")
# a sentence opening with a name and its verb: "Consumer Reports was", "Stardust is", "Kim said"
_SUBJECT_NAME = re.compile(r"((?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)\s+"
                           r"(?:is|was|are|were|has|had|have|said|says|told|\w+ed)\b")


def cannot_speak(attribution: Attribution, name: str, text: str, entities: Sequence[Entity] = ()) -> bool:
    """Whether the speaker ``name`` names things, no one who can speak: one of its conjuncts
    ("Certificates and certifications", "Taxes", "Trump Accounts and new dependent-care FSA limits":
    a speaker listed with a thing is a list of things) has a common noun for its head that is no
    agent noun (the analysis's test for a common noun: "officials", "the company", "researchers",
    "Both men"; or a word for a doer, "-er", "-ist"). A head is a common noun when it is written in
    lower case ("FSA limits": the capitals only modify it), or when it is the one word of its
    conjunct, capitalised only because it opens its sentence or line (the page writes it in lower
    case elsewhere, and the recogniser names no entity so): a name whose capitals are its own ("J.D.
    Power", "Made In", "Deadline") is left to the analysis, and so is one with an owner ("The
    FATF's sixth update"). A pair of times before one head ("past and present senators") is one
    conjunct."""
    span = attribution.speaker_span
    if OWNER.match(name) or re.search(r"['’]s?\s", name):
        return False
    opening = span is not None and bool(_OPENS.search(text[max(0, span[0] - 40):span[0]]))
    named = {name_key(e.text) for e in entities if e.label in _SPEAKING_LABELS}
    conjuncts = [c for c in _CONJUNCTION.split(_PAIRED_TIMES.sub("", name)) if c.strip()]
    return any(_a_common_thing(c, text, named, opening and index == 0) for index, c in enumerate(conjuncts))


# The words of a pair of times before one head ("past and present senators", "current and former
# officials"): one conjunct, not two; ``speakerof`` makes a speaker cut after the "and" whole.
TIMES = r"(?:past|present|current|former|serving|retired)"
_PAIRED_TIMES = re.compile(rf"\b{TIMES}\s+(?:and|or)\s+(?={TIMES}\b)", re.I)
_OPENS = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-–•*]\s*|\d+[.)]\s*)?)(?:the\s+|The\s+)?$")
_SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_CONJUNCTION = re.compile(r"\s+(?:and|&|or)\s+|\s*/\s*")
_HEAD_ENDS = re.compile(r"\s+(?:of|for|on|in|at|with|across|from|about|to|familiar|who|that|which|"
                        r"there|here|around|behind|like|including|among)\b.*$", re.I)
_PLURALS = {"men": "man", "women": "woman", "people": "people", "children": "child", "folks": "folk"}
# people and bodies the analysis's list leaves out, that no "-er" or "-ist" marks
_DOERS = word_set("client athlete kid guest couple bride groom guide chef coach cook pilot poet scout clerk "
                  "nanny monk nun priest rabbi imam pope king queen princess mom dad mum grandma grandpa "
                  "aunt uncle cousin boy girl baby teen youth adult individual human patient vet doc boss "
                  "peer pro novice rookie hero star legend icon celebrity sister spouse roommate classmate "
                  "teammate jury navy business startup brand press media charity nonprofit ngo league "
                  "church site website store shop restaurant school university college hospital clinic "
                  "club city state county band duo crew audience public community platform studio lab "
                  "laboratory folk personnel crowd society others")
_DOER_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|eer|ee)$")


def _a_common_thing(phrase: str, text: str, named: Collection[str], opening: bool) -> bool:
    """Whether one conjunct is a common noun's phrase whose head names a thing (see ``cannot_speak``);
    ``opening``: the conjunct opens its sentence or line, its first capital no sign of a name."""
    words = [w.strip(EDGE_PUNCT) for w in _HEAD_ENDS.sub("", phrase.strip()).split()]
    words = [w for w in words if w]
    if not words or name_key(phrase) in named or name_key(" ".join(words)) in named:
        return False
    head = words[-1]
    if not head.isalpha():
        return False  # "68% of consumers", "Q20": a number, a code
    if head.islower():
        return not can_speak(head)  # "new dependent-care FSA limits": the capitals only modify
    if len(words) > 1 or not opening or not re.search(rf"\b{re.escape(head.lower())}\b", text):
        return False  # "J.D. Power", "Deadline reports": a capital the page never writes in lower case
    return not can_speak(head.lower())


def can_speak(word: str) -> bool:
    """Whether a common noun (its singular read off the plural) names people or a body."""
    forms = {word, _PLURALS.get(word, word), re.sub(r"ies$", "y", word), re.sub(r"s$", "", word),
             re.sub(r"men$", "man", word),  # "seamen", "firemen"
             re.sub(r"(?:(?<=[sxz])|(?<=ch)|(?<=sh))es$", "", word)}
    return any(f in AGENT_NOUNS or f in _DOERS or (_DOER_ENDING.search(f) and not f.endswith("ment"))
               for f in forms)


_OWN_VERB = re.compile(r"\b(?:is|are|was|were|be|been|should|would|will|can|could|has|have|had)\b")
