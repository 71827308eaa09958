"""Who an attribution's speaker is, for a voice (``speaker_of``): "her campaign" and "the campaign"
as the one person's campaign, a name read inside a person's apposition as that person, a description
("the official") as the one name the article gives it, a focusing "Even" dropped, and otherwise the
name as written, cleaned (``speakernames``); None when the attribution makes no voice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from broadsheet.brief.nonspeakers import can_speak, sentence_starts
from broadsheet.brief.speakernames import clean_speaker, document_owner, is_pronoun, named_after, titled_after
from broadsheet.brief.voiceorgs import ARTICLE, a_place
from broadsheet.brief.voiceroles import CALENDAR
from broadsheet.model import Attribution, Entity
from broadsheet.text import name_key, word_set


def speaker_of(attribution: Attribution, text: str,
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
    titled = titled_after(attribution, text)
    written = titled[0] if titled else named_after(attribution, text) or attribution.speaker
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
    starts = sentence_starts(text, span[0])
    window = starts[1] if len(starts) > 1 else starts[0] if starts else 0
    label = "PERSON" if found.re is _POSSESSED else "ORG"
    owners = {e.canonical or e.text for e in entities
              if e.label == label and window <= e.span[0] and e.span[1] <= span[0]}
    if len(owners) != 1:
        return None
    return f"{ARTICLE.sub('', owners.pop())}'s {found.group(1)}"


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
    if (head.endswith("s") and not head.endswith("ss")) or head in _NOT_A_HEAD or not can_speak(head):
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
    if labels.get(name_key(name), "GPE") != "GPE" or a_place(name, [found.string]):
        return False
    return not set(name_key(name).split()) & CALENDAR and not opening


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
