"""Words no one said, read off the cue (rules of ``unsaid.no_words_said``): a cue that names,
knows, shows or supports a thing, tells a story or reports on a topic, hopes or prefers, finds, adds,
claims or demands a thing, touts, shares or proposes a thing, the passive "when asked", an indirect
question after the cue, allegations denied, the anonymity asked for, what "citing" takes, a title
defended in a contest, a quoted name of a thing.

Each rule reads the attribution's cue, words and spans against the article's text (no parse).
"""

from __future__ import annotations

import re

from broadsheet.model import Attribution
from broadsheet.text import EDGE_PUNCT, name_key


def does_a_thing(attribution: Attribution, text: str) -> bool:
    """The rules of round 14: names, knows, promotes, boasts of, pleads, tells a story (``no_words_said``)."""
    cue = attribution.cue.strip().lower()
    content = attribution.content.strip(EDGE_PUNCT).lower()
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
                            r"discuss(?:es|ed|ing)?|exemplif(?:y|ies|ied|ying)|embod(?:y|ies|ied|ying)|"
                            r"epitomi[sz](?:e|es|ed|ing)|personif(?:y|ies|ied|ying)|typif(?:y|ies|ied|ying))")
# (being an example, "honoured for exemplifying how ...", is no speech either)
_TOLD_A_STORY = re.compile(r"(?i:the|a|an|their|his|her|its)\s+(?:\w+\s+)?(?:story|tale|history)\s+of\b")
_FINDS = re.compile(r"(?:show|find|found|suggest|demonstrate|conclude)(?:s|ed|n)?")
_ON_A_TOPIC = re.compile(r"\s+(?:on\s+(?:how|why|what|whether)|about)\b", re.I)
_SAYS_WHAT = re.compile(r"\s*(?:that\b|[,:“\"])", re.I)
_PLEA = re.compile(r"(?:not\s+)?guilty\b|no contest\b")


QUOTE_MARKS = "\"“”«»"


def _quoted(words: str) -> bool:
    """Whether the words hold a quotation mark."""
    return any(mark in words for mark in QUOTE_MARKS)


def _runs_past_its_cue(attribution: Attribution) -> bool:
    content, cue = attribution.content_span, attribution.cue_span
    return content is not None and cue is not None and content[0] < cue[0] < content[1]


def on_a_topic(attribution: Attribution, text: str) -> bool:
    """ "wrote about the fold-and-cut problem": a topic, no words; "Saying that, I did want ...":
    the idiom "that said", no one's words; "When veterans ask for help": a thing a generic group (a
    name all in lower case) asks for, unquoted (not "Ilhan Omar asked for compassion", a request)."""
    content = attribution.content.lstrip(EDGE_PUNCT).lower()
    asks = bool(_ASK_CUE.fullmatch(attribution.cue.strip().lower()))
    asked_for = asks and attribution.speaker.strip().islower() and not _quoted(attribution.content)
    return content.startswith(("about ", "that,")) or bool(asked_for and content.startswith("for "))


_ASK_CUE = re.compile(r"ask(?:s|ed|ing)?")


def an_aim(attribution: Attribution, text: str) -> bool:
    """ "is hoping to change that", "prefer to use ...", "hoping for a plan that would ...": an aim or a
    taste, no words; and a taste
    for a thing ("Most people prefer reading a good story", "some people still prefer stainless
    steel safety razors"), the thing right after the cue, unquoted."""
    cue = attribution.cue.strip().lower()
    content = attribution.content.lstrip(EDGE_PUNCT).lower()
    gap = _after_cue(attribution, text)
    if _AIM_CUE.fullmatch(cue) and (content.startswith("to ") or _TO_AIM.match(gap or "")
                                    or _a_thing_described(attribution, text, "for")):
        return True  # "are hoping for a plan that would ...": the thing hoped for, described; "plans to
        # take action Tuesday that would fund ...": what is aimed at, described
    span, words = attribution.cue_span, attribution.content_span
    follows = span is not None and words is not None and not text[span[1]:words[0]].strip()
    unquoted = not _quoted(attribution.content)
    return bool(_TASTE_CUE.fullmatch(cue)) and follows and unquoted and not content.startswith("that ")


