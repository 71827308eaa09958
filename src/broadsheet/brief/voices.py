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
(", and Eddie Villalba, ..."). A name loses its owner or lower-case description ("theCUBE's
Savannah Peterson", "Data portability ... provider Veeam Software"), and a common noun takes the
proper name written after it ("Business advisory firm Riveron"). Words no one said make no voice
(``no_words_said``: the writer's sentence opening with its speaker, naming, knowing, a guilty plea,
a story told).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from broadsheet.brief.rank import duplicate_roots, outlet_key
from broadsheet.model import Analysis, Attribution, Quote, Story, Voice
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


@dataclass(frozen=True)
class _Said:
    """One attribution with its article and its place in the story, before grouping."""

    name: str
    key: str
    attribution: Attribution
    quote: Quote
    order: tuple[int, int]
    role: str | None




def clean_speaker(raw: str) -> tuple[str, str | None]:
    """``raw`` without courtesy titles, possessive or stray punctuation, and any office title.

    Returns ``(name, office)``: "Mr. Hall" -> ("Hall", None); "President Putin" -> ("Putin",
    "President"). A name that would be left empty keeps its title ("the President" stays), and so
    does one whose title is a possessor's ("President Trump's advisers" are no president).
    """
    name = " ".join(raw.split()).strip(_EDGE_PUNCT)
    name = re.sub(r"['’]s$", "", name)
    name = _COURTESY.sub("", name) or name
    name = _without_descriptor(name)
    office = _OFFICE.match(name)
    rest = name[office.end():] if office else ""
    if office and rest[:1].isupper() and not re.search(r"['’]s\b", rest):
        return rest, office.group().strip()
    return name, None


_OWNED_NAME = re.compile(r"^(?:\S+\s+){0,3}\S+['’]s\s+((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)$")
_DESCRIBED_NAME = re.compile(r"^[A-Z][\w-]*((?:\s+[a-z][\w-]*)+)\s+([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)$")
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


def no_words_said(attribution: Attribution, text: str) -> bool:
    """Whether an attribution reports no words of its speaker, so it makes no voice:

    - its content is the writer's sentence around the cue, opening with the speaker ("Gregory
      Barber reported on how ...", "The Texas Newsroom's Sergio Martinez-Beltran explains."): the
      speaker's mention inside the content, before the cue, opening it (a few words at most before
      it, no comma or quotation mark), the cue not followed by a comma (not the parenthetical "The
      museum, Mr. Obama said, would ...", nor "“...,” Bradstock said.", nor "VIENNA — The house
      ..., Austria's interior minister said");
    - its cue names, knows or promotes something, boasts of something (not "boasting that ..."),
      or pleads guilty (no statement); "the paper" that shows or finds is a study, no newspaper;
    - its cue tells a story or reports on a topic, not words ("tell the story of those eight
      days"; "..., Elise Cutts tells the story of how ...", "reported on how a team ...", read
      whole as the words).
    """
    cue = attribution.cue.strip().lower()
    content = attribution.content.strip(_EDGE_PUNCT).lower()
    if _NO_SPEECH_CUE.fullmatch(cue) or _TOLD_A_STORY.match(content):
        return True
    if name_key(attribution.speaker) == "paper" and _FINDS.fullmatch(cue):
        return True  # "The paper shows that ...": a study, no newspaper (a newspaper reports)
    after = text[attribution.cue_span[1]:][:60] if attribution.cue_span else ""
    told = _TOLD_A_STORY.match(after.lstrip()) or _ON_A_TOPIC.match(after)
    if told and _runs_past_its_cue(attribution):
        return True  # "..., Elise Cutts tells the story of how ..." read whole as the words
    if cue.startswith("boast") and not _SAYS_WHAT.match(after):
        return True  # "boasts 20 consecutive quarters", not "boasting that ..."
    if cue.startswith("plead") and _PLEA.match(content):
        return True
    return _opens_with_its_speaker(attribution, text)


_NO_SPEECH_CUE = re.compile(r"(?:nam(?:e|es|ed|ing)|know(?:s|n|ing)?|knew|promot(?:e|es|ed|ing))")
_TOLD_A_STORY = re.compile(r"(?i:the|a|an|their|his|her|its)\s+(?:\w+\s+)?(?:story|tale|history)\s+of\b")
_FINDS = re.compile(r"(?:show|find|found|suggest|demonstrate|conclude)(?:s|ed|n)?")
_ON_A_TOPIC = re.compile(r"\s+on\s+(?:how|why|what|whether)\b", re.I)
_SAYS_WHAT = re.compile(r"\s*(?:that\b|[,:“\"])", re.I)
_PLEA = re.compile(r"(?:not\s+)?guilty\b|no contest\b")
_QUOTE_MARKS = "\"“”«»"


def _runs_past_its_cue(attribution: Attribution) -> bool:
    content, cue = attribution.content_span, attribution.cue_span
    return content is not None and cue is not None and content[0] < cue[0] < content[1]


def _opens_with_its_speaker(attribution: Attribution, text: str) -> bool:
    content, speaker, cue = attribution.content_span, attribution.speaker_span, attribution.cue_span
    if content is None or speaker is None or cue is None:
        return False
    if not content[0] <= speaker[0] < cue[0] < content[1]:
        return False
    before = text[content[0]:speaker[0]]  # "The Texas Newsroom's ", not "VIENNA — The house ..., "
    after_cue = text[cue[1]:].lstrip()[:1]
    plain = not any(mark in before for mark in _QUOTE_MARKS + ",;:")
    return plain and len(before.split()) <= 4 and after_cue != ","


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
        for number, attribution in enumerate(analyses[aid].attributions):
            name, office = clean_speaker(_named_after(attribution, text) or attribution.speaker)
            if is_pronoun(name) or not attribution.content.strip() or not attribution.canonical:
                continue
            if no_words_said(attribution, text):
                continue
            quote = _quote(attribution, analyses[aid])
            role = attribution.role or office
            key = attribution.canonical
            said.append(_Said(name, key, attribution, quote, (index, number), role))
    return said


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
    """Map each one-word speaker key to the single multi-word key containing that word.

    A match on the last word (a surname) wins over a match elsewhere ("Kim" in "Kim Jong Un").
    With ``names`` (a name as written for each key) a word elsewhere than last joins only a proper
    name: "Teachers" chanting is not "teachers unions" ("officials" still joins "Beijing officials").
    """
    full = sorted({k for k in keys if " " in k})
    targets: dict[str, str] = {}
    for key in {k for k in keys if k and " " not in k}:
        by_surname = [f for f in full if f.split()[-1] == key]
        anywhere = [f for f in full if key in f.split() and (names is None or _proper(names.get(f, "")))]
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
    role = _whole_role(_tidy_role(_most_common(s.role for s in group)), speaker, texts)
    labels = labels or {}
    found = _most_common(s.attribution.organisation for s in group)
    organisation = _not_cut_from(speaker, _not_a_person(found, labels))
    label = labels.get(name_key(_ARTICLE.sub("", speaker)))
    if label == "GPE" and not _a_place(speaker, texts):
        label = None  # "Tottenham said in a statement": a club the recogniser calls a place
    employer = found or _organisation_in(role, labels, texts)  # "SpaceX", called a person, employs
    return Voice(speaker=speaker, quotes=tuple(s.quote for s in group), role=role,
                 organisation=organisation,
                 kind=speaker_kind(speaker, role, employer, outlets, texts, label))


_ARTICLE = re.compile(r"^the\s+", re.I)


_DANGLING = re.compile(r"(?:[\s,;:–—-]+(?:at|to|of|for|in|and|or|with|from|on|by|the|a|an))+[\s,;:–—-]*$",
                       re.I)


def _tidy_role(role: str | None) -> str | None:
    """A role without the word it was cut after ("division vice president, Nissan Sales & Regional
    Operations at" -> "... Operations"); None when nothing is left."""
    if role is None:
        return None
    role = _NEXT_PERSON.sub("", role)  # "..., and Eddie Villalba, outbound product manager"
    return _DANGLING.sub("", " " + role).strip() or None


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


_CALENDAR = word_set("monday tuesday wednesday thursday friday saturday sunday january february march "
                     "april may june july august september october november december today")
_NEXT_PERSON = re.compile(r",?\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+,.*$")


def _not_cut_from(speaker: str, organisation: str | None) -> str | None:
    """No organisation that is the speaker's own name cut short of its last word ("The Hollywood"
    of "The Hollywood Reporter", "the Sioux Falls Argus" of "the Sioux Falls Argus Leader"): the
    speaker is the body ("The United Nations" of "The United Nations High Commissioner for Human
    Rights" stays)."""
    if organisation and speaker.lower().startswith(organisation.lower()):
        rest = speaker[len(organisation):].split()
        if len(rest) == 1 and rest[0][:1].isupper():  # the name's last word cut off
            return None
    return organisation


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
