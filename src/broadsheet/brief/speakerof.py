"""Who an attribution's speaker is, for a voice (``speaker_of``): "her campaign" and "the campaign"
as the one person's campaign, "the company" and "the paper" as the one firm or newsroom named just
before, a name read inside a person's apposition as that person, a description ("the official") as
the one name the article gives it, a focusing "Even" dropped, and otherwise the name as written,
cleaned (``speakernames``); None when the attribution makes no voice. A pronoun that goes on ("She
added") after an unnamed one's words is that one (``goes_on``); "the man who ..." after his words is the
one who spoke just before (``described_again``); a bare surname is the first of two people named in full
with it where the other is only ever an object (``first_of_the_surname``); a pronoun is not the person
its own quoted words speak of (``not_in_own_words``); a description named in its apposition ("The
Democrat, Representative Ivo Dahl, said"; "The lawyer for Ada Holt, Ivo Dahl") is that person
(``_named_in_apposition``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from broadsheet.brief.nonspeakers import TIMES, can_speak, sentence_starts
from broadsheet.brief.speakergender import pronoun_person
from broadsheet.brief.speakernames import clean_speaker, document_owner, is_pronoun, named_after, titled_after
from broadsheet.brief.voiceorgs import ARTICLE, a_place
from broadsheet.brief.voiceroles import CALENDAR
from broadsheet.model import Attribution, Entity
from broadsheet.stories.kindwords import OFFICE
from broadsheet.stories.outlets import is_outlet
from broadsheet.storytexts import written_then
from broadsheet.text import name_key, person_key, word_set


def speaker_of(attribution: Attribution, text: str,
                entities: Sequence[Entity] = ()) -> tuple[str, str, str | None, str | None] | None:
    """The speaker's name, grouping key, any title written with it and the description the name was
    read from; None when the attribution makes no voice (a pronoun left unresolved, no words, no
    person or organisation)."""
    owned = pronoun_person(attribution, text, entities) or _whom_speaker(attribution, text, entities)
    owned = _possessed(attribution, text, entities) if owned is None else owned
    if owned is not None and attribution.content.strip():
        return (owned, name_key(owned), None, None) if owned else None  # "": no one the rule can name
    described = _described_body_or_people(attribution, text, entities)
    if described is not None and attribution.content.strip():
        return described
    person = _apposition_owner(attribution, text, entities)
    if person is not None and attribution.content.strip():
        return person.text, name_key(person.canonical or person.text), None, None
    named = (_described_name(attribution, text, entities) or _named_right_after(attribution, text, entities)
             or _the_one_named_near(attribution, text, entities))
    if named and attribution.content.strip():
        return named, name_key(named), None, attribution.speaker
    again = _pronoun_again(attribution, text, entities) or _person_not_place(attribution, text, entities)
    if again is not None and attribution.content.strip():
        return again, name_key(again), None, None
    titled = titled_after(attribution, text)
    written = titled[0] if titled else named_after(attribution, text) or _paired_times(attribution, text)
    name, office = clean_speaker(written)
    owner = document_owner(name)
    if is_pronoun(name) or not attribution.content.strip() or not attribution.canonical or owner == "":
        return None
    if owner or titled:
        name = owner or name
        return name, name_key(name), titled[1] if titled else None, None
    focused = _focused_name(name, entities)
    if focused:
        return focused, name_key(focused), office, None
    if office and _title_in_key(office, attribution.canonical):
        return name, name_key(name), office, None  # "Insp Holt", the title read into the name: Holt's
    return name, attribution.canonical, office, None


def _whom_speaker(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The speaker of a pronoun that speaks in a relative clause opened by "whom" ("Ivo Dahl urged ...
    behind Ada Holt, whom he describes as ..."): someone else than the person "whom" stands for, the
    person opening the sentence as its subject ("" when none does); None for any other speaker."""
    span = attribution.speaker_span
    if span is None or not is_pronoun(text[span[0]:span[1]]) or not _AFTER_WHOM.search(text, 0, span[0]):
        return None
    return _sentence_subject(text, span[0], entities) or ""


def _sentence_subject(text: str, at: int, entities: Sequence[Entity]) -> str | None:
    """The person opening the sentence holding ``at`` as its subject (a capitalised name and a verb,
    "Instead," or another capitalised adverb and a comma before it at most), no body or place the
    analysis recognised; None when the sentence opens otherwise."""
    start = _sentence_start(text, at)
    found = _SUBJECT_OPENS.match(text, start)
    if found is None or found.end(1) > at:
        return None
    others = [e for e in entities if e.label != "PERSON" and e.span[0] <= found.start(1) < e.span[1]]
    return None if others else found.group(1)


_AFTER_WHOM = re.compile(r",[ \t]+whom[ \t]+$")
_SUBJECT_OPENS = re.compile(r"\s*(?:[A-Z][a-z]+,[ \t]+)?((?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+)[ \t]+"
                            r"(?:\w+ed|said|says|wrote|writes|told|tells)\b")