_AIM_CUE = re.compile(r"(?:hop|prefer|want|plan|need|tr|seek|choos|intend|wish|aim|lik|lov)"
                      r"(?:e|es|s|ed|ied|ies|y|ing|red|ring|ned|ning)?")


_TO_AIM = re.compile(r"\s+to\s+[a-z]")  # "plans to take action ... that would ...": the aim's words


_TASTE_CUE = re.compile(r"prefer(?:s|red|ring)?|lik(?:e|es|ed|ing)|lov(?:e|es|ed|ing)|enjoy(?:s|ed|ing)?")


def finds_a_thing(attribution: Attribution, text: str) -> bool:
    """ "finds herself navigating ...", "finds this development intriguing", "Many people find
    that ...": a plot, a taste or the writer's generalisation, no one's words."""
    if not _FIND_CUE.fullmatch(attribution.cue.strip().lower()):
        return False
    content = attribution.content.strip(EDGE_PUNCT)
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


def takes_a_thing(attribution: Attribution, text: str) -> bool:
    """ "JavaScript adds interactivity so users can ...", "Huawei claims market share ...", "Season
    2 continued that legacy", "fans continue to be enraged that ...", "Democrats praising his
    statements" (not "praised Ada Holt for cutting taxes"): a verb that reports words
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
    words = text[max(cue[1], content[0]):content[1]].strip(EDGE_PUNCT).lower().split()
    if name.startswith("prais") and {"for", "as"} & set(words):
        return False  # "praised Ada Holt for cutting taxes": what the praise said
    if words[:1] == ["to"]:
        return not name.startswith("claim")
    # "continued her work", "praising his statements": a thing
    owned = bool(words) and words[0] in _POSSESSIVE and not name.startswith(("continu", "prais"))
    return bool(words) and not owned and not _CLAUSE.search(" ".join(words[:6]))


_THING_CUE = re.compile(r"adds?|added|adding|continu(?:e|es|ed|ing)|claim(?:s|ed|ing)?|demand(?:s|ed|ing)?|"
                        r"consider(?:s|ed|ing)?|fear(?:s|ed|ing)?|prais(?:e|es|ed|ing)")
_AN_OBJECT = re.compile(r"\s+(?!(?:on|in|at|to|during|via|by|from|for|after|before|later|also|further|"
                        r"again|then|that)\b)[a-z][\w'’-]*(?:\s+[\w'’.&-]+)*\s+")  # "a system like Workday"
_POSSESSIVE = frozenset({"its", "their", "his", "her", "our", "my", "your"})  # "claims its 80 bays save ..."
_OPENS_A_CLAUSE = frozenset({"that", "whether", "if", "how", "why", "what", "when", "who", "where"})
_CLAUSE = re.compile(r"\b(?:i|you|he|she|it|we|they|there|is|are|was|were|will|would|can|could|"
                     r"should|has|have|had|do|does|did|may|might|must)\b|['’](?:s|re|ve|ll|d|m)\b")


def when_asked(attribution: Attribution, text: str) -> bool:
    """ "what Steve said when asked, \"What's ...?\"": the passive "when asked", the asker unnamed; and
    the participle "Asked" opening its sentence ("Asked whether the plan would pass, Ada Holt said
    ..."): the question put to the one who answers, the asker unnamed ("Asked by the judge ..." names
    the asker), no one's words."""
    cue = attribution.cue_span
    if cue is None or attribution.cue.strip().lower() != "asked":
        return False
    before = text[max(0, cue[0] - 20):cue[0]]
    opens = text[cue[0]:cue[1]] == "Asked" and bool(_OPENS_SENTENCE.search(text[:cue[0]][-20:] or "\n")) \
        and not re.match(r"[ \t]+by\b", text[cue[1]:])  # "Asked by the judge if ...": the asker named
    return opens or bool(_BEFORE_ASKED.search(before))


_BEFORE_ASKED = re.compile(r"\b(?:when|if|after|once|as|before|until|upon|being)\s+$", re.I)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:][\"”’)]?[ \t]+|\n)[\"“]?[ \t]*$")


