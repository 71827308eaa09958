"""Words no one said: attributions that make no voice in an edition (``no_words_said``).

The analysis reads a cue and its words wherever a sentence looks like a report; some of what it
reads is the writer's own sentence, a thing done rather than words said, or nobody's words at
all. The rules here read the attribution's cue, words and spans against the article's text (no
parse): they decide what an edition shows, not what the analysis finds (PolNeAR scores the
analysis).
"""

from __future__ import annotations

import re

from broadsheet.model import Attribution
from broadsheet.text import name_key

_EDGE_PUNCT = "\"'“”‘’()[],;:-–— "


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
      whole as the words, or "wrote about the fold-and-cut problem"); "Saying that, ...", the idiom;
    - its cue does a thing, not speech: supports something, shows or demonstrates something,
      discusses a topic ("Tableau supports drag-and-drop", "They show you how to prompt",
      "experts discuss various topics");
    - its cue hopes, prefers or wants to do something ("is hoping to change that", "some pet owners
      prefer to use ..."): an aim, no words;
    - its cue finds oneself or finds a thing so ("Adeline finds herself navigating ...", "finds this
      development intriguing"), or it is the writer's generalisation ("Many people find that ...",
      "Most organizations find that ...");
    - its speaker is anyone ("Any financial advisor will tell you", "your husband still claims"),
      or the subject of a passive ("Brother Diaz has been recalled to the Sacred City");
    - its speaker is a list's label before a colon, with no quotation ("- Carpet Cleaning:
      Essential for ...", "1More Q20: This inexpensive set ...").
    """
    return any(rule(attribution, text) for rule in _RULES)


def _does_a_thing(attribution: Attribution, text: str) -> bool:
    """The rules of round 14: names, knows, promotes, boasts of, pleads, tells a story (above)."""
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
    return cue.startswith("plead") and bool(_PLEA.match(content))


_NO_SPEECH_CUE = re.compile(r"(?:nam(?:e|es|ed|ing)|know(?:s|n|ing)?|knew|promot(?:e|es|ed|ing)|"
                            r"support(?:s|ed|ing)?|show(?:s|n|ed|ing)?|demonstrat(?:e|es|ed|ing)|"
                            r"discuss(?:es|ed|ing)?)")
_TOLD_A_STORY = re.compile(r"(?i:the|a|an|their|his|her|its)\s+(?:\w+\s+)?(?:story|tale|history)\s+of\b")
_FINDS = re.compile(r"(?:show|find|found|suggest|demonstrate|conclude)(?:s|ed|n)?")
_ON_A_TOPIC = re.compile(r"\s+(?:on\s+(?:how|why|what|whether)|about)\b", re.I)
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



def _on_a_topic(attribution: Attribution, text: str) -> bool:
    """ "wrote about the fold-and-cut problem": a topic, no words; "Saying that, I did want ...":
    the idiom "that said", no one's words."""
    content = attribution.content.lstrip(_EDGE_PUNCT).lower()
    return content.startswith(("about ", "that,"))


def _an_aim(attribution: Attribution, text: str) -> bool:
    """ "is hoping to change that", "prefer to use ...": an aim or a taste, no words."""
    cue = attribution.cue.strip().lower()
    return bool(_AIM_CUE.fullmatch(cue)) and attribution.content.lstrip(_EDGE_PUNCT).lower().startswith("to ")


_AIM_CUE = re.compile(r"(?:hop|prefer|want|plan|need|tr|seek|choos|intend|wish|aim|lik|lov)"
                      r"(?:e|es|s|ed|ied|ies|y|ing|red|ring|ned|ning)?")


def _finds_a_thing(attribution: Attribution, text: str) -> bool:
    """ "finds herself navigating ...", "finds this development intriguing", "Many people find
    that ...": a plot, a taste or the writer's generalisation, no one's words."""
    if not _FIND_CUE.fullmatch(attribution.cue.strip().lower()):
        return False
    content = attribution.content.strip(_EDGE_PUNCT)
    words = content.lower().split()
    if _GENERAL.match(attribution.speaker.strip()) or (words and words[0] in _REFLEXIVE):
        return True
    quoted = any(mark in content for mark in _QUOTE_MARKS)
    return 0 < len(words) <= 4 and words[0] != "that" and not quoted and not _after_that(attribution, text)


def _after_that(attribution: Attribution, text: str) -> bool:
    """Whether "that" stands between the cue and the words ("found that tutoring helped little")."""
    cue, content = attribution.cue_span, attribution.content_span
    return bool(cue and content and re.search(r"\bthat\b", text[cue[1]:content[0]], re.I))


_FIND_CUE = re.compile(r"find(?:s|ing)?|found")
_REFLEXIVE = frozenset({"herself", "himself", "themselves", "itself", "myself", "ourselves", "yourself"})
_GENERAL = re.compile(r"(?:many|most|some|few)\s", re.I)


def _anyone(attribution: Attribution, text: str) -> bool:
    """ "Any financial advisor will tell you ...", "your husband still claims ...": anyone's words."""
    return bool(re.match(r"(?:any|your)\s", attribution.speaker.strip(), re.I))


def _passive_subject(attribution: Attribution, text: str) -> bool:
    """ "Brother Diaz has been recalled to the Sacred City": the speaker is the passive's subject
    (not "was quoted as saying", "are urging", nor the "it" of "it was noted that")."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0] or attribution.cue.endswith("ing"):
        return False  # "are urging": no passive
    if text[speaker[0]:speaker[1]].lower() == "it":
        return False  # "it was noted that ...": no one's subject, the source is elsewhere
    gap, after = text[speaker[1]:cue[0]], text[cue[1]:cue[1] + 12]
    return bool(_PASSIVE_GAP.fullmatch(gap)) and not re.match(r"\s+as\s+saying\b", after)


_PASSIVE_GAP = re.compile(r"\s+(?:(?:has|have|had)\s+been|is|are|was|were|be|being|been)\s+")


def _a_label(attribution: Attribution, text: str) -> bool:
    """ "- Carpet Cleaning: Essential for ...", "1More Q20: This inexpensive set ...": a list's
    label before a colon that opens its line (a word at most before it), the words unquoted."""
    speaker = attribution.speaker_span
    if attribution.cue.strip() != ":" or speaker is None:
        return False
    line = text[text.rfind("\n", 0, speaker[0]) + 1 : speaker[0]]
    opens = attribution.content.lstrip()[:1]
    return bool(_LINE_OPENING.fullmatch(line)) and opens not in _QUOTE_MARKS + "‘'"


_LINE_OPENING = re.compile(r"\s*(?:[-–•*]\s*|\d+[.)]\s*)?(?:\S+\s+)?")
_RULES = (_does_a_thing, _opens_with_its_speaker, _on_a_topic, _an_aim, _finds_a_thing, _anyone,
          _passive_subject, _a_label)
