"""Words no one said, read off the speaker and where it is written (rules of
``unsaid.no_words_said``): the writer's sentence opening with its speaker, anyone, a passive's
subject or agent, a list's label, a name in code, a table's cell, a title's word, a modal before
the cue, a subordinate clause or an infinitive holding the speaker, a generic group that knows,
the empty "it" of a passive, words holding nothing but the cue and the speaker.

Each rule reads the attribution's cue, words and spans against the article's text (no parse).
"""

from __future__ import annotations

import re

from broadsheet.brief.unsaidcues import QUOTE_MARKS
from broadsheet.model import Attribution


def opens_with_its_speaker(attribution: Attribution, text: str) -> bool:
    content, speaker, cue = attribution.content_span, attribution.speaker_span, attribution.cue_span
    if content is None or speaker is None or cue is None:
        return False
    if not content[0] <= speaker[0] < cue[0] < content[1]:
        return False
    before = text[content[0]:speaker[0]]  # "The Texas Newsroom's ", not "VIENNA — The house ..., "
    after_cue = text[cue[1]:].lstrip()[:1]
    plain = not any(mark in before for mark in QUOTE_MARKS + ",;:")
    return plain and len(before.split()) <= 4 and after_cue != ","


def anyone(attribution: Attribution, text: str) -> bool:
    """ "Any financial advisor will tell you ...", "your husband still claims ...": anyone's words."""
    return bool(re.match(r"(?:any|your)\s", attribution.speaker.strip(), re.I))


def passive_subject(attribution: Attribution, text: str) -> bool:
    """ "Brother Diaz has been recalled to the Sacred City": the speaker is the passive's subject
    ("Representative Ada Holt, a Democrat from Ohio, is expected to announce": an apposition between;
    not "was quoted as saying", "are urging", nor the "it" of "it was noted that")."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0] or attribution.cue.endswith("ing"):
        return False  # "are urging": no passive
    if text[speaker[0]:speaker[1]].lower() == "it":
        return False  # "it was noted that ...": no one's subject, the source is elsewhere
    gap, after = text[speaker[1]:cue[0]], text[cue[1]:cue[1] + 12]
    return bool(_PASSIVE_GAP.fullmatch(gap)) and not re.match(r"\s+as\s+saying\b", after)


# a member of Congress's party and state may stand between ("Rep. Ada Holt (D-Mass.) is expected to"),
# or an apposition set off by commas ("Representative Ada Holt, a Democrat from Ohio, is expected to")
_PASSIVE_GAP = re.compile(r"(?:\s*\([RDI]-[A-Z][\w.]*\)|,\s*[RDI]-[A-Z][\w.]*,|"
                          r",\s+(?:an?|the)\s+[^,;:()\"“”\n]{1,80},)?"
                          r"\s+(?:(?:has|have|had)\s+been|is|are|was|were|be|being|been)\s+"
                          r"(?:(?:also|still|now|not|widely|\w+ly)\s+)?")  # "Trump is also expected to"


def a_label(attribution: Attribution, text: str) -> bool:
    """ "- Carpet Cleaning: Essential for ...", "1More Q20: This inexpensive set ...": a list's
    label before a colon that opens its line (a word at most before it), the words unquoted; or
    before a dash ("- Claims Adjusters – Investigate and process insurance claims ...")."""
    speaker = attribution.speaker_span
    if speaker is None or (attribution.cue.strip() != ":" and not _DASH.match(text, speaker[1])):
        return False
    line = text[text.rfind("\n", 0, speaker[0]) + 1 : speaker[0]]
    opens = attribution.content.lstrip()[:1]
    return bool(_LINE_OPENING.fullmatch(line)) and opens not in QUOTE_MARKS + "‘'"


_DASH = re.compile(r"[ \t]+[–—-][ \t]+[A-Z]")  # "– Investigate", not "— a lawyer for"
_LINE_OPENING = re.compile(r"\s*(?:[-–•*]\s*|\d+[.)]\s*)?(?:\S+\s+)?")


def hangs_on_its_words(attribution: Attribution, text: str) -> bool:
    """ "My story begins on Friday, November 7, 2025, when Discord announced ...": the words are
    the clause a subordinate clause holding the speaker and its cue hangs on, not what was said
    (not "as": "..., as Herbert notes, ..." attributes the clause)."""
    content, speaker = attribution.content_span, attribution.speaker_span
    if content is None or speaker is None or content[1] > speaker[0]:
        return False
    return bool(_SUBORDINATE.fullmatch(text[content[1]:speaker[0]]))


_SUBORDINATE = re.compile(r"[\s,]*(?:when|after|before|since|because|while|until|once|if|where|"
                          r"whereas|though|although)\s+", re.I)  # not "as": "For example, as Herbert notes"


def for_anyone_to_say(attribution: Attribution, text: str) -> bool:
    """ "It is common for Pre-Associate, ASAs and ACAS actuarial students to say, \"...\"": an
    infinitive clause ("for ... to say"), what someone would say, not what they said."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0]:
        return False
    before = text[max(0, speaker[0] - 5):speaker[0]]
    infinitive = re.search(r"\sto\s+$", text[speaker[1]:cue[0]])
    return bool(re.search(r"\bfor\s+$", before, re.I)) and bool(infinitive)