def a_thing_refused(attribution: Attribution, text: str) -> bool:
    """ "Holt rejected a subpoena for documents", "declined the committee's invitation", "a judge denied a
    request from the county to ...": what "reject", "decline", "refuse" or "deny" takes, a request or an
    offer (a determiner opening words with no clause and no quotation right after the cue), is a thing
    turned down, not words ("declined to comment", "rejected the idea of ..." and "rejected the idea
    that ..." stay)."""
    gap = _after_cue(attribution, text)
    refuses = _TURNS_DOWN_CUE.fullmatch(attribution.cue.strip().lower())
    if gap is None or gap.strip() or not refuses or _quoted(attribution.content):
        return False
    words = attribution.content.strip(EDGE_PUNCT).split()
    opening = " ".join(words[:6])
    return (bool(words) and words[0].lower() in _DETERMINERS and bool(_A_REQUEST.search(opening))
            and not _CLAUSE_WORD.search(" ".join(words)) and "that" not in map(str.lower, words))


def an_act_refused(attribution: Attribution, text: str) -> bool:
    """ "one day after refusing to sign an earlier version of the bill": "refuse" or "decline" with
    words opening with "to" and a verb of a deed ("to sign", "to pay", "to attend"), no quotation, is a
    deed turned down, not words ("refused to answer", "declined to comment", "refused to say why"
    report speech and stay)."""
    if not _REFUSE_CUE.fullmatch(attribution.cue.strip().lower()) or _quoted(attribution.content):
        return False
    gap = _after_cue(attribution, text)
    opening = f"{gap or ''} {attribution.content}" if gap is not None and not gap.strip(" \t") else ""
    return bool(_TO_A_DEED.match(opening.strip()))


# "to" and a verb of a deed, not of speech ("to sign", "to pay the fine"; not "to comment", "to say").
_TO_A_DEED = re.compile(r"to[ \t]+(?:sign|veto|pay|attend|resign|leave|accept|approve|endorse|certify|"
                        r"release|fund|join|vote|hand[ \t]+over|step[ \t]+down|turn[ \t]+over|"
                        r"comply|cooperate|appear|withdraw|enforce|recognize|recognise|extradite|"
                        r"return|reopen|lift|allow|grant|issue|hire|fire|move|serve|renew|extend)(?![\w-])",
                        re.I)


def an_event_ended(attribution: Attribution, text: str) -> bool:
    """ "Ada Holt concluded it without taking questions", "ended the briefing early": "conclude" or "end"
    with "it" or a meeting's noun right after it, and no clause, is an event ended, not words
    ("concluded that the plan failed", "concluded the plan had failed" stay)."""
    if not _ENDS_CUE.fullmatch(attribution.cue.strip().lower()) or _quoted(attribution.content):
        return False
    gap = _after_cue(attribution, text)
    if gap is None or gap.strip():
        return False
    words = attribution.content.strip(EDGE_PUNCT).split()
    if words[:1] == ["it"]:
        return len(words) == 1 or not _CLAUSE.search(" ".join(words[1:3]))
    return bool(_AN_EVENT.match(" ".join(words[:4]))) and not _CLAUSE.search(" ".join(words[1:6]))


_ENDS_CUE = re.compile(r"conclud(?:e|es|ed|ing)|end(?:s|ed|ing)?")
_AN_EVENT = re.compile(r"(?:the|his|her|their|its|a|an)\s+(?:[\w-]+\s+)?(?:briefing|meeting|session|hearing|"
                       r"remarks|speech|visit|rally|call|conference|talks|address|event)\b", re.I)


def a_tally_reported(attribution: Attribution, text: str) -> bool:
    """ "The state has reported at least 400 deaths since March": "report" with a count of deaths,
    cases or the like right after it (no clause, no quotation) is a tally, not words ("reported that
    400 people had died" stays)."""
    if not _REPORT_CUE.fullmatch(attribution.cue.strip().lower()) or _quoted(attribution.content):
        return False
    gap = _after_cue(attribution, text)
    if gap is None or gap.strip():
        return False
    words = attribution.content.strip(EDGE_PUNCT).split()
    return bool(_A_TALLY.match(" ".join(words[:8]))) and not _CLAUSE_WORD.search(" ".join(words[:8]))