def _possessed(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """ "Ada Holt's campaign" for "her campaign" (or "his office"; "the campaign" is the one person's
    campaign the article writes before it, ``_the_one_campaign``): the one person the analysis
    recognised in the speaker's sentence before it and the sentence before that ("Ada Holt refrained
    from ... . Ahead of her remarks, her campaign said ..."), and "the company's security team" the
    one organisation named there ("Holt Soft's security team"); None when there is no such speaker,
    or none or more than one person (organisation) there."""
    span = attribution.speaker_span
    written = " ".join(attribution.speaker.split())
    the_campaign = span is not None and _THE_CAMPAIGN.fullmatch(written)
    if the_campaign and span is not None and _CAMPAIGN_OF.search(text, 0, span[0]):
        return _the_one_campaign(text, span[0], entities)
    found = _POSSESSED.fullmatch(f"his {written.split()[-1]}" if the_campaign else written) \
        or _COMPANYS.fullmatch(written)  # "the campaign", no one's campaign written before: as "his campaign"
    if span is None or found is None:
        return None
    starts = sentence_starts(text, span[0])
    window = starts[1] if len(starts) > 1 else starts[0] if starts else 0
    label = "PERSON" if found.re is _POSSESSED else "ORG"
    people = [e for e in entities if e.label == label and window <= e.span[0] and e.span[1] <= span[0]]
    owners = {e.canonical or e.text for e in people}
    if len(owners) != 1 or (the_campaign and not _running(text, people[0].span[0])):
        return None  # "the campaign" of one not written as running ("Ada Holt spoke."): no guess
    return f"{ARTICLE.sub('', owners.pop())}'s {found.group(1)}"


def _running(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written as running for an office, in its sentence before it
    ("presidential candidate and Plains Sen. Ada Holt"; a title's full stop ends no sentence)."""
    before = _TITLE_STOP.sub(lambda m: f"{m.group(1)} ", text[max(0, start - 80):start])
    return bool(_RUNNING_BEFORE.search(before))


_RUNNING_BEFORE = re.compile(r"\b(?:candidate|nominee|hopeful|challenger|contender)\b[^.!?\n]*$", re.I)
_TITLE_STOP = re.compile(r"\b(Sen|Rep|Gov|Dr|Mr|Ms|Mrs|Lt|Gen|Col|St|Jr)\.")


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


def _described_organisation(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The one organisation the analysis recognised in the speaker's sentence before it and in the
    sentence before that, for a speaker written as "the company" (the firm, the corporation): one
    that is no newsroom ("Lumio was hacked, and the company said"); for "the paper" (the newspaper,
    the magazine, the news agency): one that is ("The Plains Journal reported that ... , according to
    the paper"); for "the agency", either ("The Plains Transit Authority closed the line, the agency
    said"; "the news agency PNA said. ..., the agency reported"); one written there only as modifying
    a noun ("her Lumio account", "a Holt prison") or as a thing owned
    ("its new Lumio Pro") is none, and one written as part of the other ("Holt Investigations, a
    division of the Plains Agency") is that other's part, the one meant. None when
    the speaker is no such description, or the window holds none or two (the analysis's reading
    stands)."""
    span = attribution.speaker_span
    described = _ORG_DESCRIPTION.fullmatch(" ".join(text[span[0]:span[1]].split())) if span else None
    if span is None or described is None:
        return None
    word = described.group(1).lower()
    newsroom = word not in _COMPANY_WORDS
    starts = sentence_starts(text, span[0])
    window = starts[1] if len(starts) > 1 else starts[0] if starts else 0
    found = [e for e in entities if e.label == "ORG" and window <= e.span[0] and e.span[1] <= span[0]
             and (word == "agency" or is_outlet(e.text) == newsroom)]  # "the agency": a newsroom or not
    names = {name_key(ARTICLE.sub("", e.canonical or e.text)) for e in found
             if not (_MODIFIES.match(text, e.span[1]) and _DETERMINED.search(text, 0, e.span[0]))}
    named = [e for e in found if not _MODIFIES.match(text, e.span[1])  # not "her Lumio account",
             and not _OWNED.search(text, 0, e.span[0])]  # nor "its new Lumio Pro" (a product)
    if len(names) == 2 and len(named) == 2 and _PART_OF.fullmatch(text, named[0].span[1], named[1].span[0]):
        return ARTICLE.sub("", named[0].canonical or named[0].text)  # "Holt Investigations, a division of
        # the Plains Agency": one body, the one written first, the other only what it is part of
    return ARTICLE.sub("", named[0].canonical or named[0].text) if len(names) == 1 and named else None


# A body written as part of the next one ("Holt Investigations, a division of the Plains Agency").
_PART_OF = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:division|unit|arm|branch|part|"
                      r"component|subsidiary|bureau|office|agency)[ \t]+(?:of|within)[ \t]+(?:the[ \t]+)?")


_COMPANY_WORDS = frozenset({"company", "firm", "corporation"})
_ORG_DESCRIPTION = re.compile(r"(?i:the)\s+(?i:(company|firm|corporation|paper|newspaper|magazine|"
                              r"news agency|agency))")
# A name written after an owner ("its new Lumio Pro", "Dahl's Lumio"): a thing owned, no firm.
_OWNED = re.compile(r"(?:\b(?:its|their|his|her|our|your)|(?<=\w)['’]s?)[ \t]+(?:[\w.-]+[ \t]+){0,2}$", re.I)
# A determiner before a name ("at a Holt prison", "her Lumio account"): with a noun after it, a name
# inside a noun phrase, no second organisation beside the one meant.
_DETERMINED = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)[ \t]+$", re.I)
# A name that modifies the noun after it ("her Lumio account", "a specialised ASIC chip"): no one named.
_MODIFIES = re.compile(r"[ \t]+(?!(?:is|was|were|are|has|had|have|will|would|could|can|may|might|must|"
                       r"should|did|does|do|also|and|or|but|said|says)\b)[a-z][\w-]*(?<![ds])\b")


def _named_in_apposition(attribution: Attribution, text: str,
                         entities: Sequence[Entity]) -> tuple[str, str | None] | None:
    """The person a speaker written as a description names in an apposition, and their role: the
    speaker read whole as the description and the name ("The lawyer for Ada Holt, Ivo Dahl, said":
    Ivo Dahl, "lawyer for Ada Holt"; not "a statement from her lawyer, Ivo Dahl", a thing), or a
    description whose apposition, between it and the cue,
    names one person the analysis recognised, a title and a place beside the name ("The Democrat,
    Representative Ivo Dahl of Maine, said": Ivo Dahl, "Representative"). None otherwise."""
    span, cue = attribution.speaker_span, attribution.cue_span
    if span is None:
        return None
    people = [e for e in entities if e.label == "PERSON"]
    written = text[span[0]:span[1]]
    whole = _DESCRIBED_THEN_NAMED.fullmatch(written)
    if whole is not None:
        named = [e for e in people if e.span == (span[0] + whole.start(2), span[1])]
        head = re.split(r"\s+(?:for|of|in|at|from|with|to|on)\s+", whole.group(1))[0].lower().split()[1:]
        if len(named) == 1 and any(can_speak(word) for word in head):  # not "a statement from ..., Ivo Dahl"
            role = " ".join(whole.group(1).split()[1:])
            return ARTICLE.sub("", named[0].canonical or named[0].text), role
        return None
    if cue is None or cue[0] <= span[1] or not _THE_DESCRIPTION.fullmatch(" ".join(written.split())) \
            or any(e.span[0] <= span[0] and span[1] <= e.span[1] for e in people):
        return None
    named = [e for e in people if span[1] < e.span[0] and e.span[1] <= cue[0]]
    if len(named) != 1:
        return None
    titled = _APPOSITION_OPENS.fullmatch(text, span[1], named[0].span[0])
    if titled is None or not _APPOSITION_CLOSES.fullmatch(text, named[0].span[1], cue[0]):
        return None
    return ARTICLE.sub("", named[0].canonical or named[0].text), " ".join(titled.group(1).split()) or None


# "The lawyer for Ada Holt, Ivo Dahl": a description, a comma and a name, read whole as the speaker.
_DESCRIBED_THEN_NAMED = re.compile(r"((?:the|The|a|A|an|An)\s+[^,]+?),\s+"
                                   r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)")
_THE_DESCRIPTION = re.compile(r"(?:the|The)\s+(?:[\w-]+\s+){0,3}[\w-]+")
_APPOSITION_OPENS = re.compile(r",[ \t]+((?:[A-Z][\w.'’-]*[ \t]+){0,3}?)")  # ", Representative "
_APPOSITION_CLOSES = re.compile(r"(?:[ \t]+of[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?,[ \t]*")


def _paired_times(attribution: Attribution, text: str) -> str:
    """The speaker with the first of a pair of times the analysis cut it from ("past and present
    Plains senators" for "present Plains senators", "current and former officials")."""
    span, speaker = attribution.speaker_span, attribution.speaker
    first = speaker.split()[0].lower() if speaker.split() else ""
    paired = _TIME_BEFORE.search(text, 0, span[0]) if span and re.fullmatch(TIMES, first) else None
    return f"{paired.group(1)} and {speaker}" if paired and paired.group(1).lower() != first else speaker


_TIME_BEFORE = re.compile(rf"(?<![\w-])({TIMES})[ \t]+and[ \t]+$", re.I)


def _person_not_place(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The person a one-word name written at the cue stands for, where the analysis took a fuller
    name ending in a place's or a body's word ("Holt" read as "Holt Tower", the building named for
    Ada Holt): the one person the article names in full with that last word."""
    span = attribution.speaker_span
    written = text[span[0]:span[1]] if span else ""
    fuller = attribution.speaker.split()
    if not re.fullmatch(r"[A-Z][\w'’-]+", written) or len(fuller) < 2 or written not in fuller[:-1] \
            or fuller[-1].lower() not in _PLACE_WORDS:
        return None
    people = {e.canonical or e.text for e in entities if e.label == "PERSON"
              and len((e.canonical or e.text).split()) > 1 and (e.canonical or e.text).split()[-1] == written}
    return people.pop() if len(people) == 1 else None


_PLACE_WORDS = frozenset({"tower", "towers", "building", "hotel", "plaza", "avenue", "boulevard", "bridge",
                          "stadium", "arena", "airport", "center", "centre", "museum", "organization",
                          "organisation", "foundation", "university", "college", "library", "inc", "corp"})


def _pronoun_again(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The antecedent of a pronoun the analysis gave a name the article writes only as something one
    is on ("on Twitter", "via Twitter", "on Capitol Hill"), a platform or a place, no speaker: the
    one other name of the pronoun's kind (a person for "he" or "she", an organisation for "it" or
    "they") the analysis recognised before the pronoun in the nearest of its sentence and the two
    before that names one.
    None when the pronoun's name (or its last word) is written otherwise somewhere, or no one name
    fits."""
    span = attribution.speaker_span
    pronoun = text[span[0]:span[1]].lower() if span else ""
    if span is None or pronoun not in _PRONOUN_LABELS or not attribution.speaker.strip():
        return None
    words = attribution.speaker.split()
    forms = tuple(dict.fromkeys((" ".join(words), words[-1])))  # "Holt" too
    mentions = [start for start, _ in written_then(text, forms, _WORD_ENDS, before=_NO_WORD_BEFORE)]
    if not mentions or not all(_ON_BEFORE.search(text, 0, start) for start in mentions):
        return None
    key, label, end = name_key(attribution.speaker), _PRONOUN_LABELS[pronoun], span[0]
    for start in sentence_starts(text, end, 3):  # its sentence, then the two before, as the analysis reads
        found = {name_key(e.canonical or e.text): ARTICLE.sub("", e.canonical or e.text) for e in entities
                 if e.label == label and start <= e.span[0] and e.span[1] <= end
                 and name_key(e.canonical or e.text) != key}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
        end = start
    return None


_PRONOUN_LABELS = {"he": "PERSON", "she": "PERSON", "it": "ORG", "they": "ORG"}
_NO_WORD_BEFORE = re.compile(r"(?<![\w'’-])")  # a name written whole: no word runs on before it
_WORD_ENDS = re.compile(r"(?![\w'’-])")  # nor after it
_ON_BEFORE = re.compile(r"(?<![\w-])(?:on|via)[ \t]+(?:the[ \t]+)?$", re.I)


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


def _described_body_or_people(attribution: Attribution, text: str,
                              entities: Sequence[Entity]) -> tuple[str, str, str | None, str | None] | None:
    """The one body "the company" or "the agency" stands for (``_described_organisation``), the pair a
    plural office stands for (``_described_pair``), each of them the office's holder ("senator"), the
    person a description names in its apposition (``_named_in_apposition``) or later
    (``_named_later``), or the person an indefinite description is the apposition of
    (``_apposed_person``), the description their role; None for none of them."""
    span = attribution.speaker_span
    body = _described_organisation(attribution, text, entities)
    if body is not None:
        return body, name_key(body), None, None
    pair = _described_pair(attribution, text, entities)
    if pair is not None:
        return pair, person_key(pair), None, attribution.speaker.split()[-1][:-1]
    named = _named_in_apposition(attribution, text, entities)
    if named is not None:
        return named[0], person_key(named[0]), named[1], None
    later = _named_later(" ".join(attribution.speaker.split()), text, span[1], entities) if span else None
    if later is not None:
        return later, person_key(later), None, attribution.speaker
    apposed = _apposed_person(attribution, text, entities)
    role = _RELATIVE_CLAUSE.split(" ".join(attribution.speaker.split()))[0]  # the role stops before "who ..."
    return None if apposed is None else (apposed, name_key(apposed), role, None)


def _described_pair(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The two people a plural office written as the speaker stands for ("Ms. Holt and Mr. Dahl said
    ..., what the senators called ..."): the one pair of people the analysis recognised, joined by
    "and", before it in its sentence (read as up to three, a courtesy title's stop taken for one's
    end). None when the speaker is no such plural (not "the officials", a group no pair stands for),
    or its sentence names no pair or two."""
    span = attribution.speaker_span
    plural = _PLURAL_OFFICE.fullmatch(" ".join(attribution.speaker.split()))
    if span is None or plural is None or not OFFICE.fullmatch(plural.group(1)[:-1]) \
            or plural.group(1).startswith("official"):
        return None
    start = sentence_starts(text, span[0], 3)[-1]  # "Mr." ends no sentence, but the splitter's
    people = sorted((e for e in entities if e.label == "PERSON" and start <= e.span[0]
                     and e.span[1] <= span[0]), key=lambda e: e.span)
    pairs = [(first, second) for first, second in pairwise(people)
             if _JOINED.fullmatch(text, first.span[1], second.span[0])]
    if len(pairs) != 1:
        return None
    first, second = pairs[0]
    titled = _TITLE_BEFORE.search(text, start, first.span[0])
    return " ".join(text[titled.start() if titled else first.span[0]:second.span[1]].split())


_PLURAL_OFFICE = re.compile(r"(?:the|The)\s+(?:two\s+)?([a-z]+s)")
_JOINED = re.compile(r"\s+and\s+(?:[A-Z][a-z]{0,3}\.\s+)?")
_TITLE_BEFORE = re.compile(r"[A-Z][a-z]{0,3}\.\s+$")


def _apposed_person(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The person a speaker written as an indefinite description is the apposition of ("Ada Holt, a
    clerk at the State Department who told her staff ...", the relative "who" read as the
    description): the person the analysis recognised right before its comma. None when the speaker is
    no such description read for a "who" (not "... a good deal for Holt, a second person said"), or no
    person is named right before it."""
    span = attribution.speaker_span
    speaker = _RELATIVE_CLAUSE.split(" ".join(attribution.speaker.split()))[0]
    if span is None or not _INDEFINITE.fullmatch(speaker):
        return None
    if text[span[0]:span[1]].lower() not in _RELATIVE:
        return None  # "... a good deal for Holt, a second person said": no apposition read for "who"
    found = re.search(r"\s+".join(map(re.escape, speaker.split())) + r"[ \t]*,?[ \t]*$", text[:span[0]])
    if found is None:
        return None
    start = found.start()
    comma = re.search(r",[ \t]+$", text[:start])
    if comma is None:
        return None
    people = [e for e in entities if e.label == "PERSON" and e.span[1] == comma.start()]
    return ARTICLE.sub("", people[0].canonical or people[0].text) if len(people) == 1 else None


_RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|whom|whose|which|that)\b")
_INDEFINITE = re.compile(r"(?:an?|An?)\s+[a-z][\w-]*(?:\s+\S+)*")
_RELATIVE = frozenset({"who", "whom"})


def _title_in_key(office: str, canonical: str) -> bool:
    """Whether the analysis's grouping key was read with the title ("insp holt" of "Insp Holt", "former holt"
    of "Former Secretary of State Ada Holt"): it opens with the title or holds one of its words."""
    key = name_key(canonical)
    return key.startswith(f"{name_key(office)} ") or bool(set(key.split()) & set(name_key(office).split()))


def _focused_name(name: str, entities: Sequence[Entity]) -> str | None:
    """The name after a focusing "Even" written before it ("Even China, Pyongyang's only ally, said"),
    when the analysis recognised that name and not the whole ("Even Stevens" stays); None otherwise."""
    if not name.startswith("Even "):
        return None
    recognised = {name_key(e.text) for e in entities}
    rest = name[len("Even "):]
    return rest if name_key(rest) in recognised and name_key(name) not in recognised else None


def _described_name(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The one name the article gives a speaker written as a description, "the" (or "his", "her",
    "their") and a singular common noun ("the official" of "Fauzi, an official from the local disaster
    agency, told AFP"; "the spokesman" of "NYPD spokesman Paul Browne"; "the senator" of "Sen. Ada
    Holt"; "her doctor" of "Dr. Ada Holt", a doctor's title): a person or
    an organisation the analysis recognised, written before the speaker with the description's head
    in an apposition after it or as a title before it. None when the article gives that head to no
    name or to more than one, or the speaker is no such description."""
    span = attribution.speaker_span
    described = _DESCRIPTION.fullmatch(" ".join(attribution.speaker.split()))
    if span is None or described is None:
        return None
    head = described.group(1).lower().removeprefix("ex-")
    if (head.endswith("s") and not head.endswith("ss")) or head in _NOT_A_HEAD or not can_speak(head):
        return None  # "the officials": a group no one name stands for; "the release": no one
    heads = "|".join(re.escape(h) for h in (head, *_ABBREVIATED.get(head, ())))
    before = text[:span[0]]
    labels = {name_key(e.text): e.label for e in entities}
    owned = described.group(0).split()[0].lower() in _PRONOUN_OWNERS  # "her doctor": hers, no one else's
    found = [m.group(1) for m in _titled(heads).finditer(before)
             if labels.get(name_key(m.group(1))) in _NAMED
             and not (owned and _OWNER_BEFORE.search(before, 0, m.start()))]  # not "Holt's lawyer Ivo Dahl"
    found += [m.group(1) for m in _appositive(heads).finditer(before) if _whole_name(m)
              and (labels.get(name_key(m.group(1))) in _NAMED or _unlabelled_name(m, labels))]
    names = {name_key(n).split()[-1]: _POSSESSIVE_END.sub("", n) for n in found}
    return next(iter(names.values())) if len(names) == 1 else None


def _the_one_named_near(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The one person a speaker written as a description of one person ("the businessman", "the U.S.
    presidential candidate", "the Senate minority leader") stands for: the one person the analysis
    recognised in its sentence before it; when its sentence names none before it, the one the sentence
    before names, or the person opening that sentence as its subject. None when the head is written with
    "a" or "an" there (someone new: "a lawmaker ... the lawmaker"), is a man, a woman or a body's head, or
    no one such is named."""
    span = attribution.speaker_span
    written = " ".join(attribution.speaker.split())
    described = _ONE_DESCRIBED.fullmatch(written)
    mate = _RUNNING_MATE.fullmatch(written)  # "Holt's potential VP": a possessive read as the others
    if span is None:
        return None
    if mate is None and (described is None or not _PUBLIC_FIGURE.fullmatch(described.group(1))
                         or "'" in described.group(0) or "’" in described.group(0)):
        return None  # "the victim's mother", "the staff member": someone the story need not name
    head = mate.group(2) if mate else described.group(1) if described else ""
    possessor = name_key(mate.group(1)).split()[-1:] if mate else []
    words = attribution.content_span
    anchor = min(span[0], words[0]) if words else span[0]  # before the words ("...," the leader said)
    own = _sentence_start(text, anchor)
    before = _writers_sentence_before(text, own)
    if re.search(rf"\b(?:a|an)\s+(?:[\w.'’-]+\s+){{0,3}}{re.escape(head)}\b", text[before:span[0]], re.I):
        return None
    persons = [e for e in entities if e.label == "PERSON" and _A_PROPER_NAME.fullmatch(e.text)
               and not _inside_quotation(text, e.span[0])]  # a name a quoted speaker says: not the writer's
    people = [e for e in persons if own <= e.span[0] and e.span[1] <= anchor]
    if not people and before < own:
        people = [e for e in persons if before <= e.span[0] and e.span[1] <= own]
        opening = [e for e in people if _OPENING.fullmatch(text, before, e.span[0])]
        people = opening or people
    people = [e for e in people if name_key(e.canonical or e.text).split()[-1:] != possessor]
    surnames = {name_key(e.canonical or e.text).split()[-1] for e in people if name_key(e.text)}
    if len(surnames) != 1:
        return None
    return max((e.text for e in people), key=lambda name: len(name.split()))


def _writers_sentence_before(text: str, own: int) -> int:
    """The start of the sentence before the one starting at ``own`` that holds the writer's words: a
    sentence wholly inside quotation marks (a quoted sentence on its own, or a later sentence of a quotation
    running over several) is the quoted speaker's and is stepped over (three at most); ``own`` itself at
    the text's start."""
    first = _sentence_start(text, own - 1) if own else own
    start, stop = first, own
    for _ in range(4):
        sentence = text[start:own]
        if not _inside_quotation(text, start) and re.search(r"[A-Za-z]", _A_QUOTATION.sub("", sentence)):
            return start if start == first or _in_the_first_person(text[start:stop]) else first
        if start == 0:
            break
        own, start = start, _sentence_start(text, start - 1)
    return first


def _in_the_first_person(span: str) -> bool:
    """Whether the quotations of ``span`` speak in the first person ("I", "we") and of no one as "he" or
    "she": a quotation of someone ("He should pay") may be of the one described, its speaker someone else."""
    quoted = " ".join(_A_QUOTATION.findall(span))
    return bool(_SPEAKS_AS_I.search(quoted)) and not _SPEAKS_OF_ONE.search(quoted)


def _inside_quotation(text: str, at: int) -> bool:
    """Whether character ``at`` lies inside a quotation opened earlier in its paragraph (more opening
    quotation marks than closing ones before it, or an odd number of straight ones)."""
    paragraph = text[text.rfind("\n", 0, at) + 1:at]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


_SPEAKS_AS_I = re.compile(r"\b(?:I|me|my|we|us|our)\b|\bI['’]", re.I)
_SPEAKS_OF_ONE = re.compile(r"\b(?:he|him|his|she|her)\b", re.I)
# A quotation, closed or running to the end of the sentence it opens in.
_A_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


def _sentence_start(text: str, end: int) -> int:
    """The start of the sentence holding character ``end``: after the last full stop (or "!", "?") before
    it that a capital or a quotation mark follows, not an initial's ("Harry M. Reid") nor a title's."""
    ends = [m.end() for m in _A_SENTENCE_ENDS.finditer(text, 0, max(end + 1, 0)) if m.end() <= end]
    return ends[-1] if ends else 0


_A_SENTENCE_ENDS = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)"
                              r"(?<!\bRep)(?<!\bGov)(?<!\bGen)[.!?][\"”’)]*\s+(?=[\"“A-Z])|\n+")


# "the businessman", "the U.S. presidential candidate", "the Senate minority leader": "the", up to three
# words, a lower-case head.
_ONE_DESCRIBED = re.compile(r"(?:the|The)\s+(?:[\w.'’-]+\s+){0,3}([a-z][a-z-]+)"
                            r"(?:\s+and\s+(?:former|onetime)\s+(?:[\w.'’-]+\s+){0,2}[a-z][a-z-]+)?")
# ("the front-runner and former secretary of state": what one person is and was, read by the first head)
# The head of a public figure's description, whom political news names and then describes.
# (not "president": "the Mexican president" is often no one the sentence names)
_PUBLIC_FIGURE = re.compile(r"candidate|nominee|front-?runner|contender|challenger|incumbent|leader|senator|"
                            r"governor|congress(?:man|woman)|lawmaker|mayor|speaker|businessman|"
                            r"businesswoman|billionaire|mogul|tycoon")
# A running mate written with the candidate's possessive: "Holt's potential VP", "Holt’s running mate".
_RUNNING_MATE = re.compile(r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s?\s+"
                           r"(?:(?:potential|possible|likely|future|presumptive)\s+)?"
                           r"(VP|running\s+mate|vice[\s-]presidential\s+(?:pick|nominee|candidate|choice))")
# What may open a sentence before its subject: nothing, or a phrase of up to three words and a comma
# ("On Thursday, Holt announced ...").
_OPENING = re.compile(r"\s*(?:(?:[\w'’-]+[ \t]+){0,2}[\w'’-]+,[ \t]*)?")
# A person's name as written, capitalised words (an initial at most between), no possessive nor number.
_A_PROPER_NAME = re.compile(r"[A-Z][\w-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][\w-]+)*")


def _named_right_after(attribution: Attribution, text: str, entities: Sequence[Entity]) -> str | None:
    """The name a speaker written as a description ("the drug's maker", "the company's owner") is given
    in an apposition right after it that ends its sentence or clause ("according to the drug's maker,
    Plains-based Lumio Labs, Inc."): an organisation or a person the analysis recognised, an adjective
    before it at most. None when the speaker is no such description or no such name follows."""
    span = attribution.speaker_span
    described = _DESCRIBED.fullmatch(" ".join(attribution.speaker.split()))
    if span is None or described is None or not can_speak(described.group(1).lower()):
        return None
    opens = _APPOSED_AFTER.match(text, span[1])
    if opens is None:
        return None
    found = [e for e in entities if e.label in _NAMED and e.span[0] == opens.end()]
    if len(found) != 1 or not (_CLAUSE_ENDS.match(text, found[0].span[1]) or found[0].text.endswith(".")):
        return None  # the name's own full stop ("Lumio Labs, Inc.") may end the sentence
    return ARTICLE.sub("", found[0].canonical or found[0].text)


# "the drug's maker", "the company's owner", "its parent": a determiner or an owner, then the head.
_DESCRIBED = re.compile(r"(?:the|The|its|Its|their|Their)\s+(?:[\w-]+['’]s?\s+)?(?:[a-z][\w-]*\s+)?"
                        r"([a-z][a-z-]+)")
# ", " and an adjective of place at most ("Plains-based") before the name in apposition.
_APPOSED_AFTER = re.compile(r",[ \t]+(?:[A-Z][\w.'’-]*-based[ \t]+)?")
# The name ends its sentence or its clause (a company's suffix after it at most).
_CLAUSE_ENDS = re.compile(r"(?:,?[ \t]+(?:Inc|LLC|Ltd|Corp|Co|L\.L\.C|L\.L\.P)\.?)?[ \t]*"
                          r"(?:[.;:!?]|,[ \t]+(?:and|but)\b|$)")


def _named_later(written: str, text: str, end: int, entities: Sequence[Entity]) -> str | None:
    """The one person a description with a phrase after its head ("the lawyer for the campaign and the
    party") is named as later in its article, the head written again with the name in apposition
    ("..., the lawyer, Ivo Dahl, said"), or a possessive description ("Holt's lawyer") written again
    whole with the name in apposition ("Holt's lawyer, Ivo Dahl, said"). None when the speaker is no
    such description, or the article writes it so with no name or two."""
    described = _DESCRIPTION_OF.fullmatch(written)
    owned = _OWNED_DESCRIPTION.fullmatch(written)
    head = described.group(1) if described else owned.group(2) if owned else ""
    if not head or not can_speak(head.lower()):
        return None
    people = {e.span[0]: e for e in entities if e.label == "PERSON" and e.span[0] > end}
    again = rf"(?i:the)[ \t]+{re.escape(head)}" if described else re.escape(written)
    later = re.compile(rf"(?<![\w-]){again},[ \t]+")
    names = {name_key(p.canonical or p.text): ARTICLE.sub("", p.canonical or p.text)
             for m in later.finditer(text, end) if (p := people.get(m.end())) is not None}
    return next(iter(names.values())) if len(names) == 1 else None


# A description with a phrase after its head ("the lawyer for the campaign", "the spokesman of the firm").
_DESCRIPTION_OF = re.compile(r"(?:the|The)\s+([a-z][a-z-]+)\s+(?:for|of|at|with|to)\s+\S.*")
# A possessive description: a proper name's, then its head ("Holt's lawyer", "Plains Union's spokesman").
_OWNED_DESCRIPTION = re.compile(r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2}['’]s)[ \t]+([a-z][a-z-]+)")


def _unlabelled_name(found: re.Match[str], labels: Mapping[str, str]) -> bool:
    """Whether an appositive's name the recogniser labelled no person or organisation is one all
    the same ("Fauzi, an official from ...", Fauzi called a place): labelled nothing or a place the
    article never writes as one, not a day or a month, nor the word that opens its sentence
    ("Meanwhile, the official ...")."""
    name = found.group(1)
    opening = re.search(r"(?:^|[.!?:\"“”]\s*)$", found.string[:found.start(1)])
    if labels.get(name_key(name), "GPE") != "GPE" or a_place(name, [found.string]):
        return False
    return not set(name_key(name).split()) & CALENDAR and not opening


# "the" (or a possessive pronoun: "her doctor", "his lawyer") and a common noun, its head.
_PRONOUN_OWNERS = frozenset({"his", "her", "their"})
_OWNER_BEFORE = re.compile(r"['’]s?[ \t]+(?:[\w-]+[ \t]+)?$")  # "Holt's lawyer", "Holt's longtime lawyer"
_DESCRIPTION = re.compile(r"(?:the|The|his|His|her|Her|their|Their)\s+(?:[\w-]+\s+){0,2}([a-z][a-z-]+)")
_NOT_A_HEAD = word_set("source")
_SPEECH_VERB = r"(?:said|says|told|tells|added|adds|reported|reports|wrote|writes|announced|stated)\b"
_NAMED = frozenset({"PERSON", "ORG"})
_POSSESSIVE_END = re.compile(r"['’]s?$")
_ABBREVIATED = {"senator": ("sen.",), "representative": ("rep.",), "congressman": ("rep.",),
                "congresswoman": ("rep.",), "governor": ("gov.",), "sergeant": ("sgt.",),
                "detective": ("det.",), "professor": ("prof.",), "lieutenant": ("lt.",),
                "doctor": ("dr.",), "physician": ("dr.",)}
_A_NAME = r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"


def _appositive(heads: str) -> re.Pattern[str]:
    """A name with the head in its apposition ("Fauzi, an official from the local agency"), not the
    end of a longer name ("the Gulf of Aden") nor a speaker's own clause ("Aden, the official said"),
    nor a head after a preposition ("Ivo Dahl, an assistant to the governor": an assistant's)."""
    apposition = (rf",[ \t]+(?:a|an|the)[ \t]+(?:(?!{_PREPOSITION}[ \t])[\w'’.-]+[ \t]+){{0,4}}?"
                  rf"(?i:{heads})(?![\w-])")
    own_clause = rf"(?![ \t]+{_SPEECH_VERB})"
    return re.compile(r"(?<![\w'’.-])" + _A_NAME + apposition + own_clause)


def _whole_name(found: re.Match[str]) -> bool:
    """Whether a name found is written whole, no capitalised word before it ("EYP" of "EYP Mission
    Critical Facilities") nor a name it ends ("Aden" of "the Gulf of Aden")."""
    return not _NAME_GOES_ON.search(found.string, 0, found.start(1))


_PREPOSITION = r"(?i:to|of|for|at|with|in|on|from|by|under)"
_NAME_GOES_ON = re.compile(r"[A-Z][\w'’.-]*[ \t]+(?:(?:of|de|van|von|bin|al)[ \t]+)?$")


def _titled(heads: str) -> re.Pattern[str]:
    """A name with the head written as its title ("spokesman Paul Browne", "Sen. Ada Holt")."""
    return re.compile(rf"(?<![\w.-])(?i:{heads})[ \t]+" + _A_NAME)


def goes_on(attribution: Attribution, before: Attribution | None, text: str) -> Attribution:
    """ "The friend said she was well. She added: ..." -- a "he", "she" or "they" of a cue that goes on
    ("added", "continued", "went on") is the one the attribution just before it gives words to, when
    that is someone unnamed written as a description ("The friend", "a neighbour"; no office, "the
    president", whose holder the analysis names) in the pronoun's
    sentence or the one before: the analysis's name for the pronoun (a person named nearer) yields to
    it. ``attribution`` as it is otherwise."""
    span, said = attribution.speaker_span, before.speaker_span if before else None
    if before is None or span is None or said is None:
        return attribution
    if not _GOES_ON.fullmatch(attribution.cue.strip().lower()):
        return attribution
    if text[span[0]:span[1]].lower() not in {"he", "she", "they"} or not _SOMEONE.fullmatch(before.speaker):
        return attribution
    if OFFICE.search(before.speaker):
        return attribution  # "The president said ... He added": the analysis names the office holder
    if said[1] > span[0] or said[0] < sentence_starts(text, span[0])[-1]:
        return attribution
    return spoken_as(attribution, before)


_GOES_ON = re.compile(r"add(?:s|ed)|continu(?:es|ed)|went on|goes on")
_SOMEONE = re.compile(r"(?i:the|a|an)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*")


def spoken_as(attribution: Attribution, before: Attribution) -> Attribution:
    """``attribution`` given to the speaker of ``before`` (name, canonical name, role, organisation)."""
    return replace(attribution, speaker=before.speaker, canonical=before.canonical, role=before.role,
                   organisation=before.organisation)


def first_of_the_surname(attribution: Attribution, text: str, entities: Sequence[Entity]) -> Attribution:
    """ "Sen. Ada Holt ... a photo of her husband, Ivo Holt ... "...," Holt said": a bare surname at the
    cue, where the article named two or more people in full with it before and the analysis took one
    named after the first, is the first of them, as news writes a relative after the one it is about
    by full or first name; its role and organisation, read for the other, go. ``attribution`` as it is
    when the surname is written after a capitalised word (a courtesy title, "Mrs. Holt", or a first
    name), or the analysis's person is written in full before it anywhere but as an object, a
    preposition's or a relative's ("Ivo Holt said his wife ... . Holt said, ..."; "CLEVELAND - Ivo
    Holt painted ..."): only where the one named last is ever just "a photo of Ivo Holt" or "her
    husband, Ivo Holt" is the story not about them."""
    span = attribution.speaker_span
    written = text[span[0]:span[1]] if span else ""
    if span is None or not re.fullmatch(r"[A-Z][\w'’-]+", written) \
            or _CAPITAL_BEFORE.search(text, 0, span[0]):
        return attribution  # "Mrs. Holt", "Ivo Holt": not a bare surname
    named = [e.text for e in sorted(entities, key=lambda e: e.span) if e.label == "PERSON"
             and e.span[1] <= span[0] and len(e.text.split()) > 1 and e.text.split()[-1] == written
             and e.text == (e.canonical or e.text)]
    first: dict[str, str] = {}
    for name in named:
        first.setdefault(person_key(name), name)  # "Josh Apte" is "Joshua Apte": one person
    people = list(first.values())
    taken = person_key(attribution.speaker)
    if len(people) < 2 or taken not in {person_key(p) for p in people[1:]}:
        return attribution
    named_taken = [e for e in entities if e.label == "PERSON" and e.span[1] <= span[0]
                   and len(e.text.split()) > 1 and person_key(e.text) == taken]
    if not all(_AS_OBJECT.search(text, max(0, e.span[0] - 60), e.span[0]) for e in named_taken):
        return attribution  # "Ivo Holt said ...", "CLEVELAND - Ivo Holt painted ...": the analysis's reading
    return replace(attribution, speaker=people[0], canonical=person_key(people[0]), role=None,
                   organisation=None)


# A name written as an object, a preposition's or a relative's, up to three words (titles) between:
# "a photo of Ada Holt", "worked with Ada Holt", "her husband, former President Ivo Holt".
_AS_OBJECT = re.compile(r"(?:\b(?:of|by|for|with|to|from|about|against|at)|\b(?:wife|husband|son|daughter|"
                        r"brother|sister|father|mother|widow|spouse),?)[ \t]+(?:[\w.'’-]+[ \t]+){0,3}$", re.I)
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*|[A-Z][a-z]{0,3}\.)[ \t]+$")  # "Ivo Holt", "Mrs. Holt"; not
# "... in Canada. Holt said"


def described_again(attribution: Attribution, before: Attribution | None, text: str) -> Attribution:
    """ "..., he said. "...," said the man who built his career on ...": a man or a woman written as
    the speaker with a relative clause after them (a description of someone the story is about, not
    a stranger introduced) is the person the attribution just before gives words to, named by the
    analysis, in the speaker's sentence or the two before. ``attribution`` as it is otherwise."""
    span, said = attribution.speaker_span, before.speaker_span if before else None
    if before is None or span is None or said is None or not before.canonical:
        return attribution
    if not _MAN_OR_WOMAN.fullmatch(" ".join(attribution.speaker.split())) or not _WHO.match(text, span[1]):
        return attribution
    if not before.speaker[:1].isupper() or _SOMEONE.fullmatch(before.speaker) or said[1] > span[0]:
        return attribution
    if said[0] < sentence_starts(text, span[0], 3)[-1]:
        return attribution
    return spoken_as(attribution, before)


_MAN_OR_WOMAN = re.compile(r"(?i:the)\s+(?:[a-z][\w-]*\s+)?(?:man|woman)")
_WHO = re.compile(r"[ \t]+who\b")


def not_in_own_words(attribution: Attribution, text: str, entities: Sequence[Entity]) -> Attribution:
    """ "... concerns Ivo Dahl, head of the caucus. "No one writes songs for her. Holt had a band," he
    said.": a "he" or "she" the analysis gave a person its quoted words (a direct quotation) speak of
    by surname, in the third person, as a subject ("Holt had ..."), is the nearest other person it
    recognised before the words, in their sentence or the one before. ``attribution`` as it is when the
    words do not name the person so ("the Holt/Dahl ticket"), or no other is named there."""
    span, words = attribution.speaker_span, attribution.content_span
    pronoun = text[span[0]:span[1]].lower() if span else ""
    if span is None or words is None or pronoun not in {"he", "she"} or not attribution.speaker.strip() \
            or attribution.kind != "direct":
        return attribution  # "Yet Holt has amended it once — "I now recall," he said": the writer's words
    surname = attribution.speaker.split()[-1]
    if not re.search(rf"(?<![\w'’/-]){re.escape(surname)}[ \t]+[a-z]", text[words[0]:words[1]]):
        return attribution  # not "the Holt/Dahl ticket", a name one's own words may hold
    start = sentence_starts(text, words[0])[-1]
    taken = person_key(attribution.speaker)
    others = [e for e in entities if e.label == "PERSON" and start <= e.span[0] and e.span[1] <= words[0]
              and person_key(e.canonical or e.text) != taken and len((e.canonical or e.text).split()) > 1]
    if not others:
        return attribution
    nearest = max(others, key=lambda e: e.span[1])
    name = nearest.canonical or nearest.text
    return replace(attribution, speaker=name, canonical=person_key(name), role=None, organisation=None)


def report_denied(attribution: Attribution, text: str, entities: Sequence[Entity]) -> Attribution:
    """ "Holt denied a Plains Herald report that the plant would close": the words a speaker denies after
    a newsroom's "report that" are the report's, its newsroom the speaker (a name the analysis
    recognised, a newsroom's, between the denial's cue and "report that" right before the words; no
    role or organisation of the one who denied). ``attribution`` as it is otherwise."""
    cue, content = attribution.cue_span, attribution.content_span
    if cue is None or content is None or content[0] < cue[1]:
        return attribution
    if not _DENIAL.fullmatch(attribution.cue.strip().lower()):
        return attribution
    found = _OUTLET_REPORT.fullmatch(text, cue[1], content[0])
    named = [e for e in entities if found is not None and e.span == found.span(1)]
    if found is None or len(named) != 1 or not is_outlet(found.group(1)):
        return attribution
    name = named[0].canonical or named[0].text
    return replace(attribution, speaker=name, canonical=name_key(name), speaker_span=found.span(1), role=None,
                   organisation=None)


_DENIAL = re.compile(r"den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing)")
# "a Plains Herald report that", "the Herald's report that": a newsroom's name and its report.
_OUTLET_REPORT = re.compile(r"[ \t]+(?:an?|the|The)[ \t]+((?:[A-Z][\w'’.&-]*[ \t]+){0,3}[A-Z][\w'’.&-]*?)"
                            r"(?:['’]s)?[ \t]+(?:report|story|article)[ \t]+that[ \t]+")