def an_agent_or_a_work(attribution: Attribution, text: str) -> bool:
    """ "the RSL Standard, announced in September 2025 by a coalition ...": the agent of a passive
    participle, the words before it the writer's (not "..., as reported by Travel + Leisure");
    "Anything this author writes I will ...": what someone writes as a thing; "she also wrote
    \"Make Ahead Bread,\" which ...": a work's title."""
    speaker, cue, content = attribution.speaker_span, attribution.cue_span, attribution.content_span
    if speaker is None or cue is None or content is None:
        return False
    if content[1] <= cue[0] and cue[1] <= speaker[0] and attribution.cue.endswith(("ed", "en")):
        as_reported = re.search(r"\bas\s+$", text[max(0, cue[0] - 4):cue[0]], re.I)  # "as reported by"
        return not as_reported and bool(_BY_AGENT.fullmatch(text[cue[1]:speaker[0]]))
    if _ANY_THING.search(text[max(0, speaker[0] - 12):speaker[0]]):
        return True
    return bool(_WRITE_CUE.fullmatch(attribution.cue.strip().lower()) and _TITLE.match(attribution.content))


_BY_AGENT = re.compile(r"(?:\s+[^,.;:\"“”]{1,30})?\s+by\s+")
_ANY_THING = re.compile(r"\b(?:anything|everything|whatever|nothing)\s+$", re.I)
_WRITE_CUE = re.compile(r"wr(?:ote|ites?|itten|iting)")
_TITLE = re.compile(r"[\"“]?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|for|to)){1,7}"
                    r"[,.]?[\"”]")


def a_title_or_a_modal(attribution: Attribution, text: str) -> bool:
    """ "Kent Beck, whose Extreme Programming Explained: Embrace Change was ...", "What Reviewers Say
    | ...": a cue with a capital after a word of its line is a title's word; "AI might suggest a
    matching moisturizer", "Shoppers ... will expect to get support": a modal between the speaker
    and the cue, a possibility or a future, no words said (not "would", the past's future, nor "could
    not say", a statement); "lawyers can argue that ...": "can" before a cue that is no act of
    speech done in the saying (not "police can confirm that ...")."""
    cue, speaker = attribution.cue_span, attribution.speaker_span
    if cue is None:
        return False
    before = text[text.rfind("\n", 0, cue[0]) + 1:cue[0]].rstrip()
    if attribution.cue[:1].isupper() and before and (before[-1].isalnum() or before[-1] in "|,"):
        return True
    if speaker is None or speaker[1] > cue[0]:
        return False
    gap = text[speaker[1]:cue[0]]
    if _CAN.search(gap) and not _SPEECH_ACT.fullmatch(attribution.cue.strip().lower()):
        return True  # "lawyers can argue that ...", not "police can confirm that ..."
    return bool(_MODAL.search(gap))


# "might suggest", "will soon expect"; not "could not say"
_CAN = re.compile(r"\bcan\s+$")
_SPEECH_ACT = re.compile(r"(?:confirm|say|tell|reveal|report|announce|attest|assure|disclose|state|verify|"
                         r"share|promise|guarantee)")  # "can confirm": said now
_MODAL = re.compile(r"\b(?:might|may|could|should|must|will|shall)\b(?:\s+(?!not\b)\w+)?\s+$")


def code_or_a_label(attribution: Attribution, text: str) -> bool:
    """ "numberOfFrames tells the loader how many images to expect": a name in code, no speaker;
    "- Algae: A standout in the survey, 68% of consumers said ...": a list's label before a colon
    that opens its line, the cue further on (the speaker is someone else)."""
    speaker = attribution.speaker_span
    if _CODE_NAME.fullmatch(attribution.speaker.strip()):
        return True
    if speaker is None or attribution.cue.strip() == ":" or not text.startswith(":", speaker[1]):
        return False
    line = text[text.rfind("\n", 0, speaker[0]) + 1 : speaker[0]]
    return bool(_LINE_OPENING.fullmatch(line))


def a_table_or_a_source_after(attribution: Attribution, text: str) -> bool:
    """ "| Group 2 Variety | ... | Pruning Nuance for UK Conditions s The ... Trust has announced":
    a speaker in a table's row; "So Applying to PMC is the fastest way to be included in PubMed Search,
    as explained in this guide": the source is after "as explained in", the speaker a name inside the
    words."""
    speaker, cue, content = attribution.speaker_span, attribution.cue_span, attribution.content_span
    if speaker is None or cue is None:
        return False
    line = text[text.rfind("\n", 0, speaker[0]) + 1:speaker[0]]
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
        return True  # the speaker opens a cell of a row (not a page run into one line after a bar)
    inside = content is not None and content[0] <= speaker[0] and speaker[1] <= content[1] <= cue[0]
    as_by = re.search(r"\bas\s+$", text[max(0, cue[0] - 4):cue[0]], re.I)
    return inside and bool(as_by) and bool(re.match(r"\s+(?:in|by|on)\b", text[cue[1]:]))