_REPORT_CUE = re.compile(r"report(?:s|ed|ing)?")
# "at least 400,000 deaths", "1,200 new cases", "nearly 90 confirmed infections".
_A_TALLY = re.compile(r"(?:(?:at\s+least|more\s+than|nearly|almost|about|over|some)\s+)?[\d,.]+"
                      r"(?:\s+(?:million|thousand))?\s+(?:[a-z-]+\s+){0,2}(?:deaths|cases|infections|hospitali[sz]ations|"
                      r"fatalities|injuries|casualties)\b", re.I)


def a_thing_described_defended(attribution: Attribution, text: str) -> bool:
    """ "defended Holt's post in which she shared a clip of a man shouting ...", "praised a councillor who
    staged a "stunt"": "defend" or "praise" with a thing right after it, a noun phrase and a relative
    ("who", "whom", "whose", "which") before any quotation mark, is the thing described, not words
    ("defended the plan, saying ..." and "praised the bill as "a good start"" stay)."""
    if not _DEFENDS_CUE.fullmatch(attribution.cue.strip().lower()):
        return False
    gap = _after_cue(attribution, text)
    if gap is None or gap.strip():
        return False
    words = attribution.content.strip(EDGE_PUNCT)
    relative = _A_RELATIVE.search(words)
    if relative is None or words.split()[0].lower() in _OPENS_A_CLAUSE:
        return False
    described = words[:relative.start()]
    return not (_quoted(described) or _CLAUSE_WORD.search(described) or re.search(r"\bas\b", described))


_DEFENDS_CUE = re.compile(r"defend(?:s|ed|ing)?|prais(?:e|es|ed|ing)")
_A_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b")


def a_thing_recalled(attribution: Attribution, text: str) -> bool:
    """ "Recalling the losses of the last campaign, the party began spending early": the participle
    "Recalling" (or "Remembering") opening its sentence, its words a thing (no clause, no quotation:
    not "Recalling that the plan had failed, ...") right after it, is a memory the sentence's
    subject acts on, not words."""
    cue, content = attribution.cue_span, attribution.content_span
    if cue is None or content is None or text[cue[0]:cue[1]] not in ("Recalling", "Remembering"):
        return False
    if not _OPENS_SENTENCE.search(text[:cue[0]][-20:] or "\n") or text[cue[1]:content[0]].strip():
        return False
    words = attribution.content.split()
    return (bool(words) and not _quoted(attribution.content) and words[0].lower() not in _OPENS_A_CLAUSE
            and not _CLAUSE_WORD.search(" ".join(words)))


_REFUSE_CUE = re.compile(r"reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)")
# A request is turned down by a ruling too ("denied a motion to dismiss").
_TURNS_DOWN_CUE = re.compile(rf"{_REFUSE_CUE.pattern}|den(?:y|ies|ied|ying)")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "these", "those"})
# A request or an offer one turns down ("a subpoena", "the committee's invitation"), not an idea one
# disputes ("the idea of ...", "the claims"), which is said.
_A_REQUEST = re.compile(r"\b(?:subpoenas?|requests?|invitations?|offers?|bids?|appeals?|motions?|petitions?|"
                        r"applications?|nominations?|settlements?|awards?)\b", re.I)
_CLAUSE_WORD = re.compile(r"\b(?:i|you|he|she|it|we|they|there|is|are|was|were|will|would|can|could|"
                          r"should|has|have|had|do|does|did|may|might|must)\b", re.I)


def names_a_thing(attribution: Attribution, text: str) -> bool:
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
    opens = attribution.content.lstrip(EDGE_PUNCT).lower()
    if _SAYS_IN_GAP.search(gap) or opens.startswith("to "):
        return False  # "promise to be ...": a pledge
    return bool(gap.strip()) or not opens.startswith(("that ", "whether ", "if "))  # "a solver that ..."


_OBJECT_CUE = re.compile(r"tout(?:s|ed|ing)?|describ(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|"
                         r"highlight(?:s|ed|ing)?|list(?:s|ed|ing)?|propos(?:e|es|ed|ing)|"
                         r"promis(?:e|es|ed|ing)|respond(?:s|ed|ing)?|showcas(?:e|es|ed|ing)")
_AS_WHAT = re.compile(r"(?<!\bwell\s)\bas\b(?!\s+well\s+as\b)", re.I)  # not "as well as"
_SAYS_IN_GAP = re.compile(r"\bthat\b|[:“\"‘']")


def a_topic_asked(attribution: Attribution, text: str) -> bool:
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


