"""Rules on a cue, whatever its scores: cues that say nothing, and plain verbs of saying kept.

``first_pass`` (``detect``) skips a cue that adds, ends or writes a thing ("Marchand added three
assists"), speaks in someone's mouth ("As Sherlock would say") or reads its own subject as what was
said; a passive cue takes no trusted key's lower threshold; a verb of saying the models are sure of
is kept below the joint threshold (``plain_speech``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from broadsheet.analyze.candidates import Candidate, CueSite
from broadsheet.analyze.readings import FRAME_VERBS
from broadsheet.analyze.spans import text_of

WORD = re.compile(r"\w+")
PLAIN_SPEECH = 0.65  # P(cue) and P(content) above which a verb of saying needs no joint score
PLAIN_SOURCE = 0.75  # the P(source) it needs
MIN_PLAIN_WORDS = 2  # and the words its content needs ("that", "Specifically", "Plans" are none)
QUOTED_CONTENT = 0.5  # P(content) enough for such a verb when its content is one quotation
SURE_SPEECH = 0.85  # P(cue), P(content) and P(source) at which any verb of saying is kept
# Other verbs of saying (the list of speech cues): kept by rule only when all three models
# are sure (``SURE_SPEECH``).
SPEECH_VERBS = FRAME_VERBS | frozenset(
    {
        "accuse", "deny", "confirm", "declare", "describe", "promise", "vow", "testify", "comment",
        "stress", "emphasize", "assert", "contend", "maintain", "concede", "complain", "urge",
        "quote", "cite"
    }
)


def passive(head: Token) -> bool:
    """Whether the cue is passive ("is expected to", "was asked"): its subject is not who speaks or
    believes, so a trusted key's lower threshold does not apply."""
    return any(child.dep_ in {"nsubjpass", "auxpass"} for child in head.children)


_THING_VERBS = frozenset({"add", "conclude", "observe", "post", "write"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def adds_a_thing(head: Token) -> bool:
    """ "Marchand added three assists", "the House concluded its third hearing", "the researchers
    observed Europa for 17 nights", "He posted an elite 93.2 defensive grade", "he wrote me a long
    letter of thanks": "add", "conclude", "observe", "post" or "write" with a noun for its object
    (not in quotation marks) and no clause adds, ends, watches, posts or writes a thing; it says
    nothing ("wrote in a letter that ..." says what follows). So does a verb whose object is a relative
    pronoun ("its Blue Moon vehicle, which Jeff Bezos announced earlier this year": the vehicle
    was announced, the sentence around it is the writer's)."""
    clauses = any(c.dep_ in {"ccomp", "parataxis"} for c in head.children)
    if clauses:
        return False
    if head.dep_ in {"relcl", "acl"} and any(c.dep_ == "dobj" and c.tag_ in _RELATIVE_TAGS
                                             for c in head.children):
        return not any(t.is_quote for t in head.subtree)  # not "a payout that X blasted as “morally wrong”"
    if head.lemma_.lower() not in _THING_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "NUM"}
               and not any(t.is_quote for t in c.subtree) for c in head.children)


def holds_its_source(doc: Doc, content: Candidate, source: Candidate | None, cue: int) -> bool:
    """Whether the words read as said end before the cue and hold the speaker's own mention ("The
    Afghan Taliban, however, claimed responsibility ...": content "The Afghan Taliban, however"):
    no one says their own subject, so the reading is wrong and no attribution is made (a sentence
    around a reporting clause, "The museum, Mr. Obama said, would ...", runs past its cue; only a
    subject read as the source and words outside quotation marks count)."""
    if source is None or source.kind != "subject" or content.last >= cue:
        return False
    quoted = any(t.is_quote for t in doc[content.first : content.last + 1])
    return not quoted and content.first <= source.last and source.first <= content.last


def as_one_would_say(head: Token) -> bool:
    """ "As Sherlock would say, ...", "as the saying goes": words put in someone's mouth by the
    writer, no one's statement (a modal or "go" under "as"); "if the person reports no birds":
    a condition, no one's statement."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in head.children):
        return True
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        return False
    return head.lemma_.lower() == "go" or any(
        c.dep_ == "aux" and c.lower_ in {"would", "might", "could", "may"} for c in head.children)


def plain_speech(doc: Doc, site: CueSite, parts: tuple[float, float, float], content: Candidate) -> bool:
    """A verb of saying the cue model is sure of, with a likely content and source, is kept even
    below the joint threshold: "The U.S. has warned that ...", "X, the Times reported". When the
    content lies inside one closed quotation (``"It never crossed my mind," she said``) the
    quotation marks the words already, and a content reading the model is less sure of
    (``QUOTED_CONTENT``) is enough: speech F1 +0.5 on dev and on unseen articles, precision
    -0.002 on dev, +0.003 on unseen. Any other verb of saying ("cited", "vowed", "is stressing")
    is kept when all three models are sure of it (``SURE_SPEECH``): speech F1 +0.4 on dev and on
    unseen, precision the same. ``PLAIN_SPEECH`` went from 0.75 to 0.65 once interrupted quotations
    stopped costing precision: speech F1 dev 0.842 -> 0.854, unseen 0.833 -> 0.842, train 0.829 ->
    0.839; precision dev 0.914 -> 0.910, unseen 0.915 -> 0.899, train 0.912 -> 0.901. A content of
    one word ("that", "Specifically", a headline's "Plans") is never kept by this rule: precision
    on unseen articles 0.899 -> 0.903, dev and train the same."""
    p_cue, p_content, p_source = parts
    lemma = doc[site.head].lemma_.lower()
    if lemma in SPEECH_VERBS and min(parts) >= SURE_SPEECH:
        return True
    if lemma not in FRAME_VERBS or p_cue < PLAIN_SPEECH or p_source < PLAIN_SOURCE:
        return False
    if len(WORD.findall(text_of(doc), *content.span)) < MIN_PLAIN_WORDS:
        return False
    return p_content >= PLAIN_SPEECH or (p_content >= QUOTED_CONTENT and _in_one_quote(site, content))


def _in_one_quote(site: CueSite, content: Candidate) -> bool:
    """Whether the content lies inside one closed quotation (its marks included)."""
    start, end = content.span
    return any(q.closed and q.start <= start and end <= q.end for q in site.quotes)