def a_group_knows(attribution: Attribution, text: str) -> bool:
    """ "Companies recognize that events deliver ...": a generic group that knows or realises, the
    writer's generalisation (not "Anthony Lynn recognizes that his team's hopes are slim", a named
    speaker conceding): the speaker's first word is written in lower case elsewhere on the page, or
    the speaker is a plural with no determiner (``_bare_plural``); one that learns ("Republicans
    learned again that ...") only as such a plural ("the researchers learned that ..." through
    interviews, their findings)."""
    cue = attribution.cue.strip().lower()
    words = attribution.speaker.split()
    if _LEARNING.fullmatch(cue):
        return _bare_plural(words)
    if not _KNOWING.fullmatch(cue):
        return False
    generic = bool(words) and all(w.islower() for w in words[1:])
    return (generic and bool(re.search(rf"\b{re.escape(words[0].lower())}\b", text))) or _bare_plural(words)


_KNOWING = re.compile(r"recogni[sz](?:e|es|ed|ing)|reali[sz](?:e|es|ed|ing)")
_LEARNING = re.compile(r"learn(?:s|ed|t|ing)?")


def _bare_plural(words: list[str]) -> bool:
    """Whether a speaker is a plural written with no determiner, a class of people ("Republicans",
    "Voters", "Many Democrats"), not a group the story tells of ("the researchers", "Ada Holt's aides")."""
    if not words or len(words) > 2 or words[0].lower() in _DETERMINERS or re.search(r"['’]", " ".join(words)):
        return False
    last = words[-1]
    return last.isalpha() and last.endswith("s") and not last.endswith("ss")


_DETERMINERS = frozenset({"the", "this", "these", "those", "that", "his", "her", "their", "its", "our",
                          "my", "your", "both", "two", "three"})


def an_empty_it(attribution: Attribution, text: str) -> bool:
    """ "It is often speculated that it was first brewed in Yemen": the empty "it" of a passive with
    a clause, no one's words, whatever the analysis read the "it" as (unless the source is named
    before it in its sentence: "In reading the SportsBusiness Journal, it was noted that ...")."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0] or text[speaker[0]:speaker[1]].lower() != "it":
        return False
    passive = _EMPTY_IT_GAP.fullmatch(text[speaker[1]:cue[0]])
    if not passive or not attribution.cue.endswith(("ed", "en")) or not re.match(r"\s+that\b", text[cue[1]:]):
        return False
    sentence = text[max(text.rfind(mark, 0, speaker[0]) for mark in (". ", "? ", "! ", "\n")) + 1:speaker[0]]
    return attribution.speaker.lower() not in sentence.lower()  # "In reading the Journal, it was noted that"


_EMPTY_IT_GAP = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?")  # "is often"


def nothing_said(attribution: Attribution, text: str) -> bool:
    """ "According to the McKinsey Global…": the words are only the cue and the speaker's name (a
    teaser cut off after its source), no word of anyone's; an adverb beside them ("According to
    Lumio News, basically") says nothing either."""
    speaker = attribution.speaker_span
    written = text[speaker[0]:speaker[1]] if speaker else attribution.speaker
    left = _WORDS.findall(attribution.content.lower())
    for word in _WORDS.findall(f"{attribution.cue} {written} {attribution.speaker}".lower()):
        if word in left:
            left.remove(word)
    removed = len(left) < len(_WORDS.findall(attribution.content))
    return not left or (removed and all(_ADVERB.fullmatch(word) for word in left))


_ADVERB = re.compile(r"\w{3,}ly")


_WORDS = re.compile(r"\w+")


_CODE_NAME = re.compile(r"[a-z]{2,}[A-Z]\w*|\w+_\w+")  # "numberOfFrames", "file_name"; not "eBay", "iPhone"


def the_writers_question(attribution: Attribution, text: str) -> bool:
    """ "Would Adam Schiff have pleaded to keep the ... identity secret?": the writer asks what the
    speaker would say or did say, a question of the writer's own, no words said: an auxiliary opens
    the sentence right before the speaker (no quotation mark before it: "“Would you ...?” she asked"
    is hers), and the sentence ends in a question mark after the cue."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0]:
        return False
    if not _AUXILIARY_OPENS.search(text, max(0, speaker[0] - 24), speaker[0]):
        return False
    end = _SENTENCE_END.search(text, cue[1])
    return end is not None and end.group() == "?"


_AUXILIARY_OPENS = re.compile(r"(?:\A|[.!?][\"”’)]?[ \t]+|\n[ \t]*)(?:Would|Will|Could|Should|Can|Might|"
                              r"Did|Does|Do|Has|Have|Had)[ \t]+\Z")
# a full stop ends a sentence after a word of three small letters at least ("U.S. Senate", "Gov." go on)
_SENTENCE_END = re.compile(r"[?!\n]|(?<=[a-z]{3})\.(?=[\"”’)]?(?:\s+[A-Z“\"]|\s*\Z))")