def not_said(attribution: Attribution, text: str) -> bool:
    """ "Ada Holt and her aides haven't said much about ...", "Holt did not say how ...", "Holt has never
    said that ...": a cue denied with a past or a perfect (or "never") is what the speaker has not
    said, no words; not the modal "could not say whether" nor "declined to say", a speaker's answer
    (``a_topic_asked``), nor a denial denied ("doesn't deny that ...", a thing granted)."""
    cue = attribution.cue_span
    if cue is None or _DENIAL.fullmatch(attribution.cue.strip().lower()):
        return False  # "He doesn't deny that ...": he grants it
    return bool(_NOT_SAID.search(text, max(0, cue[0] - 40), cue[0]))


_NOT_SAID = re.compile(r"(?<![\w'’])(?:(?:has|have|had|did|does|do)(?:[ \t]+not|n['’]t)|"
                       r"(?:(?:has|have|had)[ \t]+)?never|rarely|seldom|hardly[ \t]+ever)"
                       r"[ \t]+(?:(?:yet|publicly|explicitly|specifically|directly|ever)[ \t]+)?$", re.I)
_DENIED = re.compile(r"(?:\bnot|\bnever|n['’]t|\b(?:declined|refused)\s+to)\s+(?:\w+\s+)?$", re.I)
_WH_TOPIC = re.compile(r"\s+(?:(?:you|us|me|them|him|her|readers|viewers)\s+)?(?:how|why|whether)\b",
                       re.I)  # not "what": "said what plumbers do will help" is a clause


def _after_cue(attribution: Attribution, text: str) -> str | None:
    """The text between the cue and the words, when the words come after the cue; else None."""
    cue, content = attribution.cue_span, attribution.content_span
    if cue is None or content is None or content[0] < cue[1]:
        return None
    return text[cue[1]:content[0]]


def allegations_denied(attribution: Attribution, text: str) -> bool:
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


def a_vote_to_confirm(attribution: Attribution, text: str) -> bool:
    """ "The Senate confirmed two cabinet nominations": what "confirm" takes is a nominee or a
    nomination, a vote, not words ("confirmed that the nominee withdrew" stays)."""
    cue = attribution.cue.strip().lower()
    if not re.fullmatch(r"confirm(?:s|ed|ing)?", cue) or _quoted(attribution.content):
        return False
    return bool(_NOMINEES.match(attribution.content.strip(EDGE_PUNCT)))


_NOMINEES = re.compile(r"(?:[\w'’-]+\s+){0,3}(?:nominations?|nominees?|appointments?|appointees?)\b"
                       r"(?!\s+(?:was|were|is|are|had|has|will|would)\b)", re.I)


def a_cited_source(attribution: Attribution, text: str) -> bool:
    """ "The New York Times reported Monday, citing U.S. and allied officials": what the participle
    "citing" takes is a source, a document or a reason the speaker leans on, never the speaker's
    words (the report's own words are another attribution, the cited source its speaker and the
    citing outlet its ``via``), nor what the cited thing says ("citing an article that said ..."); a
    quotation after the cue ("citing ''the unique magic of Trump''") stays."""
    gap = _after_cue(attribution, text)
    if gap is None or attribution.cue.strip().lower() != "citing":
        return False
    return not gap.strip() or _a_thing_described(attribution, text) \
        or bool(_REASON_THAT.fullmatch(gap))  # "citing an article that said ...", "citing concerns that ..."


# A reason cited, a plural or mass noun and "that" ("citing concerns that ...", "citing fears that ...").
_REASON_THAT = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:concerns|fears|worries|reports|evidence|data|"
                          r"complaints|allegations|claims|rumou?rs|studies|estimates|signs)\s+that\s+")


def _a_thing_described(attribution: Attribution, text: str, preposition: str = "") -> bool:
    """Whether the words are a relative clause on a thing the cue takes ("citing an article that
    said ...", "hoping for a plan that would ..."): a determiner and up to four words between the cue
    (and ``preposition``) and the words, which open with "that" or "which" and no quotation mark."""
    gap = _after_cue(attribution, text)
    lead = rf"\s+{preposition}" if preposition else ""
    thing = re.fullmatch(lead + r"\s+(?:a|an|the|this|that|its|his|her|their|some)\s+(?:[\w'’-]+\s+){0,4}",
                         gap or "", re.I)
    return thing is not None and bool(re.match(r"(?:that|which)\s", attribution.content, re.I))


