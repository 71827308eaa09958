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
      a thing a generic group asks for ("When veterans ask for help");
    - its cue does a thing, not speech: supports something, shows or demonstrates something,
      discusses a topic ("Tableau supports drag-and-drop", "They show you how to prompt",
      "experts discuss various topics");
    - its cue hopes, prefers or wants to do something ("is hoping to change that", "some pet owners
      prefer to use ..."): an aim, no words;
    - its cue finds oneself or finds a thing so ("Adeline finds herself navigating ...", "finds this
      development intriguing"), or it is the writer's generalisation ("Many people find that ...",
      "Most organizations find that ...");
    - its speaker is anyone ("Any financial advisor will tell you", "your husband still claims"),
      or the subject of a passive ("Brother Diaz has been recalled to the Sacred City", "Trump is
      also expected to unveil ...");
    - its speaker is a list's label before a colon or a dash, with no quotation ("- Carpet
      Cleaning: Essential for ...", "1More Q20: This inexpensive set ...", "- Claims Adjusters –
      Investigate and process insurance claims to ensure ...");
    - its cue takes a thing, not words: adds, continues, claims or demands a thing ("JavaScript adds
      interactivity so ...", "Huawei claims market share", "Season 2 continued that legacy",
      "Large organizations demand a ... system that ...", "Page continued her modeling work") or
      continues to be something ("fans continue to be enraged"); understands or endorses something
      ("critics understand that ...");
    - its cue is the passive "when asked" (the one asked is no asker: "what Steve said when asked,
      \"...\""), or its words are the clause a subordinate clause holding the speaker hangs on
      ("My story begins on Friday, when Discord announced ..."), or it is what anyone would say
      ("It is common for ... actuarial students to say, \"...\"");
    - its speaker is a passive's agent ("the RSL Standard, announced in September by a coalition"),
      or what is written is a thing ("Anything this author writes I will pick up"), or a work's
      title ("she also wrote \"Make Ahead Bread,\" which ..."), or a participle's agent after
      its subject ("This article was originally written by Jamie Johnson");
    - its cue is written with a capital inside a line, a title's word ("Kent Beck, whose Extreme
      Programming Explained: Embrace Change was ...", "What Reviewers Say | ..."); or a modal stands
      between the speaker and the cue, a possibility or a future, no words yet ("AI might suggest a
      matching moisturizer", "Shoppers ... will expect to get support", "lawyers can argue that ...";
      not "police can confirm", said as it is written);
    - its speaker is a name in code ("numberOfFrames tells the loader how many ..."), or a list's
      label before a colon that opens its line, the cue further on ("- Algae: A standout in the
      survey, 68% of consumers said ...");
    - its cue weighs a thing ("considering not just their achievements");
    - its speaker opens a cell of a table's row ("| Group 2 Variety | ... | Pruning Nuance for UK"),
      or inside its own words before "as explained in" (or "as reported by") a source after the cue
      ("... to be included in PubMed Search, as explained in this guide");
    - its cue takes only a thing, never a clause without "that", and no "that", colon or quotation
      comes before the words, nor "as" after them: a thing touted, described, shared, highlighted,
      listed, proposed or promised, or a response by a deed ("They tout their deep understanding of
      ...", "Jonathan shared a seasoned take on ...", "the authors propose an iterative solver that
      ...", "Hoka responded by tuning the Speedgoat 7"; not "described the video as satire");
    - its words are a topic, an indirect question after the cue ("GIM estimates how components would
      behave", "Customer Acquisition Cost tells you how much ...", "explaining how founders take
      ..."; not after "asked" or "wondered", whose question is the words);
    - its speaker is a generic group that knows or learns ("Companies recognize that ...",
      "Republicans learned again that ...": a class of people, no determiner; not "Anthony Lynn
      recognizes that ...", a named speaker conceding, nor "the researchers learned that ..."), or
      its cue fears a thing ("Japanese people fear being seen as ..."; fearing "that ..." is a
      belief and stays);
    - its speaker is the empty "it" of a passive with a clause ("It is often speculated that ..."):
      no one's words, whatever the "it" was read as;
    - its words hold nothing but its cue and its speaker ("According to the McKinsey Global…", a
      teaser cut off after the source's name): nothing was said;
    - its words are the reason for the anonymity the speaker asked for, right after it ("insisted on
      anonymity to describe the talks"), and a passive's subject may have a party and state beside
      it ("Rep. Ada Holt (D-Mass.) is expected to announce ...");
    - its words are allegations the speaker denies ("denies allegations that she took the money": the
      allegations' words, not hers).
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
                            r"understand(?:s|ing)?|understood|endors(?:e|es|ed|ing)|"
                            r"support(?:s|ed|ing)?|show(?:s|n|ed|ing)?|demonstrat(?:e|es|ed|ing)|"
                            r"discuss(?:es|ed|ing)?)")
_TOLD_A_STORY = re.compile(r"(?i:the|a|an|their|his|her|its)\s+(?:\w+\s+)?(?:story|tale|history)\s+of\b")
_FINDS = re.compile(r"(?:show|find|found|suggest|demonstrate|conclude)(?:s|ed|n)?")
_ON_A_TOPIC = re.compile(r"\s+(?:on\s+(?:how|why|what|whether)|about)\b", re.I)
_SAYS_WHAT = re.compile(r"\s*(?:that\b|[,:“\"])", re.I)
_PLEA = re.compile(r"(?:not\s+)?guilty\b|no contest\b")
_QUOTE_MARKS = "\"“”«»"


def _quoted(words: str) -> bool:
    """Whether the words hold a quotation mark."""
    return any(mark in words for mark in _QUOTE_MARKS)


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
    the idiom "that said", no one's words; "When veterans ask for help": a thing a generic group (a
    name all in lower case) asks for, unquoted (not "Ilhan Omar asked for compassion", a request)."""
    content = attribution.content.lstrip(_EDGE_PUNCT).lower()
    asks = bool(_ASK_CUE.fullmatch(attribution.cue.strip().lower()))
    asked_for = asks and attribution.speaker.strip().islower() and not _quoted(attribution.content)
    return content.startswith(("about ", "that,")) or bool(asked_for and content.startswith("for "))


_ASK_CUE = re.compile(r"ask(?:s|ed|ing)?")


def _an_aim(attribution: Attribution, text: str) -> bool:
    """ "is hoping to change that", "prefer to use ...": an aim or a taste, no words; and a taste
    for a thing ("Most people prefer reading a good story", "some people still prefer stainless
    steel safety razors"), the thing right after the cue, unquoted."""
    cue = attribution.cue.strip().lower()
    content = attribution.content.lstrip(_EDGE_PUNCT).lower()
    if _AIM_CUE.fullmatch(cue) and content.startswith("to "):
        return True
    span, words = attribution.cue_span, attribution.content_span
    follows = span is not None and words is not None and not text[span[1]:words[0]].strip()
    unquoted = not _quoted(attribution.content)
    return bool(_TASTE_CUE.fullmatch(cue)) and follows and unquoted and not content.startswith("that ")


_AIM_CUE = re.compile(r"(?:hop|prefer|want|plan|need|tr|seek|choos|intend|wish|aim|lik|lov)"
                      r"(?:e|es|s|ed|ied|ies|y|ing|red|ring|ned|ning)?")


_TASTE_CUE = re.compile(r"prefer(?:s|red|ring)?|lik(?:e|es|ed|ing)|lov(?:e|es|ed|ing)|enjoy(?:s|ed|ing)?")


def _finds_a_thing(attribution: Attribution, text: str) -> bool:
    """ "finds herself navigating ...", "finds this development intriguing", "Many people find
    that ...": a plot, a taste or the writer's generalisation, no one's words."""
    if not _FIND_CUE.fullmatch(attribution.cue.strip().lower()):
        return False
    content = attribution.content.strip(_EDGE_PUNCT)
    words = content.lower().split()
    if _GENERAL.match(attribution.speaker.strip()) or (words and words[0] in _REFLEXIVE):
        return True
    quoted = _quoted(content)
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


# a member of Congress's party and state may stand between ("Rep. Ada Holt (D-Mass.) is expected to")
_PASSIVE_GAP = re.compile(r"(?:\s*\([RDI]-[A-Z][\w.]*\)|,\s*[RDI]-[A-Z][\w.]*,)?"
                          r"\s+(?:(?:has|have|had)\s+been|is|are|was|were|be|being|been)\s+"
                          r"(?:(?:also|still|now|not|widely|\w+ly)\s+)?")  # "Trump is also expected to"


def _a_label(attribution: Attribution, text: str) -> bool:
    """ "- Carpet Cleaning: Essential for ...", "1More Q20: This inexpensive set ...": a list's
    label before a colon that opens its line (a word at most before it), the words unquoted; or
    before a dash ("- Claims Adjusters – Investigate and process insurance claims ...")."""
    speaker = attribution.speaker_span
    if speaker is None or (attribution.cue.strip() != ":" and not _DASH.match(text, speaker[1])):
        return False
    line = text[text.rfind("\n", 0, speaker[0]) + 1 : speaker[0]]
    opens = attribution.content.lstrip()[:1]
    return bool(_LINE_OPENING.fullmatch(line)) and opens not in _QUOTE_MARKS + "‘'"


_DASH = re.compile(r"[ \t]+[–—-][ \t]+[A-Z]")  # "– Investigate", not "— a lawyer for"
_LINE_OPENING = re.compile(r"\s*(?:[-–•*]\s*|\d+[.)]\s*)?(?:\S+\s+)?")


def _takes_a_thing(attribution: Attribution, text: str) -> bool:
    """ "JavaScript adds interactivity so users can ...", "Huawei claims market share ...", "Season
    2 continued that legacy", "fans continue to be enraged that ...": a verb that reports words
    only with a clause or a quotation, here with a thing (an object before the words, or words
    that are no clause), so no one's words ("claims to be the home of ..." is a claim)."""
    cue, content = attribution.cue_span, attribution.content_span
    name = attribution.cue.strip().lower()
    if not _THING_CUE.fullmatch(name) or cue is None or content is None or content[1] <= cue[1]:
        return False
    if _quoted(attribution.content):
        return False
    gap = text[cue[1]:max(cue[1], content[0])]  # the words may run past the cue ("the CE250 claims a ...")
    if gap.strip():
        return bool(_AN_OBJECT.fullmatch(gap)) and gap.split()[-1].lower() not in _OPENS_A_CLAUSE
    words = text[max(cue[1], content[0]):content[1]].strip(_EDGE_PUNCT).lower().split()
    if words[:1] == ["to"]:
        return not name.startswith("claim")
    owned = bool(words) and words[0] in _POSSESSIVE and not name.startswith("continu")  # "continued her work"
    return bool(words) and not owned and not _CLAUSE.search(" ".join(words[:6]))


_THING_CUE = re.compile(r"adds?|added|adding|continu(?:e|es|ed|ing)|claim(?:s|ed|ing)?|demand(?:s|ed|ing)?|"
                        r"consider(?:s|ed|ing)?|fear(?:s|ed|ing)?")
_AN_OBJECT = re.compile(r"\s+(?!(?:on|in|at|to|during|via|by|from|for|after|before|later|also|further|"
                        r"again|then|that)\b)[a-z][\w'’-]*(?:\s+[\w'’.&-]+)*\s+")  # "a system like Workday"
_POSSESSIVE = frozenset({"its", "their", "his", "her", "our", "my", "your"})  # "claims its 80 bays save ..."
_OPENS_A_CLAUSE = frozenset({"that", "whether", "if", "how", "why", "what", "when", "who", "where"})
_CLAUSE = re.compile(r"\b(?:i|you|he|she|it|we|they|there|is|are|was|were|will|would|can|could|"
                     r"should|has|have|had|do|does|did|may|might|must)\b|['’](?:s|re|ve|ll|d|m)\b")


def _when_asked(attribution: Attribution, text: str) -> bool:
    """ "what Steve said when asked, \"What's ...?\"": the passive "when asked", the asker unnamed."""
    cue = attribution.cue_span
    return (cue is not None and attribution.cue.strip().lower() == "asked"
            and bool(_BEFORE_ASKED.search(text[max(0, cue[0] - 20):cue[0]])))


_BEFORE_ASKED = re.compile(r"\b(?:when|if|after|once|as|before|until|upon|being)\s+$", re.I)


def _hangs_on_its_words(attribution: Attribution, text: str) -> bool:
    """ "My story begins on Friday, November 7, 2025, when Discord announced ...": the words are
    the clause a subordinate clause holding the speaker and its cue hangs on, not what was said
    (not "as": "..., as Herbert notes, ..." attributes the clause)."""
    content, speaker = attribution.content_span, attribution.speaker_span
    if content is None or speaker is None or content[1] > speaker[0]:
        return False
    return bool(_SUBORDINATE.fullmatch(text[content[1]:speaker[0]]))


_SUBORDINATE = re.compile(r"[\s,]*(?:when|after|before|since|because|while|until|once|if|where|"
                          r"whereas|though|although)\s+", re.I)  # not "as": "For example, as Herbert notes"


def _for_anyone_to_say(attribution: Attribution, text: str) -> bool:
    """ "It is common for Pre-Associate, ASAs and ACAS actuarial students to say, \"...\"": an
    infinitive clause ("for ... to say"), what someone would say, not what they said."""
    speaker, cue = attribution.speaker_span, attribution.cue_span
    if speaker is None or cue is None or speaker[1] > cue[0]:
        return False
    before = text[max(0, speaker[0] - 5):speaker[0]]
    infinitive = re.search(r"\sto\s+$", text[speaker[1]:cue[0]])
    return bool(re.search(r"\bfor\s+$", before, re.I)) and bool(infinitive)


def _an_agent_or_a_work(attribution: Attribution, text: str) -> bool:
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


def _a_title_or_a_modal(attribution: Attribution, text: str) -> bool:
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


def _code_or_a_label(attribution: Attribution, text: str) -> bool:
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


def _a_table_or_a_source_after(attribution: Attribution, text: str) -> bool:
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


def _names_a_thing(attribution: Attribution, text: str) -> bool:
    """ "They tout their deep understanding of ...", "Jonathan shared a seasoned take on ...", "This
    guide listed all of the top tips that I learned", "Hoka responded by tuning the Speedgoat 7": a
    cue that takes a thing (or a deed), never a clause without "that", with no "that", colon or
    quotation before unquoted words: no one's words."""
    cue, content = attribution.cue_span, attribution.content_span
    if not _OBJECT_CUE.fullmatch(attribution.cue.strip().lower()) or cue is None or content is None:
        return False
    if content[0] < cue[1] or _quoted(attribution.content) or "‘" in attribution.content:
        return False  # the words before the cue ("It works, Ada Holt shared."), or quoted
    if _AS_WHAT.search(text[cue[1]:content[1]]):
        return False  # "described the video as lighthearted satire": a characterisation, said
    gap = text[cue[1]:content[0]]
    opens = attribution.content.lstrip(_EDGE_PUNCT).lower()
    if _SAYS_IN_GAP.search(gap) or opens.startswith("to "):
        return False  # "promise to be ...": a pledge
    return bool(gap.strip()) or not opens.startswith(("that ", "whether ", "if "))  # "a solver that ..."


_OBJECT_CUE = re.compile(r"tout(?:s|ed|ing)?|describ(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|"
                         r"highlight(?:s|ed|ing)?|list(?:s|ed|ing)?|propos(?:e|es|ed|ing)|"
                         r"promis(?:e|es|ed|ing)|respond(?:s|ed|ing)?|showcas(?:e|es|ed|ing)")
_AS_WHAT = re.compile(r"(?<!\bwell\s)\bas\b(?!\s+well\s+as\b)", re.I)  # not "as well as"
_SAYS_IN_GAP = re.compile(r"\bthat\b|[:“\"‘']")


def _a_group_knows(attribution: Attribution, text: str) -> bool:
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


def _a_topic_asked(attribution: Attribution, text: str) -> bool:
    """ "GIM estimates how components would behave", "Customer Acquisition Cost (CAC) tells you how
    much you're spending", "explaining how founders take ...": an indirect question right after the
    cue (or its pronoun object), unquoted, is a topic, not what was said (not after "asked",
    "wondered", whose question is the words, nor after a denial, "could not say whether ...")."""
    cue, content = attribution.cue_span, attribution.content_span
    if cue is None or content is None or content[0] < cue[1] or _quoted(attribution.content):
        return False
    if _ASKING.match(attribution.cue.strip().lower()) or _DENIED.search(text[max(0, cue[0] - 24):cue[0]]):
        return False  # "could not say whether it works", "declined to say how": a statement
    run = text[cue[1]:content[1]]
    return bool(_WH_TOPIC.match(run))


_ASKING = re.compile(r"(?:ask|wonder|question|inquir|enquir|quer)")
_DENIED = re.compile(r"(?:\bnot|\bnever|n['’]t|\b(?:declined|refused)\s+to)\s+(?:\w+\s+)?$", re.I)
_WH_TOPIC = re.compile(r"\s+(?:(?:you|us|me|them|him|her|readers|viewers)\s+)?(?:how|why|whether)\b",
                       re.I)  # not "what": "said what plumbers do will help" is a clause


def _an_empty_it(attribution: Attribution, text: str) -> bool:
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


def _nothing_said(attribution: Attribution, text: str) -> bool:
    """ "According to the McKinsey Global…": the words are only the cue and the speaker's name (a
    teaser cut off after its source), no word of anyone's."""
    speaker = attribution.speaker_span
    written = text[speaker[0]:speaker[1]] if speaker else attribution.speaker
    left = _WORDS.findall(attribution.content.lower())
    for word in _WORDS.findall(f"{attribution.cue} {written} {attribution.speaker}".lower()):
        if word in left:
            left.remove(word)
    return not left


_WORDS = re.compile(r"\w+")


_CODE_NAME = re.compile(r"[a-z]{2,}[A-Z]\w*|\w+_\w+")  # "numberOfFrames", "file_name"; not "eBay", "iPhone"


def _after_cue(attribution: Attribution, text: str) -> str | None:
    """The text between the cue and the words, when the words come after the cue; else None."""
    cue, content = attribution.cue_span, attribution.content_span
    if cue is None or content is None or content[0] < cue[1]:
        return None
    return text[cue[1]:content[0]]


def _allegations_denied(attribution: Attribution, text: str) -> bool:
    """ "Ada Holt denies allegations that she took the money": the words are the allegations' (or the
    claims', the reports') that the speaker denies, not hers."""
    gap = _after_cue(attribution, text)
    if gap is None or not _DENIAL.fullmatch(attribution.cue.strip().lower()):
        return False
    return bool(_CLAIMS_THAT.fullmatch(gap))


_DENIAL = re.compile(r"den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|disput(?:e|es|ed|ing)|"
                     r"refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?")
_CLAIMS_THAT = re.compile(r"\s+(?:(?:the|any|all|those|these|new|recent|earlier|his|her|their|its)\s+)*"
                          r"(?:[\w-]+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?|rumou?rs?|"
                          r"suggestions?|assertions?|speculation)\s+that\s+", re.I)


def _anonymity(attribution: Attribution, text: str) -> bool:
    """ "The official insisted on anonymity to describe the talks", "spoke on condition of anonymity
    because ...": the words after the anonymity asked for are its reason, no one's words."""
    gap = _after_cue(attribution, text)
    return gap is not None and bool(_ANONYMITY.fullmatch(gap))


_ANONYMITY = re.compile(r"\s+(?:on|for|under)\s+(?:the\s+)?(?:(?:condition|grounds|promise)\s+of\s+)?"
                        r"anonymity[\s,]*", re.I)


_RULES = (_anonymity, _does_a_thing, _opens_with_its_speaker, _on_a_topic, _an_aim, _finds_a_thing, _anyone,
          _passive_subject, _a_label, _takes_a_thing, _when_asked, _hangs_on_its_words, _for_anyone_to_say,
          _an_agent_or_a_work, _a_title_or_a_modal, _code_or_a_label, _a_table_or_a_source_after,
          _names_a_thing, _a_topic_asked, _an_empty_it, _a_group_knows, _nothing_said, _allegations_denied)
