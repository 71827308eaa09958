"""Who said what across a story: attributions of every member article grouped by speaker.

Speakers are matched on a normalised name: case and punctuation ignored, courtesy titles ("Mr.",
"Ms.", "Dr.") dropped, and a title of office ("President Putin") moved into the role. A speaker
named by one word ("Hall") joins the one full name of the same story that contains it ("Steve
Hall"); when two full names would fit ("Donald Trump", "Melania Trump") the short form stays apart,
and a word elsewhere than last joins only a proper name ("Teachers" is not "teachers unions").
Pronoun-only speakers ("he", "they") are skipped: the analysis stage could not resolve them. An
attribution carries the canonical key of its speaker (``Attribution.canonical``: "adam schiff" for
"Adam B. Schiff" and "Rep. Schiff"); voices group by it, and an attribution whose speaker is no
person or organisation (no key: a poll, a document, a thing) makes no voice.

Each quote keeps the article that carried it. The same words carried by near-duplicate articles
(wire copy) are one quote, cited to the original; the same words in independent articles stay, as
each outlet that carried them is a separate witness. Voices are ordered by how many outlets quote
them, then by how many quotes they have, then by first appearance. Each voice has a kind (official,
former official, expert, outlet, unnamed source, other: ``stories/speakers.py``), read with the
entity label the story's analyses give the speaker's name most often (a GPE that speaks is its
government, when the story writes it as a place or a state somewhere: "in China", "Austria's
interior minister"; "Tottenham said in a statement", never so written, is a club) and with the
organisation named in its role when the analysis found none ("President Ascom North America": a
company's president, no official). An organisation that is a person's surname ("Vindman" of
"Vindman's superior", with "Alexander Vindman" in the story) or the speaker's own name cut short
("The Hollywood" of "The Hollywood Reporter") is not shown, nor a word a role was cut after
("... Regional Operations at"); a role cut before the name it ends in is made whole from the story
("CEO of Paris" -> "CEO of Paris Baguette North America") and stops before the next person named
(", and Eddie Villalba, ..."); a role cut at a hyphen is made whole ("... and a co" -> "... and a
co-author"). A name loses its owner or lower-case description ("theCUBE's Savannah Peterson", "Data
portability ... provider Veeam Software", "the Insurance company State Farm"), and a common noun takes the
proper name written after it ("Business advisory firm Riveron"). A job title written before a
person's name is the role ("Founder Ric Scalzo", "Holloway Events Founder and Lead Designer
Cathleen Holloway"), and a speaker cut to the company before such a title is the person named
after it ("says Estera Events | Co-Owner and Lead Planner Erica Vanco"). A document named as the
speaker speaks for its owner ("Schwab's 2025 RIA Benchmarking Study" -> "Schwab") or makes no
voice ("the Dietary Guidelines", "the Dietary Guidelines for Americans", "This Japan Travel Guide",
"the Product Feed Spec"). A role loses a trailing courtesy title ("spine surgeon Dr.") and
is none when it is the speaker's own words ("Crazy" of "Crazy Lenny's E-Bikes"). Words no one said
make no voice (``brief.unsaid.no_words_said``: the writer's sentence opening with its speaker,
naming, knowing, a guilty plea, a story told, a thing supported or shown, an aim, a plot, the
writer's generalisation, anyone's words, a passive's subject, a list's label; a thing added,
continued, claimed or demanded, a taste for a thing, "when asked", words a subordinate clause hangs
on, what anyone would say; a title's word, a modal's possibility, a name in code; a thing touted,
described, shared, highlighted, listed, proposed or promised; a topic, "how ..."; a group that knows;
the empty "it" of a passive). A speaker that is a
noun inside another speaker's words, the subject of a verb of its own before the cue ("... suggested
that the Bolt should be a big success, saying, ...") makes no voice. An organisation that is one of a
joint speaker ("Google" of "Amazon and Google") is not shown. A speaker named by things makes no voice
(``cannot_speak``: "Certificates and certifications indicate that ...", every conjunct's head a
common noun no agent noun), nor a pronoun given a name its sentence and the one before never write
while one of them opens with another name as its subject (``antecedent_in_doubt``: "Stardust is
undoubtedly Brown ..., which he describes as ...", given to a singer named a paragraph before). A
speaker written as a description, "the" and a singular common noun, takes the one name its article
gives that noun before it, in an apposition or as a title ("Fauzi, an official from the local
disaster agency, ... said the official"; "Sheriff Tom Sheahan ... The sheriff says"), and its kind
is read with the description when it has no role ("the ex-congressman": a former official).
An organisation the role writes inside a longer name ("PAC America" of "super PAC America Rising",
"Senate" of "aide to Senate Majority Leader ...") or after "Secretary of" ("State") is not shown; a
dateline opening a role is no part of it ("CLEVELAND - Donald"); a focusing "Even" before a name the
analysis recognised ("Even China") and a parenthesis the name was cut inside ("Sen. Bernie Sanders
(Vt") are no part of the name, nor the place a titled name is written with ("Representative Ada Holt
of Oregon"). A name the analysis read inside a person's apposition or relative clause, the cue right
after it ("Ada Holt, a partner with Lumio Boggs, said"; "..., who caucuses with the Democrats, told
reporters") gives its words to that person; "her campaign" (or "his office") is the campaign of the
one person its sentence and the one before name. A role stops before a relative clause (", whose
loss to ..."), and an organisation named only in that clause is not shown. A plural ("Republicans")
does not join a group of it ("a group of Republicans").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from broadsheet.analyze.speakers import AGENT_NOUNS
from broadsheet.brief.rank import duplicate_roots, outlet_key
from broadsheet.brief.unsaid import no_words_said
from broadsheet.model import Analysis, Attribution, Entity, Quote, Story, Voice
from broadsheet.stories.speakers import speaker_kind
from broadsheet.text import HONORIFICS, name_key, word_set

_PRONOUNS = word_set(
    "i me we us you he him she her it they them his hers its their theirs our ours one who whom "
    "this that these those someone somebody anyone everyone nobody none"
)
_COURTESY = re.compile(rf"^(?:(?:{'|'.join(sorted(HONORIFICS))})\.?\s+)+", re.I)
_OFFICE = re.compile(
    r"^(?:(?:u\.?s\.?\s+)?(?:president|vice president|prime minister|chancellor|secretary|"
    r"senator|sen\.|representative|rep\.|governor|gov\.|mayor|general|gen\.|minister|"
    r"spokesperson|spokesman|spokeswoman|judge|justice|king|queen|pope|premier)\s+)+",
    re.I,
)
_EDGE_PUNCT = "\"'“”‘’()[],;:-–— "
# A focusing word the subject was written with, before a common noun ("Even some justices", "Also
# officials"): no part of the name.
_FOCUS = re.compile(r"^(?:even|only|also|just|still|yet|but|and)\s+(?=(?-i:[a-z]))", re.I)


# A parenthesis the name was cut inside ("Sen. Bernie Sanders (Vt" of "(Vt.)"), or a member of
# Congress's party and state after the name ("Rep. Ada Holt (D-Calif.)"): no part of the name.
_OPEN_ASIDE = re.compile(r"\s*\((?:[^()]*$|[RDI](?:-[A-Z][\w.]*)?\)$)")


@dataclass(frozen=True)
class _Said:
    """One attribution with its article and its place in the story, before grouping."""

    name: str
    key: str
    attribution: Attribution
    quote: Quote
    order: tuple[int, int]
    role: str | None
    described: str | None = None  # the description the name was read from ("the ex-congressman")




# The place a titled name is written with ("Representative Ada Holt of Oregon", "Mayor Ivo Dahl of
# Seattle"): no part of the name, when two words of the name come before it.
_PLACE_AFTER = re.compile(r"^((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’-]+)\s+of\s+"
                          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")


def clean_speaker(raw: str) -> tuple[str, str | None]:
    """``raw`` without courtesy titles, a focusing word ("Even some justices"), possessive or stray
    punctuation, and any office title.

    Returns ``(name, office)``: "Mr. Hall" -> ("Hall", None); "President Putin" -> ("Putin",
    "President"). A name that would be left empty keeps its title ("the President" stays), and so
    does one whose title is a possessor's ("President Trump's advisers" are no president).
    """
    name = _OPEN_ASIDE.sub("", " ".join(raw.split()).strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    name = re.sub(r"['’]s$", "", name)
    name = _COURTESY.sub("", name) or name
    name = _FOCUS.sub("", name)
    name = _without_descriptor(name)
    name = _TRAILING_PREPOSITION.sub("", name) or name  # "Police at" of "Police at first told ..."
    office = _OFFICE.match(name)
    rest = name[office.end():] if office else ""
    if office and rest[:1].isupper() and not re.search(r"['’]s\b", rest):
        return _PLACE_AFTER.sub(r"\1", rest), office.group().strip()
    titled = _TITLED_NAME.fullmatch(name) or _LOWER_TITLED_NAME.fullmatch(name)
    return (titled.group(2), titled.group(1)) if titled else (name, None)


# A preposition the subject ran on into ("Police at first told workers ..."): no name ends in one.
_TRAILING_PREPOSITION = re.compile(r"\s+(?:at|in|on|of|for|to|with|from|by|after|before|during)$")


# A job title written before a person's name, capitalised, with the company before it ("Founder Ric
# Scalzo", "Holloway Events Founder and Lead Designer Cathleen Holloway"): the name is the person's.
_JOB = (r"(?:Co-?)?(?:Founder|Owner|CEO|CFO|CTO|COO|Director|Designer|Planner|Manager|Editor|Chef|"
        r"Partner|Officer|Executive|Principal|Chair(?:man|woman|person)?|Coordinator|Consultant|"
        r"Specialist|Strategist|Producer|Architect|Engineer|Advis[eo]r|Coach|Trainer|Instructor|"
        r"Therapist|Tester|Curator)")
_TITLE_RUN = (rf"((?:[A-Z][\w'’&.-]*[ \t]+)*?{_JOB}"
              rf"(?:[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w-]*[ \t]+)*?{_JOB})*)")
_PERSON = r"([A-Z][\w'’.-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][\w'’-]+)"
_TITLED_NAME = re.compile(_TITLE_RUN + r"[ \t]+" + _PERSON)
_TITLED_AFTER = re.compile(r"[ \t]+" + _TITLE_RUN + r"[ \t]+" + _PERSON + r"(?![ \t]*[A-Z\w])")
# A title in lower case (and often a conjunction) written before a person's name, the whole read as the
# speaker ("said Holt Labs CEO and new Dahl Inc. general manager Ada Holt", "the State Department of
# Parks and Recreation deputy director Ada Holt"): the name is the person's, the rest her role.
_LOWER_JOB = (r"(?:director|manager|officer|executive|chief|president|chair(?:man|woman|person)?|"
              r"spokes(?:man|woman|person)|secretary|commissioner|administrator|analyst|head|founder|"
              r"editor|counsel|attorney|lawyer|adviser|advisor|coordinator|superintendent|supervisor|"
              r"inspector|correspondent|reporter)")
_LOWER_TITLED_NAME = re.compile(rf"([A-Z][^,]*?[ \t]{_LOWER_JOB})[ \t]+" + _PERSON)


def _titled_after(attribution: Attribution, text: str) -> tuple[str, str] | None:
    """The person named after a speaker cut to their company, with their title ("says Estera Events
    | Co-Owner and Lead Planner Erica Vanco."): ``(name, role)``; None when no title and name follow."""
    span = attribution.speaker_span
    found = _TITLED_AFTER.match(text, span[1]) if span and attribution.speaker[:1].isupper() else None
    return (found.group(2), f"{text[span[0]:span[1]]} {found.group(1)}") if span and found else None


# A document named as the speaker ("Schwab's 2025 RIA Benchmarking Study1", "the Dietary
# Guidelines", "The Soliant 2025 Best States for Mental Health report", "the Dietary Guidelines for
# Americans", "This Japan Travel Guide", "the Product Feed Spec"): its owner speaks, when the name says
# whose it is; otherwise no one (the words make no voice).
_DOCUMENT = re.compile(r"\b(?:report|study|studies|survey|guidelines|index|analysis|poll|(?-i:Guide)|"
                       r"spec|specs|specification|specifications)\d*"  # a guide, capitalised: no tour guide
                       r"(?:\s+\d{4}(?:\s*[–-]\s*\d{4})?)?"  # "... Market Report 2025–2030"
                       r"(?:\s+for\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)?$",  # "... for Americans"
                       re.I)
_OWNER = re.compile(r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s")


def _document_owner(name: str) -> str | None:
    """The owner of a document named as the speaker, "" when it names none; None for no document."""
    if not _DOCUMENT.search(name):
        return None
    owner = _OWNER.match(name)
    return owner.group(1) if owner else ""


_OWNED_NAME = re.compile(r"^(?:\S+\s+){0,3}\S+['’]s\s+((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)$")
# "Data portability ... provider Veeam Software", "the Insurance company State Farm"
_DESCRIBED_NAME = re.compile(r"^(?:(?:the|a|an)\s+)?[A-Z][\w-]*((?:\s+[a-z][\w-]*)+)\s+"
                             r"([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)$")
_BODY_WORD = re.compile(r"\b(?:department|ministry|office|court|administration|agency|committee|council|"
                        r"house|team|campaign|party|government|police|army|board|commission|"
                        r"university|company|fund|bank|group|foundation|institute|center|centre)\b", re.I)
_LINKING = word_set("of for at in on to from with by about the")  # a phrase, not a description
_FUNCTION_WORDS = word_set("of for and the at in on to de van von der da di la le du")


def _without_descriptor(name: str) -> str:
    """A proper name without what is written before it: an owner ("theCUBE's Savannah Peterson"
    -> "Savannah Peterson") or a description in lower case ending in a noun ("Data portability and
    resilience solutions provider Veeam Software" -> "Veeam Software"; not "Secretary of State Mike
    Pompeo", whose lower-case words only link, nor "Some members of Congress", "The authors of the
    research published in the journal JAMA Psychiatry": a preposition makes a phrase)."""
    owned = _OWNED_NAME.match(name)
    if owned and not _BODY_WORD.search(owned.group(1)) and not _OFFICE.match(owned.group(1)):
        return owned.group(1)  # not "Trump's Justice Department", "Biden's White House"
    described = _DESCRIBED_NAME.match(name)
    words = described.group(1).split() if described else []
    if described and not set(words) & _LINKING and set(words) - _FUNCTION_WORDS:
        return described.group(2)  # not "Some members of Congress", "A spokeswoman for Neumann"
    return name


def _named_after(attribution: Attribution, text: str) -> str | None:
    """The proper name written between a speaker named by a common noun and its cue, which the
    analysis left out ("Business advisory firm Riveron announced" -> "Riveron"); None otherwise."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    words = attribution.speaker.split()
    if speaker is None or cue is None or not words or not words[-1].islower():
        return None
    gap = _NAME_GAP.fullmatch(text[speaker[1]:cue[0]])
    return gap.group(1) if gap else None


_NAME_GAP = re.compile(r"[ \t]+([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})[ \t]+"
                       r"(?:has[ \t]+|have[ \t]+)?")


def is_pronoun(name: str) -> bool:
    """True for an empty speaker or one made only of pronouns ("he", "they", "his")."""
    words = name_key(name).split()
    return all(w in _PRONOUNS for w in words)


def _quote(attribution: Attribution, analysis: Analysis) -> Quote:
    article = analysis.article
    return Quote(
        content=attribution.content,
        kind=attribution.kind,
        cue=attribution.cue,
        article_id=article.id,
        outlet=article.outlet,
        url=article.url,
        via=attribution.via,
        version=article.version,
    )


def _collect(story: Story, analyses: Mapping[str, Analysis]) -> list[_Said]:
    """Every usable attribution of the story, in story order (pronouns and empty content skipped)."""
    said: list[_Said] = []
    for index, aid in enumerate(story.article_ids):
        if aid not in analyses:
            continue
        text = analyses[aid].article.text
        attributions = analyses[aid].attributions
        for number, attribution in enumerate(attributions):
            entities = analyses[aid].entities
            found = _speaker_of(attribution, text, entities)
            unsaid = no_words_said(attribution, text) or _in_others_words(attribution, attributions, text)
            doubtful = found is not None and (cannot_speak(attribution, found[0], text, entities)
                                              or antecedent_in_doubt(attribution, text, entities))
            if found is None or unsaid or doubtful:
                continue
            name, key, office, described = found
            quote = _quote(attribution, analyses[aid])
            said.append(_Said(name, key, attribution, quote, (index, number), attribution.role or office,
                              described))
    return said


def _in_others_words(attribution: Attribution, others: Sequence[Attribution], text: str) -> bool:
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
    starts = _sentence_starts(text, span[0])
    window = text[starts[-1]:span[0]]
    own = [w for w in re.findall(r"[A-Z][\w'’&.-]*", attribution.speaker) if w.lower() not in _FUNCTION_WORDS]
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


def _sentence_starts(text: str, end: int) -> list[int]:
    """The starts of the sentence holding character ``end`` and of the one before it (nearest first)."""
    starts: list[int] = []
    cursor = end
    for _ in range(2):
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
    FATF's sixth update")."""
    span = attribution.speaker_span
    if _OWNER.match(name) or re.search(r"['’]s?\s", name):
        return False
    opening = span is not None and bool(_OPENS.search(text[max(0, span[0] - 40):span[0]]))
    named = {name_key(e.text) for e in entities if e.label in _SPEAKING_LABELS}
    conjuncts = [c for c in _CONJUNCTION.split(name) if c.strip()]
    return any(_a_common_thing(c, text, named, opening and index == 0) for index, c in enumerate(conjuncts))


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
    words = [w.strip(_EDGE_PUNCT) for w in _HEAD_ENDS.sub("", phrase.strip()).split()]
    words = [w for w in words if w]
    if not words or name_key(phrase) in named or name_key(" ".join(words)) in named:
        return False
    head = words[-1]
    if not head.isalpha():
        return False  # "68% of consumers", "Q20": a number, a code
    if head.islower():
        return not _can_speak(head)  # "new dependent-care FSA limits": the capitals only modify
    if len(words) > 1 or not opening or not re.search(rf"\b{re.escape(head.lower())}\b", text):
        return False  # "J.D. Power", "Deadline reports": a capital the page never writes in lower case
    return not _can_speak(head.lower())


def _can_speak(word: str) -> bool:
    """Whether a common noun (its singular read off the plural) names people or a body."""
    forms = {word, _PLURALS.get(word, word), re.sub(r"ies$", "y", word), re.sub(r"s$", "", word),
             re.sub(r"men$", "man", word),  # "seamen", "firemen"
             re.sub(r"(?:(?<=[sxz])|(?<=ch)|(?<=sh))es$", "", word)}
    return any(f in AGENT_NOUNS or f in _DOERS or (_DOER_ENDING.search(f) and not f.endswith("ment"))
               for f in forms)


_OWN_VERB = re.compile(r"\b(?:is|are|was|were|be|been|should|would|will|can|could|has|have|had)\b")


def _speaker_of(attribution: Attribution, text: str,
                entities: Sequence[Entity] = ()) -> tuple[str, str, str | None, str | None] | None:
    """The speaker's name, grouping key, any title written with it and the description the name was
    read from; None when the attribution makes no voice (a pronoun left unresolved, no words, no
    person or organisation)."""
    owned = _possessed(attribution, text, entities)
    if owned is not None and attribution.content.strip():
        return owned, name_key(owned), None, None
    person = _apposition_owner(attribution, text, entities)
    if person is not None and attribution.content.strip():
        return person.text, name_key(person.canonical or person.text), None, None
    named = _described_name(attribution, text, entities)
    if named and attribution.content.strip():
        return named, name_key(named), None, attribution.speaker
    titled = _titled_after(attribution, text)
    written = titled[0] if titled else _named_after(attribution, text) or attribution.speaker
    name, office = clean_speaker(written)
    owner = _document_owner(name)
    if is_pronoun(name) or not attribution.content.strip() or not attribution.canonical or owner == "":
        return None
    if owner or titled:
        name = owner or name
        return name, name_key(name), titled[1] if titled else None, None
    focused = _focused_name(name, entities)
    if focused:
        return focused, name_key(focused), office, None
    return name, attribution.canonical, office, None


def _possessed(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """ "Ada Holt's campaign" for "her campaign" (or "his office"; "the campaign" is the one person's
    campaign the article writes before it, ``_the_one_campaign``): the one person the analysis
    recognised in the speaker's sentence before it and the sentence before that ("Ada Holt refrained
    from ... . Ahead of her remarks, her campaign said ..."), and "the company's security team" the
    one organisation named there ("Holt Soft's security team"); None when there is no such speaker,
    or none or more than one person (organisation) there."""
    span = attribution.speaker_span
    if span is not None and _THE_CAMPAIGN.fullmatch(" ".join(attribution.speaker.split())):
        return _the_one_campaign(text, span[0], entities)
    written = " ".join(attribution.speaker.split())
    found = _POSSESSED.fullmatch(written) or _COMPANYS.fullmatch(written)
    if span is None or found is None:
        return None
    starts = _sentence_starts(text, span[0])
    window = starts[1] if len(starts) > 1 else starts[0] if starts else 0
    label = "PERSON" if found.re is _POSSESSED else "ORG"
    owners = {e.canonical or e.text for e in entities
              if e.label == label and window <= e.span[0] and e.span[1] <= span[0]}
    if len(owners) != 1:
        return None
    return f"{_ARTICLE.sub('', owners.pop())}'s {found.group(1)}"


_POSSESSED = re.compile(r"(?i:his|her)\s+(campaign|office)")
# "The company's security team": the one organisation the sentence and the one before name
_COMPANYS = re.compile(r"(?i:the)\s+(?i:company|firm|group|corporation)['’]s\s+"
                       r"([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")
_THE_CAMPAIGN = re.compile(r"(?i:the)\s+campaign")


def _the_one_campaign(text: str, start: int, entities: Sequence[Entity]) -> str | None:
    """ "Ada Holt's campaign" for "the campaign": the one person the article writes a campaign of
    before it ("Ada Holt's campaign has more staff ... , the campaign told ..."); None for none or
    two ("Ada Holt's campaign and Ivo Dahl's reelection campaign")."""
    owners = {e.canonical or e.text for e in entities if e.label == "PERSON" and e.span[1] <= start
              and _CAMPAIGN_OF.match(text, e.span[1])}
    return f"{owners.pop()}'s campaign" if len(owners) == 1 else None


_CAMPAIGN_OF = re.compile(r"['’]s?[ \t]+(?:[\w-]+[ \t]+)?campaign\b")


def _apposition_owner(attribution: Attribution, text: str, entities: Sequence[Entity]) -> Entity | None:
    """The person whose apposition or relative clause the speaker was read inside, the cue right
    after its closing comma ("Ada Holt, a partner with Lumio Boggs, said" read as Lumio Boggs's;
    "Ivo Dahl of Maine, who caucuses with the Democrats, told reporters"; "Ana Sol, the director of
    the group Plains Voice, tweeted"): the nearest person the analysis recognised before it, in the
    same sentence. None when the speaker is no such phrase."""
    span, cue = attribution.speaker_span, attribution.cue_span
    if span is None or cue is None or cue[0] < span[1] or not _CLOSES_ASIDE.fullmatch(text, span[1], cue[0]):
        return None
    people = [e for e in entities if e.label == "PERSON" and e.span[1] <= span[0] and e.span != span]
    if not people:
        return None
    nearest = max(people, key=lambda e: e.span[1])
    return nearest if _OPENS_ASIDE.fullmatch(text, nearest.span[1], span[0]) else None


# The words between a person's name and a name inside the aside after it: a place, then ", a" (or
# "an", "the", "who", "whose") and words with no stop, comma or quotation mark; the aside closes
# with a comma right before the cue.
_OPENS_ASIDE = re.compile(r"(?:\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?,\s+(?:an?|the|who|whose)\s+"
                          r"[^,.;:!?\"“”()]*")
_CLOSES_ASIDE = re.compile(r",\s*")


def _focused_name(name: str, entities: Sequence[Entity]) -> str | None:
    """The name after a focusing "Even" written before it ("Even China, Pyongyang's only ally, said"),
    when the analysis recognised that name and not the whole ("Even Stevens" stays); None otherwise."""
    if not name.startswith("Even "):
        return None
    recognised = {name_key(e.text) for e in entities}
    rest = name[len("Even "):]
    return rest if name_key(rest) in recognised and name_key(name) not in recognised else None


def _described_name(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The one name the article gives a speaker written as a description, "the" and a singular
    common noun ("the official" of "Fauzi, an official from the local disaster agency, told AFP";
    "the spokesman" of "NYPD spokesman Paul Browne"; "the senator" of "Sen. Ada Holt"): a person or
    an organisation the analysis recognised, written before the speaker with the description's head
    in an apposition after it or as a title before it. None when the article gives that head to no
    name or to more than one, or the speaker is no such description."""
    span = attribution.speaker_span
    described = _DESCRIPTION.fullmatch(" ".join(attribution.speaker.split()))
    if span is None or described is None:
        return None
    head = described.group(1).lower().removeprefix("ex-")
    if (head.endswith("s") and not head.endswith("ss")) or head in _NOT_A_HEAD or not _can_speak(head):
        return None  # "the officials": a group no one name stands for; "the release": no one
    heads = "|".join(re.escape(h) for h in (head, *_ABBREVIATED.get(head, ())))
    before = text[:span[0]]
    labels = {name_key(e.text): e.label for e in entities}
    found = [m.group(1) for m in _titled(heads).finditer(before)
             if labels.get(name_key(m.group(1))) in _NAMED]
    found += [m.group(1) for m in _appositive(heads).finditer(before) if _whole_name(m)
              and (labels.get(name_key(m.group(1))) in _NAMED or _unlabelled_name(m, labels))]
    names = {name_key(n).split()[-1]: _POSSESSIVE_END.sub("", n) for n in found}
    return next(iter(names.values())) if len(names) == 1 else None


def _unlabelled_name(found: re.Match[str], labels: Mapping[str, str]) -> bool:
    """Whether an appositive's name the recogniser labelled no person or organisation is one all
    the same ("Fauzi, an official from ...", Fauzi called a place): labelled nothing or a place the
    article never writes as one, not a day or a month, nor the word that opens its sentence
    ("Meanwhile, the official ...")."""
    name = found.group(1)
    opening = re.search(r"(?:^|[.!?:\"“”]\s*)$", found.string[:found.start(1)])
    if labels.get(name_key(name), "GPE") != "GPE" or _a_place(name, [found.string]):
        return False
    return not set(name_key(name).split()) & _CALENDAR and not opening


_DESCRIPTION = re.compile(r"(?:the|The)\s+(?:[\w-]+\s+){0,2}([a-z][a-z-]+)")
_NOT_A_HEAD = word_set("source")
_SPEECH_VERB = r"(?:said|says|told|tells|added|adds|reported|reports|wrote|writes|announced|stated)\b"
_NAMED = frozenset({"PERSON", "ORG"})
_POSSESSIVE_END = re.compile(r"['’]s?$")
_ABBREVIATED = {"senator": ("sen.",), "representative": ("rep.",), "congressman": ("rep.",),
                "congresswoman": ("rep.",), "governor": ("gov.",), "sergeant": ("sgt.",),
                "detective": ("det.",), "professor": ("prof.",), "lieutenant": ("lt.",)}
_A_NAME = r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"


def _appositive(heads: str) -> re.Pattern[str]:
    """A name with the head in its apposition ("Fauzi, an official from the local agency"), not the
    end of a longer name ("the Gulf of Aden") nor a speaker's own clause ("Aden, the official said")."""
    apposition = rf",[ \t]+(?:a|an|the)[ \t]+(?:[\w'’.-]+[ \t]+){{0,4}}?(?i:{heads})(?![\w-])"
    own_clause = rf"(?![ \t]+{_SPEECH_VERB})"
    return re.compile(r"(?<![\w'’.-])" + _A_NAME + apposition + own_clause)


def _whole_name(found: re.Match[str]) -> bool:
    """Whether a name found is written whole, no capitalised word before it ("EYP" of "EYP Mission
    Critical Facilities") nor a name it ends ("Aden" of "the Gulf of Aden")."""
    return not _NAME_GOES_ON.search(found.string, 0, found.start(1))


_NAME_GOES_ON = re.compile(r"[A-Z][\w'’.-]*[ \t]+(?:(?:of|de|van|von|bin|al)[ \t]+)?$")


def _titled(heads: str) -> re.Pattern[str]:
    """A name with the head written as its title ("spokesman Paul Browne", "Sen. Ada Holt")."""
    return re.compile(rf"(?<![\w.-])(?i:{heads})[ \t]+" + _A_NAME)


def _content_key(content: str) -> str:
    return " ".join(content.casefold().strip(_EDGE_PUNCT).split())


def _dedupe(said: list[_Said], story: Story) -> list[_Said]:
    """Drop a speaker's quote already carried by the original (or another copy) of its article.

    Originals are visited first so the kept copy is cited to the original where there is one.
    """
    roots = duplicate_roots(story)
    originals_first = sorted(said, key=lambda s: (roots[s.quote.article_id] != s.quote.article_id,
                                                  s.order))
    seen: set[tuple[str, str]] = set()
    kept: list[_Said] = []
    for item in originals_first:
        mark = (roots[item.quote.article_id], _content_key(item.quote.content))
        if mark not in seen:
            seen.add(mark)
            kept.append(item)
    return sorted(kept, key=lambda s: s.order)


def _merge_targets(keys: Collection[str], names: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map each one-word speaker key to the single multi-word key containing that word, not after
    "of" (Republicans are not "a group of Republicans", nor Michigan "University of Michigan").

    A match on the last word (a surname) wins over a match elsewhere ("Kim" in "Kim Jong Un").
    With ``names`` (a name as written for each key) a word elsewhere than last joins only a proper
    name: "Teachers" chanting is not "teachers unions" ("officials" still joins "Beijing officials").
    """
    full = sorted({k for k in keys if " " in k})
    targets: dict[str, str] = {}
    for key in {k for k in keys if k and " " not in k}:
        whole = [f for f in full if not re.search(rf"\bof {re.escape(key)}\b", f)]  # "a group of Republicans"
        by_surname = [f for f in whole if f.split()[-1] == key]
        anywhere = [f for f in whole if key in f.split() and (names is None or _proper(names.get(f, "")))]
        match = by_surname if by_surname else anywhere
        if len(match) == 1:
            targets[key] = match[0]
    return targets


def _proper(name: str) -> bool:
    """Whether a name is written as a proper name: its last word capitalised."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value, the first seen winning a tie."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(counts, key=lambda v: counts[v])  # Counter keeps first-seen order among ties


def _display_name(group: list[_Said]) -> str:
    """The fullest form of the name (most words, then most used, then first seen)."""
    counts = Counter(s.name for s in group)
    return max(counts, key=lambda n: (len(n.split()), counts[n]))


def _voice(group: list[_Said], outlets: Collection[str], texts: Sequence[str],
           labels: Mapping[str, str] | None = None) -> Voice:
    speaker = _display_name(group)
    written = _most_common(s.role for s in group)
    role = _whole_word(_whole_role(_tidy_role(written), speaker, texts), texts, speaker)
    role = _not_own_name(role, speaker)
    labels = labels or {}
    analysed = _most_common(s.attribution.organisation for s in group)
    if analysed and written and analysed in written and analysed not in (role or "") \
            and not _OWNER_ONLY.fullmatch(written.strip()):
        analysed = None  # the organisation was in the words cut from the role ("whose loss to Ivo Dahl");
        # not the owner the role was only a possessive of ("BBC's" of "the BBC's Ada Holt")
    found = _not_cut_in(role, _employer(analysed, role, labels))
    organisation = _not_cut_from(speaker, _not_a_person(found, labels))
    label = labels.get(name_key(_ARTICLE.sub("", speaker)))
    if label == "GPE" and not _a_place(speaker, texts):
        label = None  # "Tottenham said in a statement": a club the recogniser calls a place
    employer = (found or _organisation_in(role, labels, texts)  # "SpaceX", called a person, employs
                or _owner_of_title(role, speaker, labels, texts))
    return Voice(speaker=speaker, quotes=tuple(s.quote for s in group), role=role,
                 organisation=organisation,
                 kind=speaker_kind(speaker, role or _most_common(s.described for s in group), employer,
                                   outlets, texts, label))


_ARTICLE = re.compile(r"^the\s+", re.I)


def _owner_of_title(role: str | None, speaker: str, labels: Mapping[str, str],
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
    for text in texts:
        for found in pattern.finditer(text):
            words = found.group(1).split()  # "IR. Saints" of "... on IR. Saints' spokesman": the run's end
            for start in range(len(words)):
                owner = " ".join(words[start:])
                if labels.get(name_key(_ARTICLE.sub("", owner))) == "ORG":
                    return owner
    return None


_SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)", re.I)


_A_UNIT = re.compile(r"\b(?:center|centre|institute|program|programme|school|department|division|lab|"
                     r"laboratory|unit|office|college|faculty|clinic|hospital|group|team|service)s?\b", re.I)


_AT_BODY = r"\s+at\s+((?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w'’.&-]*)*)"


def _employer(found: str | None, role: str | None, labels: Mapping[str, str]) -> str | None:
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
    owner = _OWNER.match(role)
    owned = owner is not None and role.index(found) > owner.end(1)
    if owner and owned and labels.get(name_key(_ARTICLE.sub("", owner.group(1)))) == "ORG":
        return owner.group(1)
    return found


_DANGLING = re.compile(r"(?:[\s,;:–—-]+(?:at|to|of|for|in|and|or|with|from|on|by|the|a|an))+[\s,;:–—-]*$",
                       re.I)


def _tidy_role(role: str | None) -> str | None:
    """A role without the word it was cut after ("division vice president, Nissan Sales & Regional
    Operations at" -> "... Operations"); None when nothing is left."""
    if role is None:
        return None
    role = _NEXT_PERSON.sub("", role)  # "..., and Eddie Villalba, outbound product manager"
    role = _RELATIVE.sub("", role)  # "nominee, whose loss to Ivo Dahl marked ...": the clause is no role
    role = _PRINCIPALS_DESCRIPTION.sub(r"\1", role)
    role = _TRAILING_COURTESY.sub("", role)  # "spine surgeon Dr." of "spine surgeon Dr. Ehsan Jazini"
    role = _NAME_SUFFIX.sub("", role)  # "police Chief, Jr." of "police Chief Ada Holt, Jr. said": her name's
    dated = _DATELINE.match(role)  # "CLEVELAND - Donald" of "CLEVELAND - Donald Trump laid out ...":
    if dated and re.fullmatch(r"[A-Z][\w'’.-]*", role[dated.end():]):  # a dateline and a first name
        return None
    role = role[dated.end():] if dated else role
    role = _OWNER_PRONOUN.sub("", role)  # "Her spokesman": whose, the role shown alone cannot say
    if _OWNER_ONLY.fullmatch(role.strip()):
        return None  # "BBC's" of "the BBC's Ada Holt": the organisation's possessive, no role
    return _DANGLING.sub("", " " + role).strip() or None


def _not_own_name(role: str | None, speaker: str) -> str | None:
    """No role made of the speaker's own words ("Crazy" of "Crazy Lenny's E-Bikes")."""
    words = set(name_key(role or "").split())
    return None if words and words <= set(name_key(speaker).split()) else role


def _whole_role(role: str | None, speaker: str, texts: Sequence[str]) -> str | None:
    """A role cut before the name it ends in, made whole from the story where the role is written
    beside the speaker ("Darren Tipton, CEO of Paris" of "..., CEO of Paris Baguette North
    America", "Chief Product Officer of data management firm" of "... firm EncompaaS"): the
    capitalised words right after it, unless they are the speaker's own name or a day or a month."""
    if not role:
        return role
    surname = re.escape(speaker.split()[-1]) if speaker.split() else ""
    pattern = re.compile(rf"\b{surname},[ \t]+(?:(?:the|a|an)[ \t]+)?" + re.escape(role)
                         + r"((?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.&-]*)+)")
    own = set(name_key(speaker).split())
    for text in texts:
        found = pattern.search(text)
        if found is None:
            continue
        run = found.group(1)
        words = {w.lower().strip(".'’") for w in run.split()}
        if words & own or words & _CALENDAR or re.search(r"['’]s$", run):
            return role
        return role + run
    return role


def _titles_the_name(role: str, speaker: str, texts: Sequence[str]) -> bool:
    """Whether the story writes the role whole as the title right before the speaker's name
    ("President Ada Holt"): no role cut at a hyphen, whatever other title the story hyphens ("the
    inauguration of President-elect Ivo Dahl" is his)."""
    if not speaker.split():
        return False
    title = re.compile(rf"(?<![\w-]){re.escape(role)}[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{0,2}}"
                       rf"{re.escape(speaker.split()[-1])}(?![\w'’-])")
    return any(title.search(text) for text in texts)


def _whole_word(role: str | None, texts: Sequence[str], speaker: str = "") -> str | None:
    """A role cut at a hyphen made whole from the story ("associate professor ... and a co" of "... and
    a co-author", "yoga therapist, E" of "yoga therapist Holly Wilgus, E-RYT 200"): the hyphened word,
    the capitals or numbers after it and up to four words more before a stop ("co-author of the
    study,"), where the role's last part is written so."""
    if not role or not role[-1].isalnum() or _titles_the_name(role, speaker, texts):
        return role
    _, comma, tail = role.rpartition(", ")
    before = r",[ \t]+" if comma else r"(?<![\w-])"
    pattern = re.compile(before + re.escape(tail) + r"(-\w[\w-]*(?:[ \t]+[A-Z0-9][A-Z0-9-]*\b)*"
                         r"(?:(?:[ \t]+[\w'’-]+){1,4}(?=[,.;:)]))?)")  # "co-author of the study,"
    for text in texts:
        found = pattern.search(text)
        if found:
            return role + found.group(1)
    return role


# A news story's dateline, a place in capitals and a dash ("CLEVELAND - ", "NEW YORK (AP) — ").
_DATELINE = re.compile(r"^(?:[A-Z]{4,}|[A-Z]{2,}(?:[ \t]+[A-Z]{2,})+)(?:,[ \t]+[A-Z][\w.]*)?"
                       r"(?:[ \t]+\([A-Za-z]+\))?[ \t]*[-–—]+[ \t]*")
_TRAILING_COURTESY = re.compile(rf"[\s,]+(?:{'|'.join(sorted(HONORIFICS))})\.?$", re.I)
_CALENDAR = word_set("monday tuesday wednesday thursday friday saturday sunday january february march "
                     "april may june july august september october november december today")
_RELATIVE = re.compile(r",\s+(?:whose|who|which|where|when)\s.*$")
_NAME_SUFFIX = re.compile(r"[\s,]+(?:Jr|Sr)\.?$|[\s,]+(?:II|III|IV)$")
_OWNER_PRONOUN = re.compile(r"^(?:his|her|their|its)\s+(?=\S)", re.I)
_OWNER_ONLY = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?")
_NEXT_PERSON = re.compile(r",?\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+,.*$")
# The description of the person a role works for, after that person's name ("spokeswoman for Speaker
# Paul Ryan, Republican of Wisconsin", "aide to Sen. Ada Holt, the Texas Democrat"): his, not hers.
_PRINCIPALS_DESCRIPTION = re.compile(r"(\b(?:for|to)\s+(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+"
                                     r"(?:Republican|Democrat|[RDI]-|(?:a|an|the|who)\s).*$")


def _not_cut_in(role: str | None, organisation: str | None) -> str | None:
    """No organisation that the role writes as part of a longer name or of a title ("PAC America" of
    "super PAC America Rising", "House" of "the House Majority PAC", "Senate" of "aide to Senate
    Majority Leader Mitch McConnell", "State" of "Secretary of State"); one before a title of its
    own stays ("Senate Majority Leader", "PolitiFact Executive Director", "Homeland Security
    Secretary")."""
    if not role or not organisation:
        return organisation
    written = re.search(rf"(?<![\w'’-]){re.escape(_ARTICLE.sub('', organisation))}(?![\w'’-])", role)
    if written is None:
        return organisation
    if re.search(r"\b(?:Secretary|Department|Ministry|Minister) of (?:the )?$", role[:written.start()]):
        return None  # "Secretary of State": the office's word, no organisation
    run = _NAME_RUNS_ON.match(role, written.end())
    return organisation if run is None or _A_TITLE_WORD.search(run.group()) else None


_NAME_RUNS_ON = re.compile(r"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.&-]*)+")
_A_TITLE_WORD = re.compile(rf"(?:{_JOB}|Leader|Secretary|Speaker|President|Spokes\w+|Whip|Commissioner|"
                           r"Counsel|Economist|Analyst|Administrator|Attorney|Head|Chief|Insider|"
                           r"Correspondent|Reporter|Columnist|Anchor|Host|Writer)$")


def _not_cut_from(speaker: str, organisation: str | None) -> str | None:
    """No organisation that is the speaker's own name cut short of its last word ("The Hollywood"
    of "The Hollywood Reporter", "the Sioux Falls Argus" of "the Sioux Falls Argus Leader"): the
    speaker is the body ("The United Nations" of "The United Nations High Commissioner for Human
    Rights" stays), nor one of the speakers a joint speaker names ("Google" of "Amazon and
    Google"), nor the one an administration, a campaign or a family is named for ("Holt" of "the
    Holt administration": a person, no body the speaker belongs to)."""
    if organisation and re.fullmatch(rf"(?:the\s+)?{re.escape(organisation)}\s+{_NAMED_FOR}", speaker, re.I):
        return None  # "the Ada Holt administration": the one it is named for, no body of its own
    if organisation and speaker.lower().startswith(organisation.lower()):
        rest = speaker[len(organisation):].split()
        if len(rest) == 1 and rest[0][:1].isupper():  # the name's last word cut off
            return None
    marked = f" {name_key(speaker)} ".replace(f" {name_key(organisation or '')} ", " @ ")
    if organisation and _CONJUNCT.search(marked):
        return None  # "Google" of "Amazon and Google": one of the speakers, not their body
    return organisation


_CONJUNCT = re.compile(r" and @ $|^ @ and ")
_NAMED_FOR = r"(?:administration|campaign|presidency|government|camp|family|estate)"


def _a_place(name: str, texts: Sequence[str]) -> bool:
    """Whether the story writes ``name`` as a place or a state somewhere ("in China", "to Britain",
    "from the UK", "Austria's interior minister"): a name the recogniser calls a place that is never
    written so is a club or a company ("Tottenham said in a statement")."""
    name = re.escape(name)
    place = re.compile(rf"\b(?:in|to|from|across|throughout|with|against)\s+(?:the\s+)?{name}(?!\w)|"
                       rf"\b{name}['’]s\s+(?:\w+\s+){{0,2}}{_STATE}")
    return any(place.search(text) for text in texts)


_STATE = (r"(?:government|ministry|minister|president|prime minister|parliament|embassy|army|military|"
          r"police|courts?|leaders?|officials)\b")


def _not_a_person(found: str | None, labels: Mapping[str, str]) -> str | None:
    """The organisation the analysis found, unless it is a person's surname: the story's analyses
    call it a person and name a person by a full name ending in it ("Trump" of "a group that has
    applauded some of Trump's decisions", with "Donald Trump" in the story; not "SpaceX", which the
    recogniser calls a person but no one is named after)."""
    key = name_key(_ARTICLE.sub("", re.sub(r"['’]s?$", "", found or "")))
    if key and labels.get(key) == "PERSON" and any(
        label == "PERSON" and name.split()[-1] == key and " " in name for name, label in labels.items()
    ):
        return None
    return found


def _organisation_in(role: str | None, labels: Mapping[str, str], texts: Sequence[str] = ()) -> str | None:
    """The longest name in ``role`` the story's analyses call an organisation ("Ascom" of
    "President Ascom North America"), or a place the story never writes as one ("Emirates" of
    "Emirates President": an airline; not an abbreviation, "U.S. President"), read for the voice's
    kind; None when there is none."""
    words = (role or "").split()
    windows = [(i, j) for i in range(len(words)) for j in range(len(words), i, -1)]

    def an_organisation(name: str) -> bool:
        label = labels.get(name_key(name))
        name = name.strip(_EDGE_PUNCT)
        abbreviated = re.fullmatch(r"(?:[A-Z]\.?){2,4}", name)  # "U.S.", "UK": a state
        return label == "ORG" or (label == "GPE" and not abbreviated and not _a_place(name, texts))

    named = [(i, j) for i, j in windows if an_organisation(" ".join(words[i:j]))]
    if not named:
        return None
    i, j = max(named, key=lambda w: (w[1] - w[0], -w[0]))
    return " ".join(words[i:j]).strip(_EDGE_PUNCT)


def entity_labels(analyses: Iterable[Analysis]) -> dict[str, str]:
    """The label the analyses give each entity name most often, and at least twice (one label is
    too weak a sign: the recogniser calls "LN", Live Nation, a GPE once); keyed by ``name_key``,
    "the" aside."""
    counts: dict[str, Counter[str]] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            counts.setdefault(name_key(_ARTICLE.sub("", entity.text)), Counter())[entity.label] += 1
    common = {key: count.most_common(1)[0] for key, count in counts.items() if key}
    return {key: label for key, (label, seen) in common.items() if seen >= 2}


def _outlet_count(voice: Voice) -> int:
    return len({outlet_key(q.outlet) or f"article:{q.article_id}" for q in voice.quotes})


def story_voices(story: Story, analyses: Mapping[str, Analysis]) -> tuple[Voice, ...]:
    """The voices of ``story``: each speaker once, with every quote and the article carrying it."""
    said = _collect(story, analyses)
    targets = _merge_targets({s.key for s in said}, {s.key: s.name for s in said})
    groups: dict[str, list[_Said]] = {}
    for item in said:
        groups.setdefault(targets.get(item.key, item.key), []).append(item)
    first_seen = {key: index for index, key in enumerate(groups)}
    outlets = [q.quote.outlet for q in said if q.quote.outlet]
    members = [analyses[aid] for aid in story.article_ids if aid in analyses]
    texts = [a.article.text for a in members]
    labels = entity_labels(members)
    voices = {key: _voice(_dedupe(group, story), outlets, texts, labels) for key, group in groups.items()}
    ranked = sorted(
        voices,
        key=lambda k: (-_outlet_count(voices[k]), -len(voices[k].quotes), first_seen[k]),
    )
    return tuple(voices[k] for k in ranked)