def anonymity(attribution: Attribution, text: str) -> bool:
    """ "The official insisted on anonymity to describe the talks", "spoke on condition of anonymity
    because ...": the words after the anonymity asked for are its reason, no one's words."""
    gap = _after_cue(attribution, text)
    return gap is not None and bool(_ANONYMITY.fullmatch(gap))


_ANONYMITY = re.compile(r"\s+(?:on|for|under)\s+(?:the\s+)?(?:(?:condition|grounds|promise)\s+of\s+)?"
                        r"anonymity[\s,]*", re.I)


def a_title_defended(attribution: Attribution, text: str) -> bool:
    """ "Holt successfully defended the WBA and IBF titles against Dahl": what "defend" takes is a
    prize held in a contest (a title, a crown, a championship, a belt), a bout won, not words
    ("defended her decision" and "defended the plan, saying ..." stay)."""
    gap = _after_cue(attribution, text)
    defends = re.fullmatch(r"defend(?:s|ed|ing)?", attribution.cue.strip().lower())
    if gap is None or gap.strip() or not defends:
        return False
    return not _quoted(attribution.content) and bool(_PRIZE.match(attribution.content.strip(EDGE_PUNCT)))


_PRIZE = re.compile(r"(?:[\w'’,.-]+\s+){0,7}?(?:titles?|crowns?|championships?|belts?)\b", re.I)


def a_quoted_name(attribution: Attribution, text: str) -> bool:
    """ "More than 60 people reported to the agency's "Did you feel it?" site": words in quotation
    marks that an owner or an article opens and a noun for a thing named closes (a site, a page, a
    campaign, a programme, a feature, a slogan) are the thing's name, no one's words."""
    span = attribution.content_span
    if span is None:
        return False
    before, after = text[max(0, span[0] - 40):span[0]], text[span[1]:span[1] + 40]
    return bool(_NAME_OPENED.search(before) and _NAME_CLOSED.match(after))


_NAME_OPENED = re.compile(r"(?:\w['’]s|\b(?:the|its|their|his|her|our|a|an))[ \t]+[\"“‘'][ \t]*$", re.I)
_NAME_CLOSED = re.compile(r"[ \t]*[\"”’'][ \t]*(?:web)?(?:site|page|campaign|program(?:me)?|feature|app|"
                          r"tool|slogan|hashtag|initiative|section|column|button)s?\b", re.I)


def an_appearance(attribution: Attribution, text: str) -> bool:
    """ "Republicans appear to be salivating over the prospect": "appear" or "seem" with "to" opening the
    words is how the speaker looks to the writer, no words of theirs."""
    if not _APPEAR_CUE.fullmatch(attribution.cue.strip().lower()):
        return False
    gap = _after_cue(attribution, text)
    words = attribution.content.lstrip(EDGE_PUNCT).lower()
    return gap is not None and not gap.strip() and words.startswith("to ")


_APPEAR_CUE = re.compile(r"appear(?:s|ed|ing)?|seem(?:s|ed|ing)?")


def a_feeling_expressed(attribution: Attribution, text: str) -> bool:
    """ "..., expressing dismay at the treatment of ...", "citizens expressing panic and frustration": the
    participle "expressing" with a feeling right after it (a word before it at most), no "that" after the
    feeling and no quotation mark, is the writer's summary, no words ("expressed confidence in ..." and
    "expressing hope that ..." stay)."""
    if attribution.cue.strip().lower() != "expressing" or _quoted(attribution.content):
        return False
    gap = _after_cue(attribution, text)
    words = attribution.content.strip(EDGE_PUNCT)
    return gap is not None and not gap.strip() and bool(_A_FEELING.match(words))


_A_FEELING = re.compile(r"(?:[a-z][\w-]*\s+)?(?:dismay|panic|frustration|anger|outrage|alarm|disgust|shock|"
                        r"disappointment|sadness|grief|sorrow|fury|indignation|exasperation|unease|anxiety|"
                        r"bewilderment|astonishment|horror|despair)\b(?!\s+that\b)", re.I)
