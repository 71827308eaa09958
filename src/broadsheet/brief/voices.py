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
(``nonspeakers.cannot_speak``: "Certificates and certifications indicate that ...", every conjunct's head a
common noun no agent noun), nor a pronoun given a name its sentence and the one before never write
while one of them opens with another name as its subject (``nonspeakers.antecedent_in_doubt``: "Stardust is
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
does not join a group of it ("a group of Republicans"). "The company" and "the paper" are the one firm
or newsroom named just before; a pronoun given to a name written only as a platform or a place one is
on ("on Twitter") is the one other name of its kind before it; a one-word name read as a building named
for a person ("Holt Tower") is the person; a pair of times cut from a group ("past and present") is
made whole; "Speaker" before a name is a title; a title cut after "Director of" is made whole, and a
committee's word ("Intelligence" of "Intelligence committee chairman") is no organisation. "The agency"
is the one body or newsroom named just before; a police rank ("Insp Holt") is a title and the name
joins the full one; a place's adverb ("police there") is no part of a name; a pronoun that goes on
("She added") after an unnamed one's words ("The friend said") is that one; a role the analysis read
inside the words before another person's name ("media mogul Ivo Dahl") is not the speaker's; one place
of a list ("residents of Holt, Dahl, Vale and Kade") is no organisation; and a one-word name joins no
one written as another ("Another neighbour"), as someone of it ("a reporter of the news agency, PNA")
or as a pair it is one of ("Lumio and Plainsoft"). What a speaker has not said ("haven't said much about
...", "did not say how ...") and a cue with an adverb as its only words ("According to Lumio News,
basically") make no voice; an indefinite description read for "who" is the person it is the apposition
of ("Ivo Dahl, a clerk at the department who told ..."), its role; a plural office ("the senators") is
the one pair named before it in its sentence; "the agency" is the body written first where the other is
what it is part of ("Holt Investigations, a division of the Plains Agency"); a bare surname is the first
of two people named in full with it where the one named last is only ever an object ("a photo of Ivo
Holt", "her husband, Ivo Holt"); "the man who ..." after his words is the one who spoke just before; a
"he" or "she" whose quoted words speak of its person by surname as a subject is the nearest other person
named before them; a named person and their aides take the person's kind, and the spokesperson of a
person the story writes as a candidate is no official. A lower-case particle inside a name ("Omar bin
Hadi") is the name's, no description before it; a participle "Recalling" opening its sentence, a thing
and no clause after it, is a memory, no words; a title's first word read into the body before it
("Research" of "Plains Party Research Director") and a kind of body the story writes only as a common
noun ("PAC" of "the super PAC's campaign") are no organisation's. A deed refused ("refusing to sign the
bill"), an event ended ("concluded it without taking questions"), an aim described after "to" ("plans to
act Tuesday that would ..."), a reason cited with "that" ("citing concerns that ...") and what a speaker
rarely says make no voice; "her doctor" (a possessive pronoun's description) takes the one name the
article gives that head before it, a doctor's being the one "Dr."; "the campaign" with no one's campaign
written before it is the one person's named in its sentence or the one before; and a description named
right after it in an apposition ending its sentence ("the drug's maker, Plains-based Lumio Labs, Inc.")
is that name.

Where the rules live: the name as written, cleaned, in ``speakernames``; who the speaker is in
``speakerof``; named speakers that make no voice in ``nonspeakers``; roles in ``voiceroles``;
organisations and entity labels in ``voiceorgs``; collecting, grouping and ranking here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from broadsheet.brief.nonspeakers import antecedent_in_doubt, cannot_speak, in_others_words
from broadsheet.brief.rank import duplicate_roots, outlet_key
from broadsheet.brief.speakerof import (
    described_again,
    first_of_the_surname,
    goes_on,
    not_in_own_words,
    report_denied,
    speaker_of,
)
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voiceorgs import (
    ARTICLE,
    a_place,
    employer_of,
    entity_labels,
    not_a_common_noun,
    not_a_person,
    not_cut_from,
    not_cut_in,
    organisation_in,
    owner_of_title,
    school_of,
    whole_organisation,
    without_school,
)
from broadsheet.brief.voiceroles import (
    OWNER_ONLY,
    not_own_name,
    tidy_role,
    titled_whole,
    whole_company,
    whole_role,
    whole_word,
)
from broadsheet.model import Analysis, Attribution, Quote, Story, Voice
from broadsheet.stories.speakers import speaker_kind
from broadsheet.storytexts import story_texts, written_then
from broadsheet.text import EDGE_PUNCT, mentioning, name_key


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
        for number, written in enumerate(attributions):
            entities = analyses[aid].entities
            before = attributions[number - 1] if number else None
            attribution = described_again(goes_on(written, before, text), before, text)
            attribution = not_in_own_words(first_of_the_surname(attribution, text, entities), text, entities)
            attribution = report_denied(attribution, text, entities)
            found = speaker_of(attribution, text, entities)
            unsaid = no_words_said(attribution, text) or in_others_words(attribution, attributions, text)
            doubtful = found is not None and (cannot_speak(attribution, found[0], text, entities)
                                              or antecedent_in_doubt(attribution, text, entities))
            if found is None or unsaid or doubtful:
                continue
            name, key, office, described = found
            quote = _quote(attribution, analyses[aid])
            role = None if _role_in_words(attribution, text) or _REFLEXIVE.fullmatch(attribution.role or "") \
                else attribution.role
            role = _without_first_name(role, attribution, text)
            said.append(_Said(name, key, attribution, quote, (index, number), role or office, described))
    return said


def _without_first_name(role: str | None, attribution: Attribution, text: str) -> str | None:
    """A role without the speaker's first name read into its end after a title's word ("DNC Chair Ada" of
    "DNC Chair Ada Holt Dahl", the speaker "Holt Dahl"): the name's, written right before it."""
    found = _FIRST_NAME_END.search(role or "")
    if role is None or found is None or f"{role} {attribution.speaker}" not in text:
        return role
    return role[:found.start(1)].rstrip() or None


# A title's word, then one capitalised word (no acronym, no title's own last word: "Secretary General") ending
# the role.
_FIRST_NAME_END = re.compile(r"\b(?:Chair(?:man|woman|person)?|President|Director|Founder|Leader|Secretary|"
                             r"CEO)[ \t]+(?!(?:General|Emeritus|Elect)$)([A-Z][a-z][\w'’-]*)$")


# A reflexive pronoun read as a role ("Steele himself declared ..."): no description of anyone.
_REFLEXIVE = re.compile(r"\s*(?i:himself|herself|themselves|itself|themself)\s*")


def _role_in_words(attribution: Attribution, text: str) -> bool:
    """Whether the role the analysis gave the speaker is written, inside the words, only as the title
    of another person named right after it ("she claimed she turned down media mogul Ivo Dahl's
    offer": the mogul is Dahl, not her; "said Holt Labs CEO Ada Holt" keeps hers)."""
    role, words = attribution.role, attribution.content_span
    if not role or words is None:
        return False
    found = list(written_then(text, role, _NAMED_AFTER, before=_NO_WORD_BEFORE, any_case=True))
    own = set(name_key(attribution.speaker).split())
    return bool(found) and all(words[0] <= start < words[1]
                               and not own & set(name_key(m.group(1)).split()) for start, m in found)


# A role's title written before a person's name, read after the role; no word or hyphen before it.
_NAMED_AFTER = re.compile(r"[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)")
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")


def _content_key(content: str) -> str:
    return " ".join(content.casefold().strip(EDGE_PUNCT).split())


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
    "of" (Republicans are not "a group of Republicans", nor Michigan "University of Michigan"), nor
    in someone described by their body ("a reporter of the news agency PNA" is not PNA) or written as
    another ("Another neighbour" is not "the neighbour"), nor in a pair it is one of ("Lumio and
    Plainsoft" is not Lumio).

    A match on the last word (a surname) wins over a match elsewhere ("Kim" in "Kim Jong Un").
    With ``names`` (a name as written for each key) a word elsewhere than last joins only a proper
    name: "Teachers" chanting is not "teachers unions" ("officials" still joins "Beijing officials").
    """
    full = sorted({k for k in keys if " " in k})
    targets: dict[str, str] = {}
    for key in {k for k in keys if k and " " not in k}:
        whole = [f for f in full if not re.search(rf"\bof {re.escape(key)}\b", f)  # "a group of Republicans"
                 and not _SOMEONE_OF.match(f)  # "a reporter of the news agency PNA" is not PNA
                 and not _ANOTHER.match(f)  # "Another neighbour" is not "the neighbour"
                 and not re.search(rf"\b{re.escape(key)} and\b|\band {re.escape(key)}\b", f)]  # a pair
        by_surname = [f for f in whole if f.split()[-1] == key]
        anywhere = [f for f in whole if key in f.split() and (names is None or _proper(names.get(f, "")))]
        match = by_surname if by_surname else anywhere
        if len(match) == 1:
            targets[key] = match[0]
    return targets


# A person described by the body they belong to ("a reporter of the news agency", "the spokesman for
# the mayor"): the body named in it speaks for itself, and joins no such voice.
_SOMEONE_OF = re.compile(r"(?:an?|the|one)\s+(?:[a-z][\w-]*\s+){0,2}?(?:of|for|at|with|from)\s")
# Someone written as another than the one named before ("another neighbour", "a second witness").
_ANOTHER = re.compile(r"(?:another|other|a second|a third)\s")


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
    role = whole_word(whole_role(titled_whole(tidy_role(written), speaker, texts), speaker, texts), texts,
                      speaker)
    role = whole_company(role, texts)
    role = not_own_name(role, speaker)
    labels = labels or {}
    analysed = _most_common(s.attribution.organisation for s in group)
    if analysed and written and analysed in written and analysed not in (role or "") \
            and not OWNER_ONLY.fullmatch(written.strip()):
        analysed = None  # the organisation was in the words cut from the role ("whose loss to Ivo Dahl");
        # not the owner the role was only a possessive of ("BBC's" of "the BBC's Ada Holt")
    found = not_cut_in(role, whole_organisation(employer_of(analysed, role, labels), role))
    if found and found == school_of(role):
        found = None  # "a Plains University grad": the speaker's school, not their employer
    organisation = not_cut_from(speaker, not_a_common_noun(not_a_person(found, labels), texts))
    label = labels.get(name_key(ARTICLE.sub("", speaker)))
    if label == "GPE" and not a_place(speaker, texts):
        label = None  # "Tottenham said in a statement": a club the recogniser calls a place
    described = without_school(role)  # the role as the kind reads it: no school ("a Plains University grad")
    employer = (found or organisation_in(described, labels, texts)  # "SpaceX", called a person, employs
                or owner_of_title(role, speaker, labels, texts))
    kind = speaker_kind(speaker, described or _most_common(s.described for s in group), employer, outlets,
                        texts, label)
    return Voice(speaker=speaker, quotes=tuple(s.quote for s in group), role=role,
                 organisation=organisation, kind=_kind_of_whom(speaker, role, kind, outlets, texts, labels))


def _kind_of_whom(speaker: str, role: str | None, kind: str, outlets: Collection[str], texts: Sequence[str],
                  labels: Mapping[str, str]) -> str:
    """The kind of a voice that speaks for a person, read with that person: a named person and their
    aides ("Ada Holt and her aides") are no unnamed source but of Holt's kind; the spokesperson of a
    person the story writes as a candidate or a nominee ("Holt spokeswoman Ivy Dahl", "Green Party
    candidate Ada Holt") speaks for a campaign, no official. ``kind`` otherwise."""
    group = _WITH_AIDES.fullmatch(speaker)
    if kind == "unnamed source" and group and labels.get(name_key(group.group(1))) == "PERSON":
        return speaker_kind(group.group(1), None, None, outlets, texts, "PERSON")
    spoken = _SPOKESPERSON_OF.fullmatch(role or "")
    if kind == "official" and spoken:
        surname = spoken.group(1).split()[-1]
        candidate = re.compile(rf"\b{_RUNNING}[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){{0,3}}?"
                               rf"{re.escape(surname)}(?![\w-])")
        if any(candidate.search(text) for text in mentioning(texts, surname)):
            return "other"
    return kind


# A named person and the people around them ("Ada Holt and her aides", "Holt and his advisers").
_WITH_AIDES = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]+and[ \t]+"
                         r"(?:his|her|their)[ \t]+(?:[a-z][\w-]*[ \t]+)?[a-z][\w-]*")
# A person's spokesperson written by the person's name ("Holt spokeswoman", "Ada Holt's press secretary").
_SPOKESPERSON_OF = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}?)(?:['’]s?)?[ \t]+"
                              r"(?:campaign[ \t]+)?(?:spokes(?:wo)?man|spokesperson|press[ \t]+secretary)")
# Someone running for an office, written before their name ("presidential candidate", "the nominee").
_RUNNING = r"(?:candidate|nominee|challenger|hopeful|contender)"


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
    outlets = list(dict.fromkeys(q.quote.outlet for q in said if q.quote.outlet))  # each once: read as a set
    members = [analyses[aid] for aid in story.article_ids if aid in analyses]
    texts = story_texts([a.article.text for a in members])
    labels = entity_labels(members)
    voices = {key: _voice(_dedupe(group, story), outlets, texts, labels) for key, group in groups.items()}
    ranked = sorted(
        voices,
        key=lambda k: (-_outlet_count(voices[k]), -len(voices[k].quotes), first_seen[k]),
    )
    return tuple(voices[k] for k in ranked)
